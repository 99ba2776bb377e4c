/* Asah path pages (jalur/, jalur/<id>/): the learner's progress on each path, the steps done
 * and where to continue. Loaded by the loader on those pages only (data-asah-load). */
(function () {
  "use strict";
  if (window.AsahPaths) return;
  var all = window.Asah.all;
  var fmt = window.Asah.fmt;

  /* A step "kind:ref" done under the course's rule (`completion`); `quizzes`: the quizzes of
   * the step's lesson, when it waits for them (data-asah-quizzes). */
  function stepDone(record, key, completion, quizzes) {
    var kind = key.slice(0, key.indexOf(":"));
    var ref = key.slice(key.indexOf(":") + 1);
    return window.AsahProgress.stepDone(record, { kind: kind, ref: ref, quizzes: quizzes || [] },
      completion);
  }

  function json(el, name, empty) {
    var text = el.getAttribute(name);
    return text ? JSON.parse(text) : empty;
  }

  function completionOf(root) {
    var holder = root.closest("[data-asah-completion]");
    return holder ? holder.getAttribute("data-asah-completion") : "";
  }

  function siteOf(root) {
    var holder = root.closest("[data-asah-site]");
    return holder ? holder.getAttribute("data-asah-site") : "";
  }

  function initPathPage(root, site) {
    var record = window.AsahStore.read(site);
    var steps = all(root, "[data-asah-step]");
    var next = null;
    var done = 0;
    var completion = completionOf(root);
    steps.forEach(function (li, i) {
      var ok = stepDone(record, li.getAttribute("data-asah-step"), completion,
        json(li, "data-asah-quizzes", []));
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
    var quizzes = json(card, "data-asah-quizzes", {});  // lesson path → its quizzes
    var completion = completionOf(card);
    var done = steps.filter(function (key) {
      var ref = key.slice(key.indexOf(":") + 1);
      return stepDone(record, key, completion, key.indexOf("lesson:") === 0 ? quizzes[ref] : []);
    }).length;
    var out = card.querySelector("[data-asah-path-progress]");
    out.textContent = fmt(card.getAttribute("data-asah-summary") ||
      "{done}/{total}", { done: done, total: steps.length });
    out.hidden = false;
  }

  function init() {
    if (!window.AsahStore || !window.AsahProgress) return;
    [["[data-asah-path-page]", initPathPage], ["[data-asah-path-card]", initPathCard]]
      .forEach(function (part) {
        all(document, part[0]).forEach(function (el) {
          if (el.hasAttribute("data-asah-ready")) return;
          el.setAttribute("data-asah-ready", "");
          try {
            part[1](el, siteOf(el));
          } catch (error) {
            if (window.console) console.error("asah paths", error);
          }
        });
      });
  }

  window.AsahPaths = { init: init };
  window.Asah.ready(init);
})();
