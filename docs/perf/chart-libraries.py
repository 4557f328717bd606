#!/usr/bin/env python3
"""Page weight and render time of the candidate chart libraries for report.html (docs/REPORT.md).

Usage: python3 docs/perf/chart-libraries.py RUN_DIR/report.html [REPEATS]

Takes the chart data embedded in a report (all its line charts), draws the same lines (means only) with uPlot,
Chart.js and ECharts, each inlined from its WebJar in ~/.m2 (fetch them first with
  ./mvnw dependency:get -Dartifact=org.webjars.npm:uplot:1.6.30 (and chart.js:4.5.1, echarts:5.3.1)),
and prints, per library, the size of the library and of the page, and the median time from the start of the
library's script to the end of the drawing of every chart in headless chromium (--dump-dom, 1400 px wide).
"""
import json, os, re, statistics, subprocess, sys, tempfile, zipfile

M2 = os.path.expanduser("~/.m2/repository/org/webjars/npm")
LIBS = {
    "uPlot 1.6.30": ("uplot/1.6.30/uplot-1.6.30.jar", "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"),
    "Chart.js 4.5.1": ("chart.js/4.5.1/chart.js-4.5.1.jar", "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js"),
    "ECharts 5.3.1": ("echarts/5.3.1/echarts-5.3.1.jar", "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js"),
}
DRAW = {
    "uPlot 1.6.30": """charts.forEach(function (c, i) { var d = document.createElement('div'); document.body.appendChild(d);
  new uPlot({width: 1100, height: 320, scales: {x: {time: true}}, series: [{}].concat(c.series.map(function (s) {
    return {label: s.label, stroke: s.colour, width: s.width}; }))}, [c.x].concat(c.series.map(function (s) { return s.mean; })), d); });""",
    "Chart.js 4.5.1": """Chart.defaults.animation = false; charts.forEach(function (c) { var cv = document.createElement('canvas');
  cv.width = 1100; cv.height = 320; var w = document.createElement('div'); w.style.width = '1100px'; w.appendChild(cv);
  document.body.appendChild(w); new Chart(cv, {type: 'line', options: {responsive: false, animation: false},
  data: {labels: c.x.map(function (t) { return new Date(t * 1000).toISOString().slice(0, 10); }),
  datasets: c.series.map(function (s) { return {label: s.label, data: s.mean, borderColor: s.colour, pointRadius: 0}; })}}); });""",
    "ECharts 5.3.1": """charts.forEach(function (c) { var d = document.createElement('div'); d.style.width = '1100px';
  d.style.height = '320px'; document.body.appendChild(d); echarts.init(d).setOption({animation: false,
  xAxis: {type: 'time'}, yAxis: {}, legend: {}, tooltip: {trigger: 'axis'}, series: c.series.map(function (s) {
  return {type: 'line', name: s.label, showSymbol: false, data: c.x.map(function (t, i) { return [t * 1000, s.mean[i]]; })}; })}); });""",
}

def main():
    report = open(sys.argv[1], encoding="utf-8").read()
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    data = json.loads(re.search(r'<script id="report-data" type="application/json">(.*?)</script>', report, re.S)
                      .group(1).replace("\\u003c", "<"))
    charts = [c for c in data["charts"] if c.get("series")]
    print(f"{len(charts)} charts, {sum(len(c['series']) for c in charts)} lines, report.html {len(report.encode())} bytes")
    print(f"{'library':16} {'library bytes':>14} {'page bytes':>11} {'render ms (median of ' + str(repeats) + ')':>28}")
    for name, (jar, entry) in LIBS.items():
        lib = zipfile.ZipFile(os.path.join(M2, jar)).read(entry).decode("utf-8")
        page = ("<!DOCTYPE html><html><body><script>var T0 = performance.now();</script><script>" + lib
                + "</script><script>var charts = " + json.dumps(charts) + ";" + DRAW[name]
                + "document.title = 'ms=' + (performance.now() - T0).toFixed(1);</script></body></html>")
        with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
            f.write(page)
        times = []
        for _ in range(repeats):
            dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
                                  "--dump-dom", "file://" + f.name], capture_output=True, text=True, timeout=120).stdout
            times.append(float(re.search(r"<title>ms=([0-9.]+)</title>", dom).group(1)))
        os.unlink(f.name)
        print(f"{name:16} {len(lib.encode()):>14,} {len(page.encode()):>11,} {statistics.median(times):>28.1f}")

if __name__ == "__main__":
    main()
