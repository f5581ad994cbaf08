#!/usr/bin/env bash
# How long `procdef diff --git` takes, on a generated repository.
#
#   Benchmarks/diff-git.sh [--quick] [--runs N] [--processes N] [--seed N] [--baseline REV]
#
# Builds procdef in release, generates a clean corpus of N process files
# (Benchmarks/generate-corpus.py, kept in Benchmarks/.corpus/ as run.sh does),
# commits it into a temporary git repository, commits a second revision that
# renames one process, and times, best of N wall-clock runs, interleaved:
#   - `procdef diff OLD .`, OLD being HEAD~1 exported to a folder (git archive):
#     the same comparison with both sides read from disk, no git;
#   - `procdef diff --git HEAD~1 .`: the old side read with git.
# The difference between the two is what reading the revision with git costs.
#
# --baseline REV  also build procdef at REV (git archive into .build-old/src,
#                 built with --scratch-path .build-old/build; both git-ignored),
#                 time its diff in the same rounds, and fail unless both print
#                 the same diff
# --quick         20 process files, 1 run: a smoke test (run.sh --quick runs it)
# --runs N        runs per measurement (default 5; 1 with --quick)
# --processes N   process files (default 500; 20 with --quick)
# --seed N        corpus seed (default 1)
#
# Prints a Markdown table. Exit status: 0 all ran; 1 a build, the corpus, git
# or procdef failed, or the baseline printed another diff.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

quick=0
runs=""
processes=""
seed=1
baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --processes) processes="${2:?--processes needs a number}"; shift ;;
    --seed) seed="${2:?--seed needs a number}"; shift ;;
    --baseline) baseline="${2:?--baseline needs a revision}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "diff-git.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" -eq 1 ]; then
  runs="${runs:-1}"; processes="${processes:-20}"
else
  runs="${runs:-5}"; processes="${processes:-500}"
fi

say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'diff-git.sh: FAIL: %s\n' "$*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/procdef-diff-git.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------
say "building procdef (release)"
swift build -c release --product procdef >&2 || fail "swift build -c release failed"
bin="$(swift build -c release --show-bin-path)/procdef"
[ -x "$bin" ] || fail "no procdef binary at $bin"

old_bin=""
if [ -n "$baseline" ]; then
  commit="$(git rev-parse --verify --quiet "$baseline^{commit}")" || fail "unknown revision '$baseline'"
  source=".build-old/src"
  if [ "$(cat "$source/.commit" 2>/dev/null)" != "$commit" ]; then
    say "extracting $baseline ($commit) into $source"
    rm -rf "$source"
    mkdir -p "$source"
    git archive "$commit" | tar -x -C "$source" || fail "git archive $baseline failed"
    printf '%s\n' "$commit" >"$source/.commit"
  fi
  say "building procdef at $baseline (release, .build-old/build)"
  swift build -c release --product procdef --package-path "$source" --scratch-path .build-old/build >&2 \
    || fail "swift build of $baseline failed"
  old_bin="$root/.build-old/build/release/procdef"
  [ -x "$old_bin" ] || fail "no procdef binary at $old_bin"
fi

# ---------------------------------------------------------------------------
# The repository: the corpus, then one process renamed
# ---------------------------------------------------------------------------
generator="Benchmarks/generate-corpus.py"
name="s$seed-p$processes-a12"
corpus="Benchmarks/.corpus/$name"
stamp="generator=$(sha256sum "$generator" | cut -c1-16) args=--processes $processes --activities 12 --seed $seed"
if [ -f "$corpus/.stamp" ] && [ "$(cat "$corpus/.stamp")" = "$stamp" ]; then
  say "reusing corpus $corpus"
else
  say "generating corpus $corpus"
  rm -rf "$corpus" "$corpus.tmp"
  python3 "$generator" --processes "$processes" --activities 12 --seed "$seed" --out "$corpus.tmp" >&2 \
    || fail "the corpus generator failed"
  printf '%s' "$stamp" >"$corpus.tmp/.stamp"
  mv "$corpus.tmp" "$corpus"
fi

repository="$work/repository"
mkdir -p "$repository"
cp -R "$corpus/." "$repository/"
rm -f "$repository/.stamp"
git_in() {
  git -C "$repository" -c user.name=procdef-bench -c user.email=bench@example.com -c commit.gpgsign=false "$@" >/dev/null
}
git_in init -q
git_in add -A
git_in commit -q -m corpus
renamed="$(cd "$repository" && find Processes -name '*.yaml' | LC_ALL=C sort | head -n1)"
sed -i '0,/^name: /s/^name: \(.*\)$/name: \1 (renamed)/' "$repository/$renamed"
git_in commit -q -a -m "rename one process"
files="$(cd "$repository" && find . -path ./.git -prune -o -type f -name '*.yaml' -print | wc -l)"
bytes="$(cd "$repository" && find . -path ./.git -prune -o -type f -name '*.yaml' -print0 | xargs -0 cat | wc -c)"

