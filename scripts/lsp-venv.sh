#!/usr/bin/env bash
# Makes (once) the virtual environment with the LSP client the language server is tested and measured with:
# pytest-lsp and the pins of Tests/lsp/requirements.txt, from PyPI. Made again when the pins change. Prints its path.
#
# Usage: venv="$(bash scripts/lsp-venv.sh)"    (LSP_VENV names another place than .build/lsp-venv)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements="$root/Tests/lsp/requirements.txt"
venv="${LSP_VENV:-$root/.build/lsp-venv}"
stamp="$venv/.procdef-requirements"
if ! { [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; }; then
  echo "== making $venv with pytest-lsp from PyPI" >&2
  rm -rf "$venv"
  python3 -m venv "$venv" >&2 || { echo "FAIL: python3 -m venv failed (on Debian and Ubuntu: apt-get install python3-venv)" >&2; exit 1; }
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$requirements" >&2 \
    || { echo "FAIL: pip install -r Tests/lsp/requirements.txt failed" >&2; exit 1; }
  cp "$requirements" "$stamp"
fi
printf '%s\n' "$venv"
