/* Asah in an LMS: what the LMS is told about the package's unit (the whole course or one
 * path, package/unit.py) — its status and its score — decided from the learner's record by the
 * rule the path pages and the progress page use (progress/record.js), and how the LMS's copy of
 * a record and this browser's are merged. Standard-neutral; pure functions (also run by Node).
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

  function earlier(a, b) {
    if (!a || !b) return a || b;
    return String(b) < String(a) ? b : a;
  }

  function newer(a, b, key) {
    if (!a) return b;
    if (!b) return a;
    return String(b[key] || "") > String(a[key] || "") ? b : a;
  }

  /* Merge `incoming` into `record` (in place) as a backup file is merged (progress/model.js
   * `merge`, docs/storage.md): a lesson done on either side is done (the earlier date); per
   * quiz the more attempts, the better best, passed if either passed, the earlier first pass
   * and solution, the later last attempt; the later self-assessment; lastPath and the
   * learner's fields from `incoming` only where `record` has none. */
  function merge(record, incoming) {
    var lessons = incoming.lessons || {};
    Object.keys(lessons).forEach(function (path) {
      var mine = record.lessons[path];
      var theirs = lessons[path];
      if (!theirs || !theirs.done) return;
      if (!mine || !mine.done) record.lessons[path] = theirs;
      else if (theirs.date && (!mine.date || theirs.date < mine.date)) mine.date = theirs.date;
    });
    var quizzes = incoming.quizzes || {};
    Object.keys(quizzes).forEach(function (id) {
      var mine = record.quizzes[id];
      var theirs = quizzes[id];
      if (!theirs || typeof theirs !== "object") return;
      if (!mine) { record.quizzes[id] = theirs; return; }
      mine.attempts = Math.max(mine.attempts || 0, theirs.attempts || 0);
      mine.best = Math.max(mine.best || 0, theirs.best || 0);
      mine.passed = !!(mine.passed || theirs.passed);
      var last = newer(mine.last, theirs.last, "date");
      if (last) mine.last = last;
      ["passedDate", "solutionDate"].forEach(function (key) {
        var date = earlier(mine[key], theirs[key]);
        if (date) mine[key] = date;
      });
    });
    if (incoming.assessment) {
      record.assessment = newer(record.assessment, incoming.assessment, "date");
    }
    if (incoming.lastPath && !record.lastPath) record.lastPath = incoming.lastPath;
    if (incoming.learner && !record.learner) record.learner = incoming.learner;
    return record;
  }

  root.AsahLmsUnit = { required: required, status: status, score: score, merge: merge };
})(typeof window !== "undefined" ? window : globalThis);
