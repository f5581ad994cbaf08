#!/usr/bin/env bash
# Runs the composite GitHub Action (action.yml) here, step by step, as a runner would: each `run:` script under
# `bash --noprofile --norc -eo pipefail` in its working directory, with its `env:`, RUNNER_TEMP, and GITHUB_ENV,
# GITHUB_PATH and GITHUB_OUTPUT files carried from step to step. Only the expressions the action uses are evaluated
# (`github.action_path`, `github.action_ref`, `github.action_repository`, `runner.os`, `runner.arch`,
# `runner.temp`, `inputs.*`, `steps.*.outputs.*`), and of `if:` only `steps.ID.outputs.NAME == 'word'` (or `!=`),
# alone or joined by `&&`; anything else fails the test, so the action cannot grow an expression this test does not
# understand. Of `uses:`, only the two cache steps are emulated, each with exactly `path` and `key`:
# `actions/cache/restore@v4` as a miss (no `cache-hit` output, as the real one leaves it; EMULATE_CACHE=hit makes it
# a hit, `cache-hit` true) and `actions/cache/save@v4` as a save, both printed as `--- cache restore|save path=P
# key=K`. Any other `uses:` fails the test.
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
#   a. pinned to a branch with `version` given: downloaded with curl limited to https and file://, verified, run;
#      no swift build, no cache step; PROCDEF_BIN in RUNNER_TEMP;
#   b. a wrong checksum in SHA256SUMS: exit 2 with an ::error naming the checksum, and no build from source;
#   c. SHA256SUMS without the archive's line: exit 2, no build from source;
#   d. `version: 9.9.9`, which the folder does not hold: exit 2 with an ::error, no build from source;
#   e. pinned to `main` with no version: the build from source, no download tried;
#   f. `version: nonsense`: refused (exit 2) before any download;
#   g. the other architecture, the version from the action's tag, no archive for it: the build from source;
#   h. pinned to v9.9.9, a tag with no release archive: a warning, then the build from source;
#   i. the other architecture with `version` given: exit 2, no build from source;
#   j. a download that fails for another reason than "not there" (connection refused at https://127.0.0.1:9):
#      exit 2 naming curl's exit code, no build from source, although the version came from the tag;
#   k. an http:// download-url: refused (exit 2) before any download;
#   l. an archive (with a matching checksum) whose procdef is a symlink to a program that would pass: exit 2;
#   m. no curl on PATH: exit 2 naming curl, no build;
#   n. a Windows runner: exit 2 before any download or build;
#   o. a macOS runner pinned to the tag: the build from source (with this machine's toolchain), cache key of macOS;
#      with `version` given: exit 2;
#   p. the repository of the action unknown, `version` given: exit 2;
#   q. a cache hit (EMULATE_CACHE=hit): built (incrementally), not saved again;
# and, with the source build's steps alone: the cache key is non-empty, stable, the same made with shasum where
# sha256sum is missing (macOS), and changed by a change to a source file or the architecture; libyaml missing is
# installed with `brew install libyaml pkg-config` on macOS and apt-get on Linux (fake brew, apt-get, sudo and
# pkg-config that record their arguments).
# Every build from source is restored from the cache before `swift build` and saved after it, before the check, with
# the same path and key.
#
# e, g, h, o and q run `swift build -c release --product procdef` in this checkout. In .ci/run,
# Tests/hostile-limits.sh has already made that build, so here each is an incremental no-op (seconds); run alone on
# a fresh clone, the first of them builds from scratch (about 4-5 minutes on 2 cores).
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

# An archive whose one member, procdef, is a symlink to a program that would pass every later check (it prints the
# right version and finds nothing), listed with its true checksum: only the regular-file check can stop it.
linked="$tmp/release-symlink"
mkdir -p "$linked/stage"
printf '#!/bin/sh\necho "%s (commit none)"\n' "$version" >"$tmp/would-pass"
chmod +x "$tmp/would-pass"
ln -s "$tmp/would-pass" "$linked/stage/procdef"
tar -C "$linked/stage" -czf "$linked/$archive" procdef
(cd "$linked" && sha256sum "$archive" >SHA256SUMS)

