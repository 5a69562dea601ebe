// On every console page: one connection to the console's alert stream (/ui/alerts/stream: rows and
// banner lines rendered by the server in the person's language). New open high/critical alerts show in
// #alert-banner with a link to their page and ring rfidConsole.beep() (the header's sound switch mutes
// it); each line can be dismissed, and leaves by itself once someone acknowledges or closes the alert.
// Other scripts of the page (the inbox, the alert page) get every event as a DOM event 'rfid:alert'.
(function () {
  'use strict';
  var KEEP = 3;

  function banner() { return document.getElementById('alert-banner'); }

  function show(message) {
    var box = banner();
    if (!box || !message.banner) { return; }
    var list = box.querySelector('.banner-items');
    if (!list) { return; }
    if (list.querySelector('[data-alert="' + message.id + '"]')) { return; }
    list.insertAdjacentHTML('afterbegin', message.banner);
    while (list.children.length > KEEP) { list.removeChild(list.lastElementChild); }
    box.hidden = false;
    if (window.rfidConsole) { window.rfidConsole.beep(); }
  }

  function settle(message) {
    var box = banner();
    if (!box || message.status === 'OPEN') { return; }
    var item = box.querySelector('.banner-items [data-alert="' + message.id + '"]');
    if (item) { item.remove(); }
    if (!box.querySelector('.banner-items > *')) { box.hidden = true; }
  }

  function prepare(box) {
    // the layout's box is empty; each line the server renders brings its own (localized) dismiss button
    var list = document.createElement('div');
    list.className = 'banner-items';
    box.appendChild(list);
    box.addEventListener('click', function (e) {
      var button = e.target.closest('.banner-dismiss');
      if (!button) { return; }
      var item = button.closest('.banner-item');
      if (item) { item.remove(); }
      if (!list.children.length) { box.hidden = true; }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = banner();
    if (!box || !window.EventSource) { return; }
    prepare(box);
    var source = new EventSource(window.rfidConsole.base() + '/ui/alerts/stream');
    source.addEventListener('alert', function (e) {
      var message;
      try { message = JSON.parse(e.data); } catch (err) { return; }
      if (message.event === 'RAISED') { show(message); } else { settle(message); }
      document.dispatchEvent(new CustomEvent('rfid:alert', { detail: message }));
    });
    source.addEventListener('open', function () { document.dispatchEvent(new CustomEvent('rfid:alert-stream', { detail: true })); });
    source.addEventListener('error', function () { document.dispatchEvent(new CustomEvent('rfid:alert-stream', { detail: false })); });
    window.addEventListener('pagehide', function () { source.close(); });
  });
})();
