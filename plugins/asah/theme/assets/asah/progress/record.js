/* Asah learner record predicates, loaded with lessons, path pages and the apps: what "done",
 * "passed" and "counts" mean for a lesson, a quiz and a path step. The progress and
 * self-assessment apps extend AsahProgress with the course model (model.js). Pure functions, no
 * DOM (also run by Node).
 *
 * A lesson counts as completed under the course's rule (setting `completion`, docs/decisions.md
 * "Progress"): "marked" — the learner marked it done; "quiz_passed" — marked done and every quiz
 * on its page passed. Everything that counts lessons (progress page, path steps, competencies
 * reached, JP) asks `lessonCounts`. */
(function (root) {
  "use strict";
  if (root.AsahProgress) return;
  var RULES = ["marked", "quiz_passed"];

  /* The rule a page or catalogue names; anything else is the default, "marked". */
  function rule(name) {
    return RULES.indexOf(name) >= 0 ? name : "marked";
  }

  function lessonDone(record, path) {
    var entry = record.lessons && record.lessons[path];
    return !!(entry && entry.done);
  }

  function quizPassed(record, id) {
    var entry = record.quizzes && record.quizzes[id];
    return !!(entry && entry.passed);
  }

  /* `lesson`: {path, quizzes: [quiz ids on its page]}. */
  function lessonCounts(record, lesson, completion) {
    if (!lessonDone(record, lesson.path)) return false;
    return rule(completion) !== "quiz_passed" || (lesson.quizzes || []).every(function (id) {
      return quizPassed(record, id);
    });
  }

  /* `step`: {kind, ref, quizzes?}: a lesson step may carry the quizzes of its lesson's page. */
  function stepDone(record, step, completion) {
    return step.kind === "lesson" ?
      lessonCounts(record, { path: step.ref, quizzes: step.quizzes }, completion) :
      quizPassed(record, step.ref);
  }

  /* True when the learner showed a quiz's solution before passing it (or never passed it):
   * `solutionDate` is written only while the quiz is not passed, `passedDate` at the first
   * pass. A pass without `passedDate` was recorded by an Asah older than the solution's date,
   * so before any solution was recorded. */
  function solutionBeforePass(record, id) {
    var entry = record.quizzes && record.quizzes[id];
    if (!entry || !entry.solutionDate) return false;
    if (!entry.passed) return true;
    return !!entry.passedDate && String(entry.solutionDate) < String(entry.passedDate);
  }

  root.AsahProgress = {
    RULES: RULES, rule: rule, lessonDone: lessonDone, quizPassed: quizPassed,
    lessonCounts: lessonCounts, stepDone: stepDone, solutionBeforePass: solutionBeforePass
  };
})(typeof window !== "undefined" ? window : globalThis);