# Shims that log each call and hand it to the real command, each in a folder of its own so that a scenario can
# leave one out.
shims="$tmp/shims"
calls="$tmp/calls"
mkdir -p "$calls"
for tool in swift curl; do
  real="$(command -v "$tool")" || fail "$tool not found"
  mkdir -p "$shims/$tool"
  printf '#!/usr/bin/env bash\nprintf "%%s\\n" "$*" >>%q\nexec %q "$@"\n' "$calls/$tool.log" "$real" >"$shims/$tool/$tool"
  chmod +x "$shims/$tool/$tool"
done

# path_without NAME TOOL...: prints a folder of links to every command on PATH but TOOL..., for a PATH of its own: a
# runner that lacks those commands.
path_without() {
  local farm="$tmp/path-without-$1" dir entry name dirs
  shift
  mkdir -p "$farm"
  IFS=: read -r -a dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    [ -d "$dir" ] || continue
    for entry in "$dir"/*; do
      name="${entry##*/}"
      # The first on PATH wins, as for the shell.
      if [ -e "$farm/$name" ] || [ -d "$entry" ] || [ ! -x "$entry" ] || printf '%s\n' "$@" | grep -qxF -- "$name"; then
        continue
      fi
      ln -s "$entry" "$farm/$name"
    done
  done
  for name in "$@"; do
    [ ! -e "$farm/$name" ] || fail "could not leave $name out of $farm"
  done
  printf '%s\n' "$farm"
}

# Stand-ins for what installs libyaml: each records its arguments; pkg-config finds nothing.
fakes="$tmp/fakes"
mkdir -p "$fakes"
for tool in brew apt-get; do
  printf '#!/usr/bin/env bash\nprintf "%%s\\n" "$*" >>%q\n' "$calls/$tool.log" >"$fakes/$tool"
