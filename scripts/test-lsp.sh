#!/usr/bin/env bash
# Tests `procdef lsp` under a real LSP client: pytest-lsp (pygls) starts the server as an editor does and drives it
# over stdio through Tests/lsp (diagnostics, quick fixes, hover, definition, references, rename, completion,
# document symbols, position encodings, bad input, shutdown).
#
# Usage: bash scripts/test-lsp.sh [PROCDEF_BINARY]   (default: .build/debug/procdef; build it first)
#
# The virtual environment is scripts/lsp-venv.sh's (.build/lsp-venv, or LSP_VENV).
# Extra arguments for pytest go in PYTEST_ARGS (e.g. PYTEST_ARGS="-k hover -x").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

fail() {
  printf 'FAIL: %s\n' "$*" >&2
  exit 1
}

bin="${1:-.build/debug/procdef}"
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
[ -x "$bin" ] || fail "no procdef binary at $bin: run swift build first, or pass the binary's path"

venv="$(bash scripts/lsp-venv.sh)" || fail "the virtual environment with pytest-lsp could not be made"
echo "pytest-lsp $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pytest-lsp"), "/ pygls", m.version("pygls"), "/ lsprotocol", m.version("lsprotocol"))')"
echo "server: $bin lsp ($("$bin" --version))"

start=$SECONDS
status=0
# No __pycache__ in the checkout; the cache provider is off in Tests/lsp/pytest.ini.
# shellcheck disable=SC2086 # PYTEST_ARGS is split on purpose.
PROCDEF_BIN="$bin" PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m pytest -q ${PYTEST_ARGS:-} Tests/lsp || status=$?
echo "(took $((SECONDS - start)) s)"
[ "$status" -eq 0 ] || fail "the language server's end-to-end tests failed (pytest exited $status)"
echo "ok: procdef lsp passes its end-to-end tests under pytest-lsp"
