#!/usr/bin/env bash
# Builds the libFuzzer target over the whole procdef pipeline and runs it for SECONDS (default 60).
#
#   Fuzz/run.sh 60      # the CI smoke
#   Fuzz/run.sh 900     # a longer session; the corpus grows in Fuzz/corpus and is kept between runs
#
# The corpus (Fuzz/corpus) and any crash, timeout or out-of-memory input (Fuzz/artifacts) are git-ignored. Seeds
# are copied into the corpus on every run: the shipped examples, the test fixtures and the fuzz regressions. A
# finding makes the script exit non-zero; replay it with `.build-fuzz/release/procdef-fuzz Fuzz/artifacts/<file>`,
# fix it, and add it to Tests/ProcDefFuzzTests/Regressions/.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# A scratch path of its own: a fuzzer build is instrumented throughout and must not replace the normal one.
# `--sanitize=fuzzer` links libFuzzer and its main, but with `--sanitize=address` beside it SwiftPM 6.3 hands the
# compiler only the address sanitizer, so no module gets coverage and the fuzzer runs blind ("corp: 1/1b"). The
# coverage the fuzzer sanitizer would add is asked for explicitly (not `-Xswiftc -sanitize=fuzzer`, whose main wins).
scratch=".build-fuzz"
build_log="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$build_log" "$log"' EXIT
if ! swift build -c release --product procdef-fuzz --sanitize=fuzzer --sanitize=address \
     -Xswiftc -sanitize-coverage=edge,trace-cmp,pc-table,inline-8bit-counters --scratch-path "$scratch" >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "FAIL: the fuzz target did not build" >&2
  exit 1
fi
# gold warns about one ASan symbol on every link; it is harmless.
grep -v "Cannot export local symbol '__asan_extra_spill_area'" "$build_log" | tail -n 1
bin="$scratch/release/procdef-fuzz"
[ -x "$bin" ] || { echo "FAIL: no fuzzer binary at $bin" >&2; exit 1; }

corpus="Fuzz/corpus"
artifacts="Fuzz/artifacts"
mkdir -p "$corpus" "$artifacts"
# Seeds, named by content so that copying them again adds nothing.
while IFS= read -r -d '' seed; do
  cp "$seed" "$corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
done < <(find Processes Policies Tests -type f \( -name '*.yaml' -o -name '*.yml' -o -path '*/Regressions/*' \) \
           -not -path '*/Golden/*' -print0)

status=0
# -max_len: the largest shipped example is 17 KB; 32 KiB leaves room to combine two of them with `%%`.
# -timeout=2: every input must be checked in well under a second (the hostile-input limits); 2 s is a hang.
# -rss_limit_mb=2048: a check needs tens of MB; 2 GiB is runaway memory.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$bin" \
  -max_total_time="$seconds" -max_len=32768 -timeout=2 -rss_limit_mb=2048 \
  -dict=Fuzz/yaml.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
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
