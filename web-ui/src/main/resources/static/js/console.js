// Shared by every console page: the sound switch (remembered in this browser) and a short alarm tone
// made with WebAudio, so no sound file has to be fetched. Pages use window.rfidConsole.
(function () {
  'use strict';
  var KEY = 'rfid-sound';
  var audio = null;

  function soundOn() {
    return window.localStorage.getItem(KEY) !== 'off';
  }

  function beep() {
    if (!soundOn()) { return; }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var now = audio.currentTime;
      [0, 0.25].forEach(function (offset) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, now + offset);
        gain.gain.exponentialRampToValueAtTime(0.3, now + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.2);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + offset);
        osc.stop(now + offset + 0.21);
      });
    } catch (e) {
      // no audio device (a headless browser, a locked-down desk): the banner still shows
    }
  }

  function showSoundState(button) {
    var on = soundOn();
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    button.textContent = on ? button.dataset.on : button.dataset.off;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('sound-toggle');
    if (button) {
      showSoundState(button);
      button.addEventListener('click', function () {
        window.localStorage.setItem(KEY, soundOn() ? 'off' : 'on');
        showSoundState(button);
      });
    }
  });

  /** A page's "live" badge (#live-state unless named; its texts in data-live and data-lost) follows an event stream. */
  function liveState(connected, badgeId) {
    var badge = document.getElementById(badgeId || 'live-state');
    if (!badge) { return; }
    badge.textContent = connected ? badge.dataset.live : badge.dataset.lost;
    badge.classList.toggle('lost', !connected);
  }

  window.rfidConsole = {
    soundOn: soundOn,
    beep: beep,
    liveState: liveState,
    base: function () { return document.body.dataset.base || ''; }
  };
})();
