#!/usr/bin/env bash
# Runs the composite GitHub Action (action.yml) here, step by step, as a runner would: each `run:` script under
# `bash --noprofile --norc -eo pipefail` in its working directory, with its `env:`, RUNNER_TEMP, and GITHUB_ENV,
# GITHUB_PATH and GITHUB_OUTPUT files carried from step to step. Only the expressions the action uses are evaluated
# (`github.action_path`, `github.action_ref`, `github.action_repository`, `runner.os`, `runner.arch`,
# `runner.temp`, `inputs.*`, `steps.*.outputs.*`), and of `if:` only the form `steps.ID.outputs.NAME == 'word'`
# (or `!=`); anything else fails the test, so the action cannot grow an expression this test does not understand.
# `uses: actions/cache@v4` is emulated as a cache miss: printed, with its key required to be non-empty.
#
# The release archive comes from DIST_DIR (default dist/, as scripts/build-release.sh writes it):
# procdef-VERSION-linux-ARCH.tar.gz and its .sha256, VERSION being ProcdefVersion.current and ARCH this machine's.
# Without it the test fails: it is the download path the action takes for every tagged user. SHA256SUMS is made
# here from the .sha256 files, as the release workflow makes it, and served with the archive from a file:// folder.
# Shims of `swift` and `curl` on PATH log every call, so each scenario can tell which path the action took.
#
# Scenarios, each a run of the whole action:
#   1. clean definitions, strict, SARIF: exit 0, no annotation, a SARIF 2.1.0 report, the `sarif` output set;
#   2. a misspelt key, SARIF into a folder not yet there: exit 1, an ::error annotation with the finding, the SARIF
#      report written anyway;
#   3. `paths` with two entries, one of them a single file: only those are checked;
#   4. a shell metacharacter in `paths` is a path, never code;
#   5. `strict: maybe` is refused (exit 2);
#      (1-5 as pinned to the tag vVERSION, so on the downloaded binary)
#   a. pinned to a branch with `version` given: downloaded, verified, run; no swift build; PROCDEF_BIN in RUNNER_TEMP;
#   b. a wrong checksum in SHA256SUMS: exit 2 with an ::error naming the checksum, and no build from source;
#   c. SHA256SUMS without the archive's line: exit 2, no build from source;
#   d. version 9.9.9, which the folder does not hold: a warning, then the build from source, which passes;
#   e. pinned to `main` with no version: the build from source, no download tried;
#   f. `version: nonsense`: refused (exit 2) before any download;
#   g. the other architecture, whose archive the folder does not hold: the build from source;
# and the source build's cache key: non-empty, stable, and changed by a change to a source file or the architecture.
#
# d, e and g run `swift build -c release --product procdef` in this checkout. In .ci/run, Tests/hostile-limits.sh has
# already made that build, so here it is an incremental no-op (seconds); run alone on a fresh clone, the first of
# them builds from scratch (about 4-5 minutes on 2 cores).
#
# Usage: scripts/test-action.sh [DIST_DIR]      (or PROCDEF_DIST=DIST_DIR)
# Reads action.yml with ruamel.yaml (check-jsonschema's dependency) or PyYAML, whichever python3 can import.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="${1:-${PROCDEF_DIST:-$root/dist}}"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

python3 -c 'import ruamel.yaml' >/dev/null 2>&1 || python3 -c 'import yaml' >/dev/null 2>&1 \
  || fail "python3 can import neither ruamel.yaml nor yaml (pip install check-jsonschema brings ruamel.yaml)"

version="$(sed -n 's/^ *package static let current = "\([^"]*\)"$/\1/p' "$root/Sources/ProcDef/ProcdefVersion.swift")"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "cannot read the version from Sources/ProcDef/ProcdefVersion.swift"
case "$(uname -m)" in
  x86_64) arch=x86_64 runner_arch=X64 other_runner_arch=ARM64 ;;
  aarch64) arch=aarch64 runner_arch=ARM64 other_runner_arch=X64 ;;
  *) fail "procdef releases are built for x86_64 and aarch64, not $(uname -m)" ;;
