// A table wider than a phone scrolls inside itself; keyboard users must be able to reach and
// scroll it too, so a region that overflows becomes focusable and says what it is.
(function () {
  var label = document.currentScript && document.currentScript.getAttribute("data-label");
  function mark() {
    document.querySelectorAll(".table, .scroll").forEach(function (region) {
      var wide = region.scrollWidth > region.clientWidth + 1;
      if (wide && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        region.setAttribute("role", "region");
        if (label && !region.hasAttribute("aria-label")) region.setAttribute("aria-label", label);
      } else if (!wide && region.getAttribute("tabindex") === "0" && region.getAttribute("role") === "region") {
        region.removeAttribute("tabindex");
        region.removeAttribute("role");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();
