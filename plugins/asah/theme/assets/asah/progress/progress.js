/* Asah progress on lessons: "Tandai selesai". The path a lesson is read in is
 * paths/pathnav.js; the learner's progress on path pages is paths/paths.js.
 * Reads and writes AsahStore; the site id comes from the page (data-asah-site on <body>'s
 * first element that has it, or the progress page's data). */
(function () {
  "use strict";
  var all = window.Asah.all;

  function siteOf(doc) {
    var holder = doc.querySelector("[data-asah-site]");
    return holder ? holder.getAttribute("data-asah-site") : "";
  }

  /* "Tandai selesai". Under `completion: quiz_passed` a lesson with quizzes carries their ids
   * (data-asah-quizzes): marking it done says it counts once they are passed, and passing the
   * last of them on this page says it counts now. */
  function initDone(button, site) {
    var P = window.AsahProgress;
    var path = button.getAttribute("data-asah-done");
    var status = button.parentNode.querySelector(".asah-done__status");
    var quizzes = JSON.parse(button.getAttribute("data-asah-quizzes") || "[]");
    var lesson = { path: path, quizzes: quizzes };
    function show(done) {
      button.setAttribute("aria-pressed", done ? "true" : "false");
      button.textContent = button.getAttribute(done ? "data-asah-label-on" : "data-asah-label-off");
      button.classList.toggle("md-button--primary", done);
    }
    function counts() {
      return P.lessonCounts(window.AsahStore.read(site), lesson, "quiz_passed");
    }
    show(P.lessonDone(window.AsahStore.read(site), path));
    button.parentNode.hidden = false;
    button.addEventListener("click", function () {
      var done = button.getAttribute("aria-pressed") !== "true";
      window.AsahStore.update(site, function (data) {
        if (done) data.lessons[path] = { done: true, date: new Date().toISOString() };
        else delete data.lessons[path];
      });
      show(done);
      var key = !done ? "data-asah-status-off" :
        quizzes.length && !counts() ? "data-asah-status-waiting" : "data-asah-status-on";
      status.textContent = button.getAttribute(key);
    });
    if (!quizzes.length) return;
    // the quiz runtime announces each attempt saved (quiz/quiz.js); the page may be left and
    // come back with instant navigation, so listen on the button's section, not the document
    button.closest(".asah-lesson-end").parentNode.addEventListener("asah:quiz", function (event) {
      var id = event.detail && event.detail.id;
      if (quizzes.indexOf(id) < 0 || !event.detail.passed) return;
      if (button.getAttribute("aria-pressed") === "true" && counts()) {
        status.textContent = button.getAttribute("data-asah-status-counted");
      }
    });
  }

  function init() {
    if (!window.AsahStore || !window.AsahProgress) return;
    var site = siteOf(document);
    var parts = [
      ["[data-asah-done]", initDone]
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
