// A section-speed rule's sections in the rule form: rows of two place selects. Without JavaScript the form shows the
// rule's rows and two empty ones; with it, "Add section" adds a row and "Remove" takes one away (the last row is
// emptied rather than removed, so there is always one to fill). Rows keep their order: the server pairs the i-th
// start with the i-th end.
(function () {
  'use strict';

  function start() {
    var list = document.getElementById('section-rows');
    var add = document.getElementById('section-add');
    if (!list || !add) { return; }

    function rows() {
      return Array.prototype.slice.call(list.querySelectorAll('.section-row'));
    }

    // ids and labels follow the row's position, so label[for] and the row's number stay right after a removal
    function renumber() {
      rows().forEach(function (row, i) {
        row.querySelectorAll('select').forEach(function (s) {
          var end = s.name === 'sectionFrom' ? 'from' : 'to';
          s.id = 'section-' + end + '-' + i;
          var label = s.previousElementSibling;
          if (label && label.tagName === 'LABEL') { label.htmlFor = s.id; }
        });
      });
    }

    function wire(row) {
      var remove = row.querySelector('.section-remove');
      remove.hidden = false;
      remove.addEventListener('click', function () {
        if (rows().length > 1) {
          row.remove();
          renumber();
        } else {
          row.querySelectorAll('select').forEach(function (s) { s.value = ''; });
        }
      });
    }

    rows().forEach(wire);
    add.hidden = false;
    add.addEventListener('click', function () {
      var all = rows();
      var row = all[all.length - 1].cloneNode(true);
      row.querySelectorAll('select').forEach(function (s) { s.value = ''; });
      list.appendChild(row);
      wire(row);
      renumber();
      row.querySelector('select').focus();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
