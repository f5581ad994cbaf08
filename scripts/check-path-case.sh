#!/usr/bin/env bash
# Fails when two paths of the repository (files or the folders above them) differ only by letter case: on a
# case-insensitive disk (macOS and Windows by default) they are one path, and a clone there loses one of them or
# the package does not build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
clashes="$(git ls-files | awk -F/ '{ path = ""; for (i = 1; i <= NF; i++) { path = (i == 1 ? $i : path "/" $i); print path } }' \
  | LC_ALL=C sort -u | awk '{ key = tolower($0); if (key in seen) print seen[key] "  and  " $0; else seen[key] = $0 }')"
if [ -n "$clashes" ]; then
  printf 'FAIL: paths that differ only by case:\n%s\n' "$clashes" >&2
  exit 1
fi
echo "ok: no two of the $(git ls-files | wc -l) tracked files and their folders differ only by case"
