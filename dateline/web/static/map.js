// The events map: our country outlines (Natural Earth 110m), clustered markers coloured by
// PLOVER category and sized by fatalities, each linking to its article at the event.
// Data comes from /api/events with the page's own filters; text is only ever set as textContent.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("dl-config").textContent);
  var status = document.getElementById("map-status");
  var mapEl = document.getElementById("map");
  var map = L.map(mapEl, { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([35, 20], 2);
  window.dlMap = map;  // for the browser tests (they check the drawn outlines against the zoom)
  map.createPane("labels").classList.add("dl-labels-pane");  // above the outlines, below the markers

  if (config.tiles) {
    L.tileLayer(config.tiles, { maxZoom: 18, attribution: "tiles: DATELINE_TILES" }).addTo(map);
  }
  map.attributionControl.addAttribution("outlines: Natural Earth; places: GeoNames");

  // Natural Earth's polygons are not cut at the antimeridian: Russia's and Fiji's rings jump from 180 to
  // -180, which a flat map draws as a stripe across the world. Each ring's longitudes are made continuous
  // (179, -179 -> 179, 181), and a ring that then reaches past 180 is drawn a second time a world to the
  // west (past -180: to the east), so both edges of the map show it. Antarctica is left out: it encircles
  // the pole (no flat ring can draw it) and no news map needs it.
  var ANTARCTICA = "010";
  function unwrap(ring) {
    var out = [], shift = 0;
    ring.forEach(function (p, n) {
      var lon = p[0] + shift;
      if (n && Math.abs(lon - out[n - 1][0]) > 180) {
        shift += out[n - 1][0] > lon ? 360 : -360;
        lon = p[0] + shift;
      }
      out.push([lon, p[1]]);
    });
    return out;
  }
  function shifted(polygon, by) {
    return polygon.map(function (ring) { return ring.map(function (p) { return [p[0] + by, p[1]]; }); });
  }
  function flatPolygons(geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    var out = [];
    polygons.forEach(function (polygon) {
      var rings = polygon.map(unwrap);
      var lons = rings[0].map(function (p) { return p[0]; });
      var west = Math.min.apply(null, lons), east = Math.max.apply(null, lons);
      if (east <= -180) { rings = shifted(rings, 360); west += 360; east += 360; }
      if (west >= 180) { rings = shifted(rings, -360); west -= 360; east -= 360; }
      out.push(rings);
      if (east > 180) { out.push(shifted(rings, -360)); }
      if (west < -180) { out.push(shifted(rings, 360)); }
    });
    return { type: "MultiPolygon", coordinates: out };
  }

  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then(function (r) { return r.json(); })
    .then(function (topo) {
      var world = topojson.feature(topo, topo.objects.countries);
      world.features = world.features.filter(function (f) { return f.id !== ANTARCTICA; }).map(function (f) {
        return { type: "Feature", id: f.id, properties: f.properties, geometry: flatPolygons(f.geometry) };
      });
      var outlines = L.geoJSON(world, {
        interactive: false,
        style: { color: "#8d96a0", weight: 0.7, fillColor: "#f1efe9", fillOpacity: config.tiles ? 0 : 1 }
      }).addTo(map);
      outlines.bringToBack();
      mapEl.setAttribute("data-outlines", String(world.features.length));
    });

  // Place names, so a zoomed-in view is not a blank crop: countries (the big ones first), capitals, then
  // cities of a million people. Shipped with the app (static/basemap-labels.json, dateline/web/basemap.py).
  var labelTiers = [];
  function label(text, cls, lat, lon) {
    var inner = el("span", "map-label-text", text);
    var outer = el("span", "map-label-anchor");
    outer.appendChild(inner);
    return L.marker([lat, lon], { pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "map-label " + cls, html: outer, iconSize: null }) });
  }
  function showLabels() {
    var zoom = map.getZoom();
    labelTiers.forEach(function (tier) {
      if (zoom >= tier.zoom) { map.addLayer(tier.layer); } else { map.removeLayer(tier.layer); }
    });
  }
  fetch("/static/basemap-labels.json")
    .then(function (r) { return r.json(); })
    .then(function (places) {
      var huge = L.layerGroup(), big = L.layerGroup(), small = L.layerGroup(), capitals = L.layerGroup(),
          cities = L.layerGroup();
      places.countries.forEach(function (c) {  // area in square degrees: Russia 2900, France 70, Croatia 7
        (c.area >= 400 ? huge : c.area >= 60 ? big : small).addLayer(label(c.name, "country", c.lat, c.lon));
      });
      places.cities.forEach(function (c) {
        (c.capital ? capitals : cities).addLayer(label(c.name, c.capital ? "capital" : "city", c.lat, c.lon));
      });
      labelTiers = [{ layer: huge, zoom: 1 }, { layer: big, zoom: 2 }, { layer: small, zoom: 4 }, { layer: capitals, zoom: 4 },
                    { layer: cities, zoom: 5 }];
      map.on("zoomend", showLabels);
      showLabels();
      mapEl.setAttribute("data-labels", String(places.countries.length + places.cities.length));
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
    box.appendChild(el("div", "popup-meta", [ev.place.name, ev.place.country_name || ev.place.country, when].filter(Boolean).join(" · ")));
    var sentence = ev.sentence.text || "";
    box.appendChild(el("p", "popup-sentence", sentence.length > 240 ? sentence.slice(0, 240) + "…" : sentence));
    var link = el("a", "popup-link", "Open the article at this event");
    link.href = articleUrl(ev);
    box.appendChild(link);
    return box;
  }

  // A cluster is a ring of its categories' colours (shares of its events) around its count.
  var colours = {};
  function colour(category) {
    if (!colours[category]) {
      var probe = el("span", "cat-" + category);
      document.body.appendChild(probe);
      colours[category] = getComputedStyle(probe).getPropertyValue("--cat").trim() || "#555";
      probe.remove();
    }
    return colours[category];
  }
  function clusterIcon(cluster) {
    var counts = {}, total = 0;
    cluster.getAllChildMarkers().forEach(function (m) {
      counts[m.options.category] = (counts[m.options.category] || 0) + 1;
      total += 1;
    });
    var stops = [], at = 0;
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; }).forEach(function (c) {
      var next = at + counts[c] / total * 360;
      stops.push(colour(c) + " " + at.toFixed(1) + "deg " + next.toFixed(1) + "deg");
      at = next;
    });
    var s = total < 10 ? 30 : total < 100 ? 38 : 46;
    var ring = el("div", "dl-cluster-ring");
    ring.style.background = "conic-gradient(" + stops.join(", ") + ")";  // CSSOM: allowed by the CSP
    ring.appendChild(el("span", "dl-cluster-count", total));
    ring.setAttribute("data-categories", Object.keys(counts).join(" "));
    return L.divIcon({ html: ring, className: "dl-cluster", iconSize: [s, s] });
  }

  var params = filterParams();
  params.set("limit", String(config.limit));
  fetch("/api/events?" + params.toString())
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (data) {
      var cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false,
                                           iconCreateFunction: clusterIcon });
      var markers = [];
      data.events.forEach(function (ev) {
        if (!ev.place || ev.place.lat === null || ev.place.lon === null) { return; }
        var s = size(ev);
        var marker = L.marker([ev.place.lat, ev.place.lon], {
          icon: L.divIcon({ className: "dl-marker cat-" + ev.category, iconSize: [s, s] }),
          category: ev.category,
          title: ev.category + ": " + ev.trigger.text + " (" + ev.place.name + ")",
          keyboard: true
        });
        marker.bindPopup(popup(ev));
        markers.push(marker);
      });
      cluster.addLayers(markers);
      map.addLayer(cluster);
      if (markers.length) {
        map.fitBounds(cluster.getBounds().pad(0.4), { maxZoom: 5, animate: false });
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
