// A polygon drawn on a Leaflet map corner by corner, shared by the places page and the rule form:
//   rfidAreaDraw.create(ctx) -> { add(latlng), undo(), clear(), set(corners), corners(), vertices(), drawing(on), bounds(), toWgs(latlng) }
//   rfidAreaDraw.places(ctx, exceptId) draws the known places with their names; rfidAreaDraw.fit(map, bounds).
// where ctx is what rfidMap.create resolves to. Corners are kept in WGS84 [lat, lon]: the map may draw on GCJ-02
// tiles, so a click is moved back to WGS84 before it is kept, and corners are moved to the map's datum to be drawn.
// The corners are drawn on their own layer (dashed while drawing, solid when finished); pages write them to their form.
(function () {
  'use strict';

  var STYLE = { color: '#b00020', weight: 2, fillOpacity: 0.15 };

  function create(ctx) {
    var wgsToMap = window.rfidMap.projector(ctx.settings.crs);
    var layer = L.layerGroup().addTo(ctx.map);
    var corners = [];
    var drawing = false;

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

    function toMap(c) { return ctx.project(c[0], c[1]); }

    var vertices = 0;   // corners of the polygon on the map layer (the canvas renderer leaves no SVG path to count)

    function redraw() {
      layer.clearLayers();
      var pts = corners.map(toMap);
      vertices = 0;
      if (pts.length >= 3) {
        vertices = L.polygon(pts, Object.assign({ dashArray: drawing ? '4 4' : null }, STYLE)).addTo(layer).getLatLngs()[0].length;
      } else if (pts.length === 2) {
        L.polyline(pts, { color: STYLE.color, weight: 2, dashArray: '4 4' }).addTo(layer);
      }
      pts.forEach(function (p) {
        L.circleMarker(p, { radius: 4, color: STYLE.color, weight: 2, fillColor: '#ffffff', fillOpacity: 1 }).addTo(layer);
      });
    }

    return {
      /** Adds the corner a map click (in the map's datum) means. */
      add: function (latlng) { corners.push(toWgs(latlng)); redraw(); },
      undo: function () { corners.pop(); redraw(); },
      clear: function () { corners = []; redraw(); },
      /** Replaces the corners (WGS84 [lat, lon], without the closing one). */
      set: function (wgs) { corners = wgs.slice(); redraw(); },
      corners: function () { return corners.slice(); },
      /** How many corners the polygon drawn on the map has (0 while fewer than 3 corners are drawn). */
      vertices: function () { return vertices; },
      drawing: function (on) { if (on !== undefined) { drawing = on; redraw(); } return drawing; },
      /** The corners' bounds on the map, or null when there are none. */
      bounds: function () { return corners.length > 0 ? L.latLngBounds(corners.map(toMap)) : null; },
      toWgs: toWgs
    };
  }

  /**
   * Draws the known places for orientation, each with its name as a tooltip: top-level places as white dots,
   * places inside another smaller and blue. Returns the ids drawn (all but except).
   */
  function places(ctx, except) {
    var drawn = [];
    Object.keys(ctx.locations).forEach(function (id) {
      var l = ctx.locations[id];
      if (id === except) { return; }
      L.circleMarker(l.latlng, !l.parent
        ? { radius: 5, color: '#1d2733', weight: 1, fillColor: '#ffffff', fillOpacity: 1 }
        : { radius: 3, color: '#0b6bcb', weight: 1, fillColor: '#ffffff', fillOpacity: 1 })
        .bindTooltip(document.createTextNode(l.name)).addTo(ctx.map);
      drawn.push(id);
    });
    return drawn;
  }

  /** Fits the map to bounds at once (no animation: the shape is in view at once, and a screenshot shows it, not a zoom half done). */
  function fit(map, bounds) {
    if (bounds && bounds.isValid()) {
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 15, animate: false });
    }
  }

  window.rfidAreaDraw = { create: create, places: places, fit: fit, style: STYLE };
})();
