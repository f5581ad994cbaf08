#!/usr/bin/env bash
# Checks a release archive made by scripts/build-release.sh:
#   - its checksum file matches, and it holds exactly one member, `procdef`, executable;
#   - the binary loads only glibc's own libraries (linux-vdso, libc, libm, the loader) and libstdc++ and libgcc_s,
#     exactly that list, so it runs on any Linux with glibc and no Swift or libyaml installed;
#   - it needs no glibc newer than 2.35 (the floor the README and docs/ci.md promise), and it is stripped;
#   - `--version` names the version and a commit;
#   - `check` (text, JSON, SARIF; the examples and a broken copy) and `build` give byte-identical output to the
#     normal, dynamically linked build.
#
#   bash scripts/test-release-binary.sh ARCHIVE NORMAL_BIN [EXPECTED_COMMIT]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}
[ "$#" -ge 2 ] || { echo "usage: test-release-binary.sh ARCHIVE NORMAL_BIN [EXPECTED_COMMIT]" >&2; exit 2; }
archive="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
normal="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
expected_commit="${3:-}"
[ -f "$archive" ] || fail "no archive at $archive"
[ -x "$normal" ] || fail "no normal build at $normal"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$(dirname "$archive")" && sha256sum --quiet -c "$(basename "$archive").sha256") || fail "the checksum file does not match"
members="$(tar -tzf "$archive")"
[ "$members" = "procdef" ] || fail "the archive should hold only procdef, holds: $members"
tar -xzf "$archive" -C "$tmp"
bin="$tmp/procdef"
[ -x "$bin" ] || fail "procdef in the archive is not executable"
echo "ok: checksum matches; the archive holds procdef alone"

# The loader's name differs by architecture; everything else is the same list.
case "$(uname -m)" in
  x86_64) loader="/lib64/ld-linux-x86-64.so.2" ;;
  aarch64) loader="/lib/ld-linux-aarch64.so.1" ;;
  *) fail "no expected loader for $(uname -m)" ;;
esac
expected_libraries="$(printf '%s\n' libc.so.6 libgcc_s.so.1 libm.so.6 libstdc++.so.6 "$loader" "linux-vdso.so.1" | sort)"
loaded_libraries() { ldd "$1" | awk '{print $1}' | sort; }
loaded="$(loaded_libraries "$bin")"
if [ "$loaded" != "$expected_libraries" ]; then
  printf 'ldd lists:\n%s\nexpected exactly:\n%s\n' "$loaded" "$expected_libraries" >&2
  fail "the release binary loads other libraries than glibc's, libstdc++ and libgcc_s"
fi
# The control: the normal build loads libyaml and the Swift runtime, so the same comparison must tell it apart.
[ "$(loaded_libraries "$normal")" != "$expected_libraries" ] || fail "the ldd check cannot tell the normal build apart"
loaded_libraries "$normal" | grep -q '^libyaml' || fail "the normal build does not load libyaml: is it the dynamic build?"
echo "ok: ldd lists exactly $(tr '\n' ' ' <<<"$loaded")(the normal build loads $(loaded_libraries "$normal" | wc -l) libraries, libyaml among them)"

floor="$(objdump -T "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -u | tail -n 1)"
[ -n "$floor" ] || fail "objdump found no GLIBC symbol versions"
highest="$(printf '%s\n2.35\n' "$floor" | sort -t. -k1,1n -k2,2n | tail -n 1)"
[ "$highest" = "2.35" ] || fail "the binary needs glibc $floor, newer than the 2.35 the docs promise"
echo "ok: needs glibc $floor or later"

if readelf -S "$bin" | grep -qE '\] \.symtab|\] \.debug_'; then
  fail "the release binary is not stripped"
fi
echo "ok: stripped, $(stat -c %s "$bin") bytes"

version="$("$bin" --version)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+\ \(commit\ [0-9a-f]{40}(-dirty)?\)$ ]] || fail "--version printed '$version'"
if [ -n "$expected_commit" ]; then
  [ "$version" = "$("$normal" --version | cut -d' ' -f1) (commit $expected_commit)" ] \
    || fail "--version printed '$version', expected commit $expected_commit"
fi
echo "ok: --version prints $version"

# The same inputs through both binaries; only the exit codes and bytes are compared.
cp -R "$root/Processes" "$root/Policies" "$tmp/"
mkdir "$tmp/broken"
cp -R "$root/Processes" "$root/Policies" "$tmp/broken/"
sed -i '0,/^\( *\)responsible:/s//\1resposible:/' "$tmp/broken/Processes/incident-management.yaml"
today=(--today 2026-12-01)
compare() {
  local directory="$1" expected_status="$2"
  shift 2
  local status_release=0 status_normal=0
  (cd "$directory" && NO_COLOR=1 "$bin" "$@" >"$tmp/release.out" 2>"$tmp/release.err") || status_release=$?
  (cd "$directory" && NO_COLOR=1 "$normal" "$@" >"$tmp/normal.out" 2>"$tmp/normal.err") || status_normal=$?
  [ "$status_release" -eq "$expected_status" ] || fail "release procdef $* exited $status_release, expected $expected_status"
  [ "$status_normal" -eq "$expected_status" ] || fail "normal procdef $* exited $status_normal, expected $expected_status"
  cmp -s "$tmp/release.out" "$tmp/normal.out" || { diff "$tmp/normal.out" "$tmp/release.out" | head -20; fail "procdef $* differs on standard output"; }
  cmp -s "$tmp/release.err" "$tmp/normal.err" || { diff "$tmp/normal.err" "$tmp/release.err" | head -20; fail "procdef $* differs on standard error"; }
}
compare "$tmp" 0 check --strict "${today[@]}"
compare "$tmp" 0 check --format json "${today[@]}"
compare "$tmp" 0 check --format sarif "${today[@]}"
compare "$tmp/broken" 1 check "${today[@]}"
compare "$tmp/broken" 1 check --format sarif "${today[@]}"
grep -qF '[schema/unknown-key]' <(cd "$tmp/broken" && NO_COLOR=1 "$bin" check "${today[@]}" 2>&1 || true) \
  || fail "the release binary does not report the misspelt key"
(cd "$tmp" && "$bin" build --out "$tmp/out-release" "${today[@]}" >/dev/null) || fail "release procdef build failed"
(cd "$tmp" && "$normal" build --out "$tmp/out-normal" "${today[@]}" >/dev/null) || fail "normal procdef build failed"
tree_release="$(cd "$tmp/out-release" && find . -type f -exec sha256sum {} + | sort -k2)"
tree_normal="$(cd "$tmp/out-normal" && find . -type f -exec sha256sum {} + | sort -k2)"
[ -n "$tree_release" ] || fail "procdef build wrote nothing"
[ "$tree_release" = "$tree_normal" ] || { diff <(echo "$tree_normal") <(echo "$tree_release") | head; fail "procdef build output differs"; }
echo "ok: check (text, JSON, SARIF; clean and broken) and build ($(wc -l <<<"$tree_release") files) are byte-identical to the normal build"
