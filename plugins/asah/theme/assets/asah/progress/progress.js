/* Asah progress on lessons: "Tandai selesai", and the path a lesson is read in (step n of m
 * with previous/next). The learner's progress on path pages is paths/paths.js.
 * Reads and writes AsahStore; the site id comes from the page (data-asah-site on <body>'s
 * first element that has it, or the progress page's data). */
(function () {
  "use strict";
  var all = window.Asah.all;

  function siteOf(doc) {
    var holder = doc.querySelector("[data-asah-site]");
    return holder ? holder.getAttribute("data-asah-site") : "";
  }

  function initDone(button, site) {
    var path = button.getAttribute("data-asah-done");
    var status = button.parentNode.querySelector(".asah-done__status");
    function show(done) {
      button.setAttribute("aria-pressed", done ? "true" : "false");
      button.textContent = button.getAttribute(done ? "data-asah-label-on" : "data-asah-label-off");
      button.classList.toggle("md-button--primary", done);
    }
    show(window.AsahProgress.lessonDone(window.AsahStore.read(site), path));
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      var done = button.getAttribute("aria-pressed") !== "true";
      window.AsahStore.update(site, function (data) {
        if (done) data.lessons[path] = { done: true, date: new Date().toISOString() };
        else delete data.lessons[path];
      });
      show(done);
      status.textContent = button.getAttribute(done ? "data-asah-status-on" : "data-asah-status-off");
    });
  }

  /* Show only the path the learner follows: from the link's parameter (data-asah-param:
   * `jalur` on an Indonesian site, `path` on others), else the last one used. */
  function initPathNav(nav, site) {
    var items = all(nav, "[data-asah-path]");
    var param = nav.getAttribute("data-asah-param") || "jalur";
    var wanted = new URLSearchParams(window.location.search).get(param);
    var record = window.AsahStore.read(site);
    var ids = items.map(function (li) { return li.getAttribute("data-asah-path"); });
    var current = ids.indexOf(wanted) >= 0 ? wanted :
      ids.indexOf(record.lastPath) >= 0 ? record.lastPath : null;
    items.forEach(function (li) { li.hidden = li.getAttribute("data-asah-path") !== current; });
    nav.hidden = !current;
    if (current && current !== record.lastPath) {
      window.AsahStore.update(site, function (data) { data.lastPath = current; });
    }
  }

  function init() {
    if (!window.AsahStore || !window.AsahProgress) return;
    var site = siteOf(document);
    var parts = [
      ["[data-asah-done]", initDone],
      [".asah-pathnav", initPathNav]
    ];
    parts.forEach(function (part) {
      all(document, part[0]).forEach(function (el) {
        if (el.hasAttribute("data-asah-ready")) return;
        el.setAttribute("data-asah-ready", "");
        try {
          part[1](el, site);
        } catch (error) {
          if (window.console) console.error("asah progress", error);
        }
      });
    });
  }

  window.Asah.ready(init);
})();
