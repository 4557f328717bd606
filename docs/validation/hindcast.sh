#!/usr/bin/env bash
# Re-runs the levant-2014 hindcast of docs/VALIDATION.md and writes the tables that page shows.
#
#   docs/validation/hindcast.sh [OUT]        (default OUT: target/validation/hindcast-levant-2014)
#   docs/validation/hindcast.sh --tables OUT (only rewrite OUT/validation-tables.md from a finished OUT/run)
#
# Builds the command line when needed (through ./polemos), copies the jar into OUT so that a rebuild during the
# run cannot change it, runs
#   polemos hindcast examples/levant-2014-hindcast.yaml --cutoff 2015-06-30 --threads 2 --no-progress --out OUT/run
# (fixed seed and size from the example file: 100 particles, 5 generations, 200 predictive draws), and writes
# OUT/validation-tables.md: the commit it ran at, the command, the summary line, the posterior quantiles, the
# ABC diagnostics and the scored figures, in the layout of docs/VALIDATION.md ("levant-2014: hindcast from
# 30 June 2015"). Paste that file's tables over the section's. The cutoff and the scored figures are those of the
# example file; nothing here is tuned to them. Needs bash, git, java 17 and python3 (standard library only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tables_only=""
if [ "${1:-}" = "--tables" ]; then
  tables_only=1
  shift
fi
out="${1:-$root/target/validation/hindcast-levant-2014}"
cutoff=2015-06-30
draws=200
threads=2
if [ -n "$tables_only" ]; then
  commit="$(cat "$out/commit.txt")"
  seconds="$(cat "$out/seconds.txt")"
else
if [ -e "$out/run" ]; then
  echo "hindcast.sh: $out/run exists; remove it or give another OUT" >&2
  exit 2
fi
mkdir -p "$out"
commit="$(git -C "$root" rev-parse --short=7 HEAD 2>/dev/null || echo unknown)"
dirty=""
if [ -n "$(git -C "$root" status --porcelain -- model simulation io cli examples pom.xml 2>/dev/null)" ]; then
  dirty=" (with uncommitted changes)"
fi
"$root/polemos" --version >/dev/null   # builds cli/target/polemos.jar when missing or stale
cp "$root/cli/target/polemos.jar" "$out/polemos.jar"
TIMEFORMAT='%R s of wall time, %U s user CPU, %S s system CPU'
{ time (cd "$root" && java ${POLEMOS_JAVA_OPTS:-} -jar "$out/polemos.jar" hindcast examples/levant-2014-hindcast.yaml \
  --cutoff "$cutoff" --draws "$draws" --threads "$threads" --no-progress --out "$out/run" 2>&3 \
  | tee "$out/stdout.txt") ; } 3>&2 2>"$out/seconds.txt"
seconds="$(cat "$out/seconds.txt")"
echo "$commit$dirty" >"$out/commit.txt"
commit="$commit$dirty"
fi
python3 - "$out" "$commit" "$seconds" "$cutoff" "$draws" "$threads" <<'PY'
import csv, sys, os
out, commit, seconds, cutoff, draws, threads = sys.argv[1:]
run = os.path.join(out, "run")

def rows(name):
    with open(os.path.join(run, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def num(text):
    v = float(text)
    if v == int(v) and abs(v) >= 1000:
        return f"{int(v):,}"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:.3g}" if abs(v) < 100 else f"{v:,.0f}"
    return f"{v:.3g}"

def span(a, b):
    return num(a) if float(a) == float(b) else f"{num(a)}-{num(b)}"

summary = [l for l in open(os.path.join(out, "stdout.txt"), encoding="utf-8") if l.startswith("hindcast after")]
lines = [f"Run at commit `{commit}`: {seconds} with {threads} threads "
         f"(`docs/validation/hindcast.sh`: cutoff {cutoff}, {draws} predictive draws).", ""]
lines += ["Summary line: `" + (summary[0].strip() if summary else "(none printed)") + "`", ""]
lines += ["| parameter | prior | posterior p05 | p50 | p95 |", "|---|---|---|---|---|"]
for r in rows("calibration/posterior-summary.csv"):
    lines.append(f"| `{r['path']}` | {r['prior']} {num(r['prior_low'])}-{num(r['prior_high'])} | "
                 f"{num(r['p05'])} | {num(r['p50'])} | {num(r['p95'])} |")
lines += ["", "| generation | tolerance | acceptance | ESS |", "|---|---|---|---|"]
for r in rows("calibration/abc-diagnostics.csv"):
    tol = r["tolerance"] if r["tolerance"] in ("Inf", "NaN") else num(r["tolerance"])
    lines.append(f"| {r['generation']} | {tol} | {100 * float(r['acceptance_rate']):.0f}% "
                 f"({r['accepted']}/{r['considered']}) | {float(r['ess']):.1f} |")
for title, name in (("Scored figures (after the cutoff)", "hindcast.csv"),
                    ("In-sample figures (up to the cutoff, used by the calibration)", "hindcast-in-sample.csv")):
    lines += ["", title + ":", "", "| figure | dates | reported | predictive median | 90% interval | CRPS | in50 | in90 |",
              "|---|---|---|---|---|---|---|---|"]
    for r in rows(name):
        figure = r["quantity"] + (f" {r['key']}" if r["key"] else "")
        lines.append(f"| {figure} | {r['date_from']} to {r['date_to']} | {span(r['observed_low'], r['observed_high'])} | "
                     f"{num(r['pred_p50'])} | {num(r['pred_p05'])}-{num(r['pred_p95'])} | {num(r['crps'])} | "
                     f"{r['in50']} | {r['in90']} |")
with open(os.path.join(out, "validation-tables.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(os.path.join(out, "validation-tables.md"))
PY
