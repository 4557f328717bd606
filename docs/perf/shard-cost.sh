#!/usr/bin/env bash
# Total CPU time (user + sys, from /usr/bin/time) of N replications of a scenario in one process vs the same
# replications as S shards (each its own JVM, run one after another) plus their merge; and, in the same round,
# the CPU time of one JVM start (the same command with one replication). docs/PERFORMANCE.md.
# Usage: docs/perf/shard-cost.sh JAR SCENARIO N S ROUNDS WORKDIR
#   e.g. docs/perf/shard-cost.sh cli/target/polemos.jar levant-2014 10000 4 2 /tmp/cost
# Java options from the environment: JAVA_OPTS (every JVM), SHARD_OPTS (the single run and the shards, after
# JAVA_OPTS), MERGE_OPTS (the merge, after JAVA_OPTS); e.g. an AppCDS archive for all and C1 only for the merge:
#   JAVA_OPTS=-XX:SharedArchiveFile=/tmp/polemos.jsa MERGE_OPTS=-XX:TieredStopAtLevel=1 docs/perf/shard-cost.sh ...
# Standard output: one line per round (CPU seconds); standard error: each command, its user, sys and wall seconds
# and the load average before it.
set -euo pipefail
jar=$1; scenario=$2; n=$3; s=$4; rounds=$5; work=$6
mkdir -p "$work"
read -r -a java_opts <<< "${JAVA_OPTS:-}"
read -r -a shard_opts <<< "${SHARD_OPTS:-}"
read -r -a merge_opts <<< "${MERGE_OPTS:-}"
args=(run "$scenario" --keep-series 0 --no-report --threads 1 --no-progress)
cpu() { # prints user+sys seconds of the command; logs each command's figures and the load on stderr
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%U %S %e" -o "$work/time.txt" "$@" > /dev/null
  echo "# load before: $load; user sys wall: $(cat "$work/time.txt"); ${*: -3}" >&2
  awk '{printf "%.2f", $1 + $2}' "$work/time.txt"
}
run_java=(java "${java_opts[@]}" "${shard_opts[@]}" -jar "$jar")
merge_java=(java "${java_opts[@]}" "${merge_opts[@]}" -jar "$jar")
echo "# JAVA_OPTS=${JAVA_OPTS:-} SHARD_OPTS=${SHARD_OPTS:-} MERGE_OPTS=${MERGE_OPTS:-}"
echo "round single shards merge shards+merge ratio start(n=1) merge-start(n=1)"
for ((r = 1; r <= rounds; r++)); do
  rm -rf "$work/single" "$work/shards" "$work/merged" "$work/one" "$work/one-shard" "$work/one-merged"
  single=$(cpu "${run_java[@]}" "${args[@]}" -n "$n" --out "$work/single")
  shards=0
  for ((i = 0; i < s; i++)); do
    t=$(cpu "${run_java[@]}" "${args[@]}" -n "$n" --shard "$i/$s" --out "$work/shards/$i")
    shards=$(awk -v a="$shards" -v b="$t" 'BEGIN {printf "%.2f", a + b}')
  done
  merge=$(cpu "${merge_java[@]}" merge "$work/merged" "$work"/shards/*)
  for f in summary.csv series.csv events.ndjson; do # the merged tables are the single run's bytes
    if [ -f "$work/single/$f" ]; then cmp "$work/single/$f" "$work/merged/$f"; fi
  done
  # one JVM start: the same run with one replication, and the merge of its one shard
  start=$(cpu "${run_java[@]}" "${args[@]}" -n 1 --out "$work/one")
  "${run_java[@]}" "${args[@]}" -n 1 --shard 0/1 --out "$work/one-shard" > /dev/null
  mstart=$(cpu "${merge_java[@]}" merge "$work/one-merged" "$work/one-shard")
  total=$(awk -v a="$shards" -v b="$merge" 'BEGIN {printf "%.2f", a + b}')
  echo "$r $single $shards $merge $total $(awk -v a="$total" -v b="$single" 'BEGIN {printf "%.3f", a / b}') $start $mstart"
done
