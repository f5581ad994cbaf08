#!/usr/bin/env bash
# The speed benchmark of procdef against the raw libyaml floor.
#
#   Benchmarks/run.sh [--quick] [--write-results] [--runs N] [--seed N] [--activities M]
#
# Builds procdef in release and the libyaml baseline (Benchmarks/baseline),
# generates clean corpora (Benchmarks/generate-corpus.py; kept in
# Benchmarks/.corpus/ and reused while the seed, the sizes and the generator
# stay the same), then times, the median of N interleaved wall-clock runs each:
#   - `procdef check` and the baseline side by side on 500, 2,000 and 8,000 files;
#   - `procdef check --jobs 1` and `--jobs 2` on 2,000 files (the parallel speedup);
#   - peak RSS of `procdef check` on each corpus (/usr/bin/time -v, on the
#     run that checks the corpus is clean);
#   - instructions (callgrind, when valgrind is installed) of `procdef check`
#     and of the baseline on 200 files, with libyaml's share of procdef's;
#   - `procdef build` on the 2,000-file corpus (skipped while `build` does not exist);
#   - `procdef check` on one process of 5,000 activities, with the two policies;
# and prints a Markdown table with the issue's targets.
#
# --quick          tiny corpora (20 and 80 files, a 500-activity process), 1 run:
#                  a CI smoke test that fails only on errors, never on targets;
#                  then Benchmarks/diff-git.sh --quick (a few seconds)
# --write-results  rewrite Benchmarks/RESULTS.md with the table and the machine
# --runs N         runs per measurement (default 5; 1 with --quick)
# --seed N         corpus seed (default 1)
# --activities M   activities per process file (default 12)
#
# Exit status: 0 all ran and (full mode) every target is met; 1 an error (a
# build failed, the corpus is not clean, procdef or the baseline exited
# non-zero); 3 all ran but a target is not met (full mode only).
#
# PROCDEF_SINGLE_ARGS: extra arguments for `procdef check` on the long
# process (for a flag that raises the activities-per-process limit).
# BENCH_MAX_SECONDS (default 300): a measurement whose round takes longer
# stops repeating (median of fewer runs), so a slow procdef still finishes.
# BENCH_CALLGRIND=0 skips the instruction counts even when valgrind is there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=0
write_results=0
runs=""
seed=1
activities=12
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --write-results) write_results=1 ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --seed) seed="${2:?--seed needs a number}"; shift ;;
    --activities) activities="${2:?--activities needs a number}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$quick" -eq 1 ]; then
  sizes=(20 80)           # small corpus, "2,000" role, "8,000" role
  small="" mid=20 large=80
  counted=20
  single=500
  runs="${runs:-1}"
else
  sizes=(500 2000 8000)
  small=500 mid=2000 large=8000
  counted=200
  single=5000
  runs="${runs:-5}"
fi

say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'run.sh: FAIL: %s\n' "$*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/procdef-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
results="$work/results.txt"   # key=value lines, rendered into the table at the end
: >"$results"
record() { printf '%s=%s\n' "$1" "$2" >>"$results"; }
notes=()

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
say "building procdef (release)"
swift build -c release --product procdef >&2 || fail "swift build -c release failed"
bin="$(swift build -c release --show-bin-path)/procdef"
[ -x "$bin" ] || fail "no procdef binary at $bin"

say "building the libyaml baseline"
pkg-config --exists yaml-0.1 || fail "libyaml not found through pkg-config (apt-get install libyaml-dev pkg-config)"
mkdir -p .build/bench
baseline=".build/bench/yaml-events"
# shellcheck disable=SC2046
cc -O2 -o "$baseline" Benchmarks/baseline/yaml-events.c $(pkg-config --cflags --libs yaml-0.1) \
  || fail "the baseline does not build"

# The benchmark's own configuration (default rules), so that a .procdef.yaml
# of the repository never changes what is measured.
config=()
# Help texts are read whole before they are searched: `grep -q` would stop reading at the first match, and under
# pipefail the SIGPIPE procdef then gets would read as "no such option".
check_help="$("$bin" check --help 2>&1 || true)"
if [[ $check_help == *--config* ]]; then
  config=(--config Benchmarks/bench-config.yaml)
fi

timer=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  timer=/usr/bin/time
elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing GNU time for peak RSS"
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 \
     || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1; }; then
    timer=/usr/bin/time
  fi
