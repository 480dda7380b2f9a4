// Evaluation pages. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  "use strict";
  // SMART assistant: a suggestion button copies a value read from the statement into its field,
  // then tells htmx (and the assistant) that the form changed.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-fill]");
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute("data-fill"));
    if (!field) {
      return;
    }
    field.value = button.getAttribute("data-value");
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
    field.focus();
  });
  // Decision form: the action fields only matter when an action is to be created.
  function syncActionFields() {
    var box = document.getElementById("id_create_action");
    var group = document.getElementById("action-fields");
    if (box && group) {
      group.hidden = !box.checked;
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "id_create_action") {
      syncActionFields();
    }
  });
  document.addEventListener("DOMContentLoaded", syncActionFields);
})();
