// The timeline: events per day, stacked by PLOVER category, drawn as SVG from /api/timeline
// (the page's filters without since/until, so the whole range shows). Drag across it to set
// since/until in the filter form and reload with them in the URL.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var box = document.getElementById("timeline");
  var form = document.getElementById("filters");
  var HEIGHT = 110, AXIS = 18, DAY = 86400000, MIN_DAYS = 15;

  function svg(tag, attrs, parent) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }
  function toTime(day) { return Date.parse(day + "T00:00:00Z"); }
  function toDay(t) { return new Date(t).toISOString().slice(0, 10); }

  var params = new URLSearchParams(window.location.search);
  var since = params.get("since"), until = params.get("until");
  ["since", "until", "offset", "limit", "format"].forEach(function (k) { params.delete(k); });

  fetch("/api/timeline?" + params.toString())
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (data) { draw(data.days); })
    .catch(function (err) { box.textContent = "Could not load the timeline: " + err.message; });

  function draw(rows) {
    rows = rows.filter(function (r) { return /^\d{4}-\d{2}-\d{2}$/.test(r.day); });
    if (!rows.length) { box.textContent = "No dated events."; return; }
    var first = toTime(rows[0].day), last = toTime(rows[rows.length - 1].day);
    if (since && toTime(since) < first) { first = toTime(since); }
    if (until && toTime(until) > last) { last = toTime(until); }
    var nDays = Math.round((last - first) / DAY) + 1;
    if (nDays < MIN_DAYS) {  // a few days would make a few huge bars: show a fortnight around them
      first -= Math.floor((MIN_DAYS - nDays) / 2) * DAY;
      nDays = MIN_DAYS;
    }
    var width = Math.max(300, box.clientWidth || 600);
    var step = width / nDays;
    var totals = {}, max = 1;
    rows.forEach(function (r) { totals[r.day] = (totals[r.day] || 0) + r.n; max = Math.max(max, totals[r.day]); });
    var scale = (HEIGHT - AXIS - 4) / max;

    var root = svg("svg", { width: width, height: HEIGHT, viewBox: "0 0 " + width + " " + HEIGHT, role: "img" });
    var stacked = {};
    rows.forEach(function (r) {
      var x = Math.round((toTime(r.day) - first) / DAY) * step;
      var h = r.n * scale, below = stacked[r.day] || 0;
      stacked[r.day] = below + h;
      var rect = svg("rect", { x: x, y: HEIGHT - AXIS - below - h, width: Math.max(1, step - 1), height: h,
        "class": "bar cat-" + r.category, "data-day": r.day }, root);
      svg("title", {}, rect).textContent = r.day + " " + r.category + ": " + r.n;
    });
    svg("line", { x1: 0, x2: width, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS, "class": "axis" }, root);
    var ticks = Math.min(nDays, 6);
    for (var i = 0; i < ticks; i++) {
      var t = first + Math.round(i * (nDays - 1) / Math.max(1, ticks - 1)) * DAY;
      var label = svg("text", { x: Math.min(width - 70, (t - first) / DAY * step), y: HEIGHT - 4, "class": "tick" }, root);
      label.textContent = toDay(t);
    }
    var current = svg("rect", { y: 0, height: HEIGHT - AXIS, "class": "brush current", width: 0, x: 0 }, root);
    if (since || until) {
      var a = since ? (toTime(since) - first) / DAY * step : 0;
      var b = until ? ((toTime(until) - first) / DAY + 1) * step : width;
      current.setAttribute("x", a); current.setAttribute("width", Math.max(2, b - a));
    }
    var brush = svg("rect", { y: 0, height: HEIGHT - AXIS, "class": "brush", width: 0, x: 0 }, root);
    box.textContent = "";
    box.appendChild(root);

    var start = null;
    function dayAt(evt) {
      var bounds = root.getBoundingClientRect();
      var index = Math.floor(Math.max(0, Math.min(width - 1, evt.clientX - bounds.left)) / step);
      return first + Math.min(nDays - 1, index) * DAY;
    }
    function show(a, b) {
      var lo = Math.min(a, b), hi = Math.max(a, b);
      brush.setAttribute("x", (lo - first) / DAY * step);
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
