// Script of report.html (inlined by HtmlReport after uPlot): interactive charts, the intervention timeline and
// the map of control, all drawn from the JSON in <script id="report-data">. No network access.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400;
  var plots = [];
  window.polemosCharts = plots; // the uPlot instances, for scripting and the browser tests

  function fmt(v) {
    if (v == null || !isFinite(v)) return "\u2013";
    var a = Math.abs(v);
    if (a >= 1e9) return (v / 1e9).toPrecision(3) + " bn";
    if (a >= 1e6) return (v / 1e6).toPrecision(3) + " m";
    if (a >= 1e4) return Math.round(v).toLocaleString("en-GB");
    if (a >= 100) return v.toFixed(0);
    if (a >= 10) return v.toFixed(1);
    if (a === 0) return "0";
    return String(parseFloat(v.toPrecision(3)));
  }
  function isoDate(t) { return new Date(t * 1000).toISOString().slice(0, 10); }
  function el(name, attrs, parent) {
    var e = document.createElement(name);
    for (var k in attrs) { if (k === "text") e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function svg(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) { if (k === "text") e.textContent = attrs[k]; else e.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function download(name, href) {
    var a = el("a", {href: href, download: name}, document.body);
    a.click();
    a.remove();
  }

  // ---- intervention timeline: one for the page, filterable by kind ----
  data.interventions = data.interventions || [];
  var kinds = [];
  data.interventions.forEach(function (s) { if (kinds.indexOf(s.kind) < 0) kinds.push(s.kind); });
  var kindOn = {};
  kinds.forEach(function (k) { kindOn[k] = true; });
  var everywhere = false;
  function buildTimeline() {
    var box = document.getElementById("timeline");
    if (!box || !data.map) return;
    if (!data.interventions.length) { box.textContent = "The scenario has no interventions."; return; }
    var t0 = Infinity, t1 = -Infinity;
    data.map.dates.forEach(function (t) { t0 = Math.min(t0, t); t1 = Math.max(t1, t); });
    data.interventions.forEach(function (s) { t0 = Math.min(t0, s.start); t1 = Math.max(t1, s.end); });
    var controls = el("div", {"class": "kinds"}, box);
    kinds.forEach(function (k) {
      var label = el("label", {}, controls);
      var box2 = el("input", {type: "checkbox", "data-kind": k}, label);
      box2.checked = true;
      label.appendChild(document.createTextNode(" " + k));
      box2.addEventListener("change", function () { kindOn[k] = box2.checked; refreshTimeline(); redrawAll(); });
    });
    var all = el("label", {}, controls);
    var allBox = el("input", {type: "checkbox", id: "shade-everywhere"}, all);
    all.appendChild(document.createTextNode(" shade ticked kinds on every chart"));
    allBox.addEventListener("change", function () { everywhere = allBox.checked; redrawAll(); });
    var span = Math.max(t1 - t0, DAY);
    data.interventions.forEach(function (s) {
      var row = el("div", {"class": "row", "data-kind": s.kind}, box);
      el("span", {"class": "name", text: s.name, title: s.name}, row);
      var track = el("div", {"class": "track"}, row);
      var left = (s.start - t0) / span * 100, width = Math.max((s.end - s.start) / span * 100, 0.3);
      el("div", {"class": "bar", style: "left:" + left + "%;width:" + width + "%;background:" + kindColour(s.kind),
        title: s.name + " (" + s.kind + "): " + s.startText + " to " + s.endText}, track);
    });
    var axisRow = el("div", {"class": "row axis-row"}, box);
    el("span", {"class": "name"}, axisRow);
    var axis = el("div", {"class": "track axis"}, axisRow);
    var y0 = new Date(t0 * 1000).getUTCFullYear(), y1 = new Date(t1 * 1000).getUTCFullYear();
    for (var y = y0; y <= y1 + 1; y++) {
      var t = Date.UTC(y, 0, 1) / 1000;
      if (t < t0 || t > t1) continue;
      el("span", {style: "left:" + ((t - t0) / span * 100) + "%", text: String(y)}, axis);
    }
  }
  function refreshTimeline() {
    document.querySelectorAll("#timeline .row").forEach(function (r) {
      r.classList.toggle("off", !kindOn[r.getAttribute("data-kind")]);
    });
  }
  var KIND_COLOURS = ["#6c7a89", "#b07aa1", "#59a14f", "#edc948", "#76b7b2", "#ff9da7", "#9c755f", "#4e79a7"];
  function kindColour(kind) { return KIND_COLOURS[kinds.indexOf(kind) % KIND_COLOURS.length]; }

  // ---- charts ----
  function bandsPlugin(c) {
    function clip(u, ctx) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      ctx.clip();
    }
    function under(u) {
      var ctx = u.ctx;
      clip(u, ctx);
      // shade when at least one shown intervention is in force (merged, so overlaps do not darken)
      var shown = data.interventions.filter(function (s) {
        return kindOn[s.kind] && (everywhere || c.kinds.indexOf(s.kind) >= 0);
      }).sort(function (a, b) { return a.start - b.start; });
      var merged = [];
      shown.forEach(function (s) {
        var last = merged[merged.length - 1];
        if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end); else merged.push([s.start, s.end]);
      });
      ctx.fillStyle = "rgba(108,122,137,0.09)";
      merged.forEach(function (m) {
        var a = u.valToPos(m[0], "x", true), b = u.valToPos(m[1], "x", true);
        ctx.fillRect(a, u.bbox.top, Math.max(b - a, 1), u.bbox.height);
      });
      ctx.strokeStyle = "rgba(108,122,137,0.45)";
      ctx.setLineDash([2, 3]);
      shown.forEach(function (s) {
        var a = u.valToPos(s.start, "x", true);
        ctx.beginPath(); ctx.moveTo(a, u.bbox.top); ctx.lineTo(a, u.bbox.top + u.bbox.height); ctx.stroke();
      });
      ctx.setLineDash([]);
      c.series.forEach(function (s, i) {
        if (!s.lo || !u.series[i + 1].show) return;
        ctx.fillStyle = s.colour + "2e";
        if (c.mode === "points") {
          s.lo.forEach(function (l, j) {
            if (l == null || s.hi[j] == null) return;
            var x = u.valToPos(c.x[j], "x", true), a = u.valToPos(s.hi[j], "y", true);
            ctx.fillRect(x - 5 * devicePixelRatio, a, 10 * devicePixelRatio, Math.max(u.valToPos(l, "y", true) - a, 1));
          });
          return;
        }
        ctx.beginPath();
        var started = false, j, back = [];
        for (j = 0; j < c.x.length; j++) {
          if (s.lo[j] == null) continue;
          var x = u.valToPos(c.x[j], "x", true);
          var y = u.valToPos(s.hi[j], "y", true);
          if (!started) { ctx.moveTo(x, y); started = true; } else ctx.lineTo(x, y);
          back.push([x, u.valToPos(s.lo[j], "y", true)]);
        }
        for (j = back.length - 1; j >= 0; j--) ctx.lineTo(back[j][0], back[j][1]);
        ctx.closePath();
        ctx.fill();
      });
      ctx.restore();
    }
    function over(u) {
      var ctx = u.ctx;
      clip(u, ctx);
      var r = 4 * devicePixelRatio, lastLabel = [-1e9, -1e9];
      if (c.mode === "bars") {
        var slot = (u.valToPos(1, "x", true) - u.valToPos(0, "x", true)) * 0.8, shownSeries = [];
        c.series.forEach(function (s, k) { if (u.series[k + 1].show) shownSeries.push(k); });
        var w = slot / Math.max(shownSeries.length, 1), y0 = u.valToPos(0, "y", true);
        shownSeries.forEach(function (k, n) {
          var s = c.series[k];
          ctx.fillStyle = s.colour;
          s.mean.forEach(function (v, j) {
            if (v == null) return;
            var x = u.valToPos(c.x[j], "x", true) - slot / 2 + n * w, y = u.valToPos(v, "y", true);
            ctx.fillRect(x, Math.min(y, y0), w * 0.92, Math.max(Math.abs(y0 - y), 1));
          });
        });
      }
      if (c.pointLabels) {
        ctx.fillStyle = "#2b323b";
        ctx.font = (11 * devicePixelRatio) + "px system-ui, sans-serif";
        c.pointLabels.forEach(function (text, j) {
          var v = c.series[0].mean[j];
          if (v == null || !text) return;
          ctx.fillText(text, u.valToPos(c.x[j], "x", true) + 7 * devicePixelRatio, u.valToPos(v, "y", true) - 4);
        });
      }
      c.observed.forEach(function (p) {
        var s = c.series[p.series];
        if (!s || !u.series[p.series + 1].show) return;
        var x = u.valToPos(p.x, "x", true), x0 = u.valToPos(p.x0, "x", true), x1 = u.valToPos(p.x1, "x", true);
        var mid = (p.lo + p.hi) / 2;
        var y = u.valToPos(mid, "y", true), ylo = u.valToPos(p.lo, "y", true), yhi = u.valToPos(p.hi, "y", true);
        ctx.strokeStyle = s.colour;
        ctx.lineWidth = 1.6 * devicePixelRatio;
        ctx.beginPath(); ctx.moveTo(x, ylo); ctx.lineTo(x, yhi); ctx.stroke();
        if (x1 - x0 > 2) {
          ctx.setLineDash([3, 2]);
          ctx.beginPath(); ctx.moveTo(x0, y); ctx.lineTo(x1, y); ctx.stroke();
          ctx.setLineDash([]);
        }
        ctx.fillStyle = "#fff";
        ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
        // a label only where it does not overlap the previous one drawn (the table under the chart has them all)
        if (p.label && Math.abs(x - lastLabel[0]) + Math.abs(y - lastLabel[1]) > 28 * devicePixelRatio) {
          lastLabel = [x, y];
          ctx.fillStyle = "#2b323b";
          ctx.font = "600 " + (11 * devicePixelRatio) + "px system-ui, sans-serif";
          ctx.fillText(p.label, x + r + 2, y - r - 2);
        }
      });
      ctx.restore();
    }
    return {hooks: {drawClear: under, draw: over}};
  }

  function yRange(c) {
    return function (u, min, max) {
      var lo = isFinite(min) ? min : Infinity, hi = isFinite(max) ? max : -Infinity;
      c.series.forEach(function (s, i) {
        if (!u.series[i + 1].show) return;
        s.mean.forEach(function (v, j) {
          if (v == null) return;
          var l = s.lo && s.lo[j] != null ? s.lo[j] : v, h = s.hi && s.hi[j] != null ? s.hi[j] : v;
          lo = Math.min(lo, v, l);
          hi = Math.max(hi, v, h);
        });
      });
      c.observed.forEach(function (p) {
        if (u.series[p.series + 1] && u.series[p.series + 1].show) { lo = Math.min(lo, p.lo); hi = Math.max(hi, p.hi); }
      });
      if (!isFinite(lo)) { lo = 0; hi = 1; }
      if (c.zero) lo = Math.min(0, lo);
      if (hi === lo) { hi = lo + (Math.abs(lo) || 1) * 0.1; lo = c.zero ? Math.min(0, lo) : lo - (Math.abs(lo) || 1) * 0.1; }
      var pad = (hi - lo) * 0.06;
      return [c.zero && lo >= 0 ? lo : lo - pad, hi + pad];
    };
  }

  function buildChart(div) {
    var c = data.charts[+div.getAttribute("data-chart")];
    var tools = el("div", {"class": "tools"});
    div.parentNode.insertBefore(tools, div);
    var width = Math.max(div.clientWidth || div.parentNode.clientWidth || 800, 280);
    var xType = c.xType || "time";
    var xText = function (t) {
      if (t == null) return "\u2013";
      if (xType === "category") return c.categories[Math.round(t)] || "";
      return xType === "number" ? fmt(t) : isoDate(t);
    };
    var series = [{label: c.xLabel || "Date", value: function (u, t) { return xText(t); }}];
    c.series.forEach(function (s, k) {
      var mode = c.mode || "line";
      series.push({
        label: s.label, stroke: s.colour, width: s.width, spanGaps: true,
        paths: mode !== "line" ? function () { return null; } : undefined,
        points: {show: mode === "points" || (mode === "line" && c.x.length < 3), size: mode === "points" ? 9 : 5},
        value: function (u, v, si, idx) {
          if (v == null) return "\u2013";
          var text = fmt(v);
          if (idx != null && s.lo && s.lo[idx] != null) text += " (" + fmt(s.lo[idx]) + "\u2013" + fmt(s.hi[idx]) + ")";
          return text;
        }
      });
    });
    var font = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    var opts = {
      width: width, height: width < 600 ? 260 : 320,
      plugins: [bandsPlugin(c)],
      scales: {x: xType === "category" ? {time: false, range: function () { return [-0.6, c.x.length - 0.4]; }}
        : {time: xType === "time"}, y: {range: yRange(c)}},
      series: series,
      axes: [
        xType === "time" ? {font: font, stroke: "#4a525d", grid: {stroke: "#eceff3"}}
          : {font: font, stroke: "#4a525d", grid: {stroke: "#eceff3"}, label: c.xLabel, labelFont: font,
            splits: xType === "category" ? function () { return c.x; } : undefined,
            values: function (u, vals) { return vals.map(xText); }, rotate: xType === "category" ? -20 : 0,
            size: xType === "category" ? 70 : 50},
        {font: font, stroke: "#4a525d", grid: {stroke: "#eceff3"}, size: c.yLabel ? 80 : 64, label: c.yLabel,
          labelFont: font, values: function (u, vals) { return vals.map(fmt); }}
      ],
      cursor: {drag: {x: true, y: false}},
      legend: {live: true}
    };
    var rows = [c.x];
    c.series.forEach(function (s) { rows.push(s.mean); });
    var u = new uPlot(opts, rows, div);
    u.root.setAttribute("data-chart-id", c.id);
    plots.push(u);
    var png = el("button", {type: "button", text: "PNG", title: "Save this chart as a PNG image"}, tools);
    png.addEventListener("click", function () { download(c.id + ".png", chartPng(u, c)); });
    var vector = el("button", {type: "button", text: "SVG", title: "Save this chart as an SVG drawing"}, tools);
    vector.addEventListener("click", function () {
      download(c.id + ".svg", "data:image/svg+xml;charset=utf-8," + encodeURIComponent(chartSvg(u, c)));
    });
    var csv = el("button", {type: "button", text: "CSV", title: "Save the data of this chart as CSV"}, tools);
    csv.addEventListener("click", function () {
      download(c.id + ".csv", "data:text/csv;charset=utf-8," + encodeURIComponent(chartCsv(c)));
    });
    var reset = el("button", {type: "button", text: "Reset zoom", title: "Show the whole range"}, tools);
    reset.addEventListener("click", function () {
      if (xType === "category") u.setScale("x", {min: -0.6, max: c.x.length - 0.4});
      else u.setScale("x", {min: c.x[0], max: c.x[c.x.length - 1]});
    });
  }

  function chartPng(u, c) {
    var src = u.ctx.canvas;
    var legend = c.series.filter(function (s, i) { return u.series[i + 1].show; });
    var pr = devicePixelRatio, head = 28 * pr, foot = (18 * Math.ceil(legend.length / 3) + 8) * pr;
    var out = document.createElement("canvas");
    out.width = src.width; out.height = src.height + head + foot;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = "#1d232b"; ctx.font = "600 " + 14 * pr + "px system-ui, sans-serif";
    ctx.fillText(c.title, 8 * pr, 18 * pr);
    ctx.drawImage(src, 0, head);
    ctx.font = 12 * pr + "px system-ui, sans-serif";
    legend.forEach(function (s, i) {
      var x = 8 * pr + (i % 3) * (out.width / 3), y = src.height + head + (14 + 18 * Math.floor(i / 3)) * pr;
      ctx.fillStyle = s.colour; ctx.fillRect(x, y - 9 * pr, 10 * pr, 10 * pr);
      ctx.fillStyle = "#1d232b"; ctx.fillText(s.label, x + 14 * pr, y);
    });
    return out.toDataURL("image/png");
  }

  // A vector drawing of the chart as shown (zoom and hidden series included): title, axes with ticks, bands,
  // lines or points or bars, observed ranges and the legend of the shown series.
  function chartSvg(u, c) {
    var esc = function (t) { return String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;"); };
    var L = 70, T = 30, W = 760, H = 300, xs = u.scales.x, ys = u.scales.y;
    var X = function (v) { return L + (v - xs.min) / (xs.max - xs.min) * W; };
    var Y = function (v) { return T + H - (v - ys.min) / (ys.max - ys.min) * H; };
    var shown = [];
    c.series.forEach(function (s, k) { if (u.series[k + 1].show) shown.push(k); });
    var out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + (L + W + 20) + '" height="' + (T + H + 60
      + 18 * Math.ceil(shown.length / 3)) + '" font-family="Helvetica, Arial, sans-serif" font-size="12">',
      '<rect width="100%" height="100%" fill="#fff"/>',
      '<text x="' + L + '" y="18" font-size="14" font-weight="bold">' + esc(c.title) + '</text>',
      '<defs><clipPath id="p"><rect x="' + L + '" y="' + T + '" width="' + W + '" height="' + H + '"/></clipPath></defs>',
      '<rect x="' + L + '" y="' + T + '" width="' + W + '" height="' + H + '" fill="none" stroke="#8a939f"/>'];
    var step = Math.pow(10, Math.floor(Math.log10((ys.max - ys.min) / 5 || 1)));
    [1, 2, 5, 10].some(function (m) { if ((ys.max - ys.min) / (step * m) <= 6) { step *= m; return true; } return false; });
    for (var v = Math.ceil(ys.min / step) * step; v <= ys.max; v += step) {
      out.push('<line x1="' + L + '" x2="' + (L + W) + '" y1="' + Y(v) + '" y2="' + Y(v) + '" stroke="#eceff3"/>',
        '<text x="' + (L - 6) + '" y="' + (Y(v) + 4) + '" text-anchor="end">' + esc(fmt(v)) + '</text>');
    }
    var ticks = [];
    if ((c.xType || "time") === "time") {
      var y0 = new Date(xs.min * 1000).getUTCFullYear(), y1 = new Date(xs.max * 1000).getUTCFullYear();
      var every = y1 - y0 > 6 ? 2 : 1;
      for (var y = y0; y <= y1 + 1; y++) {
        for (var mo = 0; mo < 12; mo += (y1 - y0 > 2 ? 12 : 6)) {
          var t = Date.UTC(y, mo, 1) / 1000;
          if (t >= xs.min && t <= xs.max && (y - y0) % every === 0) ticks.push([t, mo ? y + "-07" : String(y)]);
        }
      }
    } else {
      c.x.forEach(function (x, j) {
        if (x >= xs.min && x <= xs.max) ticks.push([x, c.xType === "category" ? c.categories[j] : fmt(x)]);
      });
    }
    ticks.forEach(function (tk) {
      out.push('<text x="' + X(tk[0]) + '" y="' + (T + H + 16) + '" text-anchor="middle">' + esc(tk[1]) + '</text>');
    });
    out.push('<g clip-path="url(#p)">');
    shown.forEach(function (k) {
      var s = c.series[k];
      if (s.lo && c.mode !== "points" && c.mode !== "bars") {
        var top = [], bottom = [];
        s.lo.forEach(function (l, j) {
          if (l == null || s.hi[j] == null) return;
          top.push(X(c.x[j]) + "," + Y(s.hi[j]));
          bottom.unshift(X(c.x[j]) + "," + Y(l));
        });
        if (top.length) out.push('<polygon points="' + top.concat(bottom).join(" ") + '" fill="' + s.colour
          + '" fill-opacity="0.18"/>');
      }
      if (c.mode === "bars") {
        var slot = (X(1) - X(0)) * 0.8, w = slot / shown.length, n = shown.indexOf(k);
        s.mean.forEach(function (v, j) {
          if (v == null) return;
          out.push('<rect x="' + (X(c.x[j]) - slot / 2 + n * w) + '" y="' + Math.min(Y(v), Y(0)) + '" width="'
            + w * 0.92 + '" height="' + Math.abs(Y(0) - Y(v)) + '" fill="' + s.colour + '"/>');
        });
      } else if (c.mode === "points") {
        s.mean.forEach(function (v, j) {
          if (v != null) out.push('<circle cx="' + X(c.x[j]) + '" cy="' + Y(v) + '" r="4" fill="' + s.colour + '"/>');
        });
      } else {
        var pts = [];
        s.mean.forEach(function (v, j) { if (v != null) pts.push(X(c.x[j]) + "," + Y(v)); });
        out.push('<polyline class="series" points="' + pts.join(" ") + '" fill="none" stroke="' + s.colour
          + '" stroke-width="' + s.width + '" stroke-linejoin="round"/>');
      }
    });
    c.observed.forEach(function (p) {
      var s = c.series[p.series];
      if (!s || shown.indexOf(p.series) < 0) return;
      out.push('<line x1="' + X(p.x) + '" x2="' + X(p.x) + '" y1="' + Y(p.lo) + '" y2="' + Y(p.hi) + '" stroke="'
        + s.colour + '" stroke-width="1.6"/>', '<circle cx="' + X(p.x) + '" cy="' + Y((p.lo + p.hi) / 2)
        + '" r="4" fill="#fff" stroke="' + s.colour + '" stroke-width="1.6"/>');
    });
    out.push('</g>');
    shown.forEach(function (k, i) {
      var x = L + (i % 3) * (W / 3), y = T + H + 40 + 18 * Math.floor(i / 3);
      out.push('<rect x="' + x + '" y="' + (y - 10) + '" width="10" height="10" fill="' + c.series[k].colour + '"/>',
        '<text x="' + (x + 14) + '" y="' + y + '">' + esc(c.series[k].label) + '</text>');
    });
    out.push('</svg>');
    return out.join("\n");
  }
  window.polemosSvg = function (index) { return chartSvg(plots[index], data.charts[index]); };

  function chartCsv(c) {
    var q = function (t) { return /[",\n\r]/.test(t) ? "\"" + t.replace(/"/g, "\"\"") + "\"" : t; };
    var lines = [(xType === "time" ? "date" : "x") + ",series,value,low,high"];
    c.series.forEach(function (s) {
      s.mean.forEach(function (v, j) {
        if (v == null) return;
        var x = xType === "time" ? isoDate(c.x[j]) : xType === "category" ? q(c.categories[j]) : c.x[j];
        lines.push([x, q(s.label), v, s.lo ? s.lo[j] : "", s.hi ? s.hi[j] : ""].join(","));
      });
    });
    return lines.join("\n") + "\n";
  }

  function redrawAll() { plots.forEach(function (u) { u.redraw(false); }); }

  // ---- map of control ----
  function buildMap() {
    var m = data.map, view = document.getElementById("map-view");
    if (!view || !m) return;
    if (!m.regions.length) { view.textContent = "The run's scenario has no regions to map."; return; }
    var W = 820, pts = [];
    m.regions.forEach(function (r) { if (r.lon != null) pts.push([r.lon, r.lat]); });
    m.corridors.forEach(function (c) { if (c.lon != null) pts.push([c.lon, c.lat]); });
    var points = [];  // the places with coordinates other than a region's rest (which is the region's disc)
    m.regions.forEach(function (r) {
      r.places.forEach(function (pl) { if (pl.lon != null && pl.id !== r.id) points.push(pl); });
    });
    points.forEach(function (p) { pts.push([p.lon, p.lat]); });
    var project, H;
    if (pts.length) {
      var lon0 = Infinity, lon1 = -Infinity, lat0 = Infinity, lat1 = -Infinity;
      pts.forEach(function (p) { lon0 = Math.min(lon0, p[0]); lon1 = Math.max(lon1, p[0]);
        lat0 = Math.min(lat0, p[1]); lat1 = Math.max(lat1, p[1]); });
      var k = Math.cos((lat0 + lat1) / 2 * Math.PI / 180);
      var scale = (W - 120) / Math.max((lon1 - lon0) * k, 0.5);
      H = Math.max((lat1 - lat0) * scale + 120, 200);
      project = function (lon, lat) { return [60 + (lon - lon0) * k * scale, 60 + (lat1 - lat) * scale]; };
    } else {
      var cols = Math.ceil(Math.sqrt(m.regions.length));
      H = Math.ceil(m.regions.length / cols) * 110 + 40;
      project = null;
    }
    var at = {};
    var maxArea = 1;
    m.regions.forEach(function (r) { maxArea = Math.max(maxArea, r.area || 0); });
    m.regions.forEach(function (r) {
      var p = r.lon != null && project ? project(r.lon, r.lat) : [70 + r.gx * (W - 100) / Math.max(1,
        Math.ceil(Math.sqrt(m.regions.length)) - 1 || 1), 60 + r.gy * 110];
      at[r.id] = {x: p[0], y: p[1], r: Math.max(6, 40 * Math.sqrt((r.area || maxArea * 0.05) / maxArea))};
    });
    var root = svg("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Map of control"}, view);
    var drawnLinks = {};
    m.regions.forEach(function (r) {
      r.neighbours.forEach(function (n) {
        var key = [r.id, n].sort().join("|");
        if (!at[n] || drawnLinks[key]) return;
        drawnLinks[key] = true;
        svg("line", {"class": "link", x1: at[r.id].x, y1: at[r.id].y, x2: at[n].x, y2: at[n].y}, root);
      });
    });
    var corridorLines = {};
    m.corridors.forEach(function (c) {
      var entry = at[c.entry];  // a region's rest: its disc; a locality: its point, else its region's disc
      points.forEach(function (pl) {
        if (!entry && pl.id === c.entry && project) { var q = project(pl.lon, pl.lat); entry = {x: q[0], y: q[1]}; }
      });
      m.regions.forEach(function (r) {
        r.places.forEach(function (pl) { if (!entry && pl.id === c.entry) entry = at[r.id]; });
      });
      if (!entry || c.lon == null || !project) return;
      var hub = project(c.lon, c.lat);
      var line = svg("path", {"class": "corridor", d: "M" + hub[0] + "," + hub[1] + " L" + entry.x + "," + entry.y,
        "data-corridor": c.id}, root);
      svg("title", {text: c.name}, line);
      corridorLines[c.id] = line;
      svg("circle", {cx: hub[0], cy: hub[1], r: 3, fill: "#1d232b"}, root);
      svg("text", {x: hub[0] + 5, y: hub[1] - 4, text: c.hub}, root);
    });
    var discs = {};
    var orgColour = m.factions[m.organisation] ? m.factions[m.organisation].colour : "#1d232b";
    m.regions.forEach(function (r) {
      var p = at[r.id];
      var disc = svg("circle", {"class": "region", cx: p.x, cy: p.y, r: p.r, "data-region": r.id}, root);
      // The ring: a pale circle and, over it, an arc from 12 o'clock as long as the organisation's share.
      var ringR = p.r + 2.5, around = 2 * Math.PI * ringR;
      svg("circle", {"class": "share-track", cx: p.x, cy: p.y, r: ringR, fill: "none", stroke: "#d5d9de",
        "stroke-width": 3}, root);
      var arc = svg("circle", {"class": "share", cx: p.x, cy: p.y, r: ringR, fill: "none", stroke: orgColour,
        "stroke-width": 3, transform: "rotate(-90 " + p.x + " " + p.y + ")", "data-region": r.id}, root);
      discs[r.id] = {disc: disc, title: svg("title", {}, disc), name: r.name, arc: arc, around: around};
      if (p.r >= 9 || m.regions.length <= 12) {
        svg("text", {x: p.x, y: p.y + p.r + 11, "text-anchor": "middle", text: r.name}, root);
      }
    });
    var dots = {};
    if (project) {
      points.forEach(function (pl) {
        var p = project(pl.lon, pl.lat);
        var dot = svg("circle", {"class": "place", cx: p[0], cy: p[1], r: 3.5, stroke: "#ffffff",
          "stroke-width": 1, "data-place": pl.id}, root);
        dots[pl.id] = {dot: dot, title: svg("title", {}, dot), name: pl.name};
      });
    }
    var legend = el("div", {"class": "map-legend"}, view);
    Object.keys(m.factions).forEach(function (f) {
      var item = el("span", {}, legend);
      el("i", {style: "background:" + m.factions[f].colour}, item);
      item.appendChild(document.createTextNode(m.factions[f].name));
    });
    var events = m.events.slice().sort(function (a, b) { return a.t - b.t; });
    var slider = document.getElementById("map-slider"), out = document.getElementById("map-date");
    var dates = m.dates.length ? m.dates : [0];
    slider.max = String(dates.length - 1);
    function show(index) {
      var t = dates[index];
      var owner = {}, open = {};
      m.regions.forEach(function (r) { r.places.forEach(function (pl) { owner[pl.id] = pl.controller; }); });
      m.corridors.forEach(function (c) { open[c.id] = owner[c.entry] === m.organisation; });
      events.forEach(function (e) {
        if (e.t > t) return;
        if (e.type === "control") {
          owner[e.place] = e.to;
        } else {
          open[e.corridor] = e.open;
        }
      });
      function label(f) { return m.factions[f] ? m.factions[f].name : f || "no controller"; }
      m.regions.forEach(function (r) {
        // Held area by holder, from the areas of the region's places; the disc takes the largest holder's colour.
        var held = {}, total = 0, top = owner[r.id];
        r.places.forEach(function (pl) {
          if (!(pl.area > 0)) return;
          held[owner[pl.id]] = (held[owner[pl.id]] || 0) + pl.area;
          total += pl.area;
        });
        Object.keys(held).forEach(function (f) { if (!(held[top] >= held[f])) top = f; });
        var f = m.factions[top], share = total > 0 ? (held[m.organisation] || 0) / total : 0;
        var d = discs[r.id];
        d.disc.setAttribute("fill", f ? f.colour : "#bbbbbb");
        d.arc.setAttribute("stroke-dasharray", (share * d.around) + " " + d.around);
        d.title.textContent = r.name + ": " + (total > 0 ? Object.keys(held).sort(function (a, b) {
          return held[b] - held[a]; }).map(function (h) {
          return label(h) + " " + Math.round(100 * held[h] / total) + "%"; }).join(", ") + " of the held area"
          : label(top));
      });
      Object.keys(dots).forEach(function (id) {
        var f = m.factions[owner[id]];
        dots[id].dot.setAttribute("fill", f ? f.colour : "#bbbbbb");
        dots[id].title.textContent = dots[id].name + ": " + label(owner[id]);
      });
      Object.keys(corridorLines).forEach(function (id) {
        var line = corridorLines[id];
        line.setAttribute("stroke", open[id] ? "#1d232b" : "#9aa3ad");
        line.classList.toggle("shut", !open[id]);
      });
      out.textContent = t ? isoDate(t) : "";
    }
    slider.addEventListener("input", function () { show(+slider.value); });
    show(0);
  }

  buildTimeline();
  document.querySelectorAll(".plot[data-chart]").forEach(buildChart);
  buildMap();
  if (typeof ResizeObserver !== "undefined") {
    var ro = new ResizeObserver(function () {
      plots.forEach(function (u) {
        var w = Math.max(u.root.parentNode.clientWidth, 280);
        if (Math.abs(w - u.width) > 4) u.setSize({width: w, height: w < 600 ? 260 : 320});
      });
    });
    ro.observe(document.querySelector("main"));
  }
  window.addEventListener("beforeprint", function () {
    plots.forEach(function (u) { u.setSize({width: 700, height: 300}); });
  });
})();
