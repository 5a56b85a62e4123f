// A test or homework sitting: the countdown, answers saved as they are typed, and the
// submission of the saved answers when time runs out. Without script the form still works.
(function () {
  "use strict";
  var form = document.querySelector("form[data-sitting-save]");
  if (!form) return;
  var status = document.getElementById("sitting-saved");
  var clock = document.getElementById("sitting-countdown");
  var timer = null;
  var pending = false;

  function say(text) { if (status) status.textContent = text; }

  function save() {
    timer = null;
    pending = false;
    var data = new FormData(form);
    return fetch(form.dataset.sittingSave, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (body) { say(body.message || ""); });
    }).catch(function () { say(form.dataset.offline || ""); pending = true; });
  }

  function later() {
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 800);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  window.addEventListener("online", function () { if (pending) save(); });

  if (clock && clock.dataset.seconds) {
    var ends = Date.now() + parseInt(clock.dataset.seconds, 10) * 1000;
    var warned = false;
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      clock.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left <= 60 && !warned) { warned = true; clock.classList.add("ending"); }
      if (left === 0) {
        clearInterval(handle);
        // Time is up: what was typed goes in now (the server also submits the saved answers).
        form.submit();
      }
    };
    var handle = setInterval(tick, 1000);
    tick();
  }
})();