esac
archive="procdef-$version-linux-$arch.tar.gz"
[ -f "$dist/$archive" ] || fail "no $archive in $dist: make it with scripts/build-release.sh, or pass the folder that holds it"
[ -f "$dist/$archive.sha256" ] || fail "no $archive.sha256 beside the archive in $dist"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The folders the action downloads from: the release as published, one with a wrong checksum, one without the line.
release="$tmp/release"
mkdir -p "$release"
cp "$dist/$archive" "$release/"
cat "$dist"/*.sha256 | sort -k2 >"$release/SHA256SUMS"
# Only the archive is served here, so only its line is checked (dist/ may hold wheels and their .sha256 too).
grep "  $archive\$" "$release/SHA256SUMS" | (cd "$release" && sha256sum --check --strict -) \
  || fail "the archive in $dist does not match its .sha256"

tampered="$tmp/release-tampered"
mkdir -p "$tampered"
cp "$dist/$archive" "$tampered/"
# The archive's checksum with its first digit changed: the file no longer matches what the release says it is.
awk -v name="$archive" '$2 == name { first = substr($1, 1, 1); $1 = (first == "0" ? "1" : "0") substr($1, 2) } { print $1 "  " $2 }' \
  "$release/SHA256SUMS" >"$tampered/SHA256SUMS"
cmp -s "$release/SHA256SUMS" "$tampered/SHA256SUMS" && fail "could not alter the checksum"

unlisted="$tmp/release-unlisted"
mkdir -p "$unlisted"
cp "$dist/$archive" "$unlisted/"
printf '%064d  procdef-%s-linux-riscv64.tar.gz\n' 0 "$version" >"$unlisted/SHA256SUMS"

# Shims that log each call and hand it to the real command.
shims="$tmp/shims"
calls="$tmp/calls"
mkdir -p "$shims" "$calls"
for tool in swift curl; do
  real="$(command -v "$tool")" || fail "$tool not found"
  printf '#!/usr/bin/env bash\nprintf "%%s\\n" "$*" >>%q\nexec %q "$@"\n' "$calls/$tool.log" "$real" >"$shims/$tool"
  chmod +x "$shims/$tool"
done

# run_action WORKDIR KEY=VALUE...: runs every step of action.yml and returns the status of the first step that fails,
# or 0. A KEY with a dot sets a context (github.action_ref=main, runner.arch=ARM64); any other KEY is an input, and
# inputs not given take their defaults. EMULATE_ONLY_STEP=ID runs that step alone, whatever its if: says.
run_action() {
  local workdir="$1"
  shift
  PATH="$shims:$PATH" TMPDIR="$tmp" python3 - "$root" "$workdir" "github.action_path=$root" "github.action_ref=v$version" \
    "github.action_repository=procdef/procdef" "runner.os=Linux" "runner.arch=$runner_arch" "$@" <<'PY'
import os, re, subprocess, sys, tempfile
root, workdir, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(os.path.join(root, "action.yml"), encoding="utf-8").read()
try:
    from ruamel.yaml import YAML
    action = YAML(typ="safe", pure=True).load(text)
except ImportError:
    import yaml
    action = yaml.safe_load(text)

def test_error(message):
    print(f"test error: {message}", flush=True)
    sys.exit(99)

given = dict(pair.split("=", 1) for pair in pairs)
contexts = {key: value for key, value in given.items() if "." in key}
given = {key: value for key, value in given.items() if "." not in key}
unknown = set(given) - set(action["inputs"])
if unknown:
    test_error(f"no such inputs: {sorted(unknown)}")
inputs = {name: given.get(name, spec.get("default", "")) for name, spec in action["inputs"].items()}
inputs = {name: str(value).lower() if isinstance(value, bool) else str(value) for name, value in inputs.items()}
files = tempfile.mkdtemp()
runner_temp = tempfile.mkdtemp(prefix="runner-temp.")
contexts["runner.temp"] = runner_temp
print(f"--- runner.temp={runner_temp}", flush=True)
outputs = {}

def evaluate(value):
    def replace(match):
        expression = match.group(1).strip()
        if expression in contexts:
            return contexts[expression]
        if expression.startswith("inputs.") and expression[len("inputs."):] in inputs:
            return inputs[expression[len("inputs."):]]
        step = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        if step:
            return outputs.get(step.group(1), {}).get(step.group(2), "")
        test_error(f"expression the test does not know: {expression}")
    return re.sub(r"\$\{\{(.*?)\}\}", replace, str(value))

# Only the form the action uses; the runner compares strings ignoring case.
def condition(expression):
    match = re.fullmatch(r"\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'\s*", str(expression))
    if not match:
        test_error(f"if: the test does not know: {expression}")
    value = outputs.get(match.group(1), {}).get(match.group(2), "")
    equal = value.lower() == match.group(4).lower()
    return equal if match.group(3) == "==" else not equal

assert action["runs"]["using"] == "composite", "not a composite action"
env = dict(os.environ, RUNNER_TEMP=runner_temp)
paths = []
only = os.environ.get("EMULATE_ONLY_STEP")
for number, step in enumerate(action["runs"]["steps"]):
    name = step.get("name", f"step {number}")
    if only and step.get("id") != only:
        continue
    if "if" in step and not only and not condition(step["if"]):
        print(f"--- skipped: {name}", flush=True)
        continue
    if "uses" in step:
        if step["uses"] != "actions/cache@v4":
            test_error(f"step '{name}' uses {step['uses']}, which the test does not emulate")
        settings = {key: evaluate(value) for key, value in (step.get("with") or {}).items()}
        if set(settings) != {"path", "key"} or not settings["key"].strip() or not settings["path"].strip():
            test_error(f"step '{name}': actions/cache needs a path and a non-empty key: {settings}")
        print(f"--- {name}: actions/cache@v4 path={settings['path']} key={settings['key']} (emulated: a miss)", flush=True)
        continue
    if step.get("shell") != "bash":
        test_error(f"step '{name}' does not use shell: bash")
    github_env = os.path.join(files, f"env-{number}")
    github_output = os.path.join(files, f"output-{number}")
    github_path = os.path.join(files, f"path-{number}")
    for path in (github_env, github_output, github_path):
        open(path, "w").close()
    step_env = dict(env, GITHUB_ENV=github_env, GITHUB_OUTPUT=github_output, GITHUB_PATH=github_path)
    step_env["PATH"] = os.pathsep.join(paths + [env["PATH"]])
    step_env.update({key: evaluate(value) for key, value in (step.get("env") or {}).items()})
    directory = evaluate(step.get("working-directory", "."))
    directory = os.path.join(workdir, directory) if not os.path.isabs(directory) else directory
    print(f"--- {name}", flush=True)
    # The script as GitHub writes it to a file: with its expressions already substituted into the text.
    status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", evaluate(step["run"])],
                            cwd=directory, env=step_env).returncode
    for line in open(github_env, encoding="utf-8").read().splitlines():
        key, _, value = line.partition("=")
        env[key] = value
        print(f"--- env {key}={value}", flush=True)
    # The runner puts each new entry in front of those before it.
    added = [line for line in open(github_path, encoding="utf-8").read().splitlines() if line]
    for line in added:
        print(f"--- path {line}", flush=True)
    paths = list(reversed(added)) + paths
    if "id" in step:
        outputs[step["id"]] = dict(line.partition("=")[::2] for line in open(github_output, encoding="utf-8").read().splitlines())
        for key, value in outputs[step["id"]].items():
            print(f"--- output {step['id']}.{key}={value}", flush=True)
    if status != 0:
        print(f"--- step '{name}' exited {status}", flush=True)
        sys.exit(status)
PY
}

# scenario NAME EXPECTED-STATUS WORKDIR KEY=VALUE...: runs the action and checks its status; the output is in $output,
# and the calls of swift and curl in $swift_calls and $curl_calls.
output=""
swift_calls=""
curl_calls=""
scenario() {
  local name="$1" expected="$2" workdir="$3" status=0
  shift 3
  echo "== $name"
  rm -f "$calls"/*.log
  output="$(run_action "$workdir" "$@" 2>&1)" || status=$?
  printf '%s\n' "$output"
  swift_calls="$(cat "$calls/swift.log" 2>/dev/null || true)"
  curl_calls="$(cat "$calls/curl.log" 2>/dev/null || true)"
  [ "$status" -ne 99 ] || fail "$name: the emulator refused the action (see the test error above)"
  [ "$status" -eq "$expected" ] || fail "$name: the action exited $status, expected $expected"
}

downloaded() {
  grep -qF -- "--- output get.from-source=false" <<<"$output" || fail "$1: the action did not take the download path"
  grep -qE "^procdef $version( \(commit [^)]*\))? for linux-$arch: downloaded, verified and unpacked in [0-9.]+ s$" <<<"$output" \
    || fail "$1: no line saying what was downloaded and how long it took"
  grep -qE '^build( |$)' <<<"$swift_calls" && fail "$1: swift build ran although the download worked"
  local temp bin
  temp="$(sed -n 's/^--- runner\.temp=//p' <<<"$output")"
  bin="$(sed -n 's/^--- env PROCDEF_BIN=//p' <<<"$output")"
  [ "$bin" = "$temp/procdef-$version-$arch/procdef" ] || fail "$1: PROCDEF_BIN is '$bin', not the download in RUNNER_TEMP ($temp)"
  grep -qxF -- "--- path $temp/procdef-$version-$arch" <<<"$output" || fail "$1: the download is not put on PATH"
  return 0
}

built_from_source() {
  grep -qF -- "--- output get.from-source=true" <<<"$output" || fail "$1: the action did not take the source path"
  grep -qF -- "--- Cache the source build: actions/cache@v4 path=$root/.build key=procdef-build-Linux-" <<<"$output" \
    || fail "$1: the source build is not cached on the action's .build"
  grep -qE '^build -c release --product procdef$' <<<"$swift_calls" || fail "$1: no swift build -c release --product procdef"
  grep -qE "^procdef $version( \(commit [^)]*\))?: built from source in [0-9]+ s$" <<<"$output" \
    || fail "$1: no line saying what was built and how long it took"
  grep -qE "^--- env PROCDEF_BIN=$root/.build/.*/procdef$" <<<"$output" || fail "$1: PROCDEF_BIN is not the source build"
  grep -qE "^--- path $root/.build/[^ ]+$" <<<"$output" || fail "$1: the source build is not put on PATH"
  return 0
}

