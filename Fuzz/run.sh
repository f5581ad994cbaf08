#!/usr/bin/env bash
# Builds a libFuzzer target and runs it for SECONDS (default 60).
#
#   Fuzz/run.sh 60                      # the whole procdef pipeline (the product procdef-fuzz, the default)
#   Fuzz/run.sh 900                     # a longer session; the corpus grows in Fuzz/corpus and is kept between runs
#   Fuzz/run.sh 30 procdef-lsp-fuzz     # the language server's protocol layer
#
# Two targets, each with its own corpus, artifacts, seeds and dictionary:
# - procdef-fuzz (Sources/procdef-fuzz) runs the whole pipeline on YAML files: corpus in Fuzz/corpus, findings in
#   Fuzz/artifacts, seeds from the shipped examples, the test fixtures and the fuzz regressions, Fuzz/yaml.dict.
# - procdef-lsp-fuzz (Sources/procdef-lsp-fuzz) reads its input as what a client sends a language server: the
#   LanguageServerProtocol module frames it (read in chunks whose size the input's first byte picks), decodes each
#   frame as a JSON-RPC message, decodes the params of initialize, didOpen, didChange and completion and applies
#   them, and converts positions on the raw bytes. Corpus in Fuzz/corpus-lsp, findings in Fuzz/artifacts-lsp, seeds
#   in Fuzz/lsp-seeds (framed messages as a client writes them, a bad header among them), Fuzz/lsp.dict. A finding
#   there goes, once fixed, into a test in Tests/LanguageServerProtocolTests.
#
# The corpora and artifacts are git-ignored. Seeds are copied into the corpus on every run. A finding makes the
# script exit non-zero; replay it with `.build-fuzz/release/PRODUCT Fuzz/artifacts…/<file>`, fix it, and add it to
# Tests/ProcDefFuzzTests/Regressions/ (procdef-fuzz) or to a test of the module (procdef-lsp-fuzz).
set -euo pipefail

seconds="${1:-60}"
product="${2:-procdef-fuzz}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

case "$product" in
  procdef-fuzz)
    corpus="Fuzz/corpus"
    artifacts="Fuzz/artifacts"
    dict="Fuzz/yaml.dict"
    # The largest shipped example is 17 KB; 32 KiB leaves room to combine two of them with `%%`.
    max_len=32768
    ;;
  procdef-lsp-fuzz)
    corpus="Fuzz/corpus-lsp"
    artifacts="Fuzz/artifacts-lsp"
    dict="Fuzz/lsp.dict"
    # Several frames and a body over the target's 4 KiB limit fit in 16 KiB.
    max_len=16384
    ;;
  *)
    echo "FAIL: unknown fuzz product '$product' (procdef-fuzz or procdef-lsp-fuzz)" >&2
    exit 2
    ;;
esac

# A scratch path of its own: a fuzzer build is instrumented throughout and must not replace the normal one.
# `--sanitize=fuzzer` links libFuzzer and its main, but with `--sanitize=address` beside it SwiftPM 6.3 hands the
# compiler only the address sanitizer, so no module gets coverage and the fuzzer runs blind ("corp: 1/1b"). The
# coverage the fuzzer sanitizer would add is asked for explicitly (not `-Xswiftc -sanitize=fuzzer`, whose main wins).
scratch=".build-fuzz"
build_log="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$build_log" "$log"' EXIT
if ! swift build -c release --product "$product" --sanitize=fuzzer --sanitize=address \
     -Xswiftc -sanitize-coverage=edge,trace-cmp,pc-table,inline-8bit-counters --scratch-path "$scratch" >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "FAIL: the fuzz target did not build" >&2
  exit 1
fi
# gold warns about one ASan symbol on every link; it is harmless.
grep -v "Cannot export local symbol '__asan_extra_spill_area'" "$build_log" | tail -n 1
bin="$scratch/release/$product"
[ -x "$bin" ] || { echo "FAIL: no fuzzer binary at $bin" >&2; exit 1; }

mkdir -p "$corpus" "$artifacts"
# Seeds, named by content so that copying them again adds nothing.
if [ "$product" = procdef-fuzz ]; then
  seeds=(find Processes Policies Tests -type f \( -name '*.yaml' -o -name '*.yml' -o -path '*/Regressions/*' \) -not -path '*/Golden/*' -print0)
else
  seeds=(find Fuzz/lsp-seeds -type f -print0)
fi
while IFS= read -r -d '' seed; do
  cp "$seed" "$corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
done < <("${seeds[@]}")

status=0
# -max_len: per product, above.
# -timeout=2: every input must be checked in well under a second (the hostile-input limits); 2 s is a hang.
# -rss_limit_mb=2048: a check needs tens of MB; 2 GiB is runaway memory.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$bin" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=2 -rss_limit_mb=2048 \
  -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$corpus" >"$log" 2>&1 || status=$?
cp "$log" "$artifacts/last-run.log"

grep -E '^#[0-9]+' "$log" | tail -n 5
executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
# A binary whose own main won over libFuzzer's does nothing and prints none of libFuzzer's progress lines.
if ! grep -qE '^#[0-9]+.*cov: [0-9]+.*exec/s' "$log"; then
  cat "$log" >&2
  echo "FAIL: $bin printed no libFuzzer progress line with coverage: it is not fuzzing" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  grep -E 'ERROR|SUMMARY|Fatal error|Test unit written|==[0-9]+==' "$log" >&2 || tail -n 60 "$log" >&2
  echo "FAIL: the fuzzer found a problem (exit $status); the input is in $artifacts/" >&2
  exit 1
fi
echo "fuzzed for ${seconds}s: ${executions:-?} executions, ${rate:-?} exec/s, corpus $(ls "$corpus" | wc -l) inputs"
