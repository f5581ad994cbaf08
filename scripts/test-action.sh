#!/usr/bin/env bash
# Runs the composite GitHub Action (action.yml) here, step by step, as a runner would: each `run:` script under
# `bash --noprofile --norc -eo pipefail` in its working directory, with its `env:`, and GITHUB_ENV and GITHUB_OUTPUT
# files carried from step to step. Only the expressions the action uses are evaluated (`github.action_path`,
# `inputs.*`, `steps.*.outputs.*`); any other `${{ ... }}` fails the test, so the action cannot grow one this test
# does not understand. Scenarios:
#   1. clean definitions, strict, SARIF: exit 0, no annotation, a SARIF 2.1.0 report, the `sarif` output set;
#   2. a misspelt key, SARIF into a folder not yet there: exit 1, an ::error annotation with the finding, the SARIF
#      report written anyway;
#   3. `paths` with two entries, one of them a single file: only those are checked;
#   4. a shell metacharacter in `paths` is a path, never code;
#   5. `strict: maybe` is refused (exit 2).
# The Build step runs `swift build -c release` in this checkout (slow the first time: about 2 minutes on 2 cores).
# Reads action.yml with ruamel.yaml (check-jsonschema's dependency) or PyYAML, whichever python3 can import.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

python3 -c 'import ruamel.yaml' >/dev/null 2>&1 || python3 -c 'import yaml' >/dev/null 2>&1 \
  || fail "python3 can import neither ruamel.yaml nor yaml (pip install check-jsonschema brings ruamel.yaml)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# run_action WORKDIR KEY=VALUE...: runs every step of action.yml with these inputs (the others take their defaults);
# prints the steps' output and returns the status of the first step that fails, or 0.
run_action() {
  python3 - "$root" "$@" <<'PY'
import os, re, subprocess, sys, tempfile
root, workdir, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(os.path.join(root, "action.yml"), encoding="utf-8").read()
try:
    from ruamel.yaml import YAML
    action = YAML(typ="safe", pure=True).load(text)
except ImportError:
    import yaml
    action = yaml.safe_load(text)

given = dict(pair.split("=", 1) for pair in pairs)
unknown = set(given) - set(action["inputs"])
if unknown:
    sys.exit(f"test error: no such inputs: {sorted(unknown)}")
inputs = {name: given.get(name, spec.get("default", "")) for name, spec in action["inputs"].items()}
inputs = {name: str(value).lower() if isinstance(value, bool) else str(value) for name, value in inputs.items()}
outputs = {}

def evaluate(value):
    def replace(match):
        expression = match.group(1).strip()
        if expression == "github.action_path":
            return root
        if expression.startswith("inputs."):
            return inputs[expression[len("inputs."):]]
        step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        if step:
            return outputs.get(step.group(1), {}).get(step.group(2), "")
        sys.exit(f"test error: expression the test does not know: {expression}")
    return re.sub(r"\$\{\{(.*?)\}\}", replace, str(value))

assert action["runs"]["using"] == "composite", "not a composite action"
env = dict(os.environ)
files = tempfile.mkdtemp()
for number, step in enumerate(action["runs"]["steps"]):
    name = step.get("name", f"step {number}")
    if step.get("shell") != "bash":
        sys.exit(f"test error: step '{name}' does not use shell: bash")
    github_env = os.path.join(files, f"env-{number}")
    github_output = os.path.join(files, f"output-{number}")
    open(github_env, "w").close()
    open(github_output, "w").close()
    step_env = dict(env, GITHUB_ENV=github_env, GITHUB_OUTPUT=github_output)
    step_env.update({key: evaluate(value) for key, value in (step.get("env") or {}).items()})
    directory = evaluate(step.get("working-directory", "."))
    directory = os.path.join(workdir, directory) if not os.path.isabs(directory) else directory
    print(f"--- {name}", flush=True)
    # The script as GitHub writes it to a file: with its inputs already substituted into the text.
    status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", evaluate(step["run"])],
                            cwd=directory, env=step_env).returncode
    for line in open(github_env, encoding="utf-8").read().splitlines():
        key, _, value = line.partition("=")
        env[key] = value
    if "id" in step:
        outputs[step["id"]] = dict(line.partition("=")[::2] for line in open(github_output, encoding="utf-8").read().splitlines())
        for key, value in outputs[step["id"]].items():
            print(f"--- output {step['id']}.{key}={value}", flush=True)
    if status != 0:
        print(f"--- step '{name}' exited {status}", flush=True)
        sys.exit(status)
