// The readers pages (/readers, /readers/{id}): the server pushes each reader's live cells (state, last
// keepalive, reads/s) as `event: readers` (EventSource on main's data-stream, no polling); this puts them in
// place of the cells the page was rendered with, without reloading it, and shows whether the stream is live.
(function () {
  'use strict';

  function stateSpan(span, r) {
    if (!span) { return; }
    span.textContent = r.stateText;
    span.className = 'state ' + r.stateClass;
  }

  function timeCell(cell, text) {
    if (!cell) { return; }
    var time = cell.querySelector('time');
    if (!text) {
      if (time) { time.remove(); }
      return;
    }
    if (!time) {
      time = document.createElement('time');
      cell.appendChild(time);
    }
    time.textContent = text;
  }

  function flapping(container, r) {
    if (!container) { return; }
    var badge = container.querySelector('.badge.warn');
    if (r.flapping && !badge) {
      badge = document.createElement('span');
      badge.className = 'badge warn';
      badge.textContent = r.flappingText;
      container.appendChild(document.createTextNode(' '));
      container.appendChild(badge);
    } else if (!r.flapping && badge) {
      badge.remove();
    }
  }

  function updateRow(row, r) {
    var state = row.querySelector('[data-cell=state]');
    stateSpan(state && state.querySelector('.state'), r);
    flapping(state, r);
    timeCell(row.querySelector('[data-cell=keepalive]'), r.keepalive);
    var rate = row.querySelector('[data-cell=rate]');
    if (rate) { rate.textContent = r.rate; }
    var error = row.querySelector('[data-cell=error]');
    if (error) { error.textContent = r.error; }
    row.dataset.state = r.state;
    row.classList.toggle('disabled', r.state === 'DISABLED');
  }

  function updatePage(r) {
    stateSpan(document.getElementById('reader-state'), r);
    timeCell(document.getElementById('reader-keepalive'), r.keepalive);
    var rate = document.getElementById('reader-rate');
    if (rate) { rate.textContent = r.rate; }
    timeCell(document.getElementById('reader-since'), r.since);
    var heldBy = document.getElementById('reader-held-by');
    if (heldBy) { heldBy.textContent = r.heldBy; }
    var error = document.getElementById('reader-error');
    if (error) { error.textContent = r.error || r.errorNone; }
    // the action that fits the state: a reader switched elsewhere gets the other button
    var disable = document.getElementById('disable-reader');
    var enable = document.getElementById('enable-reader');
    if (disable && enable) {
      disable.closest('form').hidden = r.state === 'DISABLED';
      enable.closest('form').hidden = r.state !== 'DISABLED';
    }
    var reports = document.getElementById('reader-reports');
    if (reports) { reports.textContent = String(r.reports); }
  }

  function start() {
    var main = document.getElementById('content');
    if (!main || !main.dataset.stream) { return; }
    var one = main.dataset.reader;
    var source = new EventSource(main.dataset.stream);
    source.addEventListener('open', function () { window.rfidConsole.liveState(true); });
    source.addEventListener('error', function () { window.rfidConsole.liveState(false); });
    source.addEventListener('readers', function (e) {
      JSON.parse(e.data).forEach(function (r) {
        if (one) {
          if (r.id === one) { updatePage(r); }
          return;
        }
        var row = document.querySelector('#reader-rows tr[data-reader="' + (window.CSS && CSS.escape ? CSS.escape(r.id) : r.id) + '"]');
        if (row) { updateRow(row, r); }
      });
      main.dataset.updates = String(Number(main.dataset.updates || '0') + 1);
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