fi
if [ -z "$timer" ]; then
  notes+=("Peak RSS not measured: /usr/bin/time (Debian package \`time\`) is missing and could not be installed.")
fi

# ---------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------
generator="Benchmarks/generate-corpus.py"
generator_hash="$(sha256sum "$generator" | cut -c1-16)"

# corpus NAME ARGS...: the folder of a generated corpus, made (or reused) now.
corpus() {
  local name="$1"; shift
  local dir="Benchmarks/.corpus/$name"
  local stamp="generator=$generator_hash args=$*"
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then
    say "reusing corpus $dir"
  else
    say "generating corpus $dir"
    rm -rf "$dir" "$dir.tmp"
    python3 "$generator" "$@" --out "$dir.tmp" || fail "the corpus generator failed"
    printf '%s' "$stamp" >"$dir.tmp/.stamp"
    mv "$dir.tmp" "$dir"
  fi
  printf '%s\n' "$dir"
}

# list_files DIR LISTFILE: every YAML file procdef reads, one a line; prints the total bytes.
list_files() {
  find "$1" -type f \( -name '*.yaml' -o -name '*.yml' \) | LC_ALL=C sort >"$2"
  python3 -c 'import os,sys; print(sum(os.path.getsize(l.rstrip("\n")) for l in open(sys.argv[1])))' "$2"
}

# assert_clean DIR [ARGS...]: procdef check exits 0 and reports no error,
# warning or note. The same run measures the peak RSS (see peak_rss).
assert_clean() {
  local dir="$1"; shift
  local status=0
  rm -f "$work/time.txt"
  if [ -n "$timer" ]; then
    "$timer" -v -o "$work/time.txt" "$bin" check ${config[@]+"${config[@]}"} --format json "$@" "$dir" >"$work/clean.json" 2>"$work/clean.err" || status=$?
  else
    "$bin" check ${config[@]+"${config[@]}"} --format json "$@" "$dir" >"$work/clean.json" 2>"$work/clean.err" || status=$?
  fi
  python3 - "$work/clean.json" "$status" "$dir" "$work/clean.rules" "$work/clean.messages" <<'PY' || { cat "$work/clean.err" >&2; return 1; }
import json, sys
path, status, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3]
open(sys.argv[4], "w").close()
open(sys.argv[5], "w").close()
try:
    report = json.load(open(path))
    summary = report["summary"]
except Exception as error:
    print("run.sh: procdef check --format json on %s gave no JSON report (%s); is `check` implemented "
          "on this branch yet? (git merge main)" % (corpus, error), file=sys.stderr)
    sys.exit(1)
findings = report.get("diagnostics", [])
if status != 0 or findings or summary.get("errors") or summary.get("warnings") or summary.get("notes"):
    print("run.sh: the corpus %s is not clean: procdef check exited %d with %d errors, %d warnings, %d notes"
          % (corpus, status, summary.get("errors", 0), summary.get("warnings", 0), summary.get("notes", 0)),
          file=sys.stderr)
    rules = {}
    for d in findings:
        rules[d["rule"]] = rules.get(d["rule"], 0) + 1
    for rule, n in sorted(rules.items()):
        print("  %6d  %s" % (n, rule), file=sys.stderr)
    with open(sys.argv[4], "w") as f:
        f.write("".join(rule + "\n" for rule in sorted(rules)))
    with open(sys.argv[5], "w") as f:
        f.write("".join(d["message"] + "\n" for d in findings))
    for d in findings[:10]:
        print("  %s:%s:%s: %s: %s [%s]" % (d["file"], d["line"], d["column"], d["severity"], d["message"], d["rule"]),
              file=sys.stderr)
    sys.exit(1)
PY
}

