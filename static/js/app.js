// Site-wide behaviour. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  "use strict";
  // Buttons with data-confirm ask before submitting their form.
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var message = submitter && submitter.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // « Générer le PDF » (templates/reports/_panel.html): the button is disabled with a spinner
  // from the click, and stays so while a report of its panel is on its way (its status polls).
  function setReportBusy(form, busy) {
    form.classList.toggle("is-busy", busy);
    form.querySelectorAll("button").forEach(function (button) { button.disabled = busy; });
  }
  function syncReportPanels() {
    document.querySelectorAll("form[data-report-request]").forEach(function (form) {
      var panel = form.closest("[data-report-panel]");
      setReportBusy(form, !!(panel && panel.querySelector("[data-report-pending]")));
    });
  }
  function isReportForm(elt) {
    return !!(elt && elt.matches && elt.matches("form[data-report-request]"));
  }
  // A form sent by htmx: busy as its request leaves (its values are gathered by then).
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (isReportForm(event.detail && event.detail.elt)) { setReportBusy(event.detail.elt, true); }
  });
  // The same form without htmx: busy once the browser has started sending it (a button
  // disabled before that would cancel the submission).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (isReportForm(form) && !event.defaultPrevented) {
      setTimeout(function () { setReportBusy(form, true); }, 0);
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var elt = event.detail && event.detail.elt;
    if (isReportForm(elt) && !event.detail.successful) {
      setReportBusy(elt, false);  // refused or unreachable: the user may try again
    } else {
      syncReportPanels();
    }
  });
  document.addEventListener("htmx:afterSettle", syncReportPanels);
})();
