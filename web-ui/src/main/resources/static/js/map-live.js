// The live map (/map): one marker per top-level place (a checkpoint with its lanes, a site with its doors,
// a library with its gates), coloured and numbered by its passages in the last minutes as pushed by
// /ui/map/stream (event: counts, already limited to what the user may see); a click shows the place's
// latest passages; open alerts (GET /api/v1/alerts?status=OPEN, then SSE /api/v1/alerts/stream) ring
// their place, and a new one flashes. Texts come from data- attributes; nothing from the server is put
// into the page as HTML.
(function () {
  'use strict';

  var el;
  var ctx;
  var markers = {};          // top-level id -> {marker, element, name, total, byKind}
  var levels = [1, 5, 20];
  var windowMinutes = 5;
  var openAlerts = {};       // alert id -> alert
  var selected = null;

  function text(tag, cls, value) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (value !== undefined && value !== null) { e.textContent = String(value); }
    return e;
  }

  function format(template, args) {
    return String(template || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function levelOf(n) {
    var l = 0;
    levels.forEach(function (t, i) { if (n >= t) { l = i + 1; } });
    return l;
  }

  // ---- markers ------------------------------------------------------------------------------------------

  function addMarkers() {
    var bounds = [];
    Object.keys(ctx.locations).forEach(function (id) {
      if (ctx.locations[id].top === id) { bounds.push(ctx.locations[id].latlng); }
    });
    if (bounds.length > 0) {
      ctx.map.fitBounds(L.latLngBounds(bounds), { padding: [30, 30] });
    }
    Object.keys(ctx.locations).forEach(function (id) {
      var l = ctx.locations[id];
      if (l.top !== id) { return; }
      var icon = L.divIcon({ className: 'map-marker act-0', html: '<span class="dot"><span class="count"></span></span>',
        iconSize: [34, 34], iconAnchor: [17, 17] });
      var marker = L.marker(l.latlng, { icon: icon, keyboard: true, title: l.name, riseOnHover: true }).addTo(ctx.map);
      var tip = text('span', 'map-tip');
      marker.bindTooltip(tip, { direction: 'top', offset: [0, -12] });
      var m = { marker: marker, element: marker.getElement(), name: l.name, total: 0, byKind: {}, tip: tip };
      m.element.dataset.location = id;
      m.element.setAttribute('aria-label', l.name);
      markers[id] = m;
      describe(id);
      marker.on('click', function () { select(id); });
    });
    el.dataset.markers = String(Object.keys(markers).length);
  }

  function describe(id) {
    var m = markers[id];
    var kinds = Object.keys(m.byKind).map(function (k) { return kindLabel(k) + ' ' + m.byKind[k]; });
    m.tip.textContent = m.name + ' — ' + m.total + (kinds.length ? ' (' + kinds.join(', ') + ')' : '');
    m.element.setAttribute('aria-label', m.name + ': ' + m.total);
  }

  var kindLabels = {};
  function kindLabel(kind) {
    return kindLabels[kind] || kind;
  }

  function applyCounts(snapshot) {
    windowMinutes = snapshot.window || windowMinutes;
    Object.keys(markers).forEach(function (id) {
      var c = snapshot.counts[id];
      var m = markers[id];
      m.total = c ? c.total : 0;
      m.byKind = c ? c.byKind : {};
      var level = levelOf(m.total);
      for (var i = 0; i <= levels.length; i++) { m.element.classList.toggle('act-' + i, i === level); }
      m.element.dataset.count = String(m.total);
      m.element.querySelector('.count').textContent = m.total > 0 ? String(m.total) : '';
      describe(id);
    });
    el.dataset.countsAt = snapshot.at;
    if (selected) { showCount(selected); }
  }

  // ---- the side panel: a place's latest passages --------------------------------------------------------

  function showCount(id) {
    var detail = document.getElementById('map-detail');
    var count = detail.querySelector('.count');
    if (count && markers[id]) {
      count.textContent = format(detail.dataset.msgCount, [markers[id].total, windowMinutes]);
    }
  }

  function select(id) {
    selected = id;
    Object.keys(markers).forEach(function (k) { markers[k].element.classList.toggle('selected', k === id); });
    var detail = document.getElementById('map-detail');
    var d = detail.dataset;
    detail.replaceChildren(text('h2', null, markers[id] ? markers[id].name : id), text('p', 'hint', d.msgLoading));
    detail.dataset.location = id;
    delete detail.dataset.loaded;
    fetch(el.dataset.recent + encodeURIComponent(id) + '/recent', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (body) {
        if (selected !== id) { return; }
        var head = text('h2', null, body.name);
        var kind = text('p', 'kind-line', body.kindLabel);
        var link = text('a', 'open-location', d.msgOpen);
        link.href = el.dataset.locationPage + encodeURIComponent(body.id);
        var count = text('p', 'count');
        var parts = [head, kind, count, text('p', null), text('h3', null, d.msgRecent)];
        parts[3].appendChild(link);
        if (body.passages.length === 0) {
          parts.push(text('p', 'empty', d.msgEmpty));
        } else {
          parts.push(passageTable(body, d));
        }
        detail.replaceChildren.apply(detail, parts);
        detail.dataset.loaded = '1';
        showCount(id);
      })
      .catch(function () {
        if (selected === id) { detail.replaceChildren(text('h2', null, id), text('p', 'error', d.msgFailed)); }
      });
  }

  function passageTable(body, d) {
    var table = text('table', 'passages compact');
    var head = table.createTHead().insertRow();
    [format(d.msgTime, [body.zone]), d.msgWhat, d.msgKind, d.msgDirection, d.msgPlace].forEach(function (h) {
      var th = text('th', null, h);
      th.scope = 'col';
      head.appendChild(th);
    });
    var tbody = table.createTBody();
    body.passages.forEach(function (p) {
      var row = tbody.insertRow();
      row.className = 'passage-row';
      row.dataset.passage = p.id;
      row.dataset.kind = p.kind;
      var time = text('time', null, p.time);
      time.setAttribute('datetime', p.at);
      row.insertCell().appendChild(time);
      var what = row.insertCell();
      what.className = 'what';
      var a = text('a', p.kind === 'TAG' ? 'tag' : 'object', p.title);
      a.href = (window.rfidConsole ? window.rfidConsole.base() : '') + p.href;
      what.appendChild(a);
      if (p.detail) { what.appendChild(text('span', 'detail', p.detail)); }
      row.insertCell().appendChild(text('span', 'kind kind-' + p.kind.toLowerCase(), p.kindLabel));
      row.insertCell().textContent = p.directionLabel;
      row.insertCell().textContent = p.place;
      kindLabels[p.kind] = p.kindLabel;
    });
    return table;
  }

  // ---- alerts -------------------------------------------------------------------------------------------

  function topOf(locationId) {
    var l = locationId && ctx.locations[locationId];
    return l ? l.top : null;
  }

  function markAlerts() {
    var at = {};
    Object.keys(openAlerts).forEach(function (id) {
      var top = topOf(openAlerts[id].locationId);
      if (top) { at[top] = (at[top] || 0) + 1; }
    });
    Object.keys(markers).forEach(function (id) {
      markers[id].element.classList.toggle('alerting', !!at[id]);
      if (at[id]) { markers[id].element.dataset.alerts = String(at[id]); } else { delete markers[id].element.dataset.alerts; }
    });
    listAlerts();
  }

  function flash(alert) {
    var top = topOf(alert.locationId);
    if (!top || !markers[top]) { return; }
    var e = markers[top].element;
    e.classList.remove('flash');
    // restart the animation
    void e.offsetWidth;
    e.classList.add('flash');
    markers[top].marker.setZIndexOffset(1000);
    window.setTimeout(function () { e.classList.remove('flash'); }, 6000);
  }

  var typeNames = null;
  function typeName(type) {
    if (!typeNames) {
      typeNames = {};
      document.querySelectorAll('#map-alert-types li').forEach(function (li) { typeNames[li.dataset.type] = li.textContent; });
    }
    return typeNames[type] || type;
  }

  function listAlerts() {
    var list = document.getElementById('map-alert-list');
    var section = document.getElementById('map-alerts');
    var ids = Object.keys(openAlerts).sort(function (a, b) {
      return String(openAlerts[b].raisedAt).localeCompare(String(openAlerts[a].raisedAt));
    });
    document.getElementById('map-alerts-empty').classList.toggle('gone', ids.length > 0);
    list.replaceChildren.apply(list, ids.slice(0, 50).map(function (id) {
      var a = openAlerts[id];
      var li = text('li', 'map-alert severity-' + String(a.severity || '').toLowerCase());
      li.dataset.alert = id;
      var title = text('a', 'alert-type', typeName(a.type));
      title.href = el.dataset.alertPage + encodeURIComponent(id);
      li.appendChild(title);
      if (a.plate) { li.appendChild(text('span', 'plate', a.plate)); }
      // the rule's summary is English prose; the person reads the place's name instead
      var place = ctx.locations[a.locationId];
      li.appendChild(text('span', 'summary', place ? place.name : (a.locationId || '')));
      var top = topOf(a.locationId);
      if (top && markers[top]) {
        var show = text('button', 'show', section.dataset.msgShow);
        show.type = 'button';
        show.addEventListener('click', function () {
          ctx.map.setView(markers[top].marker.getLatLng(), Math.max(ctx.map.getZoom(), 14));
          select(top);
          flash(a);
        });
        li.appendChild(show);
      }
      return li;
    }));
  }

  function alertChanged(alert, fresh) {
    if (!alert || alert.id === undefined) { return; }
    if (alert.status === 'OPEN') {
      var isNew = !openAlerts[alert.id];
      openAlerts[alert.id] = alert;
      markAlerts();
      if (fresh && isNew) { flash(alert); }
    } else if (openAlerts[alert.id]) {
      delete openAlerts[alert.id];
      markAlerts();
    }
  }

  function followAlerts() {
    if (!el.dataset.alertStream) { return; }
    // the stream first, then the list: an alert raised in between is not missed
    var stream = new EventSource(el.dataset.alertStream, { withCredentials: true });
    stream.addEventListener('alert', function (e) {
      try { alertChanged(JSON.parse(e.data), true); } catch (ignored) { /* not an alert */ }
    });
    fetch(el.dataset.alerts, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (page) { (page.items || []).forEach(function (a) { alertChanged(a, false); }); el.dataset.alertsLoaded = '1'; })
      .catch(function () { el.dataset.alertsLoaded = '1'; });
  }

  // ---- start --------------------------------------------------------------------------------------------

  function followCounts() {
    var stream = new EventSource(el.dataset.stream, { withCredentials: true });
    stream.addEventListener('open', function () { window.rfidConsole.liveState(true, 'map-live-state'); });
    stream.addEventListener('error', function () { window.rfidConsole.liveState(false, 'map-live-state'); });
    stream.addEventListener('counts', function (e) {
      window.rfidConsole.liveState(true, 'map-live-state');
      applyCounts(JSON.parse(e.data));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    el = document.getElementById('live-map');
    if (!el || !window.rfidMap) { return; }
    if (el.dataset.levels) { levels = el.dataset.levels.split(',').map(Number); }
    windowMinutes = Number(el.dataset.window) || windowMinutes;
    String(el.dataset.kinds || '').split('|').forEach(function (pair) {
      var i = pair.indexOf(':');
      if (i > 0) { kindLabels[pair.substring(0, i)] = pair.substring(i + 1); }
    });
    window.rfidMap.create(el, { locations: false }).then(function (created) {
      ctx = created;
      addMarkers();
      el.dataset.ready = '1';
      followCounts();
      followAlerts();
    }).catch(function () {
      el.replaceChildren(text('p', 'error', el.dataset.msgFailed));
    });
  });
})();