# best_of RUNS CMD... [:: CMD...]: runs the commands in turn RUNS times (so
# that they see the same machine state) and prints, for each one, its median
# wall-clock seconds and the CPU seconds (user + system) of the run that gave
# it (the lower middle run for an even count). The median, not the best: on a
# shared machine one lucky run says little. Any non-zero exit fails. `{run}`
# in an argument becomes the run number. A round slower than BENCH_MAX_SECONDS
# (default 300) is the last one, so that a pathologically slow procdef still
# gives a number in reasonable time.
best_of() {
  python3 - "$@" <<'PY'
import os, resource, subprocess, sys, time
runs = int(sys.argv[1])
commands, current = [], []
for arg in sys.argv[2:]:
    if arg == "::":
        commands.append(current); current = []
    else:
        current.append(arg)
commands.append(current)
samples = [[] for _ in commands]
budget = float(os.environ.get("BENCH_MAX_SECONDS", "300"))

def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

for run in range(runs):
    round_start = time.perf_counter()
    for i, command in enumerate(commands):
        argv = [a.replace("{run}", str(run)) for a in command]
        cpu_before = children_cpu()
        start = time.perf_counter()
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        cpu = children_cpu() - cpu_before
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode("utf-8", "replace")[-4000:])
            print("run.sh: `%s` exited %d" % (" ".join(argv), done.returncode), file=sys.stderr)
            sys.exit(1)
        samples[i].append((elapsed, cpu))
    if run + 1 < runs and time.perf_counter() - round_start > budget:
        print("run.sh: a round took over %g s (BENCH_MAX_SECONDS): median of %d run%s only"
              % (budget, run + 1, "" if run == 0 else "s"), file=sys.stderr)
        break
medians = [sorted(taken)[(len(taken) - 1) // 2] for taken in samples]
print(" ".join("%.6f %.6f" % pair for pair in medians))
PY
}

# peak_rss: kilobytes of the last assert_clean run, or "" without GNU time.
peak_rss() {
  [ -f "$work/time.txt" ] || { echo ""; return; }
  sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt"
}

# ---------------------------------------------------------------------------
# check vs the baseline, per corpus
# ---------------------------------------------------------------------------
record quick "$quick"
record runs "$runs"
record seed "$seed"
record activities "$activities"
record sizes "${sizes[*]}"
record mid "$mid"
record large "$large"
record single "$single"

# Every corpus is checked for cleanliness (and peak RSS) first; then all the
# timings run interleaved, each round timing check and the floor on every
# corpus in turn, so that a slow spell of the machine (a shared VM's speed
# drifts over minutes) lands on every measurement alike instead of on all the
# runs of one of them.
timed=()
for n in "${sizes[@]}"; do
  dir="$(corpus "s$seed-p$n-a$activities" --processes "$n" --activities "$activities" --seed "$seed")"
  bytes="$(list_files "$dir" "$work/files-$n.txt")"
  files="$(wc -l <"$work/files-$n.txt")"
  say "checking that $dir is clean (and its peak RSS)"
  assert_clean "$dir" || fail "the corpus $dir is not clean (see above): fix the generator or report the rule"
  record "files_$n" "$files"
  record "bytes_$n" "$bytes"
  record "rss_$n" "$(peak_rss)"
  [ "${#timed[@]}" -eq 0 ] || timed+=("::")
  timed+=("$bin" check ${config[@]+"${config[@]}"} "$dir" :: "$baseline" "@$work/files-$n.txt")
done
# The parallel speedup: the same check on one thread and on two, in the same rounds.
has_jobs=0
if [[ $check_help == *--jobs* ]]; then
  has_jobs=1
  mid_dir="Benchmarks/.corpus/s$seed-p$mid-a$activities"
  timed+=(:: "$bin" check ${config[@]+"${config[@]}"} --jobs 1 "$mid_dir" :: "$bin" check ${config[@]+"${config[@]}"} --jobs 2 "$mid_dir")
else
  notes+=("The parallel speedup is not measured: this procdef has no \`--jobs\` option.")
fi
record cores "$(nproc)"
say "timing procdef check and the baseline on ${sizes[*]} process files, interleaved (median of $runs)"
read -r -a timings < <(best_of "$runs" "${timed[@]}") || fail "timing check and the baseline failed"
i=0
for n in "${sizes[@]}"; do
  record "check_$n" "${timings[$i]}"
  record "cpu_check_$n" "${timings[$((i + 1))]}"
  record "base_$n" "${timings[$((i + 2))]}"
  record "cpu_base_$n" "${timings[$((i + 3))]}"
  i=$((i + 4))
done
if [ "$has_jobs" -eq 1 ]; then
  record jobs1 "${timings[$i]}"
  record cpu_jobs1 "${timings[$((i + 1))]}"
  record jobs2 "${timings[$((i + 2))]}"
  record cpu_jobs2 "${timings[$((i + 3))]}"
fi

# ---------------------------------------------------------------------------
# Instructions: callgrind counts what wall time on a shared machine cannot
# ---------------------------------------------------------------------------
if [ "${BENCH_CALLGRIND:-1}" != "0" ] && command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
  dir="$(corpus "s$seed-p$counted-a$activities" --processes "$counted" --activities "$activities" --seed "$seed")"
  list_files "$dir" "$work/files-counted.txt" >/dev/null
  say "counting instructions (callgrind) of procdef check and the baseline on $counted process files"
  valgrind --tool=callgrind --callgrind-out-file="$work/check.callgrind" \
    "$bin" check ${config[@]+"${config[@]}"} "$dir" >/dev/null 2>"$work/check.valgrind" \
    || { tail -n 20 "$work/check.valgrind" >&2; fail "procdef check under callgrind failed"; }
  valgrind --tool=callgrind --callgrind-out-file="$work/base.callgrind" \
    "$baseline" "@$work/files-counted.txt" >/dev/null 2>"$work/base.valgrind" \
    || { tail -n 20 "$work/base.valgrind" >&2; fail "the baseline under callgrind failed"; }
  # procdef's total, the baseline's total, and libyaml's part of procdef's: the inclusive cost of the libyaml
  # functions procdef calls (the parse, with the allocations libyaml makes; deleting events and parsers).
  read -r ir_check ir_base ir_yaml < <(python3 - "$work/check.callgrind" "$work/base.callgrind" <<'PY'
import re, subprocess, sys

def total(path):
    for line in open(path):
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit("run.sh: no total in %s" % path)

annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", sys.argv[1]],
                           capture_output=True, text=True, check=True).stdout
entry = re.compile(r"^\s*([0-9,]+) .*:(yaml_parser_parse|yaml_event_delete|yaml_parser_delete|yaml_parser_initialize|yaml_parser_set_input_string) \[")
yaml = 0
for line in annotated.splitlines():
    match = entry.match(line)
    if match:
        yaml += int(match.group(1).replace(",", ""))
print(total(sys.argv[1]), total(sys.argv[2]), yaml)
PY
) || fail "reading the callgrind counts failed"
  record counted "$counted"
  record counted_files "$(wc -l <"$work/files-counted.txt")"
  record ir_check "$ir_check"
  record ir_base "$ir_base"
  record ir_yaml "$ir_yaml"
