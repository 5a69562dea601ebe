// The analytics page (/analytics): draws the chart whose data the server put in the canvas's data-chart
// attribute (flows: stacked bars; travel times: a histogram with p50/p90/p99 marked; dwell: bars per place;
// companions: a bar per companion and their shared places on a small map). The origin-destination heat map
// is SVG drawn by the server. "Download PNG" turns the canvas or the SVG into a PNG in the browser.
// No inline script: everything comes from data- attributes.
(function () {
  'use strict';

  var KIND_COLOURS = { VEHICLE: '#0b6bcb', GOODS: '#c77700', PALLET: '#8a5a00', LIBRARY_ITEM: '#1d8a3f', TAG: '#7a7a7a' };
  var PLACE_SHADES = ['ff', 'b0', '70', 'd8', '90', '58'];

  function data(el) {
    return el && el.dataset.chart ? JSON.parse(el.dataset.chart) : null;
  }

  function axis(title) {
    return { display: true, text: title, font: { weight: 'bold' } };
  }

  function done(canvas, chart, bars) {
    canvas.dataset.bars = String(bars);
    canvas.dataset.drawn = '1';
    window.rfidAnalyticsChart = chart;
  }

  function flows(canvas) {
    var d = data(canvas);
    var places = [];
    d.series.forEach(function (s) { if (places.indexOf(s.place) < 0) { places.push(s.place); } });
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels,
        datasets: d.series.map(function (s) {
          var shade = PLACE_SHADES[places.indexOf(s.place) % PLACE_SHADES.length];
          return { label: s.label, data: s.data, stack: s.place || 'all', borderWidth: 0,
            backgroundColor: (KIND_COLOURS[s.kind] || '#5b6b7c') + shade };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { stacked: true, title: axis(canvas.dataset.xTitle) },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: axis(canvas.dataset.yTitle) }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    done(canvas, chart, d.series.length);
  }

  // vertical lines at the percentiles: the x scale is one category per bin of equal width
  var percentileLines = {
    id: 'percentileLines',
    afterDatasetsDraw: function (chart, args, opts) {
      var area = chart.chartArea;
      var n = chart.data.labels.length;
      if (!n) { return; }
      var ctx = chart.ctx;
      ctx.save();
      opts.marks.forEach(function (m, i) {
        var x = area.left + (m.seconds - opts.first) / (opts.width * n) * (area.right - area.left);
        ctx.strokeStyle = ['#b00020', '#c77700', '#5b2a86'][i % 3];
        ctx.setLineDash([5, 3]);
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = ctx.strokeStyle;
        ctx.font = 'bold 12px sans-serif';
        ctx.fillText(m.label, Math.min(x + 4, area.right - 70), area.top + 14 + i * 15);
      });
      ctx.restore();
    }
  };

  function travel(canvas) {
    var d = data(canvas);
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.bins.map(function (b) { return b.label; }),
        datasets: [{ label: canvas.dataset.yTitle, data: d.bins.map(function (b) { return b.count; }),
          backgroundColor: '#0b6bcbc0', borderWidth: 0, categoryPercentage: 1, barPercentage: 0.96 }]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { title: axis(canvas.dataset.xTitle) },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: axis(canvas.dataset.yTitle) }
        },
        plugins: { legend: { display: false }, percentileLines: { marks: d.percentiles, first: d.first, width: d.width } }
      },
      plugins: [percentileLines]
    });
    canvas.dataset.marks = d.percentiles.map(function (m) { return m.name; }).join(',');
    done(canvas, chart, d.bins.length);
  }

  function dwell(canvas) {
    var d = data(canvas);
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels,
        datasets: [
          { label: canvas.dataset.p50, data: d.p50, backgroundColor: '#0b6bcb', borderWidth: 0 },
          { label: canvas.dataset.p90, data: d.p90, backgroundColor: '#0b6bcb60', borderWidth: 0 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { title: axis(canvas.dataset.xTitle) }, y: { beginAtZero: true, title: axis(canvas.dataset.yTitle) } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    done(canvas, chart, d.labels.length);
  }

  function companions(canvas) {
    var d = data(canvas);
    var top = d.companions.slice(0, 15);
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: top.map(function (c) { return c.title; }),
        datasets: [{ label: canvas.dataset.xTitle, data: top.map(function (c) { return c.shared; }), backgroundColor: '#0b6bcb', borderWidth: 0 }]
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: axis(canvas.dataset.xTitle) } },
        plugins: { legend: { display: false } }
      }
    });
    done(canvas, chart, top.length);
  }

  function companionsMap(el) {
    var d = data(el);
    if (!window.rfidMap || !d.places.length) { return; }
    window.rfidMap.create(el, { center: [d.places[0].lat, d.places[0].lon], zoom: 12, locations: false }).then(function (ctx) {
      var points = d.places.map(function (p) {
        var at = ctx.project(p.lat, p.lon);
        var m = L.circleMarker(at, { radius: 5 + Math.min(10, p.sightings), color: '#b00020', weight: 2, fillColor: '#ffffff', fillOpacity: 0.9 })
          .addTo(ctx.map);
        m.bindTooltip(document.createTextNode(p.name + ' · ' + p.sightings));
        return at;
      });
      if (points.length > 1) {
        ctx.map.fitBounds(L.latLngBounds(points), { padding: [30, 30], maxZoom: 15 });
      }
      el.dataset.markers = String(points.length);
      el.dataset.ready = '1';
    });
  }

  function download(href, name) {
    var a = document.createElement('a');
    a.href = href;
    a.download = name + '.png';
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // a canvas is transparent where nothing is drawn: the PNG gets the page's white behind it
  function canvasPng(canvas) {
    var out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height;
    var ctx = out.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    return Promise.resolve(out.toDataURL('image/png'));
  }

  function svgPng(svg) {
    var text = new XMLSerializer().serializeToString(svg);
    var src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(text)));
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var out = document.createElement('canvas');
        out.width = svg.width.baseVal.value * 2;
        out.height = svg.height.baseVal.value * 2;
        var ctx = out.getContext('2d');
        ctx.scale(2, 2);
        ctx.drawImage(img, 0, 0);
        resolve(out.toDataURL('image/png'));
      };
      img.onerror = reject;
      img.src = src;
    });
  }

  function pngButton(button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.dataset.target);
      if (!target) { return; }
      var png = target.tagName.toLowerCase() === 'svg' ? svgPng(target) : canvasPng(target);
      png.then(function (href) {
        button.dataset.png = String(href.length);
        download(href, button.dataset.name);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var draw = { 'flows-chart': flows, 'travel-times-chart': travel, 'dwell-chart': dwell, 'companions-chart': companions };
    Object.keys(draw).forEach(function (id) {
      var el = document.getElementById(id);
      if (el && window.Chart) { draw[id](el); }
    });
    var map = document.getElementById('companions-map');
    if (map) { companionsMap(map); }
    var button = document.getElementById('png-download');
    if (button) { pngButton(button); }
  });
})();