old_tree="$work/old"
mkdir -p "$old_tree"
git -C "$repository" archive HEAD~1 | tar -x -C "$old_tree" || fail "git archive HEAD~1 failed"

config="$root/Benchmarks/bench-config.yaml"
folders=("$bin" diff "$old_tree" . --config "$config")
diff=("$bin" diff --git HEAD~1 --config "$config" .)
old_diff=()
[ -z "$old_bin" ] || old_diff=("$old_bin" diff --git HEAD~1 --config "$config" .)

# Every command must run clean once, and the two builds print the same diff.
say "checking that the commands run clean in $repository"
(cd "$repository" && "$bin" check --config "$config" . >/dev/null) || fail "procdef check is not clean on the corpus"
(cd "$repository" && "${folders[@]}" >"$work/folders.txt") || fail "procdef diff OLD NEW failed (see above)"
(cd "$repository" && "${diff[@]}" >"$work/diff.txt") || fail "procdef diff --git failed (see above)"
grep -q "(renamed)" "$work/diff.txt" || fail "the diff does not show the renamed process: $(cat "$work/diff.txt")"
if [ -n "$old_bin" ]; then
  (cd "$repository" && "${old_diff[@]}" >"$work/old-diff.txt") || fail "the baseline's diff --git failed"
  cmp -s "$work/diff.txt" "$work/old-diff.txt" || fail "the baseline prints another diff: $(diff "$work/old-diff.txt" "$work/diff.txt")"
  for format in json markdown; do
    (cd "$repository" && "${diff[@]}" --format "$format" >"$work/diff.$format" && "${old_diff[@]}" --format "$format" >"$work/old-diff.$format") \
      || fail "diff --git --format $format failed"
    cmp -s "$work/diff.$format" "$work/old-diff.$format" || fail "the baseline prints another $format diff"
  done
fi

# ---------------------------------------------------------------------------
# Timing: best of N, every command once a round
# ---------------------------------------------------------------------------
commands=("${folders[@]}" :: "${diff[@]}")
[ -z "$old_bin" ] || commands+=(:: "${old_diff[@]}")
say "timing diff of folders and diff --git on $files files, interleaved (best of $runs)"
read -r -a timings < <(cd "$repository" && python3 - "$runs" "${commands[@]}" <<'PY'
import resource, subprocess, sys, time
runs = int(sys.argv[1])
commands, current = [], []
for arg in sys.argv[2:]:
    if arg == "::":
        commands.append(current); current = []
    else:
        current.append(arg)
commands.append(current)
best = [float("inf")] * len(commands)
cpu_of_best = [0.0] * len(commands)

def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

for _ in range(runs):
    for i, command in enumerate(commands):
        cpu_before = children_cpu()
        start = time.perf_counter()
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        cpu = children_cpu() - cpu_before
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode("utf-8", "replace")[-4000:])
            print("diff-git.sh: `%s` exited %d" % (" ".join(command), done.returncode), file=sys.stderr)
            sys.exit(1)
        if elapsed < best[i]:
            best[i], cpu_of_best[i] = elapsed, cpu
print(" ".join("%.6f %.6f" % pair for pair in zip(best, cpu_of_best)))
PY
) || fail "timing failed"
[ "${#timings[@]}" -ge 4 ] || fail "timing printed no numbers"

# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------
python3 - "$files" "$bytes" "$runs" "$baseline" "${timings[@]}" <<'PY'
import sys
files, size, runs, baseline = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
t = [float(v) for v in sys.argv[5:]]
folders, cpu_folders, new, cpu_new = t[0], t[1], t[2], t[3]
print("Best of %s wall-clock run%s on %d YAML files (%.1f MB) in a git repository, one process renamed since HEAD~1; "
      "CPU is user + system time of the best run." % (runs, "" if runs == "1" else "s", files, size / 1e6))
print()
print("| command | wall | CPU | wall beyond the folder diff |")
print("|---|--:|--:|--:|")
print("| `procdef diff OLD .`, HEAD~1 exported to a folder (no git) | %.3f s | %.3f s | |" % (folders, cpu_folders))
print("| `procdef diff --git HEAD~1 .`, this build (`ls-tree` + one `cat-file --batch`) | %.3f s | %.3f s | %.3f s |"
      % (new, cpu_new, new - folders))
if len(t) >= 6:
    old, cpu_old = t[4], t[5]
    print("| `procdef diff --git HEAD~1 .`, %s (`ls-tree` + one `git show` a file) | %.3f s | %.3f s | %.3f s |"
          % (baseline, old, cpu_old, old - folders))
    print()
    print("%s ÷ this build: %.2f× the wall time, %.2f× the CPU time." % (baseline, old / new, cpu_old / cpu_new))
PY