done
printf '#!/usr/bin/env bash\nprintf "%%s\\n" "$*" >>%q\nexec "$@"\n' "$calls/sudo.log" >"$fakes/sudo"
printf '#!/bin/sh\nexit 1\n' >"$fakes/pkg-config"
chmod +x "$fakes"/*

# run_action WORKDIR KEY=VALUE...: runs every step of action.yml and returns the status of the first step that fails,
# or 0. A KEY with a dot sets a context (github.action_ref=main, runner.arch=ARM64); any other KEY is an input, and
# inputs not given take their defaults. EMULATE_ONLY_STEP=ID runs that step alone, whatever its if: says;
# ACTION_PATH replaces the PATH the steps see (the shims and this PATH by default).
run_action() {
  local workdir="$1"
  shift
  PATH="${ACTION_PATH:-$shims/swift:$shims/curl:$PATH}" TMPDIR="$tmp" python3 - "$root" "$workdir" "github.action_path=$root" "github.action_ref=v$version" \
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

# Only the forms the action uses; the runner compares strings ignoring case.
def condition(expression):
    result = True
    for term in str(expression).split("&&"):
        match = re.fullmatch(r"\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'\s*", term)
        if not match:
            test_error(f"if: the test does not know: {expression}")
        value = outputs.get(match.group(1), {}).get(match.group(2), "")
        equal = value.lower() == match.group(4).lower()
        result = result and (equal if match.group(3) == "==" else not equal)
    return result

cache_hit = {"": False, "miss": False, "hit": True}.get(os.environ.get("EMULATE_CACHE", ""))
if cache_hit is None:
    test_error(f"EMULATE_CACHE is hit or miss, not {os.environ['EMULATE_CACHE']}")

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
        kind = {"actions/cache/restore@v4": "restore", "actions/cache/save@v4": "save"}.get(step["uses"])
        if kind is None:
            test_error(f"step '{name}' uses {step['uses']}, which the test does not emulate")
        settings = {key: evaluate(value) for key, value in (step.get("with") or {}).items()}
        if set(settings) != {"path", "key"} or not settings["key"].strip() or not settings["path"].strip():
            test_error(f"step '{name}': {step['uses']} is emulated with a path and a non-empty key only: {settings}")
        print(f"--- {name}", flush=True)
        if kind == "restore":
            print(f"--- cache restore path={settings['path']} key={settings['key']} (emulated: {'a hit' if cache_hit else 'a miss'})", flush=True)
            # On a miss the real action sets no cache-hit at all, not false.
            step_outputs = {"cache-primary-key": settings["key"]}
            if cache_hit:
                step_outputs.update({"cache-hit": "true", "cache-matched-key": settings["key"]})
        else:
            print(f"--- cache save path={settings['path']} key={settings['key']}", flush=True)
            step_outputs = {}
        if "id" in step:
            outputs[step["id"]] = step_outputs
            for key, value in step_outputs.items():
                print(f"--- output {step['id']}.{key}={value}", flush=True)
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
# and the calls of swift, curl, brew and apt-get in $swift_calls, $curl_calls, $brew_calls and $apt_calls.
output=""
swift_calls=""
curl_calls=""
brew_calls=""
apt_calls=""
scenario() {
  local name="$1" expected="$2" workdir="$3" status=0
  shift 3
  echo "== $name"
  rm -f "$calls"/*.log
  output="$(run_action "$workdir" "$@" 2>&1)" || status=$?
  printf '%s\n' "$output"
  swift_calls="$(cat "$calls/swift.log" 2>/dev/null || true)"
  curl_calls="$(cat "$calls/curl.log" 2>/dev/null || true)"
  brew_calls="$(cat "$calls/brew.log" 2>/dev/null || true)"
  apt_calls="$(cat "$calls/apt-get.log" 2>/dev/null || true)"
  [ "$status" -ne 99 ] || fail "$name: the emulator refused the action (see the test error above)"
  [ "$status" -eq "$expected" ] || fail "$name: the action exited $status, expected $expected"
}

downloaded() {
  grep -qF -- "--- output get.from-source=false" <<<"$output" || fail "$1: the action did not take the download path"
  grep -qE "^procdef $version( \(commit [^)]*\))? for linux-$arch: downloaded, verified and unpacked in [0-9.]+ s$" <<<"$output" \
    || fail "$1: no line saying what was downloaded and how long it took"
  grep -qE '^build( |$)' <<<"$swift_calls" && fail "$1: swift build ran although the download worked"
  grep -q '^--- cache ' <<<"$output" && fail "$1: a cache step ran although nothing was built"
  grep -qxF -- "--- skipped: Restore the source build" <<<"$output" || fail "$1: the cache restore was not skipped"
  local temp bin
  temp="$(sed -n 's/^--- runner\.temp=//p' <<<"$output")"
  bin="$(sed -n 's/^--- env PROCDEF_BIN=//p' <<<"$output")"
  [ "$bin" = "$temp/procdef-$version-$arch/procdef" ] || fail "$1: PROCDEF_BIN is '$bin', not the download in RUNNER_TEMP ($temp)"
  grep -qxF -- "--- path $temp/procdef-$version-$arch" <<<"$output" || fail "$1: the download is not put on PATH"
  return 0
}

# line_of PATTERN: the number of the first line of $output that is PATTERN, exactly.
line_of() {
  grep -nxF -- "$1" <<<"$output" | head -n 1 | cut -d : -f 1
}

# built_from_source NAME [OS-ARCH]: the source path, its build restored from the cache before it and saved after it
# (before the check can fail the job), both on the action's .build under the key of the runner (default Linux and
# this machine's architecture). EMULATE_CACHE=hit: restored, and not saved again.
built_from_source() {
  local platform="${2:-Linux-$runner_arch}" restores saves key build save check
  grep -qF -- "--- output get.from-source=true" <<<"$output" || fail "$1: the action did not take the source path"
  restores="$(grep '^--- cache restore ' <<<"$output" || true)"
  [ "$(grep -c . <<<"$restores")" -eq 1 ] || fail "$1: expected one cache restore, got: $restores"
  [[ "$restores" =~ ^"--- cache restore path=$root/.build key="(procdef-build-$platform-[0-9a-f]{64})" (emulated: " ]] \
    || fail "$1: the cache restore is not of the action's .build under a procdef-build-$platform- key: $restores"
  key="${BASH_REMATCH[1]}"
  build="$(line_of "--- Build procdef")"
  check="$(line_of "--- Check")"
  if [ -z "$build" ] || [ -z "$check" ]; then fail "$1: the build or the check did not run"; fi
  [ "$(line_of "--- Restore the source build")" -lt "$build" ] || fail "$1: the cache is restored after the build"
  saves="$(grep '^--- cache save ' <<<"$output" || true)"
  if [ "${EMULATE_CACHE:-miss}" = hit ]; then
    [ -z "$saves" ] || fail "$1: saved again after a cache hit: $saves"
    grep -qxF -- "--- skipped: Save the source build" <<<"$output" || fail "$1: the save step was not skipped on a hit"
  else
    [ "$saves" = "--- cache save path=$root/.build key=$key" ] \
      || fail "$1: expected one save of the restored path and key ($root/.build, $key), got: $saves"
    save="$(line_of "--- Save the source build")"
    if ! [ "$build" -lt "$save" ] || ! [ "$save" -lt "$check" ]; then
      fail "$1: the save is not between the build and the check"
    fi
  fi
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
  grep -q '^--- cache ' <<<"$output" && fail "$1: a cache step ran although nothing was built"
  grep -qF -- "--- env PROCDEF_BIN=" <<<"$output" && fail "$1: PROCDEF_BIN was set although the action had to stop"
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
# curl is limited to https and file://, and its redirects to https.
for file in "$archive" SHA256SUMS; do
  grep -qxE -- "--proto =https,file --proto-redir =https -fsSL --retry 3 -o .*/$file file://$release/$file" <<<"$curl_calls" \
    || fail "a: $file was not downloaded with curl limited to https and file://: $curl_calls"
