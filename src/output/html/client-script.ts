/**
 * The script every HTML page runs after Chart.js: it draws each chart from its JSON
 * configuration (`<script type="application/json" class="lc-chart">`, written by the
 * renderers) and makes the `.sortable` tables sort. What plain JSON cannot say is named in the
 * configuration and supplied here:
 * - `lcFormat` on an axis or a dataset: how its figures print (`usd`, `count`, `ms`, `mb`);
 * - `lcExact` on a dataset: the exact decimal of each point, shown in the tooltip;
 * - `lcErrorBars` on a dataset: `[low, high]` per point (a 95% interval), drawn as whiskers;
 * - `plugins.lcBands`: shaded ranges of an axis (`{ axis, from, to, colour, label }`);
 * - `plugins.lcLines`: labelled vertical lines (`{ at, colour, label }`), e.g. break-evens;
 * - `plugins.lcStrip`: a strip under the plot, coloured by segment (the cheapest option).
 * It is plain ES2017 (no build step): it runs as written in every current browser.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  "use strict";
  var Chart = window.Chart;
  function group(text) { return text.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function usd(v) {
    if (v === 0) return "$0";
    var abs = Math.abs(v);
    // Cents from a cent up; below that, three significant digits (a cost per invocation).
    var text = Number.isInteger(abs) ? String(abs) : abs >= 0.01 ? abs.toFixed(2) : abs.toFixed(Math.min(14, 2 - Math.floor(Math.log10(abs)))).replace(/0+$/, "");
    var parts = text.split(".");
    return (v < 0 ? "-$" : "$") + group(parts[0]) + (parts[1] ? "." + parts[1] : "");
  }
  function count(v) {
    var abs = Math.abs(v);
    var units = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]];
    for (var i = 0; i < units.length; i++) {
      if (abs >= units[i][0]) return +(v / units[i][0]).toPrecision(3) + units[i][1];
    }
    return String(+v.toPrecision(3));
  }
  var FORMATS = {
    usd: usd,
    count: count,
    ms: function (v) { return group(String(+v.toFixed(1))) + " ms"; },
    mb: function (v) { return group(String(v)) + " MB"; },
    percent: function (v) { return +v.toFixed(1) + "%"; }
  };
  function formatter(name) { return FORMATS[name] || function (v) { return String(v); }; }
  function isPowerOfTen(v) {
    var l = Math.log10(Math.abs(v));
    return Math.abs(l - Math.round(l)) < 1e-9;
  }

  var extras = {
    id: "lcExtras",
    beforeDatasetsDraw: function (chart) {
      var o = chart.options.plugins.lcBands || [];
      var ctx = chart.ctx, area = chart.chartArea;
      o.forEach(function (band) {
        var scale = chart.scales[band.axis === "y" ? "y" : "x"];
        var a = scale.getPixelForValue(band.from), b = scale.getPixelForValue(band.to);
        ctx.save();
        ctx.fillStyle = band.colour;
        if (band.axis === "y") ctx.fillRect(area.left, Math.min(a, b), area.right - area.left, Math.abs(b - a));
        else ctx.fillRect(Math.min(a, b), area.top, Math.abs(b - a), area.bottom - area.top);
        if (band.label) {
          ctx.fillStyle = "#333";
          ctx.font = "12px system-ui, sans-serif";
          ctx.textBaseline = "top";
          ctx.fillText(band.label, Math.max(area.left, Math.min(a, b)) + 4, area.top + 4);
        }
        ctx.restore();
      });
    },
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx, area = chart.chartArea;
      chart.data.datasets.forEach(function (ds, i) {
        if (!ds.lcErrorBars || !chart.isDatasetVisible(i)) return;
        var meta = chart.getDatasetMeta(i);
        var y = chart.scales[meta.yAxisID];
        ctx.save();
        ctx.strokeStyle = ds.borderColor || "#000";
        ctx.lineWidth = 1.5;
        ds.lcErrorBars.forEach(function (bar, j) {
          var point = meta.data[j];
          if (!bar || !point || bar[0] === null || bar[1] === null) return;
          var x = point.x, lo = y.getPixelForValue(bar[0]), hi = y.getPixelForValue(bar[1]);
          ctx.beginPath();
          ctx.moveTo(x, lo); ctx.lineTo(x, hi);
          ctx.moveTo(x - 5, lo); ctx.lineTo(x + 5, lo);
          ctx.moveTo(x - 5, hi); ctx.lineTo(x + 5, hi);
          ctx.stroke();
        });
        ctx.restore();
      });
      var lines = chart.options.plugins.lcLines || [];
      lines.forEach(function (line, k) {
        var x = chart.scales.x.getPixelForValue(line.at);
        if (!(x >= area.left && x <= area.right)) return;
        ctx.save();
        ctx.strokeStyle = line.colour;
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 1.5;
        ctx.beginPath(); ctx.moveTo(x, area.top); ctx.lineTo(x, area.bottom); ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = line.colour;
        ctx.font = "bold 12px system-ui, sans-serif";
        ctx.textBaseline = "top";
        var width = ctx.measureText(line.label).width;
        var tx = x + 4 + width > area.right ? x - 4 - width : x + 4;
        ctx.fillText(line.label, tx, area.top + 4 + 16 * k);
        ctx.restore();
      });
      var strip = chart.options.plugins.lcStrip;
      if (strip) {
        var sx = chart.scales.x;
        ctx.save();
        strip.segments.forEach(function (s) {
          var a = Math.max(area.left, sx.getPixelForValue(s.from));
          var b = Math.min(area.right, sx.getPixelForValue(s.to));
          ctx.fillStyle = s.colour;
          ctx.fillRect(a, area.bottom - 8, Math.max(0, b - a), 8);
        });
        ctx.restore();
      }
    }
  };

  function prepare(config) {
    var scales = (config.options && config.options.scales) || {};
    Object.keys(scales).forEach(function (key) {
      var scale = scales[key];
      if (!scale.lcFormat) return;
      var f = formatter(scale.lcFormat);
      scale.ticks = scale.ticks || {};
      scale.ticks.callback = scale.type === "logarithmic"
        ? function (v) { return isPowerOfTen(v) ? f(v) : ""; }
        : function (v) { return f(v); };
    });
    config.options.plugins = config.options.plugins || {};
    config.options.plugins.tooltip = {
      callbacks: {
        label: function (item) {
          var ds = item.dataset;
          var exact = ds.lcExact && ds.lcExact[item.dataIndex];
          var raw = item.parsed[config.options.indexAxis === "y" ? "x" : "y"];
          var shown = exact != null ? (ds.lcFormat === "usd" ? "$" + exact : exact) : formatter(ds.lcFormat)(raw);
          var bar = ds.lcErrorBars && ds.lcErrorBars[item.dataIndex];
          var ci = bar && bar[0] !== null ? " (95%: " + formatter(ds.lcFormat)(bar[0]) + " to " + formatter(ds.lcFormat)(bar[1]) + ")" : "";
          return (ds.label ? ds.label + ": " : "") + shown + ci;
        }
      }
    };
    return config;
  }

  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  Chart.defaults.color = "#222";
  Chart.register(extras);
  document.querySelectorAll("script.lc-chart").forEach(function (node) {
    var canvas = document.getElementById(node.getAttribute("data-canvas"));
    new Chart(canvas, prepare(JSON.parse(node.textContent)));
  });

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          var sort = cell && cell.getAttribute("data-sort");
          return sort !== null && sort !== "" && !isNaN(+sort) ? +sort : (cell ? cell.textContent : "");
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
