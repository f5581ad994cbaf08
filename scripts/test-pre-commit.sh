#!/usr/bin/env bash
# Tests the pre-commit hook (.pre-commit-hooks.yaml) the way a user meets it: installs pre-commit from PyPI into a
# virtual environment, makes a temporary git repository of process definitions whose .pre-commit-config.yaml points
# at this checkout's current commit, and runs `pre-commit run --all-files`:
#   1. on clean definitions the hook passes (pre-commit builds procdef with `swift build -c release` first);
#   2. with a misspelt key added, the hook fails with procdef's [schema/unknown-key] finding.
# It also validates .pre-commit-hooks.yaml and the README's pre-commit recipes with pre-commit's own validators.
# The hook is the committed one: pre-commit clones the repository at HEAD, so commit changes before testing them.
#
# Slow: the first run builds procdef in release mode inside pre-commit's cache (about 2-4 minutes on 2 cores).
# PRE_COMMIT_HOME, when set, is used (and kept) as pre-commit's cache, so a second run skips the build.
#
# Exits 0 with "SKIP: pre-commit could not be installed: <reason>" when `pip install pre-commit` fails (no network,
# no venv module); any other problem fails the run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

rev="$(git -C "$root" rev-parse HEAD)" || fail "$root is not a git checkout"
[ -f "$root/.pre-commit-hooks.yaml" ] || fail "no .pre-commit-hooks.yaml in $root"
git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null || fail ".pre-commit-hooks.yaml is not committed at $rev"
if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
  echo "note: $root has uncommitted changes; the hook is tested as committed at $rev"
fi

echo "== installing pre-commit from PyPI"
venv="$tmp/venv"
if ! reason="$(python3 -m venv "$venv" 2>&1)"; then
  echo "SKIP: pre-commit could not be installed: python3 -m venv failed: $(tail -n 1 <<<"$reason")"
  exit 0
fi
if ! reason="$("$venv/bin/python" -m pip install --disable-pip-version-check --quiet pre-commit 2>&1)"; then
  echo "SKIP: pre-commit could not be installed: pip install pre-commit failed: $(tail -n 1 <<<"$reason")"
  exit 0
fi
pre_commit="$venv/bin/pre-commit"
echo "pre-commit $("$pre_commit" --version | awk '{print $2}')"

echo "== the hook manifest and the README's pre-commit recipes are valid"
"$pre_commit" validate-manifest "$root/.pre-commit-hooks.yaml" || fail ".pre-commit-hooks.yaml is not a valid hook manifest"
# Every ```yaml block in README.md's "### pre-commit" section is a .pre-commit-config.yaml.
awk -v out="$tmp/recipe" '
  /^### / { inside_section = ($0 == "### pre-commit"); next }
  inside_section && /^```yaml$/ { n++; file = out "-" n ".yaml"; inside = 1; next }
  inside && /^```$/ { inside = 0; close(file); next }
  inside { print > file }
' "$root/README.md"
recipes=("$tmp"/recipe-*.yaml)
[ -e "${recipes[0]}" ] || fail "README.md has no yaml block under '### pre-commit'"
for recipe in "${recipes[@]}"; do
  "$pre_commit" validate-config "$recipe" || fail "README.md's pre-commit recipe $(basename "$recipe") is not a valid config"
done
echo "ok: .pre-commit-hooks.yaml and ${#recipes[@]} README recipes"

export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$tmp/cache}"
# pre-commit's own git commands must not pick up the caller's hooks or templates.
export GIT_CONFIG_NOSYSTEM=1
repo="$tmp/definitions"
mkdir -p "$repo/Processes"
git -C "$repo" init --quiet
git -C "$repo" config user.email "test@example.com"
git -C "$repo" config user.name "procdef test"
git -C "$repo" config commit.gpgsign false

cp "$root/Processes/roles.yaml" "$repo/Processes/roles.yaml"
cat >"$repo/Processes/password-reset.yaml" <<'YAML'
kind: process
id: password-reset
name: Password Reset
owner: incident-process-owner
manager: service-desk-lead
defaults:
  accountable: service-desk-lead
activities:
  - id: verify
    name: Verify the caller
    responsible: service-desk
  - id: reset
    name: Reset the password
    responsible: service-desk
YAML
cat >"$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: procdef-check
YAML
git -C "$repo" add -A
git -C "$repo" commit --quiet -m "definitions"

echo "== pre-commit run --all-files on clean definitions (builds procdef: slow the first time)"
start=$SECONDS
status=0
output="$(cd "$repo" && "$pre_commit" run --all-files --color never 2>&1)" || status=$?
printf '%s\n' "$output"
echo "(took $((SECONDS - start)) s)"
[ "$status" -eq 0 ] || fail "pre-commit failed on clean definitions (exit $status)"
grep -qE '^procdef check\.+Passed$' <<<"$output" || fail "the procdef-check hook did not report Passed"

echo "== pre-commit run --all-files with a misspelt key"
sed -i '0,/^    responsible: service-desk$/s//    resposible: service-desk/' "$repo/Processes/password-reset.yaml"
grep -q 'resposible:' "$repo/Processes/password-reset.yaml" || fail "could not plant the misspelt key"
git -C "$repo" add -A
start=$SECONDS
status=0
output="$(cd "$repo" && "$pre_commit" run --all-files --color never 2>&1)" || status=$?
printf '%s\n' "$output"
echo "(took $((SECONDS - start)) s)"
[ "$status" -ne 0 ] || fail "pre-commit passed, but the misspelt key should fail the hook"
grep -qE '^procdef check\.+Failed$' <<<"$output" || fail "the procdef-check hook did not report Failed"
grep -qF "Processes/password-reset.yaml:11:5: error: unknown key 'resposible' in activity 'verify' [schema/unknown-key]" <<<"$output" \
  || fail "the hook's output has no [schema/unknown-key] finding for the misspelt key"
grep -qF "did you mean 'responsible'?" <<<"$output" || fail "the hook's output has no did-you-mean"

echo "ok: the pre-commit hook builds, passes clean definitions and fails on a misspelt key"
