#!/usr/bin/env bash
# The cost of the part files alone: N replications in one process against the same N replications as one shard
# (--shard 0/1) plus its merge, alternating, ROUNDS times; prints the CPU seconds (user + sys) of each and
# shard + merge - single, which is one extra JVM (the merge) plus writing and reading the part file.
# docs/PERFORMANCE.md, "Shards", round 3.
# Usage: docs/perf/shard-one.sh JAR SCENARIO N ROUNDS WORKDIR
#   e.g. docs/perf/shard-one.sh cli/target/polemos.jar levant-2014 500 2 /tmp/one
set -euo pipefail
jar=$1; scenario=$2; n=$3; rounds=$4; work=$5
mkdir -p "$work"
cpu() { # prints user+sys seconds of the command
  /usr/bin/time -f "%U %S" -o "$work/t.txt" "$@" > /dev/null
  awk '{printf "%.2f", $1 + $2}' "$work/t.txt"
}
args=(run "$scenario" --keep-series 0 --no-report --threads 1 --no-progress -n "$n")
for ((r = 1; r <= rounds; r++)); do
  rm -rf "$work/single" "$work/shard" "$work/merged"
  l=$(cut -d' ' -f1 /proc/loadavg)
  a=$(cpu java -jar "$jar" "${args[@]}" --out "$work/single")
  b=$(cpu java -jar "$jar" "${args[@]}" --shard 0/1 --out "$work/shard")
  c=$(cpu java -jar "$jar" merge "$work/merged" "$work/shard")
  for f in summary.csv series.csv events.ndjson; do
    if [ -f "$work/single/$f" ]; then cmp "$work/single/$f" "$work/merged/$f"; fi
  done
  echo "round $r load $l single $a shard $b merge $c shard+merge-single $(awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN {printf "%.2f", b + c - a}')"
done