else
  notes+=("Instructions not counted: valgrind (Debian package \`valgrind\`) is not installed, or BENCH_CALLGRIND=0.")
fi

# ---------------------------------------------------------------------------
# build on the mid corpus
# ---------------------------------------------------------------------------
top_help="$("$bin" --help 2>&1 || true)"
if grep -qE '^[[:space:]]+build([[:space:]]|$)' <<<"$top_help"; then
  dir="Benchmarks/.corpus/s$seed-p$mid-a$activities"
  # Two places to write: a memory file system, where the time is procdef's own
  # (rendering, and creating and flushing 6,000 files), and the disk beside the
  # corpus. On some file systems creating files right after any mass delete
  # (another run's clean-up, anyone's `rm -rf`) costs seconds of kernel time
  # while the allocator skips recently freed inodes, so the disk time depends
  # on what the machine did in the minutes before; the target is judged on
  # the memory file system when there is one, and both are shown.
  memory_out=""
  if [ -n "${BENCH_MEMORY_DIR:-}" ]; then
    memory_out="$BENCH_MEMORY_DIR"
  elif [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = "tmpfs" ]; then
    memory_out="/dev/shm"
  fi
  # The disk side goes beside the build folder of the repository, not under
  # TMPDIR, which may itself be a memory file system.
  disk_work="$(mktemp -d "$root/.build/bench/build.XXXXXX")" || fail "cannot make a folder under .build/bench"
  memory_work=""
  if [ -n "$memory_out" ]; then
    memory_work="$(mktemp -d "$memory_out/procdef-bench.XXXXXX")" || fail "cannot make a folder under $memory_out (BENCH_MEMORY_DIR)"
  fi
  trap 'rm -rf "$work" "$disk_work" ${memory_work:+"$memory_work"}' EXIT
  # Each round also checks the same corpus, so the ratio compares runs taken
  # side by side.
  builds=("$bin" check ${config[@]+"${config[@]}"} "$dir" :: "$bin" build ${config[@]+"${config[@]}"} "$dir" --out "$disk_work/out-{run}")
  if [ -n "$memory_out" ]; then
    builds+=(:: "$bin" build ${config[@]+"${config[@]}"} "$dir" --out "$memory_work/out-{run}")
  fi
  say "timing procdef build on $mid process files, on disk${memory_out:+ and in $memory_out}, beside check (median of $runs)"
  read -r t_check_beside _ t_build cpu_build t_build_memory cpu_build_memory < <(best_of "$runs" "${builds[@]}") \
    || fail "procdef build on $dir failed"
  record check_beside_build "$t_check_beside"
  record build "$t_build"
  record cpu_build "$cpu_build"
  if [ -n "$memory_out" ]; then
    record build_memory "$t_build_memory"
    record cpu_build_memory "$cpu_build_memory"
    rm -rf "$memory_work"
  fi
