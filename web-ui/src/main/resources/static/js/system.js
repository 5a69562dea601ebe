// The system page (/admin/system): draws the pipeline's throughput (reads/s, passages/s) and lag from the
// samples the server put in the throughput canvas's data-samples, then adds each new sample the server pushes
// (EventSource on data-stream, `event: sample`), keeping the same 30 minutes the server keeps. No polling.
(function () {
  'use strict';
  var KEEP = 360;

  function axis(title) {
    return { display: true, text: title, font: { weight: 'bold' } };
  }

  function lineChart(canvas, datasets) {
    return new window.Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        elements: { point: { radius: 0 }, line: { borderWidth: 2, tension: 0.2 } },
        scales: {
          x: { title: axis(canvas.dataset.xTitle), ticks: { maxTicksLimit: 8, autoSkip: true } },
          y: { beginAtZero: true, title: axis(canvas.dataset.yTitle) }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function start() {
    var tCanvas = document.getElementById('throughput-chart');
    var lCanvas = document.getElementById('lag-chart');
    if (!tCanvas || !lCanvas || !window.Chart) { return; }
    var throughput = lineChart(tCanvas, [
      { label: tCanvas.dataset.reads, data: [], borderColor: '#0b6bcb', backgroundColor: '#0b6bcb' },
      { label: tCanvas.dataset.passages, data: [], borderColor: '#c77700', backgroundColor: '#c77700' }
    ]);
    var lag = lineChart(lCanvas, [
      { label: lCanvas.dataset.lag, data: [], borderColor: '#8a1c00', backgroundColor: '#8a1c00' }
    ]);
    var received = 0;

    function add(s) {
      [throughput, lag].forEach(function (c) {
        c.data.labels.push(s.label);
        if (c.data.labels.length > KEEP) { c.data.labels.shift(); }
      });
      throughput.data.datasets[0].data.push(s.reads);
      throughput.data.datasets[1].data.push(s.passages);
      lag.data.datasets[0].data.push(s.lag);
      [throughput.data.datasets[0], throughput.data.datasets[1], lag.data.datasets[0]].forEach(function (d) {
        if (d.data.length > KEEP) { d.data.shift(); }
      });
    }

    JSON.parse(tCanvas.dataset.samples || '[]').forEach(add);
    throughput.update();
    lag.update();
    tCanvas.dataset.points = String(throughput.data.labels.length);
    tCanvas.dataset.drawn = '1';
    lCanvas.dataset.drawn = '1';

    var source = new EventSource(tCanvas.dataset.stream);
    source.addEventListener('open', function () { window.rfidConsole.liveState(true); });
    source.addEventListener('error', function () { window.rfidConsole.liveState(false); });
    source.addEventListener('sample', function (e) {
      add(JSON.parse(e.data));
      throughput.update();
      lag.update();
      received += 1;
      tCanvas.dataset.received = String(received);
      tCanvas.dataset.points = String(throughput.data.labels.length);
      tCanvas.dataset.last = e.data;
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
