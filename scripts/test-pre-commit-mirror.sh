#!/usr/bin/env bash
# Tests the pre-commit hook repository of scripts/build-pre-commit-mirror.sh (pre-commit without Swift) with real
# pre-commit, offline, against a locally built procdef wheel:
#   1. the generated .pre-commit-hooks.yaml, the scratch repository's config and the mirror README's recipe are
#      valid for pre-commit's own validators;
#   2. the mirror, committed and tagged vVERSION in a temporary git repository, is the hook of a scratch repository
#      of the example definitions with a misspelt key; `pre-commit run --all-files` installs the hook with pip from
#      the wheel alone (PIP_NO_INDEX=1, PIP_FIND_LINKS to a folder of the wheel and setuptools) and fails with
#      procdef's [schema/unknown-key] finding and its did-you-mean;
#   3. with the key fixed, the hook passes;
#   4. the hook environment's procdef is the wheel's binary, byte for byte, and says the wheel's version (and,
#      given COMMIT, that commit).
# Where `unshare --net --map-root-user` works (root, or user namespaces allowed), the pre-commit runs happen in a
# network namespace with no network at all, so "offline" is proven rather than asked of pip.
#
# Usage: scripts/test-pre-commit-mirror.sh WHEEL [COMMIT]
#   pre-commit is used from PATH, else installed from PyPI into a temporary virtual environment (as
#   scripts/test-pre-commit.sh does); the setuptools wheel that pip needs to build the mirror's package is
#   fetched with `pip download` before the offline part. Both need PyPI, so unlike test-pre-commit.sh this test
#   fails, rather than skips, without it: it is the only test of the mirror.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  fail "usage: $0 WHEEL [COMMIT]"
fi
wheel="$1"
commit="${2:-}"
[ -f "$wheel" ] || fail "no wheel at $wheel"
[[ "$(basename "$wheel")" =~ ^procdef-([^-]+)-py3-none-[a-z0-9_]+\.whl$ ]] || fail "$(basename "$wheel") is not a procdef wheel"
version="${BASH_REMATCH[1]}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if command -v pre-commit >/dev/null 2>&1; then
  pre_commit="$(command -v pre-commit)"
else
  echo "== installing pre-commit from PyPI"
  python3 -m venv "$tmp/venv" || fail "python3 -m venv failed (on Debian and Ubuntu: apt-get install python3-venv)"
  "$tmp/venv/bin/python" -m pip install --disable-pip-version-check --quiet pre-commit || fail "pip install pre-commit failed"
  pre_commit="$tmp/venv/bin/pre-commit"
fi
echo "pre-commit $("$pre_commit" --version | awk '{print $2}')"

echo "== a folder of wheels for the offline install: the procdef wheel and setuptools"
wheelhouse="$tmp/wheelhouse"
mkdir -p "$wheelhouse"
cp "$wheel" "$wheelhouse/"
# pip builds the mirror's package (pyproject.toml) in an isolated environment that needs setuptools; the newest
# setuptools builds wheels itself, so the `wheel` package is not needed.
python3 -m pip download --disable-pip-version-check --quiet --only-binary=:all: --dest "$wheelhouse" setuptools \
  || fail "pip download setuptools failed (PyPI is needed once, before the offline part)"
ls "$wheelhouse"

echo "== the hook repository (scripts/build-pre-commit-mirror.sh $version), committed and tagged v$version"
# pre-commit's and this script's git commands must not pick up the caller's hooks, templates or signing.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git_repo() {
  git -C "$1" init --quiet
  git -C "$1" config user.email "test@example.com"
  git -C "$1" config user.name "procdef test"
  git -C "$1" config commit.gpgsign false
  git -C "$1" config tag.gpgsign false
}
mirror="$tmp/procdef-pre-commit"
bash "$root/scripts/build-pre-commit-mirror.sh" "$version" "$mirror" >/dev/null
git_repo "$mirror"
git -C "$mirror" add -A
git -C "$mirror" commit --quiet -m "procdef $version"
git -C "$mirror" tag "v$version"
git -C "$mirror" ls-files

