// The desks' gate monitors (/customs, /library): htmx's SSE extension puts each new gate transaction on
// top of the table; this keeps the table to a screenful, marks new rows for a moment, draws attention to
// an alarm and shows whether the stream is connected.
(function () {
  'use strict';
  var KEEP = 50;

  document.addEventListener('htmx:sseMessage', function (e) {
    // a shelf inventory finished (here or at another desk): its page shows the report instead of the count
    if (e.detail.type === 'finished' && document.getElementById('inventory-finished')) {
      window.location.reload();
      return;
    }
    var rows = document.getElementById('gate-rows');
    if (!rows || e.detail.type !== 'gate') { return; }
    while (rows.rows.length > KEEP) { rows.deleteRow(rows.rows.length - 1); }
    var empty = document.getElementById('gates-empty');
    if (empty) { empty.classList.add('gone'); }
    Array.prototype.slice.call(rows.rows, 0, 5).forEach(function (row) {
      if (!row.dataset.seen) {
        row.dataset.seen = '1';
        row.classList.add('fresh');
        window.setTimeout(function () { row.classList.remove('fresh'); }, 1500);
      }
    });
    var alarms = document.getElementById('gate-alarms');
    if (alarms && rows.rows.length && rows.rows[0].classList.contains('alarm')) {
      alarms.textContent = rows.rows[0].dataset.announce || alarms.dataset.text || '';
    }
  });

  document.addEventListener('htmx:sseOpen', function () { window.rfidConsole.liveState(true); });
  document.addEventListener('htmx:sseError', function () { window.rfidConsole.liveState(false); });
})();