else
  notes+=("\`procdef build\` not measured: this procdef has no \`build\` subcommand yet.")
fi

# ---------------------------------------------------------------------------
# one long process
# ---------------------------------------------------------------------------
dir="$(corpus "s$seed-single$single" --single-process-activities "$single" --seed "$seed")"
single_bytes="$(list_files "$dir" "$work/files-single.txt")"
record single_bytes "$single_bytes"
record single_files "$(wc -l <"$work/files-single.txt")"
# The long process is over the default activities-per-process safety limit
# (1,000): raise it for this measurement when procdef has the flag.
default_single_args=""
if [[ $check_help == *--max-activities* ]]; then
  default_single_args="--max-activities $single"
fi
read -r -a single_args <<<"${PROCDEF_SINGLE_ARGS:-$default_single_args}"
say "checking that $dir is clean"
if assert_clean "$dir" ${single_args[@]+"${single_args[@]}"} 2>"$work/single.err"; then
  say "timing procdef check on one process of $single activities (median of $runs)"
  read -r t_single _ < <(best_of "$runs" "$bin" check ${config[@]+"${config[@]}"} ${single_args[@]+"${single_args[@]}"} "$dir") \
    || fail "timing on $dir failed"
  record single_time "$t_single"
elif [ "$(cat "$work/clean.rules")" = "yaml/limits" ] && grep -q 'activities, more than the limit' "$work/clean.messages"; then
  # The only finding is the activities-per-process safety limit (DESIGN 6):
  # the time is still taken, but it is not the time of a clean check.
  limit_time="$(python3 - "$bin" "$dir" "$runs" ${config[@]+"${config[@]}"} ${single_args[@]+"${single_args[@]}"} <<'PY'
import subprocess, sys, time
binary, corpus, runs, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
best = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run([binary, "check", *extra, corpus], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - start)
print("%.6f" % best)
PY
)"
  record single_limited "$limit_time"
  notes+=("The $single-activity process is over procdef's activities-per-process safety limit (DESIGN 6, default 1000), so \`check\` exits 1 with \`yaml/limits\`. The time shown ($(printf '%.3f' "$limit_time") s) is that of this failing run (which, as of this writing, still decodes and checks every activity); the target is not judged. Set PROCDEF_SINGLE_ARGS to the flag that raises the limit once there is one.")
else
  cat "$work/single.err" >&2
  fail "the long process $dir is not clean (see above)"
fi

# ---------------------------------------------------------------------------
# one process with parallel work: the soundness check's states
# ---------------------------------------------------------------------------
dir="$(corpus "s$seed-forked" --forked-process --seed "$seed")"
record forked_bytes "$(list_files "$dir" "$work/files-forked.txt")"
say "checking that $dir is clean"
assert_clean "$dir" || fail "the forked process $dir is not clean (see above)"
say "timing procdef check on one process of 200 activities with 10 nested forks (median of $runs)"
read -r t_forked _ < <(best_of "$runs" "$bin" check ${config[@]+"${config[@]}"} "$dir") || fail "timing on $dir failed"
record forked_time "$t_forked"
# `procdef explain flow/analysis-limit` prints how many states the soundness check explored in each process.
states="$("$bin" explain flow/analysis-limit "$dir" | sed -n 's/^  security-parallel-response  *\([0-9][0-9]*\) states  decided$/\1/p')"
[ -n "$states" ] || fail "procdef explain flow/analysis-limit did not report the states of the forked process as decided"
record forked_states "$states"

# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------
notes_file="$work/notes.txt"
printf '%s\n' ${notes[@]+"${notes[@]}"} >"$notes_file"
table="$work/table.md"
status=0
python3 - "$results" "$notes_file" >"$table" <<'PY' || status=$?
import sys
values = {}
for line in open(sys.argv[1]):
    key, _, value = line.rstrip("\n").partition("=")
    values[key] = value
notes = [l.rstrip("\n") for l in open(sys.argv[2]) if l.strip()]
quick = values["quick"] == "1"
sizes = [int(s) for s in values["sizes"].split()]
mid, large, single = int(values["mid"]), int(values["large"]), int(values["single"])

def num(key):
    v = values.get(key, "")
    return float(v) if v else None

def secs(t):
    return "%.3f s" % t if t is not None else "n/a"

def mb(b):
    return "%.1f MB" % (b / 1e6)

out = []
out.append("Median of %s interleaved wall-clock run%s; corpus seed %s, %s activities a process file. CPU is user + system time of the median run (procdef uses every core unless `--jobs` says otherwise; the floor one).\n"
           % (values["runs"], "" if values["runs"] == "1" else "s", values["seed"], values["activities"]))
out.append("| corpus | files | bytes | libyaml events (floor) | procdef check | check ÷ floor | check throughput | peak RSS | RSS ÷ bytes | CPU: floor | CPU: check |")
out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
for n in sizes:
    b = int(values["bytes_%d" % n])
    base, check = num("base_%d" % n), num("check_%d" % n)
    rss = num("rss_%d" % n)
    out.append("| %s process files | %s | %s | %s | %s | %.2f× | %.1f MB/s | %s | %s | %s | %s |" % (
        format(n, ","), values["files_%d" % n], mb(b), secs(base), secs(check), check / base, b / 1e6 / check,
        "%.1f MB" % (rss * 1024 / 1e6) if rss else "n/a", "%.2f×" % (rss * 1024 / b) if rss else "n/a",
        secs(num("cpu_base_%d" % n)), secs(num("cpu_check_%d" % n))))
build = num("build")
build_memory = num("build_memory")
if build_memory is not None:
    out.append("| `procdef build`, %s process files, into a new folder on a memory file system | | | | %s | | | | | | %s |" % (format(mid, ","), secs(build_memory), secs(num("cpu_build_memory"))))
out.append("| `procdef build`, %s process files, into a new folder on disk | | | | %s | | | | | | %s |" % (format(mid, ","), secs(build) if build is not None else "not run", secs(num("cpu_build"))))
st = num("single_time") if num("single_time") is not None else num("single_limited")
out.append("| one process of %s activities | %s | %s | | %s%s | | | | | | |" % (
    format(single, ","), values["single_files"], mb(int(values["single_bytes"])), secs(st),
    " (fails at the activity limit)" if num("single_time") is None and st is not None else ""))
ft = num("forked_time")
out.append("| one process of 200 activities with 10 forks nested 3 deep (%s states explored) | 1 | %s | | %s | | | | | | |" % (
    values.get("forked_states", "?"), mb(int(values["forked_bytes"])), secs(ft)))
j1, j2 = num("jobs1"), num("jobs2")
if j1 is not None and j2 is not None:
    out.append("| `procdef check --jobs 1`, %s process files | | | | %s | | | | | | %s |" % (format(mid, ","), secs(j1), secs(num("cpu_jobs1"))))
    out.append("| `procdef check --jobs 2`, %s process files | | | | %s | | | | | | %s |" % (format(mid, ","), secs(j2), secs(num("cpu_jobs2"))))
out.append("")
ir_check, ir_base, ir_yaml = num("ir_check"), num("ir_base"), num("ir_yaml")
if ir_check is not None:
    out.append("Instructions (callgrind, every thread) on %s process files (%s files):\n" % (format(int(values["counted"]), ","), values["counted_files"]))
    out.append("| program | instructions | ÷ baseline |")
    out.append("|---|--:|--:|")
    out.append("| libyaml events (baseline) | %s | 1.00× |" % format(int(ir_base), ","))
    out.append("| `procdef check` | %s | %.2f× |" % (format(int(ir_check), ","), ir_check / ir_base))
    out.append("| of which libyaml (the parse and its allocations) | %s | %.2f× |" % (format(int(ir_yaml), ","), ir_yaml / ir_base))
    out.append("| of which procdef's own work (the rest) | %s | %.2f× |" % (format(int(ir_check - ir_yaml), ","), (ir_check - ir_yaml) / ir_base))
    out.append("")

