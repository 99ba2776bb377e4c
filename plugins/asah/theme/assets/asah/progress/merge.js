/* Merging two copies of a learner's record: a backup file into this browser's (the progress
 * page, export.js), or an LMS's copy and this browser's (lms/unit.js). Merging the same copy
 * twice changes nothing more than merging it once. Pure, no DOM (also run by Node); extends
 * AsahProgress of record.js. */
(function (root) {
  "use strict";
  var base = root.AsahProgress;
  if (!base || base.merge) return;

  function newer(a, b, key) {
    if (!a) return b;
    if (!b) return a;
    return String(b[key] || "") > String(a[key] || "") ? b : a;
  }

  function older(a, b) {
    if (!a || !b) return a || b;
    return String(b.date || "") < String(a.date || "") ? b : a;
  }

  function earlier(a, b) {
    if (!a || !b) return a || b;
    return String(b) < String(a) ? b : a;
  }

  /* Merge `incoming` into `record` (in place): a lesson done on either side is done (the
   * earlier date); per quiz the more attempts, the better best, passed if either passed, the
   * earlier first attempt, first pass and solution, the later last attempt; the later
   * self-assessment; lastPath from `incoming` only where `record` has none. */
  base.merge = function (record, incoming) {
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
      mine.last = newer(mine.last, theirs.last, "date");
      var first = older(mine.first, theirs.first);
      if (first) mine.first = first;
      ["passedDate", "solutionDate"].forEach(function (key) {
        var date = earlier(mine[key], theirs[key]);
        if (date) mine[key] = date;
      });
    });
    if (incoming.assessment) record.assessment = newer(record.assessment, incoming.assessment, "date");
    if (incoming.lastPath && !record.lastPath) record.lastPath = incoming.lastPath;
    return record;
  };
})(typeof window !== "undefined" ? window : globalThis);
