#!/usr/bin/env bash
# Total CPU time (user + sys, from /usr/bin/time) of N replications of a scenario in one process vs the same
# replications as S shards (each its own JVM, run one after another) plus their merge. docs/PERFORMANCE.md.
# Usage: docs/perf/shard-cost.sh JAR SCENARIO N S ROUNDS WORKDIR
#   e.g. docs/perf/shard-cost.sh cli/target/polemos.jar levant-2014 10000 4 2 /tmp/cost
set -euo pipefail
jar=$1; scenario=$2; n=$3; s=$4; rounds=$5; work=$6
mkdir -p "$work"
args=(run "$scenario" -n "$n" --keep-series 0 --no-report --threads 1 --no-progress)
cpu() { # prints user+sys seconds of the command
  /usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" > /dev/null
  awk '{printf "%.2f", $1 + $2}' "$work/time.txt"
}
echo "round single shards merge shards+merge"
for ((r = 1; r <= rounds; r++)); do
  rm -rf "$work/single" "$work/shards" "$work/merged"
  single=$(cpu java -jar "$jar" "${args[@]}" --out "$work/single")
  shards=0
  for ((i = 0; i < s; i++)); do
    t=$(cpu java -jar "$jar" "${args[@]}" --shard "$i/$s" --out "$work/shards/$i")
    shards=$(awk -v a="$shards" -v b="$t" 'BEGIN {printf "%.2f", a + b}')
  done
  merge=$(cpu java -jar "$jar" merge "$work/merged" "$work"/shards/*)
  cmp "$work/single/summary.csv" "$work/merged/summary.csv"
  echo "$r $single $shards $merge $(awk -v a="$shards" -v b="$merge" 'BEGIN {printf "%.2f", a + b}')"
done
