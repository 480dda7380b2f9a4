// Autosave of the diagnostic's answers (htmx does the saving; this file handles failures).
// A failed save leaves the answer on screen, says so in French, and is retried with a growing
// delay until it succeeds; nothing is dropped silently. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var pending = new Map(); // element -> number of failed attempts
  var timers = new Map();

  function form() { return document.getElementById("answer-form"); }
  function message(name) { var f = form(); return (f && f.getAttribute("data-msg-" + name)) || ""; }

  function statusFor(elt) {
    var selector = elt.getAttribute("data-hx-target");
    return selector ? document.querySelector(selector) : null;
  }

  function show(elt, text, failed) {
    var status = statusFor(elt);
    if (!status) { return; }
    status.textContent = text;
    status.classList.toggle("failed", !!failed);
    status.classList.toggle("saved", !failed);
  }

  function updateBanner() {
    var banner = document.getElementById("save-problems");
    if (!banner) { return; }
    if (pending.size) {
      banner.textContent = message(navigator.onLine === false ? "offline" : "pending");
      banner.classList.remove("d-none");
    } else {
      banner.textContent = "";
      banner.classList.add("d-none");
    }
  }

  function retry(elt) {
    timers.delete(elt);
    if (pending.has(elt) && window.htmx) { window.htmx.trigger(elt, "fa-retry"); }
  }

  function schedule(elt) {
    var attempts = (pending.get(elt) || 0) + 1;
    pending.set(elt, attempts);
    show(elt, message(navigator.onLine === false ? "offline" : "failed"), true);
    updateBanner();
    if (timers.has(elt)) { clearTimeout(timers.get(elt)); }
    var delay = Math.min(2000 * Math.pow(2, attempts - 1), 30000);
    timers.set(elt, setTimeout(function () { retry(elt); }, delay));
  }

  function isAutosave(event) {
    var elt = event.detail && event.detail.elt;
    return elt && elt.hasAttribute && elt.hasAttribute("data-autosave") ? elt : null;
  }

  document.addEventListener("htmx:responseError", function (event) {
    var elt = isAutosave(event);
    if (!elt) { return; }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      // Refused for a reason retrying will not change (campaign closed, already submitted…).
      pending.delete(elt);
      updateBanner();
      show(elt, (event.detail.xhr.responseText || "").slice(0, 300) || message("failed"), true);
      return;
    }
    schedule(elt);
  });

  document.addEventListener("htmx:sendError", function (event) {
    var elt = isAutosave(event);
    if (elt) { schedule(elt); }
  });
  document.addEventListener("htmx:timeout", function (event) {
    var elt = isAutosave(event);
    if (elt) { schedule(elt); }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = isAutosave(event);
    if (elt && event.detail.successful) {
      pending.delete(elt);
      if (timers.has(elt)) { clearTimeout(timers.get(elt)); timers.delete(elt); }
      var status = statusFor(elt);
      if (status) { status.classList.remove("failed"); status.classList.add("saved"); }
      updateBanner();
    }
  });

  window.addEventListener("online", function () {
    pending.forEach(function (_attempts, elt) { retry(elt); });
  });

  window.addEventListener("beforeunload", function (event) {
    if (pending.size) { event.preventDefault(); event.returnValue = message("pending"); }
  });
})();
