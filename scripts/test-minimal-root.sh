#!/usr/bin/env bash
# Runs the release binary in a minimal Debian root, the smallest system a user might have: made by
# `debootstrap --variant=minbase bookworm`, it has glibc, libstdc++ and libgcc_s, and neither Swift nor libyaml
# (asserted). There `check` and `build` on the example library must give the same bytes as the normal build
# outside. The root is cached in .build-minimal-root (about 30 seconds to make; needs root for chroot).
#
#   bash scripts/test-minimal-root.sh ARCHIVE NORMAL_BIN
#
# The Debian mirror is the one this machine's apt uses, so the test reaches no other host.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}
[ "$#" -eq 2 ] || { echo "usage: test-minimal-root.sh ARCHIVE NORMAL_BIN" >&2; exit 2; }
archive="$1"
normal="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
[ -f "$archive" ] || fail "no archive at $archive"
[ -x "$normal" ] || fail "no normal build at $normal"
[ "$(id -u)" -eq 0 ] || fail "chroot needs root"
command -v debootstrap >/dev/null 2>&1 || fail "debootstrap is not installed (Debian: debootstrap)"

# The first `deb` source of the machine's apt that is not the security archive, in either of apt's two formats.
mirror="$(
  {
    sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null
    sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) .*/\2/p' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null
  } | tr ' ' '\n' | grep -v -- '-security' | grep -m 1 .
)" || true
[ -n "$mirror" ] || fail "found no Debian mirror in the machine's apt sources"

system="$root/.build-minimal-root"
# Every proc mounted there goes, even one a killed run left behind, and a failing umount cannot stop the rest of
# the cleanup (the trap runs under errexit).
unmount_proc() {
  while mountpoint -q "$system/proc"; do
    umount "$system/proc" 2>/dev/null || umount -l "$system/proc" || break
  done
}
if [ ! -f "$system/.complete" ]; then
  unmount_proc
  rm -rf "$system"
  echo "debootstrap --variant=minbase bookworm from $mirror"
  log="$(mktemp)"
  debootstrap --variant=minbase bookworm "$system" "$mirror" >"$log" 2>&1 || { tail -20 "$log"; fail "debootstrap failed"; }
  rm -f "$log"
  touch "$system/.complete"
fi

# What makes the test mean something: the root lacks what the normal build needs.
if find "$system" -name 'libyaml*' -print -quit | grep -q .; then fail "the minimal root has libyaml"; fi
if find "$system" \( -name 'libswiftCore*' -o -name 'libFoundation*' -o -name swift \) -print -quit | grep -q .; then
  fail "the minimal root has a Swift runtime or toolchain"
fi
ls "$system"/usr/lib/*/libstdc++.so.6 >/dev/null || fail "the minimal root has no libstdc++"

work="$system/work"
tmp="$(mktemp -d)"
cleanup() {
  unmount_proc || true
  rm -rf "$work" "$tmp"
}
trap cleanup EXIT
rm -rf "$work"
mkdir -p "$work/opt" "$work/clean" "$work/broken"
tar -xzf "$archive" -C "$work/opt"
cp -R "$root/Processes" "$root/Policies" "$work/clean/"
cp -R "$root/Processes" "$root/Policies" "$work/broken/"
sed -i '0,/^\( *\)responsible:/s//\1resposible:/' "$work/broken/Processes/incident-management.yaml"
# Swift reads its arguments from /proc/self/cmdline, as every program on a real system can.
unmount_proc
mount -t proc proc "$system/proc"

today=(--today 2026-12-01)
# inside DIR ARGS...: procdef in the root, in /work/DIR, with an environment as bare as a container's.
inside() {
  local directory="$1"
  shift
  # shellcheck disable=SC2016 # the inner shell expands its own arguments
  chroot "$system" /usr/bin/env -i PATH=/usr/bin:/bin NO_COLOR=1 sh -c 'cd "$1" && shift && exec /work/opt/procdef "$@"' \
    sh "/work/$directory" "$@"
}
outside() {
  local directory="$1"
  shift
  (cd "$work/$directory" && env -i PATH=/usr/bin:/bin NO_COLOR=1 "$normal" "$@")
}
compare() {
  local directory="$1" expected_status="$2"
  shift 2
  local status_inside=0 status_outside=0
  inside "$directory" "$@" >"$tmp/inside.out" 2>"$tmp/inside.err" || status_inside=$?
  outside "$directory" "$@" >"$tmp/outside.out" 2>"$tmp/outside.err" || status_outside=$?
  [ "$status_inside" -eq "$expected_status" ] || { cat "$tmp/inside.err"; fail "in the minimal root, procdef $* exited $status_inside, expected $expected_status"; }
  [ "$status_outside" -eq "$expected_status" ] || fail "the normal build's procdef $* exited $status_outside, expected $expected_status"
  cmp -s "$tmp/inside.out" "$tmp/outside.out" || { diff "$tmp/outside.out" "$tmp/inside.out" | head -20; fail "procdef $* differs in the minimal root"; }
  cmp -s "$tmp/inside.err" "$tmp/outside.err" || { diff "$tmp/outside.err" "$tmp/inside.err" | head -20; fail "procdef $* differs on standard error in the minimal root"; }
}
compare clean 0 check --strict "${today[@]}"
compare clean 0 check --format sarif "${today[@]}"
compare broken 1 check "${today[@]}"
grep -qF '[schema/unknown-key]' "$tmp/inside.out" || fail "in the minimal root, the misspelt key is not reported"
inside clean build --out /work/out-inside "${today[@]}" >/dev/null || fail "procdef build failed in the minimal root"
outside clean build --out "$work/out-outside" "${today[@]}" >/dev/null || fail "the normal build's procdef build failed"
tree_inside="$(cd "$work/out-inside" && find . -type f -exec sha256sum {} + | sort -k2)"
tree_outside="$(cd "$work/out-outside" && find . -type f -exec sha256sum {} + | sort -k2)"
[ -n "$tree_inside" ] || fail "procdef build wrote nothing in the minimal root"
[ "$tree_inside" = "$tree_outside" ] || { diff <(echo "$tree_outside") <(echo "$tree_inside") | head; fail "procdef build differs in the minimal root"; }
echo "ok: in a debootstrap minbase bookworm root without Swift or libyaml, check (clean, SARIF, broken) and build ($(wc -l <<<"$tree_inside") files) match the normal build byte for byte"
