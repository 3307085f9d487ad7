// Forms marked data-strip-empty leave their blank fields out of the URL, so a shared link
// only carries the filters that are set.
(function () {
  "use strict";
  document.querySelectorAll("form[data-strip-empty]").forEach(function (form) {
    form.addEventListener("submit", function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && el.type !== "checkbox" && !el.value) { el.disabled = true; }
      });
    });
  });
  // Coming back with the browser's back button shows the page from cache: enable the fields again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-strip-empty] [disabled]").forEach(function (el) { el.disabled = false; });
  });
})();
