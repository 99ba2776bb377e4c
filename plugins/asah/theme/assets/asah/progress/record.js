/* Asah learner record predicates, loaded with lessons, path pages and the apps: what "done" and "passed"
 * mean for a lesson, a quiz and a path step. The progress and self-assessment apps extend
 * AsahProgress with the course model (model.js). Pure functions, no DOM (also run by Node). */
(function (root) {
  "use strict";
  if (root.AsahProgress) return;

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

  root.AsahProgress = { lessonDone: lessonDone, quizPassed: quizPassed, stepDone: stepDone };
})(typeof window !== "undefined" ? window : globalThis);
