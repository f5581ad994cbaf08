#!/usr/bin/env bash
# Tests the wheel of scripts/build-wheel.sh the way pip and PyPI meet it:
#   a. `auditwheel show` confirms the platform tag in the wheel's name, and it is manylinux_2_35_<arch> (the glibc
#      floor of a release binary built here); PyPI takes only wheels whose tag auditwheel would accept. `twine check`
#      accepts its metadata, as PyPI's upload would.
#   b. A wheel packed the same way from NORMAL_BIN (a dynamic build, which needs libyaml and the Swift runtime's
#      shared libraries) is not confirmed as manylinux, so the check in (a) is one that can fail.
#   c. In a fresh virtual environment, `pip install --no-index WHEEL` gives `procdef` and `python -m procdef`,
#      whose --version names the version and commit, and whose `check` (clean and with a misspelt key) and `build`
#      on copies of Processes/ and Policies/ exit as NORMAL_BIN does, with byte-identical stdout and output tree.
#   d. `pip uninstall procdef` removes the binary and the package.
#   e. build-wheel.sh, run again on the wheel's own binary, makes a byte-identical wheel.
#
# Usage: scripts/test-wheel.sh WHEEL NORMAL_BIN
#   auditwheel and twine are used from PATH, else from a virtual environment made once under
#   .build/wheel-tools-venv (WHEEL_TOOLS_VENV names another place) with the pinned versions below, from PyPI.
#   PROCDEF_WHEEL_TAG overrides the tag (a) expects, for a binary built against another glibc.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

[ "$#" -eq 2 ] || fail "usage: $0 WHEEL NORMAL_BIN"
wheel="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
normal_bin="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
[ -f "$wheel" ] || fail "no wheel at $1"
[ -x "$normal_bin" ] || fail "no procdef binary at $normal_bin"

wheel_name="$(basename "$wheel")"
if [[ ! "$wheel_name" =~ ^procdef-([^-]+)-py3-none-([a-z0-9_]+)\.whl$ ]]; then
  fail "$wheel_name is not named procdef-VERSION-py3-none-PLATFORM.whl"
fi
version="${BASH_REMATCH[1]}"
name_tag="${BASH_REMATCH[2]}"
expected_tag="${PROCDEF_WHEEL_TAG:-manylinux_2_35_$(uname -m)}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tool_pins=(auditwheel==6.8.2 twine==7.0.0)
if command -v auditwheel >/dev/null 2>&1 && command -v twine >/dev/null 2>&1; then
  auditwheel="$(command -v auditwheel)"
  twine="$(command -v twine)"
else
  tools="${WHEEL_TOOLS_VENV:-$root/.build/wheel-tools-venv}"
  if [ "$(cat "$tools/.procdef-pins" 2>/dev/null || true)" != "${tool_pins[*]}" ]; then
    echo "== making $tools with ${tool_pins[*]} from PyPI"
    rm -rf "$tools"
    python3 -m venv "$tools" || fail "python3 -m venv failed (on Debian and Ubuntu: apt-get install python3-venv)"
    "$tools/bin/python" -m pip install --quiet "${tool_pins[@]}" || fail "pip install ${tool_pins[*]} failed"
    printf '%s\n' "${tool_pins[*]}" >"$tools/.procdef-pins"
  fi
  auditwheel="$tools/bin/auditwheel"
  twine="$tools/bin/twine"
fi

# Only the wheel file may feed the installs below, never an index or a folder of other wheels.
unset PIP_FIND_LINKS
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# auditwheel wraps its report to a width, so the tag sentence is read with the line breaks folded.
auditwheel_tag() {
  local report
  report="$("$auditwheel" show "$1" 2>&1)" || fail "auditwheel show $1 failed: $report"
  tr -s '[:space:]' ' ' <<<"$report" | sed -n 's/.*is consistent with the following platform tag: "\([^"]*\)".*/\1/p'
}

echo "== a. auditwheel confirms the wheel's tag ($("$auditwheel" --version | awk 'NR == 1 {print $2}'))"
tag="$(auditwheel_tag "$wheel")"
[ -n "$tag" ] || fail "could not read a platform tag from auditwheel show $wheel_name"
[ "$tag" = "$name_tag" ] || fail "auditwheel says $wheel_name is $tag, but its name says $name_tag"
[ "$tag" = "$expected_tag" ] || fail "$wheel_name is $tag, expected $expected_tag"
echo "ok: $wheel_name is $tag by its name and by auditwheel"
# What PyPI checks on upload: the metadata's fields and that the description renders.
"$twine" --no-color check --strict "$wheel" || fail "twine check rejects $wheel_name"

echo "== b. negative control: a wheel of the dynamic NORMAL_BIN is not manylinux"
mkdir -p "$tmp/dynamic"
cp "$normal_bin" "$tmp/dynamic/procdef"
tar -czf "$tmp/dynamic/dynamic.tar.gz" -C "$tmp/dynamic" procdef
dynamic_wheel="$(bash "$root/scripts/build-wheel.sh" "$tmp/dynamic/dynamic.tar.gz" "$tmp/dynamic/out")"
dynamic_tag="$(auditwheel_tag "$dynamic_wheel")"
[ "$dynamic_tag" = "linux_$(uname -m)" ] \
  || fail "auditwheel says the dynamic build's wheel is '$dynamic_tag'; it needs libyaml and libswift*, so it should be linux_$(uname -m)"
echo "ok: named $(basename "$dynamic_wheel"), but auditwheel says $dynamic_tag"