done

scenario "b. a wrong checksum fails, and nothing is built instead" 2 "$clean" "version=$version" "download-url=file://$tampered"
grep -qE "^::error::checksum mismatch: $archive from file://$tampered is not the file SHA256SUMS names" <<<"$output" \
  || fail "b: no ::error naming the checksum mismatch"
refused_before_any_build "b"

scenario "c. SHA256SUMS without the archive's line fails" 2 "$clean" "version=$version" "download-url=file://$unlisted"
grep -qF "::error::SHA256SUMS from file://$unlisted has 0 checksum lines for $archive, expected 1" <<<"$output" \
  || fail "c: no ::error for the missing checksum line"
refused_before_any_build "c"

scenario "d. version given, with no release archive: fails, nothing built instead" 2 "$clean" version=9.9.9 \
  "download-url=file://$release"
grep -qF "::error::could not download procdef-9.9.9-linux-$arch.tar.gz from file://$release (curl exit 37): no procdef 9.9.9 release for linux-$arch there; the version input asks for that release" <<<"$output" \
  || fail "d: no ::error about the missing archive of the version asked for"
grep -q '^::warning' <<<"$output" && fail "d: a warning, as for a fallback"
refused_before_any_build "d"

scenario "e. pinned to main, no version: built from source, nothing downloaded" 0 "$clean" github.action_ref=main
built_from_source "e"
[ -z "$curl_calls" ] || fail "e: curl ran ($curl_calls) although there is no version to download"
grep -qF "the action's ref 'main' is not a version tag" <<<"$output" || fail "e: the log does not say why it builds"

scenario "f. a version that is not X.Y.Z is refused before any download" 2 "$clean" version=nonsense \
  "download-url=file://$release"
