// Replay of an object's trajectory (object pages): its passages in time order on the base map, the
// marker moving between them along the straight segment at 1x..64x, a slider to jump, the map
// following the marker when asked, stops listed with their durations, and companions replayed on the
// same clock in their own colours. Track data from /ui/objects/{kind}/{id}/track (data-track); the
// element's data-replay-index is the passage the main object is at (-1 before the first) and
// data-replay-trail the passages it went through, in order.
(function () {
  'use strict';
  var COLOURS = ['#c62828', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#ad1457', '#455a64', '#827717'];

  function trackUrl(base, el) {
    var u = new URL(base, window.location.origin);
    if (el.dataset.from) { u.searchParams.set('from', el.dataset.from); }
    if (el.dataset.to) { u.searchParams.set('to', el.dataset.to); }
    if (el.dataset.purpose) { u.searchParams.set('purpose', el.dataset.purpose); }
    return u.pathname + u.search;
  }

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('track: HTTP ' + r.status); } return r.json(); });
  }

  function positionAt(points, t) {
    var n = points.length;
    if (n === 0) { return null; }
    if (t <= points[0].t) { return { i: t < points[0].t ? -1 : 0, lat: points[0].lat, lon: points[0].lon }; }
    var i = 0;
    while (i + 1 < n && points[i + 1].t <= t) { i++; }
    var p = points[i];
    if (i === n - 1 || t <= p.until) { return { i: i, lat: p.lat, lon: p.lon }; }
    var q = points[i + 1];
    var f = (t - p.until) / Math.max(1, q.t - p.until);
    return { i: i, lat: p.lat + (q.lat - p.lat) * f, lon: p.lon + (q.lon - p.lon) * f };
  }

  function start(el, made) {
    var map = made.map;
    // positions are WGS84; a GCJ-02 base map needs them shifted like everything else drawn on it
    var toMap = function (lat, lon) { return made.project ? made.project(lat, lon) : L.latLng(lat, lon); };
    var status = document.getElementById('replay-status');
    var current = document.getElementById('replay-current');
    var play = document.getElementById('replay-play');
    var speed = document.getElementById('replay-speed');
    var slider = document.getElementById('replay-slider');
    var follow = document.getElementById('replay-follow');
    var stopsList = document.getElementById('replay-stops');
    var tracks = [];
    var clock = { start: 0, end: 0, now: 0, playing: false, last: 0 };
    var trail = [];

    function bounds() {
      var all = tracks.filter(function (t) { return t.points.length > 0; });
      if (all.length === 0) { return; }
      clock.start = Math.min.apply(null, all.map(function (t) { return t.points[0].t; }));
      clock.end = Math.max.apply(null, all.map(function (t) { return t.points[t.points.length - 1].until; }));
      if (clock.end <= clock.start) { clock.end = clock.start + 1000; }
      clock.now = Math.min(Math.max(clock.now, clock.start), clock.end);
    }

    function addTrack(data, colour, main) {
      var latlngs = data.points.map(function (p) { return toMap(p.lat, p.lon); });
      var layers = L.layerGroup().addTo(map);
      if (latlngs.length > 1) {
        L.polyline(latlngs, { color: colour, weight: main ? 4 : 3, opacity: 0.75, dashArray: main ? null : '6 4' }).addTo(layers);
      }
      data.points.forEach(function (p) {
        L.circleMarker(toMap(p.lat, p.lon), { radius: 4, color: colour, weight: 1, fillColor: colour, fillOpacity: 0.6 })
          .bindTooltip(data.title + ' · ' + p.time + ' · ' + p.locationName).addTo(layers);
      });
      data.stops.forEach(function (s) {
        L.circleMarker(toMap(s.lat, s.lon), { radius: 10, color: colour, weight: 2, dashArray: '3 3', fill: false })
          .bindTooltip(s.label).addTo(layers);
      });
      var marker = null;
      if (latlngs.length > 0) {
        marker = L.circleMarker(latlngs[0], { radius: 9, color: '#ffffff', weight: 3, fillColor: colour, fillOpacity: 1 })
          .bindTooltip(data.title, { permanent: main, direction: 'top', offset: [0, -10] }).addTo(layers);
      }
      var track = { data: data, points: data.points, layers: layers, marker: marker, colour: colour, main: main };
      tracks.push(track);
      el.dataset.tracks = String(tracks.length);
      return track;
    }

    function showStops(main) {
      stopsList.textContent = '';
      if (main.data.stops.length === 0) {
        var none = document.createElement('li');
        none.className = 'empty';
        none.textContent = stopsList.dataset.none;
        stopsList.appendChild(none);
      }
      main.data.stops.forEach(function (s) {
        var li = document.createElement('li');
        li.textContent = s.label;
        li.dataset.first = s.first;
        stopsList.appendChild(li);
      });
    }

    function render() {
      tracks.forEach(function (t) {
        var at = positionAt(t.points, clock.now);
        if (!at || !t.marker) { return; }
        t.marker.setLatLng(toMap(at.lat, at.lon));
        if (t.main) {
          var index = Number(el.dataset.replayIndex);
          for (var k = index + 1; k <= at.i; k++) { trail.push(k); }
          if (at.i < index) { trail = []; for (var j = 0; j <= at.i; j++) { trail.push(j); } }
          el.dataset.replayIndex = String(at.i);
          el.dataset.replayTrail = trail.join(',');
          if (at.i >= 0) {
            var p = t.points[at.i];
            current.textContent = p.time + ' · ' + p.locationName;
            current.dataset.passage = p.passageId;
          }
          if (follow.checked && clock.playing) { map.panTo(toMap(at.lat, at.lon), { animate: false }); }
        }
      });
      slider.value = String(Math.round((clock.now - clock.start) / Math.max(1, clock.end - clock.start) * 1000));
    }

    function frame(ts) {
      if (!clock.playing) { return; }
      var dt = clock.last ? ts - clock.last : 0;
      clock.last = ts;
      clock.now = Math.min(clock.end, clock.now + dt * Number(speed.value));
      render();
      if (clock.now >= clock.end) { setPlaying(false); return; }
      window.requestAnimationFrame(frame);
    }

    function setPlaying(on) {
      if (on && clock.now >= clock.end) { clock.now = clock.start; el.dataset.replayIndex = '-1'; trail = []; }
      clock.playing = on;
      clock.last = 0;
      play.textContent = on ? play.dataset.pause : play.dataset.play;
      play.setAttribute('aria-pressed', on ? 'true' : 'false');
      el.dataset.playing = on ? 'true' : 'false';
      if (on) { window.requestAnimationFrame(frame); }
    }

    play.addEventListener('click', function () { setPlaying(!clock.playing); });
    slider.addEventListener('input', function () {
      clock.now = clock.start + (clock.end - clock.start) * Number(slider.value) / 1000;
      render();
    });

    document.querySelectorAll('input.companion').forEach(function (box, n) {
      var colour = COLOURS[(n + 1) % COLOURS.length];
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.backgroundColor = colour;
      box.parentNode.insertBefore(swatch, box.nextSibling);
      var added = null;
      box.addEventListener('change', function () {
        if (box.checked) {
          load(trackUrl(box.dataset.track, el)).then(function (data) {
            if (!box.checked) { return; }
            data.title = box.dataset.title;
            added = addTrack(data, colour, false);
            bounds();
            render();
          }).catch(function () { status.textContent = status.dataset.failed; });
        } else if (added) {
          map.removeLayer(added.layers);
          tracks = tracks.filter(function (t) { return t !== added; });
          el.dataset.tracks = String(tracks.length);
          added = null;
          bounds();
          render();
        }
      });
    });

    load(trackUrl(el.dataset.track, el)).then(function (data) {
      data.title = el.dataset.title;
      var main = addTrack(data, COLOURS[0], true);
      showStops(main);
      if (data.points.length === 0) {
        status.textContent = status.dataset.empty;
        play.disabled = true;
        el.dataset.ready = 'empty';
        return;
      }
      el.dataset.points = String(data.points.length);
      bounds();
      clock.now = clock.start;
      var latlngs = data.points.map(function (p) { return toMap(p.lat, p.lon); });
      map.fitBounds(L.latLngBounds(latlngs).pad(0.3), { maxZoom: 15 });
      render();
      el.dataset.ready = 'true';
    }).catch(function () {
      status.textContent = status.dataset.failed;
      el.dataset.ready = 'failed';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('replay-map');
    if (!el || !window.rfidMap) { return; }
    window.rfidMap.create(el, { fit: true }).then(function (made) { start(el, made); });
  });
})();
