#!/usr/bin/env bash
# Times the release binary on every large hostile input and asserts each check takes under 1 s of wall time and
# stays under a fixed peak memory (max RSS), measured by GNU time (Debian package `time`).
#
#   Tests/hostile-limits.sh            # builds `swift build -c release --product procdef` first
#   PROCDEF=path/to/procdef Tests/hostile-limits.sh
#
# The inputs are the ones Tests/ProcDefCLITests/HostileInput.swift makes for the unit tests (same shapes and sizes),
# each checked beside the good files of Tests/ProcDefCLITests/Fixtures/hostile/good, as the tests do. Unit tests
# assert what procdef reports; this script alone asserts how long it takes and how much memory it uses.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# Wall time per check: the issue's bound. Peak memory: a check of the good files alone peaks near 22 MiB here
# (the Swift runtime, libyaml, Foundation); the largest input actually read is 2 MB, kept a few times over (bytes,
# the scalar's String, the snippet's line index), so 64 MiB leaves room for the runtime and flags anything that
# grows with the expansion of an alias bomb or the depth of a nesting bomb (those would need gigabytes).
max_seconds="${MAX_SECONDS:-1.0}"
max_rss_kib="${MAX_RSS_KIB:-65536}"

[ -x /usr/bin/time ] || { echo "FAIL: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "FAIL: python3 is needed to make the inputs" >&2; exit 1; }

if [ -z "${PROCDEF:-}" ]; then
  swift build -c release --product procdef >/dev/null
  PROCDEF="$(swift build -c release --show-bin-path)/procdef"
fi
[ -x "$PROCDEF" ] || { echo "FAIL: no procdef binary at $PROCDEF" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/inputs" <<'PY'
import os, sys
out = sys.argv[1]
os.makedirs(out)
def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)

text = "kind: process\nid: laughs\nl0: &l0 lol\n"
for level in range(1, 10):
    text += f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]\n"
write("billion-laughs.yaml", text)
write("many-aliases.yaml", "kind: process\nid: aliases\nname: &n x\ntags: [" + ", ".join(["*n"] * 20000) + "]\n")
write("deep-flow.yaml", "kind: process\nid: deep\ntags: " + "[" * 200000 + "]" * 200000 + "\n")
write("deep-sequence.yaml", "- " * 100000 + "x\n")
text = "kind: process\nid: nested\nname:\n"
for level in range(1, 101):
    text += "  " * level + "a:\n"
write("deep-mapping.yaml", text + "  " * 101 + "x\n")
data = b"kind: process\nid: big\n"
line = b"# " + b"x" * 61 + b"\n"
data += line * ((9 * 1024 * 1024 - len(data)) // len(line))
write("oversized.yaml", data + b"#" * (9 * 1024 * 1024 - len(data)))
write("long-line.yaml", "{kind: process, id: long-line, name: Long line, owner: incident-process-owner, "
      "defaults: {accountable: incident-manager}, purpose: " + "x" * 2000000 + ", "
      "activities: [{id: log, name: Log, responsible: service-desk, informed: [user], informd: [user]}]}\n")
write("random.yaml", os.urandom(4096))
write("recursive-alias.yaml", "kind: process\nid: loop\nname: &x [*x]\n")
PY

printf '%-22s %8s %10s  %s\n' input "wall s" "max RSS" result
failed=0
run_one() {
  local name="$1" dir="$work/repo-$1"
  mkdir -p "$dir/Processes"
  cp Tests/ProcDefCLITests/Fixtures/hostile/good/*.yaml "$dir/Processes/"
  if [ -n "${2:-}" ]; then cp "$2" "$dir/Processes/"; fi
  if [ -n "${3:-}" ]; then (cd "$dir/Processes" && eval "$3"); fi
  local status=0
  (cd "$dir" && /usr/bin/time -v -o "$dir/time.txt" "$PROCDEF" check --format json --today 2026-01-15 Processes >"$dir/out.json" 2>"$dir/err.txt") || status=$?
  local wall rss
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")"
  local verdict=ok
  if [ "$status" -ne 1 ]; then verdict="exit $status, expected 1"; fi
  if ! grep -q '"rule": "ref/unknown-role"' "$dir/out.json"; then verdict="the good file's finding is missing"; fi
  if awk -v w="$wall" -v m="$max_seconds" 'BEGIN { exit !(w >= m) }'; then verdict="took ${wall}s, over ${max_seconds}s"; fi
  if [ "$rss" -gt "$max_rss_kib" ]; then verdict="peak memory ${rss} KiB, over ${max_rss_kib} KiB"; fi
  printf '%-22s %8s %7s KiB  %s\n' "$name" "$wall" "$rss" "$verdict"
  [ "$verdict" = ok ] || failed=1
}

# The good files alone: the baseline every other line compares with.
run_one baseline
for input in "$work"/inputs/*.yaml; do
  run_one "$(basename "$input")" "$input"
done
# A FIFO named like a YAML file and a folder that links to itself: neither may block or loop.
run_one fifo.yaml "" "mkfifo fifo.yaml"
run_one symlink-loop "" "ln -s . loop"
[ "$failed" -eq 0 ] || { echo "FAIL: a hostile input went over its limits" >&2; exit 1; }
echo "ok: every hostile input checked in under ${max_seconds}s and ${max_rss_kib} KiB"
