#!/usr/bin/env bash
# Runs the JMH benchmarks in one JMH run and writes jmh/results/latest.md.
#
#   jmh/run.sh quick|full [JMH ARGS...]
#
#   quick  1 fork,  2 x 1 s warmup, 3 x 0.5 s measurement per benchmark (about 13 minutes on 2 cores)
#   full   2 forks, 5 x 2 s warmup, 5 x 2 s measurement per benchmark (about 2 hours on 2 cores)
#
# Extra arguments go to JMH after the mode's, e.g. a benchmark regex (`jmh/run.sh quick Fib`) or
# `-prof gc`. Output: jmh/results/<mode>-<UTC timestamp>.json (JMH's own result file) and .log (its
# console output), and jmh/results/latest.md generated from that json (see jmh/README.md).
set -euo pipefail

usage() {
  echo "usage: jmh/run.sh quick|full [JMH ARGS...]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
mode="$1"
shift
case "$mode" in
  quick)
    opts=(-f 1 -wi 2 -w 1s -i 3 -r 500ms)
    mode_note="quick is a smoke run: 3 measured iterations of 0.5 s give wide errors, and 2 s of warmup is not enough for every engine to reach steady state (Chicory's parser in LoadBenchmark takes several seconds; Sandpiper's interpreter running the Rust guests of the transform benchmarks is still being compiled by the JIT). Use full for numbers to quote."
    ;;
  full)
    opts=(-f 2 -wi 5 -w 2s -i 5 -r 2s)
    mode_note="full: 2 forks x 5 measured iterations per benchmark."
    ;;
  *) usage ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "== build (sandpiper-jmh and the modules it needs)"
mvn -q -DskipTests -pl jmh -am package

jar="jmh/target/benchmarks.jar"
results="jmh/results"
mkdir -p "$results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
json="$results/$mode-$stamp.json"
log="$results/$mode-$stamp.log"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# Which engine was measured: the commit, and whether the engine's modules (and the transform runtime,
# the Connect SMT, and the guests and events the transform and connect benchmarks run) had uncommitted changes.
rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ "$rev" != unknown ]]; then
  changed=()
  for path in decoder validator interpreter compiler abi connect examples/transforms examples/events; do
    if [[ -n "$(git status --porcelain -- "$path" 2>/dev/null)" ]]; then changed+=("$path"); fi
  done
  if [[ ${#changed[@]} -gt 0 ]]; then
    rev="$rev with uncommitted changes in $(IFS=,; echo "${changed[*]}")"
  fi
fi

echo "== JMH $mode: ${opts[*]} $*"
# -foe: a benchmark whose setup finds a wrong result stops the run (and this script) at once.
java -jar "$jar" "${opts[@]}" -foe true -rf json -rff "$json" "$@" 2>&1 | tee "$log"

load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "== report"
java -cp "$jar" dev.sandpiper.jmh.report.Report "$json" "$results/latest.md" \
  --mode "$mode (\`${opts[*]}\`)" \
  --note "Sandpiper: commit $rev." \
  --note "$mode_note" \
  --note "Load average (1, 5, 15 min) before the run: $load_before; after: $load_after. On a shared machine, compare ratios from one run, not scores across runs."
echo "results: $json"
echo "report:  $results/latest.md"