echo "== c. pip install into a fresh virtual environment, and run"
venv="$tmp/venv"
python3 -m venv "$venv" || fail "python3 -m venv failed (on Debian and Ubuntu: apt-get install python3-venv)"
"$venv/bin/python" -m pip install --quiet "$wheel" || fail "pip install $wheel_name failed"
installed="$venv/bin/procdef"
[ -x "$installed" ] || fail "pip installed no executable $installed"
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
  "$wheel" "procdef-$version.data/scripts/procdef" >"$tmp/packed"
cmp -s "$installed" "$tmp/packed" || fail "the installed procdef is not the binary in the wheel"

reported="$(PATH="$venv/bin:$PATH" procdef --version)"
[[ "$reported" =~ ^$version\ \(commit\ [^\)]+\)$ ]] || fail "procdef --version says '$reported', expected '$version (commit ...)'"
via_module="$("$venv/bin/python" -m procdef --version)" || fail "python -m procdef --version failed"
[ "$via_module" = "$reported" ] || fail "python -m procdef --version says '$via_module', procdef --version '$reported'"
echo "ok: procdef --version and python -m procdef --version: $reported"

# Each binary works in its own copy with relative paths, so that everything they print can be compared byte for byte.
for who in wheel normal; do
  mkdir -p "$tmp/$who"
  cp -R "$root/Processes" "$root/Policies" "$tmp/$who/"
done
today=(--today 2026-12-01)
# run WHO EXPECTED_EXIT ARGS...: runs the wheel's or the normal binary in its copy; stdout to $tmp/WHO.out.
run() {
  local who="$1" expected="$2" binary status=0
  shift 2
  if [ "$who" = wheel ]; then binary="$installed"; else binary="$normal_bin"; fi
  (cd "$tmp/$who" && NO_COLOR=1 "$binary" "$@" >"$tmp/$who.out" 2>"$tmp/$who.err") || status=$?
  [ "$status" -eq "$expected" ] || fail "the $who binary's procdef $* exited $status, expected $expected: $(cat "$tmp/$who.err")"
}
same_output() {
  cmp -s "$tmp/wheel.out" "$tmp/normal.out" \
    || fail "$1: the wheel's procdef printed other output than NORMAL_BIN: $(diff "$tmp/normal.out" "$tmp/wheel.out" | head -n 20)"
}

run wheel 0 check "${today[@]}"
run normal 0 check "${today[@]}"
same_output "check on the examples"
echo "ok: check on the examples exits 0, output identical ($(wc -c <"$tmp/wheel.out") bytes)"

run wheel 0 build --out out "${today[@]}"
run normal 0 build --out out "${today[@]}"
same_output "build of the examples"
tree() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
[ "$(tree "$tmp/wheel/out")" = "$(tree "$tmp/normal/out")" ] || fail "build wrote another tree than NORMAL_BIN's"
echo "ok: build writes the same $(find "$tmp/wheel/out" -type f | wc -l) files, byte for byte"

for who in wheel normal; do
  sed -i '0,/^\( *\)responsible:/s//\1resposible:/' "$tmp/$who/Processes/incident-management.yaml"
  grep -q 'resposible:' "$tmp/$who/Processes/incident-management.yaml" || fail "could not plant the misspelt key"
done
run wheel 1 check "${today[@]}"
run normal 1 check "${today[@]}"
same_output "check with a misspelt key"
grep -qF '[schema/unknown-key]' "$tmp/wheel.out" || fail "no [schema/unknown-key] finding for the misspelt key"
grep -qF "did you mean 'responsible'" "$tmp/wheel.out" || fail "no did-you-mean for the misspelt key"
echo "ok: check with a misspelt key exits 1 with [schema/unknown-key], output identical"

echo "== d. pip uninstall removes it"
"$venv/bin/python" -m pip uninstall --quiet --yes procdef || fail "pip uninstall procdef failed"
[ ! -e "$installed" ] || fail "pip uninstall left $installed"
if "$venv/bin/python" -c 'import procdef' 2>/dev/null; then fail "the procdef package is still importable after pip uninstall"; fi
echo "ok: no bin/procdef and no procdef package left"

echo "== e. the wheel is reproducible: build-wheel.sh on its own binary makes it again, byte for byte"
mkdir -p "$tmp/again"
cp "$tmp/packed" "$tmp/again/procdef"
chmod 0755 "$tmp/again/procdef"
# Dated as the wheel dates its binary, as the release archive it came from was (build-wheel.sh dates every member
# at the archive member's time).
member_date="$(python3 -c 'import sys, zipfile; print("%04d-%02d-%02d %02d:%02d:%02d" % [i for i in zipfile.ZipFile(sys.argv[1]).infolist() if i.filename.endswith(".data/scripts/procdef")][0].date_time)' "$wheel")"
TZ=UTC touch -d "$member_date" "$tmp/again/procdef"
tar -czf "$tmp/again/procdef-$version-linux-$(uname -m).tar.gz" -C "$tmp/again" procdef
# Another time zone and umask than the first build's, which must not matter.
again="$(umask 077 && TZ=Pacific/Kiritimati bash "$root/scripts/build-wheel.sh" "$tmp/again/procdef-$version-linux-$(uname -m).tar.gz" "$tmp/again/out")"
cmp "$again" "$wheel" || fail "a second build of $wheel_name differs from the first (the same date for both?)"
echo "ok: the second build is byte-identical ($(sha256sum "$wheel" | cut -c1-16)...)"

echo "ok: the wheel passes auditwheel, installs, runs as NORMAL_BIN does, uninstalls and rebuilds identically (took $((SECONDS - started)) s)"
