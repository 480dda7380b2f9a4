// Site-wide behaviour. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  "use strict";
  // Section tabs scroll sideways on narrow screens (static/css/app.css): the current tab is
  // brought into view, and a fade on the right edge says more tabs follow.
  function markMoreTabs(list) {
    list.classList.toggle("has-more", list.scrollWidth - list.clientWidth - list.scrollLeft > 2);
  }
  document.querySelectorAll(".fa-section-tabs").forEach(function (list) {
    var active = list.querySelector(".active");
    if (active && list.scrollWidth > list.clientWidth) {
      var box = list.getBoundingClientRect();
      var tab = active.getBoundingClientRect();
      list.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
    }
    markMoreTabs(list);
    list.addEventListener("scroll", function () { markMoreTabs(list); }, { passive: true });
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".fa-section-tabs").forEach(markMoreTabs);
  });
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

  // A table wider than its .table-responsive box (on a phone) scrolls sideways: when nothing in
  // it takes the focus, the box does, so that the keyboard can scroll it too (WCAG 2.1.1), and it
  // is announced as a region named after the table's caption.
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  function markScrollingTables() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 && !box.querySelector(FOCUSABLE);
      if (scrolls && !box.hasAttribute("tabindex")) {
        var table = box.querySelector("table");
        var caption = box.querySelector("caption");
        var labelledby = table && table.getAttribute("aria-labelledby");
        box.setAttribute("tabindex", "0");
        if (caption || labelledby) {
          box.setAttribute("role", "region");
          if (labelledby) { box.setAttribute("aria-labelledby", labelledby); }
          else { box.setAttribute("aria-label", caption.textContent.trim()); }
        }
        box.setAttribute("data-scroll-focus", "");
      } else if (!scrolls && box.hasAttribute("data-scroll-focus")) {
        ["tabindex", "role", "aria-label", "aria-labelledby", "data-scroll-focus"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }
  var resizing = null;
  document.addEventListener("DOMContentLoaded", markScrollingTables);
  document.addEventListener("htmx:afterSettle", markScrollingTables);
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(markScrollingTables, 150);
  });
  // « Remplir depuis le SIREN, SIRET ou RNA » (templates/organisations/_identity_lookup_box.html):
  // the server's answer carries the values as JSON; each filled field gets the source and date
  // under it. Empty values are not sent, so what the user typed elsewhere stays.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target || target.id !== "identity-lookup-result") { return; }
    var data = target.querySelector("#identity-fill");
    if (!data) { return; }
    var fill = JSON.parse(data.getAttribute("data-fill"));
    Object.keys(fill.fields).forEach(function (id) {
      var field = document.getElementById(id);
      if (!field) { return; }
      var value = fill.fields[id];
      if (field.type === "checkbox") {
        field.checked = !!value;
      } else if (field.tagName === "SELECT") {
        if (!field.querySelector('option[value="' + String(value).replace(/"/g, "") + '"]')) { return; }
        field.value = value;
      } else {
        field.value = value;
      }
      field.dispatchEvent(new Event("change", { bubbles: true }));
      if (field.type === "hidden") { return; }
      var holder = field.closest(".form-check") || field;
      var note = holder.parentNode.querySelector("[data-identity-source]");
      if (!note) {
        note = document.createElement("div");
        note.className = "form-text";
        note.setAttribute("data-identity-source", "");
        holder.insertAdjacentElement("afterend", note);
      }
      note.textContent = fill.note;
    });
  });
})();
