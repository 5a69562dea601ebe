// The category rule's area picked on the map (/admin/rules/new?type=CATEGORY_RESTRICTION, /admin/rules/{id}):
// "Draw area" then each click adds a corner, "Finish", "Undo last corner", "Clear". The WKT textarea stays (keyboard
// users, pasting) and is kept in sync both ways: drawing writes POLYGON((lon lat, ...)) in WGS84; typing valid WKT
// redraws it. The known places are drawn for orientation. Shared drawing: area-draw.js. No inline script: texts come
// from the map element's data- attributes; the map element's data-corners says how many corners
// there are, data-vertices how many the polygon drawn on the map has.
(function () {
  'use strict';

  var WKT = /^\s*POLYGON\s*\(\s*\(([^()]*)\)\s*\)\s*$/i;

  function round(x) {
    return Math.round(x * 1e7) / 1e7;
  }

  /** WGS84 [lat, lon] corners of a one-ring WKT polygon (closing corner dropped), or null when it is none. */
  function parse(text) {
    var m = WKT.exec(text || '');
    if (!m) { return null; }
    var ring = [];
    var pairs = m[1].split(',');
    for (var i = 0; i < pairs.length; i++) {
      var xy = pairs[i].trim().split(/\s+/);
      var lon = Number(xy[0]);
      var lat = Number(xy[1]);
      if (xy.length !== 2 || !isFinite(lon) || !isFinite(lat)) { return null; }
      ring.push([lat, lon]);
    }
    var first = ring[0];
    var last = ring[ring.length - 1];
    if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) { ring.pop(); }
    return ring.length >= 3 ? ring : null;
  }

  function write(corners) {
    if (corners.length === 0) { return ''; }
    var ring = corners.concat([corners[0]]).map(function (c) { return round(c[1]) + ' ' + round(c[0]); });
    return 'POLYGON((' + ring.join(', ') + '))';
  }

  function start() {
    var el = document.getElementById('rule-area-map');
    var field = document.getElementById('rule-area');
    if (!el || !field || !window.rfidMap || !window.rfidAreaDraw) { return; }
    var tools = document.getElementById('area-tools');
    var status = document.getElementById('area-status');
    var drawButton = document.getElementById('area-draw');

    window.rfidMap.create(el, { locations: false }).then(function (ctx) {
      var area = window.rfidAreaDraw.create(ctx);
      var drawn = window.rfidAreaDraw.places(ctx, null);

      function show() {
        var n = area.corners().length;
        el.dataset.corners = String(n);
        el.dataset.vertices = String(area.vertices());
        status.textContent = area.drawing() ? el.dataset.msgDrawing.replace('{0}', n) : n > 0 ? el.dataset.msgCorners.replace('{0}', n) : '';
      }

      function setDrawing(on) {
        area.drawing(on);
        drawButton.setAttribute('aria-pressed', String(on));
        el.classList.toggle('drawing', on);
        show();
      }

      function changed() {
        field.value = write(area.corners());
        show();
      }

      ctx.map.on('click', function (e) {
        if (!area.drawing()) { return; }
        area.add(e.latlng);
        changed();
      });
      drawButton.addEventListener('click', function () {
        if (!area.drawing()) { area.clear(); }
        setDrawing(true);
        changed();
      });
      document.getElementById('area-finish').addEventListener('click', function () { setDrawing(false); });
      document.getElementById('area-undo').addEventListener('click', function () { area.undo(); changed(); });
      document.getElementById('area-clear').addEventListener('click', function () { area.clear(); changed(); });
      // typed or pasted WKT: drawn as soon as it is a polygon; an emptied field clears the map
      field.addEventListener('input', function () {
        var typed = parse(field.value);
        if (typed) {
          area.set(typed);
          window.rfidAreaDraw.fit(ctx.map, area.bounds());
        } else if (field.value.trim() === '') {
          area.clear();
        }
        show();
      });

      // the rule's own area (editing, or a form sent back with a problem)
      var stored = parse(field.value);
      if (stored) {
        area.set(stored);
        window.rfidAreaDraw.fit(ctx.map, area.bounds());
      }
      tools.hidden = false;
      setDrawing(false);
      el.dataset.places = String(drawn.length);
      el.dataset.ready = '1';
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
