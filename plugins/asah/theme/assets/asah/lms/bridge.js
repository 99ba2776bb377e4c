/* Asah in an LMS, on every page of a package (asah/lms): when the page is framed by the
 * package's launch page and that page holds an LMS session (window.AsahLms, lms/scorm12.js),
 * the learner's record is the session's — AsahStore reads and writes it there, so every
 * change reaches the LMS — and the page tells the session where the learner is. Links to other
 * sites open in a new tab: an LMS's frame cannot show most of them. Otherwise nothing changes
 * and the page keeps its record in this browser (store/store.js). */
(function () {
  "use strict";
  var lms = null;
  try {
    if (window.parent !== window && window.parent.AsahLms) lms = window.parent.AsahLms;
  } catch (e) { /* framed by another origin: not our launch page */ }
  if (!lms) return;

  // in place of store/store.js, which stands aside when AsahStore exists
  window.AsahStore = {
    VERSION: 1,
    read: function () { return JSON.parse(lms.read()); },
    update: function (site, change) {
      var data = JSON.parse(lms.read());
      change(data);
      return lms.write(JSON.stringify(data));
    },
    key: function () { return lms.key; }
  };

  function init() {
    lms.at(window.location.href);
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (/^https?:$/.test(link.protocol) && link.host !== window.location.host) {
        link.target = "_blank";
        link.rel = (link.rel + " noopener").trim();
      }
    }
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
