#!/usr/bin/env bash
# Runs JMH in ROUNDS rounds of one fork of every selected benchmark, then merges the rounds into one
# result file and report, as if JMH had run each benchmark with ROUNDS forks.
#
#   jmh/interleave.sh ROUNDS [JMH ARGS...]     e.g. jmh/interleave.sh 10 -wi 4 -w 1s -i 5 -r 1s 'engine\.FibBenchmark'
#
# Why: JMH runs a benchmark's forks back to back. On a shared machine whose speed drifts for minutes
# at a time, one engine's forks can all fall in a slow spell and the other's in a fast one; in rounds,
# each spell touches every engine (jmh/README.md, "Interleaved rounds"). Sample mode is not merged
# (pass -bm avgt or thrpt). Needs jmh/target/benchmarks.jar (jmh/run.sh builds it). Output:
# jmh/results/interleaved-<UTC timestamp>.json (and -round<N>.json, .log per round) and
# jmh/results/interleaved-<UTC timestamp>.md.
set -euo pipefail

[[ $# -ge 1 && "$1" =~ ^[0-9]+$ && "$1" -ge 1 ]] || { echo "usage: jmh/interleave.sh ROUNDS [JMH ARGS...]" >&2; exit 2; }
rounds="$1"
shift

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar="${JAR:-jmh/target/benchmarks.jar}"
[[ -f "$jar" ]] || { echo "no $jar: build it first (mvn -DskipTests -pl jmh -am package)" >&2; exit 2; }
results="jmh/results"
mkdir -p "$results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
base="$results/interleaved-$stamp"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"

files=()
for ((r = 1; r <= rounds; r++)); do
  echo "== round $r of $rounds"
  java -jar "$jar" -f 1 "$@" -foe true -rf json -rff "$base-round$r.json" > "$base-round$r.log" 2>&1 \
    || { echo "round $r failed: see $base-round$r.log" >&2; exit 1; }
  files+=("$base-round$r.json")
done

load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
java -cp "$jar" dev.sandpiper.jmh.report.Merge "$base.json" "${files[@]}"
java -cp "$jar" dev.sandpiper.jmh.report.Report "$base.json" "$base.md" \
  --mode "interleaved: $rounds rounds of 1 fork (\`$*\`)" \
  --note "Sandpiper: commit $rev." \
  --note "Each benchmark's forks come from $rounds rounds, each round one fork of every benchmark in turn (jmh/interleave.sh)." \
  --note "Load average (1, 5, 15 min) before the run: $load_before; after: $load_after."
echo "report: $base.md"
