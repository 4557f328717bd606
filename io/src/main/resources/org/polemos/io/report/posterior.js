// Script of posterior.html (inlined by PosteriorPage after uPlot and report.js, which draws the diagnostics
// charts): the corner plot of an ABC-SMC posterior from the JSON in <script id="report-data">. The histograms are
// computed by PosteriorPage and only drawn here. No network access.
(function () {
  "use strict";
  var all = JSON.parse(document.getElementById("report-data").textContent);
  var post = all.posterior;
  var box = document.getElementById("corner");
  var readout = document.getElementById("corner-readout");
  var cells = [];
  window.polemosCorner = cells; // the uPlot instances of the matrix, for scripting and the browser tests
  if (!post || !box) return;

  var style = document.createElement("style");
  style.textContent = ".corner{display:grid;gap:4px;overflow-x:auto;padding-bottom:4px}"
    + ".corner .cell{position:relative;min-width:0}"
    + ".corner .cell h3{font-size:12px;font-weight:600;margin:0 0 2px 0;white-space:nowrap;overflow:hidden;"
    + "text-overflow:ellipsis}"
    + ".corner .corr{display:flex;align-items:center;justify-content:center;font-size:13px;color:#2b323b;"
    + "border:1px solid #eceff3;border-radius:4px}"
    + ".corner .marginals-only{grid-column:1/-1;font-size:12px;color:#4a525d;margin-top:8px}";
  document.head.appendChild(style);

  function fmt(v) {
    if (v == null || !isFinite(v)) return "\u2013";
    var a = Math.abs(v);
    if (a >= 1e6) return (v / 1e6).toPrecision(3) + " m";
    if (a >= 1e4) return Math.round(v).toLocaleString("en-GB");
    if (a === 0) return "0";
    return String(parseFloat(v.toPrecision(3)));
  }
  function el(name, attrs, parent) {
    var e = document.createElement(name);
    for (var key in attrs) { if (key === "text") e.textContent = attrs[key]; else e.setAttribute(key, attrs[key]); }
    if (parent) parent.appendChild(e);
    return e;
  }

  var params = post.parameters;
  var paired = post.pairs.reduce(function (m, p) { return Math.max(m, p.y + 1); }, 1);
  var pairOf = {};
  post.pairs.forEach(function (p) { pairOf[p.y + "," + p.x] = p; });
  var width = box.clientWidth || 800;
  var size = Math.max(150, Math.min(320, Math.floor((width - 4 * (paired - 1)) / paired)));
  box.style.gridTemplateColumns = "repeat(" + paired + ", " + size + "px)";
  var font = "11px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
  var n = post.weights.length;

  function scale(p) {
    var e = p.edges;
    return p.log ? {time: false, distr: 3, log: 10, range: function () { return [e[0], e[e.length - 1]]; }}
      : {time: false, range: function () { return [e[0], e[e.length - 1]]; }};
  }
  // a logarithmic axis leaves some of its splits unlabelled (null): no text there
  function tickLabels(u, vals) { return vals.map(function (v) { return v == null ? "" : fmt(v); }); }
  function axes(xLabel, yLabel) {
    return [
      {font: font, labelFont: font, stroke: "#4a525d", grid: {stroke: "#eceff3"}, size: 30, label: xLabel,
        labelSize: xLabel ? 16 : 0, values: tickLabels},
      {font: font, labelFont: font, stroke: "#4a525d", grid: {stroke: "#eceff3"}, size: 44, label: yLabel,
        labelSize: yLabel ? 16 : 0, values: tickLabels}
    ];
  }
  function hover(describe) {
    return function (u) {
      if (u.cursor.left == null || u.cursor.left < 0) return;
      readout.textContent = describe(u.posToVal(u.cursor.left, "x"), u.posToVal(u.cursor.top, "y"));
    };
  }
  function clip(u, ctx) {
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
  }

  function marginal(p, parent, xLabel) {
    var cell = el("div", {"class": "cell", "data-parameter": p.path}, parent);
    el("h3", {text: p.label, title: p.path}, cell);
    var top = Math.max.apply(null, p.marginal.concat([p.priorMass || 0])) * 1.15 || 1;
    var centres = [];
    for (var k = 0; k < p.marginal.length; k++) {
      centres.push(p.log ? Math.sqrt(p.edges[k] * p.edges[k + 1]) : (p.edges[k] + p.edges[k + 1]) / 2);
    }
    var u = new uPlot({
      width: size, height: size - 18,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}, points: {show: false}},
      scales: {x: scale(p), y: {range: function () { return [0, top]; }}},
      series: [{}, {stroke: "#1f77b4", paths: function () { return null; }, points: {show: false}}],
      axes: axes(xLabel, "weight"),
      hooks: {
        draw: [function (u) {
          var ctx = u.ctx;
          clip(u, ctx);
          var y0 = u.valToPos(0, "y", true);
          ctx.fillStyle = "rgba(31,119,180,0.75)";
          p.marginal.forEach(function (m, j) {
            var a = u.valToPos(p.edges[j], "x", true), b = u.valToPos(p.edges[j + 1], "x", true);
            var y = u.valToPos(m, "y", true);
            if (m > 0) ctx.fillRect(a + 0.5, y, Math.max(b - a - 1, 1), y0 - y);
          });
          if (p.priorMass) {
            var yp = u.valToPos(p.priorMass, "y", true);
            ctx.strokeStyle = "#6b7480";
            ctx.setLineDash([4, 3]);
            ctx.beginPath(); ctx.moveTo(u.bbox.left, yp); ctx.lineTo(u.bbox.left + u.bbox.width, yp); ctx.stroke();
            ctx.setLineDash([]);
          }
          ctx.restore();
        }],
        setCursor: [hover(function (x) {
          var j = 0;
          while (j < p.marginal.length - 1 && x >= p.edges[j + 1]) j++;
          return p.label + " = " + fmt(x) + ": bin " + fmt(p.edges[j]) + "\u2013" + fmt(p.edges[j + 1])
            + " holds weight " + fmt(p.marginal[j]);
        })]
      }
    }, [centres, p.marginal], cell);
    u.root.setAttribute("data-cell", "marginal");
    cells.push(u);
  }

  function pair(pp, parent, xLabel, yLabel) {
    var px = params[pp.x], py = params[pp.y];
    var cell = el("div", {"class": "cell", "data-pair": pp.x + "," + pp.y}, parent);
    el("h3", {text: py.label + " vs " + px.label, title: py.path + " against " + px.path}, cell);
    var most = 0;
    pp.cells.forEach(function (row) { row.forEach(function (m) { most = Math.max(most, m); }); });
    var e = px.edges;
    var u = new uPlot({
      width: size, height: size - 18,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}, points: {show: false}},
      scales: {x: scale(px), y: scale(py)},
      series: [{}, {stroke: "#1d232b", paths: function () { return null; }, points: {show: false}}],
      axes: axes(xLabel, yLabel),
      hooks: {
        draw: [function (u) {
          var ctx = u.ctx;
          clip(u, ctx);
          pp.cells.forEach(function (row, yi) {
            row.forEach(function (m, xi) {
              if (!(m > 0)) return;
              var a = u.valToPos(px.edges[xi], "x", true), b = u.valToPos(px.edges[xi + 1], "x", true);
              var c = u.valToPos(py.edges[yi + 1], "y", true), d = u.valToPos(py.edges[yi], "y", true);
              ctx.fillStyle = "rgba(31,119,180," + (0.08 + 0.72 * m / most).toFixed(3) + ")";
              ctx.fillRect(a, c, b - a, d - c);
            });
          });
          ctx.fillStyle = "rgba(29,35,43,0.55)";
          post.weights.forEach(function (w, i) {
            var r = Math.max(1.2, 2.2 * Math.sqrt(w * n)) * devicePixelRatio;
            ctx.beginPath();
            ctx.arc(u.valToPos(px.values[i], "x", true), u.valToPos(py.values[i], "y", true), r, 0, 2 * Math.PI);
            ctx.fill();
          });
          ctx.restore();
        }],
        setCursor: [hover(function (x, y) {
          return px.label + " = " + fmt(x) + ", " + py.label + " = " + fmt(y)
            + " (weighted correlation " + fmt(pp.correlation) + ")";
        })]
      }
    }, [[e[0], e[e.length - 1]], [null, null]], cell);
    u.root.setAttribute("data-cell", "pair");
    cells.push(u);
  }

  for (var i = 0; i < paired; i++) {
    for (var j = 0; j < paired; j++) {
      var xLabel = i === paired - 1 ? params[j].label : "";
      if (i === j) {
        marginal(params[i], box, xLabel);
      } else if (i > j) {
        pair(pairOf[i + "," + j], box, xLabel, j === 0 ? params[i].label : "");
      } else {
        var c = pairOf[j + "," + i];
        var r = c.correlation;
        var shade = r == null || !isFinite(r) ? 0 : Math.min(Math.abs(r), 1);
        el("div", {"class": "corr", "data-pair": i + "," + j, style: "height:" + (size - 18) + "px;background:"
          + (r > 0 ? "rgba(31,119,180," : "rgba(214,39,40,") + (0.05 + 0.35 * shade).toFixed(3) + ")",
          text: "r = " + (r == null || !isFinite(r) ? "n/a" : r.toFixed(2)),
          title: "weighted correlation of " + params[i].path + " and " + params[j].path}, box);
      }
    }
  }
  if (params.length > paired) {
    el("div", {"class": "marginals-only", text: "Marginals of the parameters not in the matrix:"}, box);
    for (var m = paired; m < params.length; m++) marginal(params[m], box, params[m].label);
  }
})();
