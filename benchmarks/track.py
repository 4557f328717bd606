#!/usr/bin/env python3
"""Performance-tracking suite: a quick, fixed set of JMH benchmarks, normalised, kept as a history.

Usage (from the repository root; JDK 17 and Python 3, nothing else):

    python3 benchmarks/track.py                        # build, run the suite, append to the history, compare
    python3 benchmarks/track.py --fail-on-regression   # same, exit 1 if a score got worse beyond the noise band
    python3 benchmarks/track.py --measure-noise 3      # run the suite 3 times, write the noise band, no history
    python3 benchmarks/track.py --html-only            # re-render the HTML page from the history

The suite (about 4 minutes on 2 cores under load), each part in its own JMH run of one fork:
  * BaselineBenchmark.arithmetic: a fixed arithmetic loop, the machine yardstick (ns per step);
  * HoldBenchmark at 10, 1,000, 100,000 and 1,000,000 pending events, impl polemos and primitive-heap (ns per hold);
  * ScenarioBenchmark, one levant-2014 replication (ms per replication);
  * MMcBenchmark, the M/M/c model on Polemos and on SSJ (ns per event).

Each score is turned into a time per operation (lower is better) and normalised in the same run: the hold model
of polemos by the primitive heap at the same size (the kernel's distance to the floor), every other score by the
arithmetic loop (so a figure from a slower or busier machine is comparable as a ratio). The run (date, commit,
machine, load, JDK, raw and normalised scores with their 99.9% errors) is appended to docs/perf/history.ndjson;
it is compared with the previous entry and every normalised score that moved by more than its noise band
(docs/perf/noise.json, measured with --measure-noise: the largest relative difference between any two runs of
the suite at the same commit, at least MIN_BAND) is named as a regression or an improvement; docs/perf/history.html
shows the history (one line per benchmark over the runs).
"""
import argparse
import datetime
import html
import json
import math
import os
import platform
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
HISTORY = os.path.join(ROOT, "docs", "perf", "history.ndjson")
NOISE = os.path.join(ROOT, "docs", "perf", "noise.json")
HTML = os.path.join(ROOT, "docs", "perf", "history.html")
MIN_BAND = 0.05  # never call a change below 5% a regression, whatever the measured noise

HOLD_SIZES = ["10", "1000", "100000", "1000000"]