grep -qF "::error::version must be a release number such as 0.1.0, not 'nonsense'" <<<"$output" || fail "f: no ::error for the version"
[ -z "$curl_calls" ] || fail "f: curl ran ($curl_calls) before the version was checked"
refused_before_any_build "f"

scenario "g. pinned to the tag, the other architecture, with no archive for it: built from source" 0 "$clean" \
  "runner.arch=$other_runner_arch" "download-url=file://$release"
grep -qF "::warning::could not download procdef-$version-linux-" <<<"$output" || fail "g: no warning about the missing archive"
grep -qF "procdef-$version-linux-$arch.tar.gz" <<<"$curl_calls" && fail "g: this machine's archive was downloaded for the other architecture"
built_from_source "g" "Linux-$other_runner_arch"

scenario "h. pinned to v9.9.9, a tag with no release: a warning, then built from source" 0 "$clean" \
  github.action_ref=v9.9.9 "download-url=file://$release"
grep -qF "::warning::could not download procdef-9.9.9-linux-$arch.tar.gz from file://$release (curl exit 37)" <<<"$output" \
  || fail "h: no warning about the missing archive"
grep -qF "the action's tag v9.9.9 has no release archive for this runner; building procdef from the action's sources instead" <<<"$output" \
  || fail "h: the log does not say why it builds"
built_from_source "h"

scenario "i. the other architecture with version given: fails, nothing built instead" 2 "$clean" \
  "runner.arch=$other_runner_arch" "version=$version" "download-url=file://$release"
grep -qE "^::error::could not download procdef-$version-linux-[a-z0-9_]+\.tar\.gz from file://$release \(curl exit 37\)" <<<"$output" \
  || fail "i: no ::error about the missing archive"
refused_before_any_build "i"

# Port 9 (discard) has no listener here: curl exits 7 at once (connection refused is not one of --retry's transient
# errors).
scenario "j. a download that fails for another reason than a missing release: fails, even pinned to the tag" 2 "$clean" \
  "download-url=https://127.0.0.1:9"
grep -qE "^::error::could not download $archive from https://127.0.0.1:9 \(curl exit ([0-9]+), a network or TLS problem, not a missing release\)$" <<<"$output" \
  || fail "j: no ::error about the network problem"
[[ "$(grep -o 'curl exit [0-9]*' <<<"$output")" =~ ^curl\ exit\ (22|37)$ ]] && fail "j: curl failed as for a missing file, so this tests nothing"
[ -n "$curl_calls" ] || fail "j: curl did not run"
grep -q '^::warning' <<<"$output" && fail "j: a warning, as for a fallback"
refused_before_any_build "j"

scenario "k. an http:// download-url is refused before any download" 2 "$clean" "download-url=http://127.0.0.1:9/"
grep -qF "::error::download-url must be an https:// or file:// URL, not 'http://127.0.0.1:9/'" <<<"$output" \
  || fail "k: no ::error for the http:// URL"
[ -z "$curl_calls" ] || fail "k: curl ran ($curl_calls) on an http:// URL"
refused_before_any_build "k"

scenario "l. an archive whose procdef is a symlink is not run" 2 "$clean" "download-url=file://$linked"
grep -qF "::error::procdef in $archive from file://$linked is not a regular file; not running it" <<<"$output" \
  || fail "l: no ::error for the symlink"
refused_before_any_build "l"

ACTION_PATH="$shims/swift:$(path_without curl curl)" \
  scenario "m. no curl on the runner: fails naming it, nothing built" 2 "$clean" "download-url=file://$release"
grep -qF "::error::curl is needed to download and verify the procdef release" <<<"$output" || fail "m: no ::error naming curl"
refused_before_any_build "m"

scenario "n. a Windows runner is refused" 2 "$clean" runner.os=Windows runner.arch=X64 "download-url=file://$release"
grep -qF "::error::procdef is not built for Windows" <<<"$output" || fail "n: no ::error for Windows"
[ -z "$curl_calls" ] || fail "n: curl ran ($curl_calls) on Windows"
refused_before_any_build "n"

