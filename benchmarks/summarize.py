#!/usr/bin/env python3
"""Summarise a JMH JSON result: mean +- error as JMH reports it, plus median and minimum of the iterations
(robust to the one-sided noise of a shared machine). Usage: summarize.py result.json"""
import json
import statistics
import sys

rows = json.load(open(sys.argv[1]))
for r in rows:
    params = r.get("params", {})
    raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    label = r["benchmark"].split(".")[-2] + " " + " ".join(f"{k}={v}" for k, v in params.items())
    pm = r["primaryMetric"]
    print(f"{label:60s} mean {pm['score']:9.1f} ± {pm['scoreError']:8.1f}  median {statistics.median(raw):9.1f}"
          f"  min {min(raw):9.1f}  n={len(raw)}")