repo="$tmp/definitions"
mkdir -p "$repo"
git_repo "$repo"
cp -R "$root/Processes" "$root/Policies" "$repo/"
# Misspell the first `responsible:` key of the incident process, as .ci/run's "a misspelt key is caught" does.
sed -i '0,/^\( *\)responsible:/s//\1resposible:/' "$repo/Processes/incident-management.yaml"
grep -q 'resposible:' "$repo/Processes/incident-management.yaml" || fail "could not plant the misspelt key"
# The examples hold a waiver that expires on 2027-06-30: a fixed date gives the same verdict any day.
cat >"$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $mirror
    rev: v$version
    hooks:
      - id: procdef-check
        args: [--today, "2026-12-01"]  # quoted: YAML would read a bare date as a date, not text
YAML
git -C "$repo" add -A
git -C "$repo" commit --quiet -m "definitions with a misspelt key"

echo "== the manifest, the config and the mirror README's recipe are valid"
"$pre_commit" validate-manifest "$mirror/.pre-commit-hooks.yaml" || fail "the mirror's .pre-commit-hooks.yaml is not a valid hook manifest"
"$pre_commit" validate-config "$repo/.pre-commit-config.yaml" || fail "the scratch repository's config is not valid"
awk '/^```yaml$/ { inside = 1; next } inside && /^```$/ { inside = 0; next } inside { print }' "$mirror/README.md" >"$tmp/recipe.yaml"
grep -q 'id: procdef-check' "$tmp/recipe.yaml" || fail "the mirror's README has no yaml recipe with procdef-check"
"$pre_commit" validate-config "$tmp/recipe.yaml" || fail "the mirror README's recipe is not a valid config"
echo "ok"

export PRE_COMMIT_HOME="$tmp/cache" PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheelhouse" PIP_DISABLE_PIP_VERSION_CHECK=1
offline=()
if unshare --net --map-root-user true 2>/dev/null; then
  offline=(unshare --net --map-root-user)
  echo "(pre-commit runs with no network: unshare --net)"
else
  echo "(unshare --net is not allowed here: pre-commit runs offline by PIP_NO_INDEX alone)"
fi
# run_hook EXPECTED_EXIT: pre-commit run --all-files in the scratch repository; its output in $output.
run_hook() {
  local status=0 start=$SECONDS
  output="$(cd "$repo" && ${offline[@]+"${offline[@]}"} "$pre_commit" run --all-files --color never 2>&1)" || status=$?
  printf '%s\n' "$output"
  echo "(took $((SECONDS - start)) s)"
  [ "$status" -eq "$1" ] || fail "pre-commit run --all-files exited $status, expected $1"
}

echo "== pre-commit run --all-files with a misspelt key (installs the hook from the wheel)"
run_hook 1
grep -qE '^procdef check\.+Failed$' <<<"$output" || fail "the procdef-check hook did not report Failed"
grep -qF '[schema/unknown-key]' <<<"$output" || fail "the hook's output has no [schema/unknown-key] finding"
grep -qF "did you mean 'responsible'" <<<"$output" || fail "the hook's output has no did-you-mean"
echo "ok: the hook fails with [schema/unknown-key] and the did-you-mean"

echo "== pre-commit run --all-files with the key fixed"
cp "$root/Processes/incident-management.yaml" "$repo/Processes/incident-management.yaml"
git -C "$repo" add -A
run_hook 0
grep -qE '^procdef check\.+Passed$' <<<"$output" || fail "the procdef-check hook did not report Passed"
echo "ok: the hook passes"

echo "== the hook's procdef is the wheel's"
hook_bins=("$PRE_COMMIT_HOME"/repo*/py_env-*/bin/procdef)
if [ "${#hook_bins[@]}" -ne 1 ] || [ ! -x "${hook_bins[0]}" ]; then
  fail "expected one procdef in pre-commit's hook environment, found: ${hook_bins[*]}"
fi
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))' \
  "$wheel" "procdef-$version.data/scripts/procdef" >"$tmp/packed"
cmp -s "${hook_bins[0]}" "$tmp/packed" || fail "the hook environment's procdef is not the wheel's binary"
reported="$("${hook_bins[0]}" --version)"
if [ -n "$commit" ]; then
  [ "$reported" = "$version (commit $commit)" ] || fail "the hook's procdef says '$reported', expected '$version (commit $commit)'"
else
  [[ "$reported" =~ ^$version\ \(commit\ .+\)$ ]] || fail "the hook's procdef says '$reported', expected '$version (commit ...)'"
fi
echo "ok: the hook environment's procdef is the wheel's binary: $reported"

echo "ok: the pre-commit mirror installs offline from the wheel, fails on a misspelt key and passes when fixed (took $((SECONDS - started)) s)"
