#!/usr/bin/env bash
# The cost of the time analysis (issue 21, section Performance), in instructions.
#
#   Benchmarks/time-analysis.sh [--seed N] [--activities M]
#
# Builds procdef in release with debug info, generates the 5,000-activity
# process of the benchmark twice (Benchmarks/generate-corpus.py
# --single-process-activities M, and the same with --timed: four priorities,
# per-priority step targets, `within` on handoffs, six service targets,
# interrupting timers), and runs `procdef check` on each under callgrind. It
# prints both instruction counts, their ratio (the extra instructions of the
# timed process are the decoding of the time keys plus the time analysis),
# and the inclusive instructions, in both runs, inside the time analysis:
# TargetAnalysis.init (with the TimedFlows it builds), the target rules'
# check functions (with their witness wording) and CustomerSilence.check
# (which builds TimedFlows and the SilenceAnalysis). The measured runs
# render the default text output; the findings are counted in a second,
# unmeasured run with --format json.
#
# Needs valgrind (callgrind_annotate) and python3. Takes a few minutes: the
# timed run under callgrind is the slow part. Output files stay in
# .build/bench/time-analysis/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

seed=1
activities=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="${2:?--seed needs a number}"; shift ;;
    --activities) activities="${2:?--activities needs a number}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "time-analysis.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

command -v valgrind >/dev/null || { echo "time-analysis.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }

swift build -c release -Xswiftc -g >&2
bin="$(swift build -c release -Xswiftc -g --show-bin-path)/procdef"
work=.build/bench/time-analysis
mkdir -p "$work"

python3 Benchmarks/generate-corpus.py --single-process-activities "$activities" --seed "$seed" --out "$work/untimed"
python3 Benchmarks/generate-corpus.py --single-process-activities "$activities" --timed --seed "$seed" --out "$work/timed"

args=(check --config Benchmarks/bench-config.yaml --max-activities "$activities")

# procdef exits 1 when it reports an error; a finding is fine here, a crash is not. The measured run renders the
# default text output, as `procdef check FILE` does; a second run, outside callgrind, counts the findings (JSON).
run() {
  local name="$1" status=0
  valgrind --tool=callgrind --callgrind-out-file="$work/$name.callgrind" \
    "$bin" "${args[@]}" "$work/$name" >"$work/$name.txt" 2>"$work/$name.valgrind" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "time-analysis.sh: procdef check on $work/$name exited $status" >&2
    tail -n 20 "$work/$name.valgrind" >&2
    exit 1
  fi
  "$bin" "${args[@]}" --format json "$work/$name" >"$work/$name.json" || [ $? -eq 1 ]
}
run untimed
run timed

python3 - "$work" <<'PY'
import json, re, subprocess, sys
work = sys.argv[1]

def total(name):
    for line in open("%s/%s.callgrind" % (work, name)):
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    raise SystemExit("no total in %s" % name)

def findings(name):
    data = json.load(open("%s/%s.json" % (work, name)))
    items = data.get("diagnostics", data) if isinstance(data, dict) else data
    counts = {}
    for d in items if isinstance(items, list) else []:
        rule = d.get("rule") or d.get("code") or "?"
        counts[rule] = counts.get(rule, 0) + 1
    return counts

a, b = total("untimed"), total("timed")
print("untimed process (a): %13s instructions" % format(a, ","))
print("timed process   (b): %13s instructions" % format(b, ","))
print("b / a: %.3f (+%.1f%%)" % (b / a, 100.0 * (b - a) / a))

def inclusive(name):
    annotate = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", "%s/%s.callgrind" % (work, name)],
                              capture_output=True, text=True, check=True).stdout
    demangled = subprocess.run(["swift", "demangle", "--simplified"], input=annotate, capture_output=True, text=True,
                               check=True).stdout
    rows = []
    for line in demangled.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*)$", line)
        if m:
            rows.append((int(m.group(1).replace(",", "")), m.group(3)))
    return rows

def biggest(rows, pattern):
    return max([ir for ir, name in rows if re.search(pattern, name)] or [0])

# The time analysis: the target analysis (built with the process context), the rules that read it, and the customer
# silence rule (which builds its TimedFlows and SilenceAnalysis itself). None of these calls another, so their
# inclusive counts add up. TimedFlow.init and SilenceAnalysis.init are inside them, shown for the split.
parts = [
    ("TargetAnalysis.init (every target and priority, with its TimedFlows)", r"TargetAnalysis\.init\(process:", True),
    ("TargetInfeasible.check (with the witness wording)", r"specialized static TargetInfeasible\.check\(", True),
    ("TargetAtRisk.check", r"specialized static TargetAtRisk\.check\(", True),
    ("TargetUnmeasurable.check", r"specialized static TargetUnmeasurable\.check\(", True),
    ("UntimedStep.check", r"specialized static UntimedStep\.check\(", True),
    ("CustomerSilence.check (silenceAnalyses(): TimedFlows + SilenceAnalysis)", r"specialized static CustomerSilence\.check\(", True),
    ("  of it TimedFlow.init (all callers)", r"TimedFlow\.init\(", False),
    ("  of it SilenceAnalysis.init", r"SilenceAnalysis\.init\(", False),
    ("  of it TargetWording.path (witness paths in messages)", r"TargetWording\.path\(", False),
]
sums = {}
print()
print("inclusive instructions in the time analysis (callgrind_annotate --inclusive=yes):")
print("  %-74s %15s %15s" % ("", "untimed (a)", "timed (b)"))
for name in ("untimed", "timed"):
    rows = inclusive(name)
    sums[name] = [(label, biggest(rows, pattern), counted) for label, pattern, counted in parts]
for i, (label, _, counted) in enumerate(parts):
    print("  %-74s %15s %15s" % (label, format(sums["untimed"][i][1], ","), format(sums["timed"][i][1], ",")))
ta = sum(ir for _, ir, counted in sums["untimed"] if counted)
tb = sum(ir for _, ir, counted in sums["timed"] if counted)
print("  %-74s %15s %15s" % ("time analysis in all", format(ta, ","), format(tb, ",")))
print()
print("time analysis: %.1f%% of (a), %.1f%% of (b); its growth (b) - (a) is %.1f%% of (a)" % (
    100.0 * ta / a, 100.0 * tb / b, 100.0 * (tb - ta) / a))
print("everything else, (b) - (a) less that growth (decoding the time keys, other rules, rendering): %s, %.1f%% of (a)" % (
    format(b - a - (tb - ta), ","), 100.0 * (b - a - (tb - ta)) / a))
print()
print("findings: untimed %s" % json.dumps(findings("untimed"), sort_keys=True))
print("findings: timed   %s" % json.dumps(findings("timed"), sort_keys=True))
PY