# This machine's Linux toolchain stands in for the Mac's: what is tested is the path the action takes and the key.
scenario "o. a macOS runner pinned to the tag: built from source" 0 "$clean" runner.os=macOS runner.arch=ARM64 \
  "download-url=file://$release"
grep -qF "procdef releases are built for Linux x86_64 and aarch64 only, not macOS ARM64; building procdef from the action's sources instead" <<<"$output" \
  || fail "o: the log does not say why it builds"
[ -z "$curl_calls" ] || fail "o: curl ran ($curl_calls) on macOS, where there is no release to download"
built_from_source "o" macOS-ARM64
scenario "o. a macOS runner with version given: fails" 2 "$clean" runner.os=macOS runner.arch=ARM64 "version=$version" \
  "download-url=file://$release"
grep -qF "::error::procdef releases are built for Linux x86_64 and aarch64 only, not macOS ARM64, so there is no release $version for this runner" <<<"$output" \
  || fail "o: no ::error for a version on macOS"
refused_before_any_build "o"

scenario "p. the action's repository unknown, version given: fails" 2 "$clean" github.action_repository= "version=$version"
grep -qF "::error::the action's repository is unknown (a local action?), so is its release of $version: give download-url" <<<"$output" \
  || fail "p: no ::error for the unknown repository"
[ -z "$curl_calls" ] || fail "p: curl ran ($curl_calls)"
refused_before_any_build "p"

EMULATE_CACHE=hit scenario "q. pinned to main, the build restored from the cache: built, not saved again" 0 "$clean" \
  github.action_ref=main
EMULATE_CACHE=hit built_from_source "q"

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
# macOS has shasum and no sha256sum; the key must not depend on which made it.
[ "$(ACTION_PATH="$shims/swift:$(path_without sha256sum sha256sum)" cache_key)" = "$key" ] \
  || fail "the cache key made with shasum (no sha256sum on PATH) differs from sha256sum's"
[ "$(cache_key "runner.arch=$other_runner_arch")" != "$key" ] || fail "the cache key ignores the architecture"
echo "// a change" >>"$keysource/Sources/ProcDef/ProcdefVersion.swift"
changed="$(cache_key)"
[ "$changed" != "$key" ] || fail "the cache key did not change when a source file did"
echo "ok: $key (the same with shasum), then $changed after a source file changed"

echo "== installing libyaml for the source build"
EMULATE_ONLY_STEP=libyaml ACTION_PATH="$fakes:$PATH" scenario "macOS without libyaml: Homebrew" 0 "$clean" runner.os=macOS
[ "$brew_calls" = "install libyaml pkg-config" ] || fail "macOS: expected brew install libyaml pkg-config, got: $brew_calls"
[ -z "$apt_calls" ] || fail "macOS: apt-get ran ($apt_calls)"
EMULATE_ONLY_STEP=libyaml ACTION_PATH="$fakes:$PATH" scenario "Linux without libyaml: apt-get" 0 "$clean" runner.os=Linux
[ "$apt_calls" = "update -q
install -y -q libyaml-dev pkg-config" ] || fail "Linux: expected apt-get update and install of libyaml-dev pkg-config, got: $apt_calls"
[ -z "$brew_calls" ] || fail "Linux: brew ran ($brew_calls)"
EMULATE_ONLY_STEP=libyaml scenario "libyaml found: nothing installed" 0 "$clean" runner.os=Linux
grep -qE '^libyaml [0-9.]+ found$' <<<"$output" || fail "libyaml found: no line saying so"

echo "ok: the action downloads and verifies the release over https or file:// only, builds from source when its tag has no release (never for a version given, nor on a network error), refuses a wrong checksum and a symlinked binary, caches the source build whatever the check's verdict, annotates findings, writes SARIF and takes its inputs safely"