refused_before_any_build() {
  [ -z "$swift_calls" ] || fail "$1: swift ran ($swift_calls) although the action had to stop"
  grep -qF -- "--- Build procdef" <<<"$output" && fail "$1: the build from source ran"
  return 0
}

clean="$tmp/clean"
mkdir -p "$clean"
cp -R "$root/Processes" "$root/Policies" "$clean/"
# The action has no --today: move the examples' one dated waiver (until 2027-06-30) far out in this copy, so the
# scenario tests the action on any day rather than the calendar.
sed -i 's/^    until: 2027-06-30$/    until: 2099-12-31/' "$clean/Processes/access-management.yaml"
grep -q 'until: 2099-12-31' "$clean/Processes/access-management.yaml" || fail "could not move the examples' waiver date"
scenario "1. clean definitions, strict, with SARIF" 0 "$clean" strict=true sarif=procdef.sarif "download-url=file://$release"
downloaded "1"
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
scenario "2. a misspelt key, with SARIF into a new folder" 1 "$broken" sarif=reports/procdef.sarif working-directory=. \
  "download-url=file://$release"
grep -qE "^::error file=Processes/incident-management.yaml,line=[0-9]+,col=5,.*title=schema/unknown-key::unknown key 'resposible'" <<<"$output" \
  || fail "no ::error annotation for the misspelt key"
