/* Asah progress model: what "reached" and "recommended" mean, computed from the course data
 * island and the learner's record (AsahStore); export, import and merge. Pure functions, no DOM.
 * Loaded with the progress and self-assessment apps only; extends AsahProgress of record.js.
 *
 * A lesson is done when the learner marked it done. A competency level L is reached when every
 * lesson that builds the competency at a level up to L is done and every quiz in those lessons
 * is passed (levels without lessons are passed over). */
(function () {
  "use strict";
  var base = window.AsahProgress;  // record.js: lessonDone, quizPassed, stepDone, fmt, num
  if (!base || base.reached) return;
  var lessonDone = base.lessonDone;
  var quizPassed = base.quizPassed;
  var stepDone = base.stepDone;
  var FORMAT = "asah-progress";
  var VERSION = 1;

  function complete(record, lesson) {
    return lessonDone(record, lesson.path) &&
      lesson.quizzes.every(function (id) { return quizPassed(record, id); });
  }

  function levelsOf(data, id) {
    var levels = [];
    data.lessons.forEach(function (lesson) {
      var level = lesson.competencies[id];
      if (typeof level === "number" && levels.indexOf(level) < 0) levels.push(level);
    });
    return levels.sort();
  }

  /* {competency id: highest level reached (0 = none)} for competencies that have lessons. */
  function reached(data, record) {
    var result = {};
    data.competencies.forEach(function (c) {
      var levels = levelsOf(data, c.id);
      if (!levels.length) return;
      result[c.id] = 0;
      for (var i = 0; i < levels.length; i++) {
        var ok = data.lessons.every(function (lesson) {
          return lesson.competencies[c.id] !== levels[i] || complete(record, lesson);
        });
        if (!ok) break;
        result[c.id] = levels[i];
      }
    });
    return result;
  }

  function maxLevel(data, id) {
    var levels = levelsOf(data, id);
    return levels.length ? levels[levels.length - 1] : 0;
  }

  function lessonByPath(data) {
    var map = {};
    data.lessons.forEach(function (lesson) { map[lesson.path] = lesson; });
    return map;
  }

  function bankById(data) {
    var map = {};
    data.banks.forEach(function (bank) { map[bank.id] = bank; });
    return map;
  }


  /* Title and site-root-relative URL of a path step. */
  function stepInfo(data, step) {
    var item = step.kind === "lesson" ? lessonByPath(data)[step.ref] : bankById(data)[step.ref];
    return item ? { title: item.title, url: item.url } : { title: step.ref, url: "" };
  }

  function pathProgress(data, record, path) {
    var done = 0;
    var next = null;
    path.steps.forEach(function (step) {
      if (stepDone(record, step)) done += 1;
      else if (!next) next = step;
    });
    return { done: done, total: path.steps.length, next: next,
      nextInfo: next ? stepInfo(data, next) : null };
  }

  /* Target levels of a path: its `target`, else the highest level its lessons build. */
  function pathTarget(data, pathId) {
    var path = data.paths.filter(function (p) { return p.id === pathId; })[0];
    if (!path) return {};
    if (path.target && Object.keys(path.target).length) return path.target;
    var lessons = lessonByPath(data);
    var target = {};
    path.steps.forEach(function (step) {
      var lesson = step.kind === "lesson" && lessons[step.ref];
      if (!lesson) return;
      Object.keys(lesson.competencies).forEach(function (id) {
        var level = lesson.competencies[id];
        if (typeof level === "number") target[id] = Math.max(target[id] || 0, level);
      });
    });
    return target;
  }

  function gaps(data, current, target) {
    return data.competencies.filter(function (c) {
      return (target[c.id] || 0) > (current[c.id] || 0);
    }).map(function (c) {
      var from = current[c.id] || 0;
      var to = target[c.id];
      return { id: c.id, name: c.name, current: from, target: to, gap: to - from };
    });
  }

  /* Lessons that close the gaps, with their prerequisites, prerequisites first and otherwise
   * in navigation order (the order of data.lessons). */
  function recommend(data, current, target) {
    var lessons = lessonByPath(data);
    var wanted = {};
    data.lessons.forEach(function (lesson) {
      Object.keys(lesson.competencies).forEach(function (id) {
        var level = lesson.competencies[id];
        if (typeof level === "number" && level > (current[id] || 0) && level <= (target[id] || 0)) {
          wanted[lesson.path] = true;
        }
      });
    });
    var order = [];
    var state = {};
    function visit(path) {
      if (state[path] || !lessons[path]) return;
      state[path] = 1;
      lessons[path].prerequisites.forEach(visit);
      order.push(lessons[path]);
    }
    data.lessons.forEach(function (lesson) { if (wanted[lesson.path]) visit(lesson.path); });
    return order;
  }

  function jp(data, minutes) {
    return Math.round((minutes / data.minutesPerJp) * 10) / 10;
  }

  function doneMinutes(data, record) {
    return data.lessons.reduce(function (sum, lesson) {
      return sum + (lessonDone(record, lesson.path) ? lesson.minutes || 0 : 0);
    }, 0);
  }

  function exportRecord(data, record) {
    var records = { quizzes: record.quizzes || {}, lessons: record.lessons || {} };
    if (record.assessment) records.assessment = record.assessment;
    if (record.lastPath) records.lastPath = record.lastPath;
    var out = {
      format: FORMAT, version: VERSION, site: data.site, course: data.title,
      exported: new Date().toISOString(), jp: jp(data, doneMinutes(data, record)),
      records: records
    };
    if (record.learner && (record.learner.name || record.learner.nip)) out.learner = record.learner;
    return JSON.stringify(out, null, 1);
  }

  function newer(a, b, key) {
    if (!a) return b;
    if (!b) return a;
    return String(b[key] || "") > String(a[key] || "") ? b : a;
  }

  /* Merge `incoming` records into `record` (in place): merging the same file twice changes
   * nothing more than merging it once. */
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
      mine.last = newer(mine.last, theirs.last, "date");
    });
    if (incoming.assessment) record.assessment = newer(record.assessment, incoming.assessment, "date");
    if (incoming.lastPath && !record.lastPath) record.lastPath = incoming.lastPath;
    return record;
  }

  /* {ok: true, file} for a file of this site, else {ok: false, error: <strings key>}. */
  function readExport(data, text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: "error_not_json" };
    }
    if (!file || file.format !== FORMAT || !file.records || typeof file.records !== "object") {
      return { ok: false, error: "error_format" };
    }
    if (file.version !== VERSION) return { ok: false, error: "error_version" };
    if (file.site !== data.site) return { ok: false, error: "error_other_site" };
    return { ok: true, file: file };
  }

  function importRecord(data, text) {
    var read = readExport(data, text);
    if (!read.ok) return read;
    var record = window.AsahStore.read(data.site);
    merge(record, read.file.records);
    if (read.file.learner && !(record.learner && (record.learner.name || record.learner.nip))) {
      record.learner = read.file.learner;
    }
    return { ok: true, record: record };
  }

  var model = {
    complete: complete, reached: reached, maxLevel: maxLevel, stepInfo: stepInfo,
    pathProgress: pathProgress, pathTarget: pathTarget, gaps: gaps, recommend: recommend, jp: jp,
    doneMinutes: doneMinutes, exportRecord: exportRecord, importRecord: importRecord, merge: merge,
    /* The course data and strings islands inside `root`. */
    read: function (root) {
      var data = JSON.parse(root.querySelector(".asah-course-data").textContent);
      var strings = root.querySelector(".asah-strings");
      return { data: data, t: strings ? JSON.parse(strings.textContent) : {} };
    }
  };
  Object.keys(model).forEach(function (key) { base[key] = model[key]; });
})();
