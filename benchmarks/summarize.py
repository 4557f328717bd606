#!/usr/bin/env python3
"""Summarise a JMH JSON result of the hold benchmarks, or the output of HoldCpuTime runs.

Usage: python3 benchmarks/summarize.py target/hold.json
       python3 benchmarks/summarize.py target/cputime.txt
Prints, per benchmark and parameters, JMH's mean +- error (99.9%) and the median and minimum of the measurement
iterations (the noise of a shared machine is one-sided, so they are worth seeing), then, for HoldBenchmark, a
Markdown table of ns per hold with the ratios of polemos to primitive-heap and to the best SSJ event list."""
import json
import statistics
import sys
from collections import defaultdict

IMPLS = ["polemos", "primitive-heap", "jdk-priority-queue", "ssj-splay", "ssj-binarytree", "ssj-redblack",
         "ssj-henriksen"]

if sys.argv[1].endswith(".txt"):
    # Lines: IMPL size=N min X median Y ns/hold ...
    # and: ratio IMPL/BASE size=N median R quartiles Q1 Q3 ...
    cpu = defaultdict(dict)
    paired = {}
    for line in open(sys.argv[1]):
        f = line.split()
        if len(f) > 5 and f[1].startswith("size=") and f[2] == "min":
            cpu[int(f[1][5:])][f[0]] = (float(f[3]), float(f[5]))
        if len(f) > 7 and f[0] == "ratio" and f[1] == "polemos/primitive-heap" and f[3] == "median":
            paired[int(f[2][5:])] = f"{float(f[4]):.2f} ({float(f[6]):.2f}-{float(f[7]):.2f})"
    present = {i for h in cpu.values() for i in h}
    impls = [i for i in IMPLS if i in present] + sorted(present - set(IMPLS))
    print("| size | " + " | ".join(impls) + " | polemos / primitive-heap (minima) | paired: median (quartiles)"
          " | polemos / best SSJ (which) |")
    print("|---:|" + "---:|" * len(impls) + "---:|---:|---:|")
    for size in sorted(cpu):
        h = cpu[size]
        cells = [f"{h[i][0]:.1f} ({h[i][1]:.1f})" if i in h else "-" for i in impls]
        ssj = {i: h[i][0] for i in h if i.startswith("ssj")}
        best = min(ssj, key=ssj.get) if ssj else None
        vs_ssj = f"{h['polemos'][0] / ssj[best]:.2f} ({best})" if best else "-"
        print(f"| {size} | " + " | ".join(cells) + f" | {h['polemos'][0] / h['primitive-heap'][0]:.2f}"
              f" | {paired.get(size, '-')} | {vs_ssj} |")
    sys.exit(0)

rows = json.load(open(sys.argv[1]))
hold = defaultdict(dict)
for r in rows:
    params = r.get("params", {})
    raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    pm = r["primaryMetric"]
    label = r["benchmark"].split(".")[-2] + " " + " ".join(f"{k}={v}" for k, v in sorted(params.items()))
    print(f"{label:55s} mean {pm['score']:9.1f} ± {pm['scoreError']:8.1f}  median {statistics.median(raw):9.1f}"
          f"  min {min(raw):9.1f}  n={len(raw)}")
    if r["benchmark"].endswith("HoldBenchmark.hold"):
        hold[int(params["size"])][params["impl"]] = (pm["score"], pm["scoreError"])

if hold:
    impls = [i for i in IMPLS if any(i in h for h in hold.values())]
    print()
    print("| size | " + " | ".join(impls) + " | polemos / primitive-heap | polemos / best SSJ (which) |")
    print("|---:|" + "---:|" * len(impls) + "---:|---:|")
    for size in sorted(hold):
        h = hold[size]
        cells = [f"{h[i][0]:.1f} ± {h[i][1]:.1f}" if i in h else "-" for i in impls]
        ratio_prim = h["polemos"][0] / h["primitive-heap"][0]
        ssj = {i: h[i][0] for i in impls if i.startswith("ssj") and i in h}
        best = min(ssj, key=ssj.get) if ssj else None
        vs_ssj = f"{h['polemos'][0] / ssj[best]:.2f} ({best})" if best else "-"
        print(f"| {size} | " + " | ".join(cells) + f" | {ratio_prim:.2f} | {vs_ssj} |")
