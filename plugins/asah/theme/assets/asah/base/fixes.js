/* Fixes to Material's pages (setting `theme_fixes`) that its stylesheet cannot make: a table too
 * wide for the screen (a phone, large text) scrolls sideways in its box, which a keyboard can
 * scroll only when the box takes focus (WCAG 2.1.1; axe: scrollable-region-focusable). Boxes
 * that scroll get tabindex="0", and lose it when they fit again. Stand-alone: no other part of
 * the runtime is needed. */
(function () {
  "use strict";
  if (window.AsahFixes) return;
  var BOXES = ".md-typeset__scrollwrap, .md-typeset table:not([class])";

  function focusable() {
    Array.prototype.forEach.call(document.querySelectorAll(BOXES), function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 &&
        /auto|scroll/.test(window.getComputedStyle(box).overflowX);
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-asah-scrolls", "");
      } else if (!scrolls && box.hasAttribute("data-asah-scrolls")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-asah-scrolls");
      }
    });
  }

  /* After Material has wrapped the page's tables (its document$, which also emits after each
   * instant navigation; on file:// it never does, the load event covers it) and laid them out. */
  function later() { window.setTimeout(focusable, 0); }

  window.AsahFixes = { focusable: focusable };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(later);
  window.addEventListener("load", later);
  window.addEventListener("resize", later);
})();
