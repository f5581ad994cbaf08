#!/usr/bin/env bash
# Runs the README's release-binary recipe (the sh block after the `install-binary` marker) as a newcomer would, in
# an empty folder holding a copy of the example library, against a local release folder instead of the release
# page: the only lines changed are the base URL (file://DIST) and the check's date (the examples hold a waiver
# with an end date, so CI passes a fixed day). Then the same recipe against a release whose SHA256SUMS does not
# match must stop before anything runs. The recipe must finish in under a minute, as the README promises.
#
#   bash scripts/test-readme-install.sh DIST
#
# DIST holds procdef-VERSION-linux-ARCH.tar.gz and its .sha256, as scripts/build-release.sh writes them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}
[ "$#" -eq 1 ] || { echo "usage: test-readme-install.sh DIST" >&2; exit 2; }
dist="$(cd "$1" && pwd)"

recipe="$(awk '/^<!-- install-binary/ { found = 1; next } found && /^```sh$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' "$root/README.md")"
[ -n "$recipe" ] || fail "README.md has no sh block after the install-binary marker"
# shellcheck disable=SC2016 # the recipe's own $version, matched as text
grep -q '^base="<procdef>/releases/download/v\$version"$' <<<"$recipe" || fail "the recipe's base line changed; update this test"
grep -q '^ *\./procdef check$' <<<"$recipe" || fail "the recipe no longer ends with ./procdef check; update this test"
version="$(sed -n 's/^version=//p' <<<"$recipe")"
expected_version="$(sed -n 's/^ *package static let current = "\([^"]*\)"$/\1/p' "$root/Sources/ProcDef/ProcdefVersion.swift")"
[ "$version" = "$expected_version" ] || fail "the README installs $version, the sources are $expected_version"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# release_folder NAME: a folder served as the release page, with SHA256SUMS as the release workflow writes it.
release_folder() {
  mkdir -p "$tmp/$1"
  cp "$dist"/procdef-"$version"-linux-*.tar.gz "$tmp/$1/" || fail "no procdef-$version archive in $dist"
  cat "$dist"/procdef-"$version"-linux-*.tar.gz.sha256 | sort -k2 >"$tmp/$1/SHA256SUMS"
}
# run_recipe RELEASE_FOLDER: the recipe, in a fresh folder holding the example library.
run_recipe() {
  local user="$tmp/user-$1"
  mkdir -p "$user"
  cp -R "$root/Processes" "$root/Policies" "$user/"
  local script
  script="$(sed -e "s|^base=\"<procdef>/releases/download/v\\\$version\"$|base=\"file://$tmp/$1\"|" \
    -e 's|^\( *\)\./procdef check$|\1./procdef check --today 2026-12-01|' <<<"$recipe")"
  # Plain bash, as when the block is pasted into a terminal: no -e, no pipefail. The recipe itself must stop.
  (cd "$user" && NO_COLOR=1 bash -c "$script")
}

release_folder good
started=$SECONDS
output="$(run_recipe good 2>&1)" || { printf '%s\n' "$output"; fail "the README's recipe failed"; }
elapsed=$((SECONDS - started))
printf '%s\n' "$output"
grep -q "^procdef-$version-linux-$(uname -m).tar.gz: OK$" <<<"$output" || fail "the recipe did not verify the checksum"
grep -qE "^$version \(commit [0-9a-f]{40}" <<<"$output" || fail "the unpacked procdef did not print its version and commit"
left="$(find "$tmp/user-good" -mindepth 1 -maxdepth 1 -printf "%f\n" | LC_ALL=C sort | tr "\n" " ")"
[ "$left" = "Policies Processes procdef procdef-$version-linux-$(uname -m).tar.gz " ] \
  || fail "the recipe left other files than the archive and procdef"
[ "$elapsed" -lt 60 ] || fail "the recipe took $elapsed s, the README promises under a minute"
echo "ok: the README's recipe downloaded, verified, unpacked and checked the examples in $elapsed s"

release_folder tampered
# The first hex digit of every checksum, changed: the archive is no longer the one the release names.
awk '{ first = substr($0, 1, 1); printf "%s%s\n", (first == "f" ? "e" : "f"), substr($0, 2) }' "$tmp/tampered/SHA256SUMS" >"$tmp/sums"
mv "$tmp/sums" "$tmp/tampered/SHA256SUMS"
status=0
output="$(run_recipe tampered 2>&1)" || status=$?
printf '%s\n' "$output"
[ "$status" -ne 0 ] || fail "the recipe went on with an archive whose checksum does not match"
grep -q 'FAILED' <<<"$output" || fail "sha256sum did not report the mismatch"
[ ! -e "$tmp/user-tampered/procdef" ] || fail "the recipe unpacked an archive whose checksum does not match"
echo "ok: a release whose checksum does not match stops the recipe before it unpacks anything"