# Written before the check fails, for an upload step with `if: always()`.
grep -q '"ruleId": "schema/unknown-key"' "$broken/reports/procdef.sarif" || fail "the SARIF report lacks the finding"
grep -qF -- '--- output check.sarif=reports/procdef.sarif' <<<"$output" || fail "the sarif output is not set"

scenario "3. two paths, one a file" 0 "$broken" "paths=Processes/roles.yaml
Policies" "download-url=file://$release"
grep -q '^::' <<<"$output" && fail "annotations although the broken file was not among the paths"

# shellcheck disable=SC2016 # the $(...) is the test: a path that must never run
scenario "4. a shell metacharacter in paths is a path" 2 "$broken" 'paths=Processes/$(touch${IFS}pwned)' \
  "download-url=file://$release"
[ -e "$broken/pwned" ] && fail "the paths input was run as shell code"
# shellcheck disable=SC2016
grep -qF 'no such file or directory: Processes/$(touch${IFS}pwned)' <<<"$output" || fail "procdef did not report the odd path as missing"

scenario "5. strict must be true or false" 2 "$clean" strict=maybe "download-url=file://$release"
grep -qF "::error::strict must be true or false, not 'maybe'" <<<"$output" || fail "no error for strict: maybe"

scenario "a. pinned to a branch, version given: the release is downloaded" 0 "$clean" github.action_ref=main \
  "version=$version" "download-url=file://$release"
