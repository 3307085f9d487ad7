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
  // On a phone the filters would push the map below the fold: folded until asked for.
  if (window.matchMedia("(max-width: 900px)").matches) {
    document.querySelectorAll("details[data-close-narrow]").forEach(function (d) { d.open = false; });
  }
  // Coming back with the browser's back button shows the page from cache: enable the fields again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-strip-empty] [disabled]").forEach(function (el) { el.disabled = false; });
  });
})();
