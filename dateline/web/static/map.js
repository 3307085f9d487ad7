// The events map: our country outlines (Natural Earth 110m), clustered markers coloured by
// PLOVER category and sized by fatalities, each linking to its article at the event.
// Data comes from /api/events with the page's own filters; text is only ever set as textContent.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("dl-config").textContent);
  var status = document.getElementById("map-status");
  var mapEl = document.getElementById("map");
  var map = L.map(mapEl, { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([35, 20], 2);

  if (config.tiles) {
    L.tileLayer(config.tiles, { maxZoom: 18, attribution: "tiles: DATELINE_TILES" }).addTo(map);
  }
  map.attributionControl.addAttribution("outlines: Natural Earth");

  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var outlines = L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: "#8d96a0", weight: 0.7, fillColor: "#f1efe9", fillOpacity: config.tiles ? 0 : 1 }
      }).addTo(map);
      outlines.bringToBack();
    });

  function filterParams() {
    var params = new URLSearchParams(window.location.search);
    ["offset", "limit", "format"].forEach(function (k) { params.delete(k); });
    return params;
  }

  function articleUrl(ev) {
    return "/articles/" + encodeURIComponent(ev.doc_id) + "?event=" + encodeURIComponent(ev.event_id) +
      "#sentence-" + encodeURIComponent(ev.event_id);
  }

  function size(ev) {  // 12px with no known deaths, growing with the log of the minimum count
    var killed = ev.fatalities && ev.fatalities.min ? ev.fatalities.min : 0;
    return Math.min(34, 12 + Math.round(5 * Math.log2(1 + killed)));
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function popup(ev) {
    var box = el("div", "popup");
    box.appendChild(el("strong", "cat-" + ev.category, ev.category + " · " + ev.trigger.text));
    var when = (ev.time && ev.time.from) || ev.document.published || "";
    box.appendChild(el("div", "popup-meta", [ev.place.name, ev.place.country, when].filter(Boolean).join(" · ")));
    var sentence = ev.sentence.text || "";
    box.appendChild(el("p", "popup-sentence", sentence.length > 240 ? sentence.slice(0, 240) + "…" : sentence));
    var link = el("a", "popup-link", "Open the article at this event");
    link.href = articleUrl(ev);
    box.appendChild(link);
    return box;
  }

  var params = filterParams();
  params.set("limit", String(config.limit));
  fetch("/api/events?" + params.toString())
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (data) {
      var cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      var markers = [];
      data.events.forEach(function (ev) {
        if (!ev.place || ev.place.lat === null || ev.place.lon === null) { return; }
        var s = size(ev);
        var marker = L.marker([ev.place.lat, ev.place.lon], {
          icon: L.divIcon({ className: "dl-marker cat-" + ev.category, iconSize: [s, s] }),
          title: ev.category + ": " + ev.trigger.text + " (" + ev.place.name + ")",
          keyboard: true
        });
        marker.bindPopup(popup(ev));
        markers.push(marker);
      });
      cluster.addLayers(markers);
      map.addLayer(cluster);
      if (markers.length) {
        map.fitBounds(cluster.getBounds().pad(0.4), { maxZoom: 6, animate: false });
      }
      mapEl.setAttribute("data-markers", String(markers.length));
      var note = markers.length + " of " + data.total + (data.total_is_lower_bound ? "+" : "") + " events on the map";
      if (data.total > data.events.length) { note += " (the newest " + data.events.length + "; narrow the filters to see others)"; }
      var unplaced = data.events.length - markers.length;
      if (unplaced) { note += "; " + unplaced + " without coordinates"; }
      status.textContent = note + ".";
    })
    .catch(function (err) { status.textContent = "Could not load the events: " + err.message; });

  document.getElementById("use-map-view").addEventListener("click", function () {
    var b = map.getBounds();
    function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)).toFixed(3); }
    document.getElementById("bbox").value = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(",");
    document.getElementById("filters").requestSubmit();
  });
})();
