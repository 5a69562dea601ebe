// The places page (/admin/locations): every place on the map (points as markers, areas as their outline from
// the base layer), and the form's position picked on the map. "Set a point" mode: a click puts the point and
// fills the latitude/longitude fields. "Draw area" mode: each click adds a corner; "Finish area" ends the
// drawing, "Undo last corner" and "Clear" take back. The area travels as a GeoJSON Polygon ([lon, lat], WGS84)
// in the hidden "area" field, so the server checks it (at least 3 corners, in range) like typed coordinates.
// The map may draw on GCJ-02 tiles: clicks are moved back to WGS84 before they are stored.
// No inline script: texts come from the map element's data- attributes.
(function () {
  'use strict';

  function format(template, args) {
    return String(template || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function round(x) {
    return Math.round(x * 1e7) / 1e7;
  }

  function start() {
    var el = document.getElementById('admin-locations-map');
    var form = document.getElementById('location-form');
    if (!el || !form || !window.rfidMap) { return; }
    var latField = document.getElementById('loc-lat');
    var lonField = document.getElementById('loc-lon');
    var areaField = document.getElementById('loc-area');
    var status = document.getElementById('draw-status');
    var tools = document.getElementById('draw-tools');
    var pointButton = document.getElementById('draw-point');
    var areaButton = document.getElementById('draw-area');

    window.rfidMap.create(el, { locations: false }).then(function (ctx) {
      var wgsToMap = window.rfidMap.projector(ctx.settings.crs);
      // the inverse of the datum shift by fixed-point iteration (the shift changes slowly: 4 rounds reach 1e-9 degrees)
      function toWgs(latlng) {
        var lat = latlng.lat;
        var lon = latlng.lng;
        for (var i = 0; i < 4; i++) {
          var p = wgsToMap(lat, lon);
          lat += latlng.lat - p[0];
          lon += latlng.lng - p[1];
        }
        return [lat, lon];
      }

      var editing = el.dataset.editing || '';
      var drawn = [];
      Object.keys(ctx.locations).forEach(function (id) {
        var l = ctx.locations[id];
        if (id === editing) { return; }
        var top = !l.parent;
        L.circleMarker(l.latlng, top
          ? { radius: 5, color: '#1d2733', weight: 1, fillColor: '#ffffff', fillOpacity: 1 }
          : { radius: 3, color: '#0b6bcb', weight: 1, fillColor: '#ffffff', fillOpacity: 1 })
          .bindTooltip(document.createTextNode(l.name)).addTo(ctx.map);
        drawn.push(id);
      });
      var areas = [];
      ctx.base.eachLayer(function (layer) {
        var p = layer.feature && layer.feature.properties;
        if (p && p.layer === 'area') {
          areas.push(p.id);
          if (p.id === editing) { ctx.base.removeLayer(layer); }
        }
      });

      // the shape being drawn or edited
      var mode = 'point';
      var corners = [];     // WGS84 [lat, lon]
      var kept = null;      // an area kept from the place that the tools cannot edit corner by corner (several polygons)
      var draft = L.layerGroup().addTo(ctx.map);

      function toMap(c) { return ctx.project(c[0], c[1]); }

      function writeArea() {
        if (kept) {
          areaField.value = JSON.stringify(kept);
        } else if (corners.length === 0) {
          areaField.value = '';
        } else {
          var ring = corners.map(function (c) { return [round(c[1]), round(c[0])]; });
          ring.push(ring[0]);
          areaField.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
        }
      }

      function redraw() {
        draft.clearLayers();
        if (kept) {
          L.geoJSON(ctx.projectGeoJson(kept), { style: { color: '#b00020', weight: 2, fillOpacity: 0.15 } }).addTo(draft);
        } else if (corners.length > 0) {
          var pts = corners.map(toMap);
          if (pts.length >= 3) {
            L.polygon(pts, { color: '#b00020', weight: 2, fillOpacity: 0.15, dashArray: mode === 'area' ? '4 4' : null }).addTo(draft);
          } else if (pts.length === 2) {
            L.polyline(pts, { color: '#b00020', weight: 2, dashArray: '4 4' }).addTo(draft);
          }
          pts.forEach(function (p) {
            L.circleMarker(p, { radius: 4, color: '#b00020', weight: 2, fillColor: '#ffffff', fillOpacity: 1 }).addTo(draft);
          });
        } else if (latField.value !== '' && lonField.value !== '' && isFinite(Number(latField.value)) && isFinite(Number(lonField.value))) {
          L.circleMarker(ctx.project(Number(latField.value), Number(lonField.value)),
            { radius: 9, color: '#b00020', weight: 3, fillColor: '#ffffff', fillOpacity: 1 }).addTo(draft);
        }
        el.dataset.corners = String(kept ? -1 : corners.length);
      }

      function say(text) {
        status.textContent = text;
      }

      function setMode(m) {
        mode = m;
        pointButton.setAttribute('aria-pressed', String(m === 'point'));
        areaButton.setAttribute('aria-pressed', String(m === 'area'));
        el.dataset.mode = m;
        say(m === 'area' ? el.dataset.msgAreaMode : el.dataset.msgPointMode);
        redraw();
      }

      function cornersText() {
        say(format(el.dataset.msgCorners, [corners.length]));
      }

      ctx.map.on('click', function (e) {
        var w = toWgs(e.latlng);
        if (mode === 'area') {
          kept = null;
          corners.push(w);
          latField.value = '';
          lonField.value = '';
          writeArea();
          redraw();
          cornersText();
        } else {
          corners = [];
          kept = null;
          writeArea();
          latField.value = String(round(w[0]));
          lonField.value = String(round(w[1]));
          redraw();
          say(format(el.dataset.msgPoint, [latField.value, lonField.value]));
        }
      });

      pointButton.addEventListener('click', function () { setMode('point'); });
      areaButton.addEventListener('click', function () {
        if (mode !== 'area' && !kept && corners.length === 0) {
          latField.value = '';
          lonField.value = '';
        }
        setMode('area');
      });
      document.getElementById('draw-finish').addEventListener('click', function () {
        setMode('point');
        if (corners.length > 0) { cornersText(); }
      });
      document.getElementById('draw-undo').addEventListener('click', function () {
        if (kept) { kept = null; } else { corners.pop(); }
        writeArea();
        redraw();
        cornersText();
      });
      document.getElementById('draw-clear').addEventListener('click', function () {
        kept = null;
        corners = [];
        latField.value = '';
        lonField.value = '';
        writeArea();
        redraw();
        cornersText();
      });
      // typed coordinates mean a point: the drawn area gives way
      [latField, lonField].forEach(function (f) {
        f.addEventListener('input', function () {
          if (corners.length > 0 || kept) {
            corners = [];
            kept = null;
            writeArea();
          }
          redraw();
        });
      });

      // the place's own shape (editing, or a form sent back with a problem), editable corner by corner when it is one polygon
      var view = null;
      if (areaField.value) {
        try {
          var g = JSON.parse(areaField.value);
          if (g.type === 'Polygon' && g.coordinates && g.coordinates.length === 1) {
            var ring = g.coordinates[0].map(function (c) { return [c[1], c[0]]; });
            if (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) { ring.pop(); }
            corners = ring;
          } else {
            kept = g;
          }
        } catch (err) {
          corners = [];
        }
        var shown = corners.length > 0 ? corners.map(toMap) : [];
        if (kept) { view = L.geoJSON(ctx.projectGeoJson(kept)).getBounds(); } else if (shown.length > 0) { view = L.latLngBounds(shown); }
      } else if (latField.value !== '' && lonField.value !== '' && isFinite(Number(latField.value)) && isFinite(Number(lonField.value))) {
        view = L.latLngBounds([ctx.project(Number(latField.value), Number(lonField.value))]);
      }
      if (view && view.isValid()) {
        // no animation: the form's place is in view at once (and a screenshot shows it, not a zoom half done)
        ctx.map.fitBounds(view, { padding: [40, 40], maxZoom: 15, animate: false });
      }
      tools.hidden = false;
      setMode('point');
      if (corners.length > 0) { cornersText(); }
      el.dataset.places = String(drawn.length);
      el.dataset.areas = areas.join(',');
      el.dataset.ready = '1';
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
