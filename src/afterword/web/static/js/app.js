/* Afterword: quick exit, auto-lock on the page, and a keep-alive while someone is reading.
   No inline scripts anywhere (the CSP forbids them); this file is all the custom JS. */
(function () {
  "use strict";
  var body = document.body;
  var csrf = body.getAttribute("data-csrf") || "";
  var unlocked = body.getAttribute("data-unlocked") === "yes";
  var lockAfterMs = (parseInt(body.getAttribute("data-auto-lock-seconds"), 10) || 600) * 1000;

  function post(url) {
    try {
      return fetch(url, {
        method: "POST",
        headers: { "X-CSRF-Token": csrf },
        credentials: "same-origin",
        keepalive: true
      });
    } catch (e) {
      return null;
    }
  }

  // Quick exit: lock the journal, wipe the page, and replace it (no way "back" into it).
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    post("/quick-exit");
    document.title = "";
    body.innerHTML = "";
    window.location.replace("/away");
  }
  var exitButton = document.getElementById("quick-exit");
  if (exitButton) { exitButton.addEventListener("click", quickExit); }

  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { quickExit(event); }
    lastEscape = now;
  });

  if (!unlocked) { return; }

  // Auto-lock: after the set delay without a key, click, touch or scroll, lock and leave.
  var lastActivity = Date.now();
  var activeSinceKeepAlive = false;
  ["keydown", "pointerdown", "input", "scroll", "wheel", "touchstart"].forEach(function (name) {
    window.addEventListener(name, function () {
      lastActivity = Date.now();
      activeSinceKeepAlive = true;
    }, { passive: true, capture: true });
  });
  function lockNow() {
    var done = post("/lock");
    body.innerHTML = "";
    var go = function () { window.location.replace("/unlock?locked=1"); };
    if (done && done.then) { done.then(go, go); } else { go(); }
  }
  window.setInterval(function () {
    if (Date.now() - lastActivity >= lockAfterMs) { lockNow(); }
  }, 1000);
  // Reading is activity too: tell the server once a minute while someone is here.
  window.setInterval(function () {
    if (activeSinceKeepAlive) {
      activeSinceKeepAlive = false;
      post("/keepalive");
    }
  }, 60000);

  // Move focus to new content that HTMX swaps in when it asks for it (data-focus).
  body.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    var focus = target && target.querySelector ? target.querySelector("[data-focus]") : null;
    if (focus) { focus.focus(); }
  });
})();