# (name, JMH arguments); each a separate JMH run, one fork.
RUNS = [
    ("baseline", ["BaselineBenchmark", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s"]),
    ("hold", ["HoldBenchmark", "-p", "impl=polemos,primitive-heap", "-p", "size=" + ",".join(HOLD_SIZES),
              "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s"]),
    ("scenario", ["ScenarioBenchmark", "-p", "scenario=levant-2014", "-wi", "4", "-w", "2s", "-i", "4", "-r", "2s"]),
    ("mmc", ["MMcBenchmark", "-wi", "3", "-w", "1s", "-i", "4", "-r", "1s"]),
]


def sh(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, text=True, capture_output=True, **kw).stdout


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"host": platform.node(), "cpu": cpu, "cores": os.cpu_count(), "mem_gib": mem,
            "os": platform.system() + " " + platform.release(), "jdk": jdk[1] if len(jdk) > 1 else " ".join(jdk)}


def loadavg():
    try:
        return float(open("/proc/loadavg").read().split()[0])
    except OSError:
        return None


def commit():
    try:
        rev = sh(["git", "rev-parse", "--short=10", "HEAD"]).strip()
        dirty = sh(["git", "status", "--porcelain", "--untracked-files=no"]).strip()
        return rev + ("-dirty" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def run_jmh(args):
    """Runs one JMH command; returns its JSON rows."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    try:
        cmd = ["java", "-jar", JAR] + args + ["-f", "1", "-rf", "json", "-rff", out]
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return json.load(open(out))
    finally:
        os.unlink(out)


def per_op(row):
    """(time per operation, its error, unit): every score as a time, lower is better."""
    pm = row["primaryMetric"]
    s, e, unit = pm["score"], pm["scoreError"], pm["scoreUnit"]
    if unit == "ns/op":
        return s, e, "ns"
    if unit == "ops/s":
        if "ScenarioBenchmark" in row["benchmark"]:
            return 1e3 / s, 1e3 * e / (s * s), "ms"
        return 1e9 / s, 1e9 * e / (s * s), "ns"
    raise ValueError("unexpected unit " + unit)


def ratio(a, ea, b, eb):
    r = a / b
    return r, r * math.sqrt((ea / a) ** 2 + (eb / b) ** 2)


def run_suite():
    raw = {}
    load = [loadavg()]
    for name, args in RUNS:
        print(f"  running {name} ...", file=sys.stderr, flush=True)
        for row in run_jmh(args):
            p = row.get("params", {})
            bench = row["benchmark"].split(".")[-2]
            if bench == "BaselineBenchmark":
                key = "arithmetic"
            elif bench == "HoldBenchmark":
                key = f"hold {p['impl']} {p['size']}"
            elif bench == "ScenarioBenchmark":
                key = f"scenario {p['scenario']}"
            else:
                key = f"mmc {p['impl']}"
            raw[key] = per_op(row)
        load.append(loadavg())
    a, ea, _ = raw["arithmetic"]
    scores = {}
    for key, (s, e, unit) in raw.items():
        entry = {"raw": round(s, 4), "raw_error": round(e, 4), "unit": unit + "/op"}
        if key.startswith("hold polemos"):
            size = key.split()[-1]
            ps, pe, _ = raw[f"hold primitive-heap {size}"]
            n, ne = ratio(s, e, ps, pe)
            entry["normalised_by"] = f"hold primitive-heap {size}"
        elif key == "arithmetic":
            n, ne = 1.0, 0.0
            entry["normalised_by"] = "itself"
        else:
            n, ne = ratio(s, e, a, ea)
            entry["normalised_by"] = "arithmetic"
        entry["normalised"] = round(n, 5)
        entry["normalised_error"] = round(ne, 5)
        scores[key] = entry
    return scores, load


def read_history():
    if not os.path.exists(HISTORY):
        return []
    return [json.loads(line) for line in open(HISTORY) if line.strip()]


def append_atomically(path, line):
    old = open(path).read() if os.path.exists(path) else ""
    write_atomically(path, old + line + "\n")


def write_atomically(path, text):
    d = os.path.dirname(path)
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def bands():
    if not os.path.exists(NOISE):
        return {}, "no noise band measured yet (run --measure-noise): using " + f"{MIN_BAND:.0%}"
    n = json.load(open(NOISE))
    return n["band"], n.get("how", "")


def band_of(band, key):
    """The measured band of key; for a benchmark added after the band was measured (e.g. "hold polemos 10"),
    the largest band measured for the same kind (the key without its last word), else MIN_BAND."""
    if key in band:
        return band[key]
    kind = key.rsplit(" ", 1)[0]
    same = [b for k, b in band.items() if k.rsplit(" ", 1)[0] == kind]
    return max(same) if same else MIN_BAND


def compare(prev, cur):
    """Lines naming each change beyond the noise band; (lines, regressions)."""
    band, _ = bands()
    lines, regressions = [], []
    for key, c in cur["scores"].items():
        if key == "arithmetic" or key not in prev["scores"]:
            continue
        p = prev["scores"][key]["normalised"]
        n = c["normalised"]
        b = max(MIN_BAND, band_of(band, key))
        change = n / p - 1
        if change > b:
            regressions.append(key)
            lines.append(f"REGRESSION  {key}: normalised {p:.4g} -> {n:.4g} ({change:+.1%}, band {b:.0%})")
        elif change < -b:
            lines.append(f"improvement {key}: normalised {p:.4g} -> {n:.4g} ({change:+.1%}, band {b:.0%})")
    return lines, regressions


def render_html(history):
    keys = []
    for h in history:
        for k in h["scores"]:
            if k not in keys and k != "arithmetic":
                keys.append(k)
    w, hgt, left, right, top, bottom = 900, 380, 60, 230, 20, 70
    n = len(history)
    xs = [left + (i * (w - left - right) / max(1, n - 1)) for i in range(n)]
    # Each line relative to its first value, on a log scale, so all benchmarks share one axis.
    rel = {}
    for k in keys:
        first = next((h["scores"][k]["normalised"] for h in history if k in h["scores"]), None)
        rel[k] = [(h["scores"][k]["normalised"] / first) if k in h["scores"] else None for h in history]
    vals = [v for k in keys for v in rel[k] if v]
    lo = min(vals + [0.8])
    hi = max(vals + [1.25])
    llo, lhi = math.log(lo), math.log(hi)

    def y(v):
        return top + (lhi - math.log(v)) / (lhi - llo) * (hgt - top - bottom)

    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf"]
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{hgt}" font-family="sans-serif" '
           f'font-size="11">']
    for v in [0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0]:
        if lo <= v <= hi:
            svg.append(f'<line x1="{left}" x2="{w - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
                       f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    for i, h in enumerate(history):
        label = html.escape(h["commit"][:10])
        svg.append(f'<text transform="translate({xs[i]:.1f},{hgt - bottom + 12}) rotate(45)">{label}</text>')
    for j, k in enumerate(keys):
        col = colours[j % len(colours)]
        pts = [(xs[i], y(v)) for i, v in enumerate(rel[k]) if v]
        if len(pts) > 1:
            svg.append(f'<polyline fill="none" stroke="{col}" stroke-width="2" points="'
                       + " ".join(f"{a:.1f},{b:.1f}" for a, b in pts) + '"/>')
        for a, b in pts:
            svg.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{col}"/>')
        svg.append(f'<rect x="{w - right + 10}" y="{top + 16 * j}" width="10" height="10" fill="{col}"/>'
                   f'<text x="{w - right + 24}" y="{top + 16 * j + 9}">{html.escape(k)}</text>')
    svg.append("</svg>")
    rows = []
    for h in history:
        cells = "".join(
            f"<td>{h['scores'][k]['normalised']:.4g} ± {h['scores'][k]['normalised_error']:.2g}<br>"
            f"<small>{h['scores'][k]['raw']:.4g} {h['scores'][k]['unit']}</small></td>"
            if k in h["scores"] else "<td>-</td>" for k in ["arithmetic"] + keys)
        rows.append(f"<tr><td>{html.escape(h['date'])}</td><td>{html.escape(h['commit'])}</td>"
                    f"<td>{h.get('load_average', ['?'])[0]}</td>{cells}</tr>")
    head = "".join(f"<th>{html.escape(k)}</th>" for k in ["arithmetic"] + keys)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Polemos performance history</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;font-size:12px}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:right}}</style></head><body>
<h1>Polemos performance history</h1>
<p>Written by <code>python3 benchmarks/track.py</code> from <code>docs/perf/history.ndjson</code>; see
docs/PERFORMANCE.md. Each line is one benchmark's normalised score (lower is better) relative to its first run,
on a log scale: <code>hold polemos N</code> is divided by the primitive heap at the same size, every other score
by the arithmetic loop, both measured in the same run.</p>
{''.join(svg)}
<h2>Runs</h2>
<p>Normalised score ± error (99.9%), raw score below it.</p>
<table><tr><th>date</th><th>commit</th><th>load</th>{head}</tr>
{''.join(rows)}
</table></body></html>
"""
    write_atomically(HTML, page)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fail-on-regression", action="store_true",
                    help="exit 1 when a normalised score got worse than the previous entry beyond the noise band")
    ap.add_argument("--measure-noise", type=int, metavar="N",
                    help="run the suite N times at this commit and write the noise band (no history entry)")
    ap.add_argument("--no-build", action="store_true", help="use the existing benchmarks/target/benchmarks.jar")
    ap.add_argument("--html-only", action="store_true", help="only re-render docs/perf/history.html")
    args = ap.parse_args()

    if args.html_only:
        render_html(read_history())
        return 0
    if not args.no_build:
        print("building benchmarks.jar ...", file=sys.stderr, flush=True)
        sh(["./mvnw", "-q", "-o", "-pl", "benchmarks", "-am", "package", "-DskipTests"])
    if not os.path.exists(JAR):
        print(f"track.py: {JAR} is missing (build it, or drop --no-build)", file=sys.stderr)
        return 2

    if args.measure_noise:
        if args.measure_noise < 2:
            print("track.py: --measure-noise needs at least 2 runs", file=sys.stderr)
            return 2
        runs = []
        for i in range(args.measure_noise):
            print(f"noise run {i + 1} of {args.measure_noise}", file=sys.stderr)
            runs.append(run_suite())
        band = {}
        for key in runs[0][0]:
            v = [r[0][key]["normalised"] for r in runs]
            band[key] = round(max(abs(a / b - 1) for a in v for b in v), 4)
        loads = [x for r in runs for x in r[1] if x is not None]
        how = (f"{args.measure_noise} runs of the suite at commit {commit()} on {machine()['cpu']} "
               f"({os.cpu_count()} cores), load average {min(loads):.1f}-{max(loads):.1f}; band = the largest "
               f"relative difference of a normalised score between any two of the runs")
        write_atomically(NOISE, json.dumps({"date": now(), "how": how, "band": band,
                                            "runs": [r[0] for r in runs]}, indent=1) + "\n")
        for key, b in band.items():
            print(f"  {key:35s} band {b:.1%}")
        return 0

    scores, load = run_suite()
    entry = {"date": now(), "commit": commit(), "machine": machine(), "load_average": load, "scores": scores}
    history = read_history()
    append_atomically(HISTORY, json.dumps(entry))
    for key, s in scores.items():
        print(f"  {key:35s} {s['raw']:10.4g} ± {s['raw_error']:<8.2g} {s['unit']:6s} "
              f"normalised {s['normalised']:.4g} ± {s['normalised_error']:.2g} (by {s['normalised_by']})")
    render_html(history + [entry])
    if not history:
        print("first entry of the history: nothing to compare with")
        return 0
    lines, regressions = compare(history[-1], entry)
    _, how = bands()
    print(f"compared with {history[-1]['commit']} ({history[-1]['date']}); noise band: {how}")
    print("\n".join(lines) if lines else "no change beyond the noise band")
    if regressions and args.fail_on_regression:
        return 1
    return 0


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    sys.exit(main())