rows = []
def target(label, value, text, goal, ok):
    if value is None:
        rows.append((label, "n/a", goal, "not measured"))
    else:
        rows.append((label, text, goal, "met" if ok else "**not met**"))

c_mid, b_mid, c_large = num("check_%d" % mid), num("base_%d" % mid), num("check_%d" % large)
r = c_mid / b_mid
target("check on %s files ÷ floor on the same files" % format(mid, ","), r, "%.2f×" % r, "≤ 1.0×", r <= 1.0)
r = c_large / c_mid
target("check on %s files ÷ check on %s files" % (format(large, ","), format(mid, ",")), r, "%.2f×" % r, "≤ 4.4×", r <= 4.4)
for n in (mid, large):
    rss = num("rss_%d" % n)
    r = rss * 1024 / int(values["bytes_%d" % n]) if rss else None
    target("peak RSS ÷ corpus bytes (%s files)" % format(n, ","), r, "%.2f×" % r if r else "", "≤ 3×", r is not None and r <= 3)
if j1 is not None and j2 is not None:
    r = j1 / j2
    target("check on %s files, `--jobs 1` ÷ `--jobs 2` (parallel speedup)" % format(mid, ","), r, "%.2f×" % r, "≥ 1.8×", r >= 1.8)
if ir_check is not None:
    r = ir_check / ir_base
    target("instructions: check ÷ baseline (%s files)" % format(int(values["counted"]), ","), r, "%.2f×" % r, "≤ 1.6×", r <= 1.6)
    r = (ir_check - ir_yaml) / ir_yaml
    target("instructions: procdef's own work ÷ libyaml's in it", r, "%.2f×" % r, "≤ 0.6×", r <= 0.6)
judged = build_memory if build_memory is not None else build
c_beside = num("check_beside_build") or c_mid
r = judged / c_beside if judged is not None else None
where = " (memory file system; on disk %.2f×)" % (build / c_beside) if build_memory is not None and build is not None else ""
target("build ÷ check on %s files%s" % (format(mid, ","), where), r, "%.2f×" % r if r else "", "≤ 2×", r is not None and r <= 2)
t = num("single_time")
target("check of one %s-activity process" % format(single, ","), t, secs(t), "< 0.3 s", t is not None and t < 0.3)
target("check of the 200-activity process with 10 forks", ft, secs(ft), "< 0.5 s", ft is not None and ft < 0.5)

out.append("| target | measured | goal | status |")
out.append("|---|--:|--:|---|")
for row in rows:
    out.append("| %s | %s | %s | %s |" % row)
if quick:
    out.append("")
    out.append("Quick mode: tiny corpora for a smoke test; the targets are for the full run and are not judged here.")
if notes:
    out.append("")
    for n in notes:
        out.append("- " + n)
print("\n".join(out))
missed = [row for row in rows if row[3] != "met"]
sys.exit(3 if missed and not quick else 0)
PY
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || fail "could not render the table"

echo
cat "$table"

if [ "$quick" -eq 1 ]; then
  say "smoke test of procdef diff --git (Benchmarks/diff-git.sh --quick)"
  echo
  Benchmarks/diff-git.sh --quick || fail "Benchmarks/diff-git.sh --quick failed"
fi

if [ "$write_results" -eq 1 ]; then
  commit="$(git rev-parse --short HEAD)"
  if [ -n "$(git status --porcelain --untracked-files=no)" ]; then commit="$commit (with uncommitted changes)"; fi
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
  [ -n "$cpu" ] || cpu="$(uname -m)"
  mem="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  {
    echo "# Benchmark results"
    echo
    echo "Written by \`Benchmarks/run.sh$([ "$quick" -eq 1 ] && echo ' --quick') --write-results\`; see Benchmarks/README.md for what each number means."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Commit: $commit"
    echo "- Machine: $(nproc) cores ($cpu), $mem memory, $(uname -sr)"
    echo "- Toolchain: $(swift --version 2>/dev/null | head -n1); libyaml $(pkg-config --modversion yaml-0.1)"
    echo
    cat "$table"
  } >Benchmarks/RESULTS.md
  say "wrote Benchmarks/RESULTS.md"
fi

if [ "$status" -eq 3 ]; then
  say "some targets are not met"
  exit 3
fi
