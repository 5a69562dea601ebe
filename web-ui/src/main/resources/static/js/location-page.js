// A place's page (/locations/{id}): the place on a small map (with its lanes and doors, and its outline
// when it is an area) and the chart of its last day, passages per hour by kind and direction, from
// the JSON at the canvas's data-src. No inline script: everything comes from data- attributes.
(function () {
  'use strict';

  var KIND_COLOURS = { VEHICLE: '#0b6bcb', GOODS: '#c77700', PALLET: '#8a5a00', LIBRARY_ITEM: '#1d8a3f', TAG: '#7a7a7a' };

  function colour(kind, direction) {
    var base = KIND_COLOURS[kind] || '#5b6b7c';
    // in: the kind's colour; out: lighter; no direction: in between
    var alpha = direction === 'OUT' ? '80' : direction === 'IN' ? 'ff' : 'c0';
    return base + alpha;
  }

  function format(template, args) {
    return String(template || '').replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function drawMap() {
    var el = document.getElementById('location-map');
    if (!el || !window.rfidMap) { return; }
    window.rfidMap.create(el, { center: [Number(el.dataset.lat), Number(el.dataset.lon)], zoom: 15 }).then(function (ctx) {
      var id = el.dataset.id;
      var here = ctx.locations[id];
      var lat = here ? here.lat : Number(el.dataset.lat);
      var lon = here ? here.lon : Number(el.dataset.lon);
      var points = [];
      Object.keys(ctx.locations).forEach(function (k) {
        var l = ctx.locations[k];
        if (k === id || l.parent === id) {
          var m = L.circleMarker(l.latlng, k === id
            ? { radius: 9, color: '#b00020', weight: 3, fillColor: '#ffffff', fillOpacity: 1 }
            : { radius: 4, color: '#0b6bcb', weight: 2, fillColor: '#ffffff', fillOpacity: 1 }).addTo(ctx.map);
          m.bindTooltip(document.createTextNode(l.name));
          points.push(l.latlng);
        }
      });
      var area = null;
      ctx.base.eachLayer(function (layer) {
        if (layer.feature && layer.feature.properties.layer === 'area' && layer.feature.properties.id === id) { area = layer; }
      });
      if (area) {
        ctx.map.fitBounds(area.getBounds(), { padding: [20, 20], maxZoom: 17 });
      } else if (points.length > 1) {
        ctx.map.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 17 });
      } else {
        ctx.map.setView(ctx.project(lat, lon), 15);
      }
      el.dataset.ready = '1';
    });
  }

  function drawChart() {
    var canvas = document.getElementById('location-chart');
    var total = document.getElementById('location-chart-total');
    if (!canvas || !window.Chart) { return; }
    fetch(canvas.dataset.src, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (data) {
        total.textContent = data.total === 0 ? total.dataset.msgEmpty
          : format(total.dataset.msg, [data.total]) + (data.truncated ? ' ' + format(total.dataset.msgTruncated, [data.total]) : '');
        var chart = new window.Chart(canvas, {
          type: 'bar',
          data: {
            labels: data.labels,
            datasets: data.series.map(function (s) {
              return { label: s.label, data: s.data, backgroundColor: colour(s.kind, s.direction), stack: s.kind,
                borderWidth: 0 };
            })
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
            plugins: { legend: { position: 'bottom' } }
          }
        });
        canvas.dataset.series = String(data.series.length);
        canvas.dataset.total = String(data.total);
        canvas.dataset.drawn = '1';
        window.rfidLocationChart = chart;
      })
      .catch(function () {
        total.textContent = total.dataset.msgFailed;
        total.classList.add('error');
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawMap();
    drawChart();
  });
})();
