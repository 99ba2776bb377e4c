/* Asah learner record predicates, on every page: what "done" and "passed" mean for a lesson, a
 * quiz and a path step, and message formatting. The progress and self-assessment apps extend
 * AsahProgress with the course model (model.js). Pure functions, no DOM. */
(function () {
  "use strict";
  if (window.AsahProgress) return;

  function lessonDone(record, path) {
    var entry = record.lessons && record.lessons[path];
    return !!(entry && entry.done);
  }

  function quizPassed(record, id) {
    var entry = record.quizzes && record.quizzes[id];
    return !!(entry && entry.passed);
  }

  function stepDone(record, step) {
    return step.kind === "lesson" ? lessonDone(record, step.ref) : quizPassed(record, step.ref);
  }

  window.AsahProgress = {
    lessonDone: lessonDone, quizPassed: quizPassed, stepDone: stepDone,
    fmt: function (text, values) {
      return String(text).replace(/\{(\w+)\}/g, function (m, k) {
        return values[k] === undefined ? m : values[k];
      });
    },
    num: function (n) {
      return Number(n).toLocaleString(document.documentElement.lang || undefined);
    }
  };
})();
