#!/usr/bin/env bash
# Runs `swift test` as on a machine set up exactly as the README says: with the optional tools the tests use
# (Graphviz dot, cmark-gfm, check-jsonschema) hidden by PROCDEF_TESTS_HIDE_OPTIONAL_TOOLS=1, though CI has them.
#
# Fails when any test fails (a missing tool must skip a test, never fail it), and when the tests skipped for a
# hidden tool are not exactly those listed in Tests/optional-tool-tests.txt: fewer would mean a tool is used
# without its skip, more that a test stopped running what it could run without the tool. Either way this step
# cannot pass by testing nothing.
#
# Usage: scripts/test-without-optional-tools.sh [SWIFT-TEST-ARGUMENTS...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
expected="Tests/optional-tool-tests.txt"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

status=0
PROCDEF_TESTS_HIDE_OPTIONAL_TOOLS=1 swift test "$@" >"$log" 2>&1 || status=$?
grep -E '^[[:space:]]*Executed [0-9]+ tests' "$log" | tail -n 1
if [ "$status" -ne 0 ]; then
  grep -E 'error:|failed' "$log" | head -n 40 >&2
  echo "FAIL: swift test with the optional tools hidden exited $status" >&2
  exit 1
fi
skipped="$(grep -E 'Test skipped - [^ ]+ is hidden by PROCDEF_TESTS_HIDE_OPTIONAL_TOOLS' "$log" \
  | sed -E 's/^.*: ([A-Za-z0-9_]+\.[A-Za-z0-9_]+) : Test skipped - .*$/\1/' | LC_ALL=C sort -u)"
if ! diff -u "$expected" <(printf '%s\n' "$skipped") >&2; then
  echo "FAIL: the tests skipped for a hidden tool differ from $expected (- listed, + skipped)" >&2
  exit 1
fi
echo "ok: no failures with the optional tools hidden; the $(wc -l <"$expected") tests that need one were skipped"