downloaded "a"
grep -qE "^-fsSL --retry 3 -o .*/$archive file://$release/$archive$" <<<"$curl_calls" || fail "a: the archive was not downloaded with curl"
grep -qE "^-fsSL --retry 3 -o .*/SHA256SUMS file://$release/SHA256SUMS$" <<<"$curl_calls" || fail "a: SHA256SUMS was not downloaded"

scenario "b. a wrong checksum fails, and nothing is built instead" 2 "$clean" "version=$version" "download-url=file://$tampered"
grep -qE "^::error::checksum mismatch: $archive from file://$tampered is not the file SHA256SUMS names" <<<"$output" \
  || fail "b: no ::error naming the checksum mismatch"
refused_before_any_build "b"
grep -qF -- "--- env PROCDEF_BIN=" <<<"$output" && fail "b: PROCDEF_BIN was set from an archive that failed its checksum"

scenario "c. SHA256SUMS without the archive's line fails" 2 "$clean" "version=$version" "download-url=file://$unlisted"
grep -qF "::error::SHA256SUMS from file://$unlisted has 0 checksum lines for $archive, expected 1" <<<"$output" \
  || fail "c: no ::error for the missing checksum line"
refused_before_any_build "c"

scenario "d. a version with no release archive: built from source" 0 "$clean" version=9.9.9 "download-url=file://$release"
grep -qE "^::warning::could not download procdef-9.9.9-linux-$arch.tar.gz from file://$release \(curl exit [0-9]+\)" <<<"$output" \
  || fail "d: no warning about the missing archive"
built_from_source "d"

scenario "e. pinned to main, no version: built from source, nothing downloaded" 0 "$clean" github.action_ref=main
built_from_source "e"
[ -z "$curl_calls" ] || fail "e: curl ran ($curl_calls) although there is no version to download"
grep -qF "the action's ref 'main' is not a version tag" <<<"$output" || fail "e: the log does not say why it builds"

scenario "f. a version that is not X.Y.Z is refused before any download" 2 "$clean" version=nonsense \
  "download-url=file://$release"
grep -qF "::error::version must be a release number such as 0.1.0, not 'nonsense'" <<<"$output" || fail "f: no ::error for the version"
[ -z "$curl_calls" ] || fail "f: curl ran ($curl_calls) before the version was checked"
refused_before_any_build "f"

scenario "g. the other architecture, with no archive for it: built from source" 0 "$clean" \
  "runner.arch=$other_runner_arch" "download-url=file://$release"
grep -qF "::warning::could not download procdef-$version-linux-" <<<"$output" || fail "g: no warning about the missing archive"
grep -qF "procdef-$version-linux-$arch.tar.gz" <<<"$curl_calls" && fail "g: this machine's archive was downloaded for the other architecture"
built_from_source "g"

echo "== the source build's cache key"
# A copy of the sources, so one can change without touching the checkout.
keysource="$tmp/key-source"
mkdir -p "$keysource"
cp -R "$root/Package.swift" "$root/Sources" "$keysource/"
cache_key() {
  local out
  out="$(EMULATE_ONLY_STEP=source-key run_action "$clean" "github.action_path=$keysource" "$@" 2>&1)" \
    || fail "the cache key step failed: $out"
  sed -n 's/^--- output source-key\.key=//p' <<<"$out"
}
key="$(cache_key)"
[[ "$key" =~ ^procdef-build-Linux-$runner_arch-[0-9a-f]{64}$ ]] || fail "unexpected cache key '$key'"
[ "$(cache_key)" = "$key" ] || fail "the cache key changes with nothing changed"
[ "$(cache_key "runner.arch=$other_runner_arch")" != "$key" ] || fail "the cache key ignores the architecture"
echo "// a change" >>"$keysource/Sources/ProcDef/ProcdefVersion.swift"
changed="$(cache_key)"
[ "$changed" != "$key" ] || fail "the cache key did not change when a source file did"
echo "ok: $key, then $changed after a source file changed"

echo "ok: the action downloads and verifies the release (or builds from source when there is none), refuses a wrong checksum, annotates findings, writes SARIF and takes its inputs safely"
