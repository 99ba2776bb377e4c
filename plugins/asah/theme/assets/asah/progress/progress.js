/* Asah progress on lesson and path pages: "Tandai selesai", the path a lesson is read in
 * (step n of m with previous/next), and the learner's progress on path pages.
 * Reads and writes AsahStore; the site id comes from the page (data-asah-site on <body>'s
 * first element that has it, or the progress page's data). */
(function () {
  "use strict";
  var all = window.Asah.all;
  var fmt = window.Asah.fmt;

  function siteOf(doc) {
    var holder = doc.querySelector("[data-asah-site]");
    return holder ? holder.getAttribute("data-asah-site") : "";
  }

  function stepDone(record, key) {
    var kind = key.slice(0, key.indexOf(":"));
    var ref = key.slice(key.indexOf(":") + 1);
    return window.AsahProgress.stepDone(record, { kind: kind, ref: ref });
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

  function initPathPage(root, site) {
    var record = window.AsahStore.read(site);
    var steps = all(root, "[data-asah-step]");
    var next = null;
    var done = 0;
    steps.forEach(function (li, i) {
      var ok = stepDone(record, li.getAttribute("data-asah-step"));
      li.classList.toggle("is-done", ok);
      li.querySelector(".asah-step__done").hidden = !ok;
      var node = root.querySelector('[data-asah-node="' + i + '"]');
      if (node) node.classList.toggle("is-done", ok);
      if (ok) done += 1;
      else if (!next) next = li;
    });
    var progress = root.querySelector(".asah-path__progress");
    var summary = root.querySelector("[data-asah-path-summary]");
    summary.textContent = fmt(root.getAttribute("data-asah-summary") ||
      "{done}/{total}", { done: done, total: steps.length });
    var link = root.querySelector("[data-asah-path-continue]");
    link.hidden = !next;
    if (next) link.href = next.querySelector("a").getAttribute("href");
    progress.hidden = false;
    var id = root.getAttribute("data-asah-path-page");
    if (record.lastPath !== id) {
      window.AsahStore.update(site, function (data) { data.lastPath = id; });
    }
  }

  function initPathCard(card, site) {
    var record = window.AsahStore.read(site);
    var steps = JSON.parse(card.getAttribute("data-asah-steps"));
    var done = steps.filter(function (key) { return stepDone(record, key); }).length;
    var out = card.querySelector("[data-asah-path-progress]");
    out.textContent = fmt(card.getAttribute("data-asah-summary") ||
      "{done}/{total}", { done: done, total: steps.length });
    out.hidden = false;
  }

  function init() {
    if (!window.AsahStore || !window.AsahProgress) return;
    var site = siteOf(document);
    var parts = [
      ["[data-asah-done]", initDone],
      [".asah-pathnav", initPathNav],
      ["[data-asah-path-page]", initPathPage],
      ["[data-asah-path-card]", initPathCard]
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
