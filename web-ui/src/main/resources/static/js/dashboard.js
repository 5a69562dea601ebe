// The live dashboard: htmx's SSE extension puts new rows on top of the table; this keeps the table to
// a screenful, marks new rows for a moment and shows whether the stream is connected.
(function () {
  'use strict';
  var KEEP = 50;

  document.addEventListener('htmx:sseMessage', function (e) {
    var rows = document.getElementById('passage-rows');
    if (!rows || e.detail.type !== 'passages') { return; }
    while (rows.rows.length > KEEP) { rows.deleteRow(rows.rows.length - 1); }
    var empty = document.getElementById('passages-empty');
    if (empty) { empty.classList.add('gone'); }
    Array.prototype.slice.call(rows.rows, 0, 10).forEach(function (row) {
      if (!row.dataset.seen) {
        row.dataset.seen = '1';
        row.classList.add('fresh');
        window.setTimeout(function () { row.classList.remove('fresh'); }, 1500);
      }
    });
  });

  document.addEventListener('htmx:sseOpen', function () { window.rfidConsole.liveState(true); });
  document.addEventListener('htmx:sseError', function () { window.rfidConsole.liveState(false); });
})();
