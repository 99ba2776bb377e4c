/* Asah in an LMS: what the LMS is told about the package's unit (the whole course or one
 * path, package/unit.py) — its status and its score — decided from the learner's record by the
 * rule the path pages and the progress page use (progress/record.js), and how the LMS's copy of
 * a record and this browser's are merged (progress/merge.js). Standard-neutral; pure functions
 * (also run by Node).
 *
 * unit: {completion: "marked" | "quiz_passed", steps: [{kind: "lesson", ref, quizzes} |
 * {kind: "quiz", ref}], quizzes: [the quiz ids its score is the mean of]}.
 *
 * Status: "passed" when every step is done and the unit has quizzes that must be passed (quiz
 * steps, and under "quiz_passed" the quizzes of its lessons); "completed" when every step is
 * done and none must be passed; "failed" when every lesson is marked done and every quiz that
 * must be passed has been tried, but one is not passed yet (another attempt can still pass
 * it); else "incomplete". */
(function (root) {
  "use strict";
  if (root.AsahLmsUnit) return;
  var P = root.AsahProgress;

  /* The quizzes the unit's status waits for, each once. */
  function required(unit) {
    var ids = [];
    unit.steps.forEach(function (step) {
      var more = step.kind !== "lesson" ? [step.ref] :
        P.rule(unit.completion) === "quiz_passed" ? step.quizzes || [] : [];
      more.forEach(function (id) {
        if (ids.indexOf(id) < 0) ids.push(id);
      });
    });
    return ids;
  }

  function tried(record, id) {
    var entry = record.quizzes && record.quizzes[id];
    return !!(entry && entry.attempts > 0);
  }

  function status(unit, record) {
    var quizzes = required(unit);
    var done = unit.steps.every(function (step) {
      return P.stepDone(record, step, unit.completion);
    });
    if (done) return quizzes.length ? "passed" : "completed";
    var marked = unit.steps.every(function (step) {
      return step.kind !== "lesson" || P.lessonDone(record, step.ref);
    });
    var attempted = quizzes.every(function (id) { return tried(record, id); });
    return quizzes.length && marked && attempted ? "failed" : "incomplete";
  }

  /* The mean of the best scores (percent) of the unit's quizzes, a quiz not taken counting 0,
   * one decimal; null while none has been taken (the LMS shows no score rather than 0). */
  function score(unit, record) {
    var sum = 0;
    var taken = false;
    unit.quizzes.forEach(function (id) {
      var entry = record.quizzes && record.quizzes[id];
      if (!entry || typeof entry.best !== "number") return;
      taken = true;
      sum += entry.best;
    });
    return taken ? Math.round((sum / unit.quizzes.length) * 10) / 10 : null;
  }

  /* Merge `incoming` into `record` (in place) as a backup file is merged (progress/merge.js,
   * docs/storage.md), and the learner's fields from `incoming` where `record` has none (the
   * progress page takes those from a file's top level). */
  function merge(record, incoming) {
    P.merge(record, incoming);
    if (incoming.learner && !record.learner) record.learner = incoming.learner;
    return record;
  }

  root.AsahLmsUnit = { required: required, status: status, score: score, merge: merge };
})(typeof window !== "undefined" ? window : globalThis);