PY
}

# scenario NAME EXPECTED-STATUS WORKDIR KEY=VALUE...: runs the action and checks its status; the output is in $output.
output=""
scenario() {
  local name="$1" expected="$2" workdir="$3" status=0
  shift 3
  echo "== $name"
  output="$(run_action "$workdir" "$@" 2>&1)" || status=$?
  printf '%s\n' "$output"
  [ "$status" -eq "$expected" ] || fail "$name: the action exited $status, expected $expected"
}

clean="$tmp/clean"
mkdir -p "$clean"
cp -R "$root/Processes" "$root/Policies" "$clean/"
# The action has no --today: move the examples' one dated waiver (until 2027-06-30) far out in this copy, so the
# scenario tests the action on any day rather than the calendar.
sed -i 's/^    until: 2027-06-30$/    until: 2099-12-31/' "$clean/Processes/access-management.yaml"
grep -q 'until: 2099-12-31' "$clean/Processes/access-management.yaml" || fail "could not move the examples' waiver date"
scenario "clean definitions, strict, with SARIF" 0 "$clean" strict=true sarif=procdef.sarif
# Clean: no error or warning annotation; the one notice is the examples' accepted risk (waiver/permanent), which is
# listed on every run on purpose.
grep -qE '^::(error|warning)' <<<"$output" && fail "error or warning annotations on clean definitions"
[ "$(grep -c '^::' <<<"$output")" -eq 1 ] || fail "clean definitions gave other annotations than the accepted risk's notice"
grep -q '^::notice file=Processes/major-incident-management.yaml,.*title=waiver/permanent::' <<<"$output" \
  || fail "no notice for the examples' permanent waiver"
grep -qF -- '--- output check.sarif=procdef.sarif' <<<"$output" || fail "the sarif output is not set"
grep -q '"version": "2.1.0"' "$clean/procdef.sarif" || fail "no SARIF 2.1.0 report at procdef.sarif"

broken="$tmp/broken"
mkdir -p "$broken"
cp -R "$root/Processes" "$root/Policies" "$broken/"
sed -i '0,/^\( *\)responsible:/s//\1resposible:/' "$broken/Processes/incident-management.yaml"
grep -q 'resposible:' "$broken/Processes/incident-management.yaml" || fail "could not plant the misspelt key"
scenario "a misspelt key, with SARIF into a new folder" 1 "$broken" sarif=reports/procdef.sarif working-directory=.
grep -qE "^::error file=Processes/incident-management.yaml,line=[0-9]+,col=5,.*title=schema/unknown-key::unknown key 'resposible'" <<<"$output" \
  || fail "no ::error annotation for the misspelt key"
# Written before the check fails, for an upload step with `if: always()`.
grep -q '"ruleId": "schema/unknown-key"' "$broken/reports/procdef.sarif" || fail "the SARIF report lacks the finding"
grep -qF -- '--- output check.sarif=reports/procdef.sarif' <<<"$output" || fail "the sarif output is not set"

scenario "two paths, one a file" 0 "$broken" "paths=Processes/roles.yaml
Policies"
grep -q '^::' <<<"$output" && fail "annotations although the broken file was not among the paths"

scenario "a shell metacharacter in paths is a path" 2 "$broken" 'paths=Processes/$(touch${IFS}pwned)'
[ -e "$broken/pwned" ] && fail "the paths input was run as shell code"
grep -qF 'no such file or directory: Processes/$(touch${IFS}pwned)' <<<"$output" || fail "procdef did not report the odd path as missing"

scenario "strict must be true or false" 2 "$clean" strict=maybe
grep -qF "::error::strict must be true or false, not 'maybe'" <<<"$output" || fail "no error for strict: maybe"

echo "ok: the action builds procdef, annotates findings, writes SARIF and takes its inputs safely"
