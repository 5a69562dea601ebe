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
      var area = window.rfidAreaDraw.create(ctx);

      var editing = el.dataset.editing || '';
      var drawn = window.rfidAreaDraw.places(ctx, editing);
      var areas = [];
      ctx.base.eachLayer(function (layer) {
        var p = layer.feature && layer.feature.properties;
        if (p && p.layer === 'area') {
          areas.push(p.id);
          if (p.id === editing) { ctx.base.removeLayer(layer); }
        }
      });

      // the shape being drawn or edited: corners by the shared drawing, anything else (a point, a kept area) here
      var mode = 'point';
      var kept = null;      // an area kept from the place that the tools cannot edit corner by corner (several polygons)
      var draft = L.layerGroup().addTo(ctx.map);

      function writeArea() {
        var corners = area.corners();
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
        area.drawing(mode === 'area');
        if (kept) {
          L.geoJSON(ctx.projectGeoJson(kept), { style: window.rfidAreaDraw.style }).addTo(draft);
        } else if (area.corners().length === 0 && latField.value !== '' && lonField.value !== ''
            && isFinite(Number(latField.value)) && isFinite(Number(lonField.value))) {
          L.circleMarker(ctx.project(Number(latField.value), Number(lonField.value)),
            { radius: 9, color: '#b00020', weight: 3, fillColor: '#ffffff', fillOpacity: 1 }).addTo(draft);
        }
        el.dataset.corners = String(kept ? -1 : area.corners().length);
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
        say(format(el.dataset.msgCorners, [area.corners().length]));
      }

      ctx.map.on('click', function (e) {
        kept = null;
        if (mode === 'area') {
          area.add(e.latlng);
          latField.value = '';
          lonField.value = '';
          writeArea();
          redraw();
          cornersText();
        } else {
          var w = area.toWgs(e.latlng);
          area.clear();
          writeArea();
          latField.value = String(round(w[0]));
          lonField.value = String(round(w[1]));
          redraw();
          say(format(el.dataset.msgPoint, [latField.value, lonField.value]));
        }
      });

      pointButton.addEventListener('click', function () { setMode('point'); });
      areaButton.addEventListener('click', function () {
        if (mode !== 'area' && !kept && area.corners().length === 0) {
          latField.value = '';
          lonField.value = '';
        }
        setMode('area');
      });
      document.getElementById('draw-finish').addEventListener('click', function () {
        setMode('point');
        if (area.corners().length > 0) { cornersText(); }
      });
      document.getElementById('draw-undo').addEventListener('click', function () {
        if (kept) { kept = null; } else { area.undo(); }
        writeArea();
        redraw();
        cornersText();
      });
      document.getElementById('draw-clear').addEventListener('click', function () {
        kept = null;
        area.clear();
        latField.value = '';
        lonField.value = '';
        writeArea();
        redraw();
        cornersText();
      });
      // typed coordinates mean a point: the drawn area gives way
      [latField, lonField].forEach(function (f) {
        f.addEventListener('input', function () {
          if (area.corners().length > 0 || kept) {
            area.clear();
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
            area.set(ring);
          } else {
            kept = g;
          }
        } catch (err) {
          area.clear();
        }
        view = kept ? L.geoJSON(ctx.projectGeoJson(kept)).getBounds() : area.bounds();
      } else if (latField.value !== '' && lonField.value !== '' && isFinite(Number(latField.value)) && isFinite(Number(lonField.value))) {
        view = L.latLngBounds([ctx.project(Number(latField.value), Number(lonField.value))]);
      }
      window.rfidAreaDraw.fit(ctx.map, view);
      tools.hidden = false;
      setMode('point');
      if (area.corners().length > 0) { cornersText(); }
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
