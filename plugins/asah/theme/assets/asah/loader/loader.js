/* Asah loader, on every page: loads what only some pages need (the quiz runtime, the progress
 * and self-assessment apps) when the page has an element asking for it, after a normal load and
 * after Material's instant navigation. `data-asah-load="quiz.js"` names files of assets/asah/,
 * found next to the bundle this script is part of, so it works on any host and from file://. */
(function () {
  "use strict";
  if (window.AsahLoader) return;
  var self = document.currentScript;
  var base = self && self.src ? self.src.replace(/[^/]*$/, "") : "";
  var loaded = {};

  function load(name) {
    if (loaded[name] || !/^[a-z0-9/-]+\.(js|css)$/.test(name)) return;
    loaded[name] = true;
    var el;
    if (/\.css$/.test(name)) {
      el = document.createElement("link");
      el.rel = "stylesheet";
      el.href = base + name;
      document.head.appendChild(el);
    } else {
      el = document.createElement("script");
      el.src = base + name;
      document.body.appendChild(el);  // once loaded, it initialises itself on every page
    }
  }

  function init() {
    var wanted = document.querySelectorAll("[data-asah-load]");
    for (var i = 0; i < wanted.length; i++) {
      wanted[i].getAttribute("data-asah-load").split(/\s+/).forEach(load);
    }
  }

  window.AsahLoader = { init: init };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
