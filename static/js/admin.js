// The Django admin's autocomplete fields (select2) get their field's label as their name:
// select2 names its box after the chosen value only, which is empty on an add form. The boxes
// are made by select2 after the page loads, and again for each inline row added: each is named
// when it appears. No inline script: the CSP forbids it.
(function () {
  "use strict";

  function name(selection) {
    var container = selection.closest(".select2-container");
    var select = container && container.previousElementSibling;
    if (!select || select.tagName !== "SELECT" || !select.id) { return; }
    var label = document.querySelector('label[for="' + select.id + '"]');
    if (!label) { return; }
    if (!label.id) { label.id = select.id + "-label"; }
    var rendered = selection.querySelector(".select2-selection__rendered");
    var ids = [label.id];
    if (rendered && rendered.id) {
      ids.push(rendered.id);
      rendered.setAttribute("aria-labelledby", label.id);
    }
    selection.setAttribute("aria-labelledby", ids.join(" "));
  }

  function scan(root) {
    if (root.matches && root.matches(".select2-selection")) { name(root); }
    root.querySelectorAll(".select2-selection").forEach(name);
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan(document);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) { scan(node); }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
