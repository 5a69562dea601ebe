// The alert inbox and the alert page, live: alert-banner.js holds the page's one alert stream and hands
// each event on as 'rfid:alert' with the inbox row rendered by the server. The inbox replaces a row
// whose alert changed and puts a new alert on top when it matches the page's filter (first page only);
// the alert page fetches its status and history again when its alert changed, and draws the evidence map.
(function () {
  'use strict';
  var KEEP = 200;

  function matches(rows, row) {
    return ['status', 'type', 'kind', 'location'].every(function (key) {
      var wanted = rows.dataset[key];
      return !wanted || wanted === row.dataset[key];
    });
  }

  function onInbox(message) {
    var rows = document.getElementById('alert-rows');
    if (!rows) { return; }
    var template = document.createElement('tbody');
    template.innerHTML = message.row;
    var row = template.querySelector('tr');
    if (!row) { return; }
    var existing = document.getElementById(row.id);
    if (existing) {
      existing.replaceWith(row);
    } else if (rows.dataset.live === 'true' && message.event === 'RAISED' && matches(rows, row)) {
      rows.insertBefore(row, rows.firstChild);
      while (rows.rows.length > KEEP) { rows.deleteRow(rows.rows.length - 1); }
      var empty = document.getElementById('alerts-empty');
      if (empty) { empty.classList.add('gone'); }
    } else {
      return;
    }
    row.classList.add('fresh');
    window.setTimeout(function () { row.classList.remove('fresh'); }, 1500);
  }

  function onAlertPage(message) {
    var page = document.querySelector('[data-alert-id]');
    if (!page || String(message.id) !== page.dataset.alertId || message.event !== 'CHANGED') { return; }
    var state = document.getElementById('alert-state');
    fetch(window.rfidConsole.base() + '/alerts/' + message.id + '/state', { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { if (!r.ok) { throw new Error('alert state: HTTP ' + r.status); } return r.text(); })
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var fresh = holder.querySelector('#alert-state');
        if (fresh && state) { state.replaceWith(fresh); }
      })
      .catch(function () { /* the next change or a reload shows it */ });
  }

  function drawMap() {
    var element = document.getElementById('alert-map');
    if (!element || !window.rfidMap) { return; }
    var places = Array.prototype.map.call(document.querySelectorAll('#map-places li'), function (li) { return li.dataset; });
    window.rfidMap.create(element, { fit: false }).then(function (m) {
      var points = [];
      places.forEach(function (p, i) {
        var at = m.locations[p.location];
        if (!at) { return; }
        var latlng = at.latlng || [at.lat, at.lon];
        points.push(latlng);
        L.marker(latlng, { title: p.name, keyboard: false, icon: L.divIcon({ className: 'alert-marker', html: String(i + 1), iconSize: [26, 26] }) })
          // the second place's label goes below it, so the two labels and the route's stay apart
          .bindTooltip(p.name + ' · ' + p.time, i === 0 ? { permanent: true, direction: 'top', offset: [0, -14] }
            : { permanent: true, direction: 'bottom', offset: [0, 14] })
          .addTo(m.map);
      });
      if (points.length === 2) {
        var line = L.polyline(points, { renderer: L.svg(), color: '#b00020', weight: 4, dashArray: '8 6' }).addTo(m.map);
        if (element.dataset.route) { line.bindTooltip(element.dataset.route, { permanent: true, direction: 'center', className: 'route-tooltip' }); }
      }
      if (points.length > 1) {
        m.map.fitBounds(L.latLngBounds(points), { padding: [90, 110] });
      } else if (points.length === 1) {
        m.map.setView(points[0], 14);
      } else {
        m.map.fitBounds(m.base.getBounds());
      }
      element.dataset.drawn = String(points.length);
    });
  }

  document.addEventListener('rfid:alert', function (e) {
    onInbox(e.detail);
    onAlertPage(e.detail);
  });
  document.addEventListener('rfid:alert-stream', function (e) {
    var badge = document.getElementById('alerts-live');
    if (!badge) { return; }
    badge.textContent = e.detail ? badge.dataset.live : badge.dataset.lost;
    badge.classList.toggle('lost', !e.detail);
  });
  document.addEventListener('DOMContentLoaded', drawMap);
})();
