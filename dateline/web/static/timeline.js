// The timeline: events per day, stacked by PLOVER category, drawn as SVG from /api/timeline, with a
// y-axis of counts and calendar ticks (days, Mondays, first of the month or January, evenly spaced).
// An event stated over several days or a week counts on every day of its span. On the events page
// the data follow the page's filters without since/until (so the whole range shows) and a drag across
// the chart sets since/until in the filter form; elsewhere (the stats page) it draws the whole store.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var box = document.getElementById("timeline");
  if (!box) { return; }
  var form = document.getElementById("filters");
  var HEIGHT = 150, BOTTOM = 20, LEFT = 38, TOP = 8, DAY = 86400000, MIN_DAYS = 15, MAX_SPAN = 31;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function svg(tag, attrs, parent) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function toTime(day) { return Date.parse(day + "T00:00:00Z"); }
  function toDay(t) { return new Date(t).toISOString().slice(0, 10); }

  var params = new URLSearchParams(window.location.search);
  var since = form ? params.get("since") : null, until = form ? params.get("until") : null;
  ["since", "until", "offset", "limit", "format"].forEach(function (k) { params.delete(k); });
  if (!form) { params = new URLSearchParams(); }

  var rows = null;
  fetch("/api/timeline?" + params.toString())
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (data) { rows = data.days; draw(); })
    .catch(function (err) { box.textContent = "Could not load the timeline: " + err.message; });
  var resized = null;
  window.addEventListener("resize", function () {
    clearTimeout(resized);
    resized = setTimeout(function () { if (rows) { draw(); } }, 150);
  });

  // {day: {category: n}}, each event counted on every day of its span (a month-long or longer span
  // is a vague date, not a duration: the API already gives those their first day only).
  function perDay(rows) {
    var days = {};
    rows.forEach(function (r) {
      var t = toTime(r.day), end = toTime(r.last_day || r.day);
      if (!(end >= t) || end - t > MAX_SPAN * DAY) { end = t; }
      for (; t <= end; t += DAY) {
        var d = toDay(t);
        days[d] = days[d] || {};
        days[d][r.category] = (days[d][r.category] || 0) + r.n;
      }
    });
    return days;
  }

  function niceStep(raw) {  // 1, 2 or 5 times a power of ten, at least 1
    var power = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * power >= raw) { return steps[i] * power; } }
    return 10 * power;
  }

  // Calendar ticks from first to last, as many as fit: every k days, every k weeks (Mondays), every k months
  // (the 1st) or every k years (1 January), k chosen so the ticks are evenly spaced on the calendar.
  function ticks(first, last, maxTicks) {
    var nDays = (last - first) / DAY + 1;
    var plans = [["day", 1], ["day", 2], ["week", 1], ["week", 2], ["month", 1], ["month", 2], ["month", 3],
                 ["month", 6], ["year", 1], ["year", 2], ["year", 5], ["year", 10]];
    var lengths = { day: 1, week: 7, month: 30.4, year: 365.25 };
    var plan = plans.find(function (p) { return nDays / (lengths[p[0]] * p[1]) <= maxTicks; }) || plans[plans.length - 1];
    var unit = plan[0], k = plan[1], out = [];
    var d = new Date(first);
    if (unit === "week") { d.setUTCDate(d.getUTCDate() + (8 - (d.getUTCDay() || 7)) % 7); }
    if (unit === "month" || unit === "year") { d.setUTCDate(1); if (d.getTime() < first) { d.setUTCMonth(d.getUTCMonth() + 1); } }
    if (unit === "year") { while (d.getUTCMonth() !== 0) { d.setUTCMonth(d.getUTCMonth() + 1); } }
    for (var guard = 0; d.getTime() <= last && guard < 500; guard++) {
      var ok = unit === "day" ? Math.round((d.getTime() - first) / DAY) % k === 0
        : unit === "week" ? true
        : unit === "month" ? d.getUTCMonth() % k === 0 : d.getUTCFullYear() % k === 0;
      if (ok) { out.push({ t: d.getTime(), label: tickLabel(d, unit) }); }
      if (unit === "day") { d.setUTCDate(d.getUTCDate() + 1); }
      else if (unit === "week") { d.setUTCDate(d.getUTCDate() + 7 * k); }
      else if (unit === "month") { d.setUTCMonth(d.getUTCMonth() + 1); }
      else { d.setUTCFullYear(d.getUTCFullYear() + 1); }
    }
    return out;
  }
  function tickLabel(d, unit) {
    if (unit === "year") { return String(d.getUTCFullYear()); }
    if (unit === "month") { return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  }

  // The first day drawn: a store's few events decades back (history the articles recall) would squeeze
  // the months that hold nearly everything into a sliver, so the chart starts where the newest 99% of the
  // events begin and says how many earlier ones it leaves out.
  function firstShown(days, keys) {
    var total = 0, counts = keys.map(function (d) {
      var n = 0;
      Object.keys(days[d]).forEach(function (c) { n += days[d][c]; });
      total += n;
      return n;
    });
    var skipped = 0, i = 0;
    while (i < keys.length - 1 && skipped + counts[i] <= total * 0.01 &&
           toTime(keys[keys.length - 1]) - toTime(keys[i]) > 3 * 365 * DAY) { skipped += counts[i]; i++; }
    return { index: i, skipped: skipped };
  }

  // Days, weeks, months or years per bar: a bar narrower than 3 px cannot be seen or pointed at.
  function binning(nDays, plotWidth) {
    var units = [["day", 1], ["week", 7], ["month", 30.44], ["year", 365.25]];
    return units.find(function (u) { return plotWidth / (nDays / u[1]) >= 3; }) || units[3];
  }
  function binStart(t, unit) {
    var d = new Date(t);
    if (unit === "week") { d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); }
    if (unit === "month" || unit === "year") { d.setUTCDate(1); }
    if (unit === "year") { d.setUTCMonth(0); }
    return d.getTime();
  }
  function binEnd(t, unit) {
    var d = new Date(t);
    if (unit === "day") { return t; }
    if (unit === "week") { return t + 6 * DAY; }
    if (unit === "month") { d.setUTCMonth(d.getUTCMonth() + 1); } else { d.setUTCFullYear(d.getUTCFullYear() + 1); }
    return d.getTime() - DAY;
  }

  function draw() {
    var days = perDay(rows.filter(function (r) { return /^\d{4}-\d{2}-\d{2}$/.test(r.day); }));
    var keys = Object.keys(days).sort();
    if (!keys.length) { box.textContent = "No dated events."; return; }
    var shown = firstShown(days, keys);
    keys = keys.slice(shown.index);
    var first = toTime(keys[0]), last = toTime(keys[keys.length - 1]);
    if (since && toTime(since) < first) { first = toTime(since); }
    if (until && toTime(until) > last) { last = toTime(until); }
    var nDays = Math.round((last - first) / DAY) + 1;
    if (nDays < MIN_DAYS) {  // a few days would make a few huge bars: show a fortnight around them
      first -= Math.floor((MIN_DAYS - nDays) / 2) * DAY;
      nDays = MIN_DAYS;
      last = first + (nDays - 1) * DAY;
    }
    var width = Math.max(240, box.clientWidth || 600);
    var plotWidth = width - LEFT - 6, plotHeight = HEIGHT - BOTTOM - TOP;
    var step = plotWidth / nDays;
    var unit = binning(nDays, plotWidth)[0];
    var bins = {};  // bin start -> {category: n}
    keys.forEach(function (d) {
      var b = binStart(toTime(d), unit);
      bins[b] = bins[b] || {};
      Object.keys(days[d]).forEach(function (c) { bins[b][c] = (bins[b][c] || 0) + days[d][c]; });
    });
    var max = 1;
    Object.keys(bins).forEach(function (b) {
      var total = 0;
      Object.keys(bins[b]).forEach(function (c) { total += bins[b][c]; });
      max = Math.max(max, total);
    });
    var yStep = niceStep(max / 4), yMax = Math.ceil(max / yStep) * yStep;
    var scale = plotHeight / yMax;
    function x(t) { return LEFT + (t - first) / DAY * step; }

    var root = svg("svg", { width: width, height: HEIGHT, viewBox: "0 0 " + width + " " + HEIGHT, role: "img",
                            "aria-label": "Events per day by category" });
    for (var v = 0; v <= yMax; v += yStep) {
      var y = TOP + plotHeight - v * scale;
      svg("line", { x1: LEFT, x2: width - 6, y1: y, y2: y, "class": v ? "grid" : "axis" }, root);
      var yl = svg("text", { x: LEFT - 4, y: y + 3, "class": "tick y-tick", "text-anchor": "end" }, root);
      yl.textContent = String(v);
    }
    Object.keys(bins).forEach(function (b) {
      var start = Math.max(first, Number(b)), end = Math.min(last, binEnd(Number(b), unit));
      var below = 0, label = unit === "day" ? toDay(start) : toDay(start) + " – " + toDay(end);
      Object.keys(bins[b]).sort().forEach(function (c) {
        var n = bins[b][c], h = n * scale;
        var rect = svg("rect", { x: x(start), y: TOP + plotHeight - below - h,
          width: Math.max(1, (end - start) / DAY * step + step - 1), height: h,
          "class": "bar cat-" + c, "data-day": toDay(start), "data-n": n }, root);
        svg("title", {}, rect).textContent = label + " " + c + ": " + n;
        below += h;
      });
    });
    box.setAttribute("data-bin", unit);
    var note = document.getElementById("timeline-note");
    if (note) {
      note.textContent = "Events per " + unit + " by category" +
        (shown.skipped ? " (" + shown.skipped + " events before " + toDay(first) + " not drawn)" : "") +
        (form ? "; drag across it to set since/until." : ".");
    }
    var maxTicks = Math.max(2, Math.floor(plotWidth / 80));
    ticks(first, last, maxTicks).forEach(function (tick) {
      var tx = x(tick.t) + step / 2;
      svg("line", { x1: tx, x2: tx, y1: TOP + plotHeight, y2: TOP + plotHeight + 4, "class": "axis" }, root);
      // a label at either end is anchored inside the chart, not cut in half (its tick keeps its place)
      var half = tick.label.length * 3, anchor = "middle", lx = tx;
      if (tx + half > width - 2) { anchor = "end"; lx = width - 2; } else if (tx - half < 0) { anchor = "start"; lx = 0; }
      var label = svg("text", { x: lx, y: HEIGHT - 4, "class": "tick x-tick", "text-anchor": anchor,
                                "data-tick": tx.toFixed(1) }, root);
      label.textContent = tick.label;
    });
    box.textContent = "";
    box.appendChild(root);
    if (!form) { return; }

    var current = svg("rect", { y: TOP, height: plotHeight, "class": "brush current", width: 0, x: LEFT }, root);
    if (since || until) {
      var a = since ? x(toTime(since)) : LEFT;
      var b = until ? x(toTime(until) + DAY) : width - 6;
      current.setAttribute("x", a); current.setAttribute("width", Math.max(2, b - a));
    }
    var brush = svg("rect", { y: TOP, height: plotHeight, "class": "brush", width: 0, x: LEFT }, root);
    var start = null;
    function dayAt(evt) {
      var bounds = root.getBoundingClientRect();
      var px = Math.max(0, Math.min(plotWidth - 1, evt.clientX - bounds.left - LEFT));
      return first + Math.min(nDays - 1, Math.floor(px / step)) * DAY;
    }
    function show(a, b) {
      var lo = Math.min(a, b), hi = Math.max(a, b);
      brush.setAttribute("x", x(lo));
      brush.setAttribute("width", ((hi - lo) / DAY + 1) * step);
    }
    root.addEventListener("pointerdown", function (evt) {
      start = dayAt(evt); show(start, start); root.setPointerCapture(evt.pointerId);
    });
    root.addEventListener("pointermove", function (evt) { if (start !== null) { show(start, dayAt(evt)); } });
    root.addEventListener("pointerup", function (evt) {
      if (start === null) { return; }
      var end = dayAt(evt), lo = Math.min(start, end), hi = Math.max(start, end);
      start = null;
      form.elements.since.value = toDay(lo);
      form.elements.until.value = toDay(hi);
      form.requestSubmit();
    });
  }
})();
