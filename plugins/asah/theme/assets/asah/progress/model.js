/* Asah progress model: what "reached" and "recommended" mean, computed from the course data
 * island (the catalogue, docs/course-json.md) and the learner's record (AsahStore); export,
 * import and merge. Pure functions, no DOM (also run by Node). Loaded with the progress and
 * self-assessment apps only; extends AsahProgress of record.js.
 *
 * A lesson is done when the learner marked it done. A competency level L is reached when every
 * lesson that builds the competency at a level up to L is done and every quiz in those lessons
 * is passed (levels without lessons are passed over). */
(function (root) {
  "use strict";
  var base = root.AsahProgress;  // record.js: lessonDone, quizPassed, stepDone
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

  /* [{id, level}] → {id: level}, leaving out "no level" (null). */
  function levelMap(list) {
    var map = {};
    (list || []).forEach(function (c) {
      if (typeof c.level === "number") map[c.id] = c.level;
    });
    return map;
  }

  /* The framework's competencies in framework order, each with its group's name. */
  function competencies(data) {
    var list = [];
    ((data.framework || {}).groups || []).forEach(function (group) {
      group.competencies.forEach(function (c) {
        list.push({ id: c.id, code: c.code, name: c.name, url: c.url, group: group.name });
      });
    });
    return list;
  }

  function levelsOf(data, id) {
    var levels = [];
    data.lessons.forEach(function (lesson) {
      var level = levelMap(lesson.competencies)[id];
      if (level !== undefined && levels.indexOf(level) < 0) levels.push(level);
    });
    return levels.sort(function (a, b) { return a - b; });
  }

  /* {competency id: highest level reached (0 = none)} for competencies that have lessons. */
  function reached(data, record) {
    var levels = {};  // id → {level: every lesson at that level complete}
    data.lessons.forEach(function (lesson) {
      var builds = levelMap(lesson.competencies);
      var ids = Object.keys(builds);
      var ok = ids.length && complete(record, lesson);
      ids.forEach(function (id) {
        var byLevel = levels[id] || (levels[id] = {});
        byLevel[builds[id]] = byLevel[builds[id]] !== false && ok;
      });
    });
    var result = {};
    competencies(data).forEach(function (c) {
      var byLevel = levels[c.id];
      if (!byLevel) return;
      result[c.id] = 0;
      var sorted = Object.keys(byLevel).map(Number).sort(function (a, b) { return a - b; });
      for (var i = 0; i < sorted.length && byLevel[sorted[i]]; i++) result[c.id] = sorted[i];
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

  /* Title and site-root-relative URL of a path step: the step's own URL (a quiz step goes to
   * the quiz in the lesson of the path that embeds it), else its lesson's or bank's. */
  function stepInfo(data, step) {
    var item = step.kind === "lesson" ? lessonByPath(data)[step.ref] : bankById(data)[step.ref];
    var url = step.url || (item ? item.url : "");
    return item ? { title: item.title, url: url } : { title: step.ref, url: url };
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

  /* What is left of a path: its steps not yet done, in path order, each with its title, URL
   * and minutes (a lesson's; quizzes count none), and their minutes together. With nothing
   * done it is the path as its page shows it: the same steps, minutes and JP as
   * `path_minutes` in site/model.py (tests/fixtures/shared/path-left.json). */
  function pathLeft(data, record, pathId) {
    var path = (data.paths || []).filter(function (p) { return p.id === pathId; })[0];
    var lessons = lessonByPath(data);
    var minutes = 0;
    var steps = (path ? path.steps : []).filter(function (step) {
      return !stepDone(record, step);
    }).map(function (step) {
      var lesson = step.kind === "lesson" ? lessons[step.ref] : null;
      var info = stepInfo(data, step);
      minutes += lesson ? lesson.minutes || 0 : 0;
      return { kind: step.kind, ref: step.ref, title: info.title, url: info.url,
        minutes: lesson ? lesson.minutes : null };
    });
    return { steps: steps, minutes: minutes };
  }

  /* Target levels of a path as {id: level}: its `target`, else the highest level its lessons
   * build (`competencies`, as the catalogue computes it). */
  function pathTarget(data, pathId) {
    var path = (data.paths || []).filter(function (p) { return p.id === pathId; })[0];
    if (!path) return {};
    var target = levelMap(path.target);
    return Object.keys(target).length ? target : levelMap(path.competencies);
  }

  function gaps(data, current, target) {
    return competencies(data).filter(function (c) {
      return (target[c.id] || 0) > (current[c.id] || 0);
    }).map(function (c) {
      var from = current[c.id] || 0;
      var to = target[c.id];
      return { id: c.id, name: c.name, current: from, target: to, gap: to - from };
    });
  }

  /* Lessons that close the gaps, with their prerequisites: prerequisites first, ties in
   * navigation order (the order of data.lessons); lessons in a prerequisite cycle are left out.
   * The same rule as `recommended` in course/paths.py (tests/fixtures/shared/recommend.json). */
  function recommend(data, current, target) {
    var lessons = lessonByPath(data);
    var chosen = {};
    var stack = [];
    data.lessons.forEach(function (lesson) {
      var builds = levelMap(lesson.competencies);
      var wanted = Object.keys(builds).some(function (id) {
        return target.hasOwnProperty(id) && (current[id] || 0) < builds[id] &&
          builds[id] <= target[id];
      });
      if (wanted) stack.push(lesson.path);
    });
    while (stack.length) {
      var path = stack.pop();
      if (chosen[path]) continue;
      chosen[path] = true;
      lessons[path].prerequisites.forEach(function (p) { if (lessons[p]) stack.push(p); });
    }
    var waiting = data.lessons.filter(function (lesson) { return chosen[lesson.path]; });
    var placed = {};
    var order = [];
    function ready(lesson) {
      return lesson.prerequisites.every(function (p) { return !lessons[p] || placed[p]; });
    }
    for (;;) {
      var next = -1;
      for (var i = 0; i < waiting.length && next < 0; i++) if (ready(waiting[i])) next = i;
      if (next < 0) return order;  // done, or only lessons of a cycle are left
      placed[waiting[next].path] = true;
      order.push(waiting.splice(next, 1)[0]);
    }
  }

  /* Minutes as JP, one decimal, halves rounded up (`jp` in course/duration.py); null when the
   * site does not count JP. */
  function jp(data, minutes) {
    var perJp = data.minutes_per_jp;
    return perJp ? Math.round((minutes * 10) / perJp) / 10 : null;
  }

  function doneMinutes(data, record) {
    return data.lessons.reduce(function (sum, lesson) {
      return sum + (lessonDone(record, lesson.path) ? lesson.minutes || 0 : 0);
    }, 0);
  }

  /* True when the learner filled in any of their fields (name, NIP, unit, ...). */
  function hasLearner(learner) {
    return !!learner && Object.keys(learner).some(function (k) {
      return typeof learner[k] === "string" && learner[k].trim() !== "";
    });
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
    if (hasLearner(record.learner)) out.learner = record.learner;
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

  /* The stored record with the file merged in (not saved yet); the learner's own fields are
   * taken from the file only when none are filled in here. */
  function importRecord(data, text) {
    var read = readExport(data, text);
    if (!read.ok) return read;
    var record = root.AsahStore.read(data.site);
    merge(record, read.file.records);
    var learner = read.file.learner;
    if (learner && typeof learner === "object" && !hasLearner(record.learner)) {
      record.learner = learner;
    }
    return { ok: true, record: record };
  }

  var model = {
    complete: complete, reached: reached, maxLevel: maxLevel, stepInfo: stepInfo,
    competencies: competencies, levelMap: levelMap,
    pathProgress: pathProgress, pathLeft: pathLeft, pathTarget: pathTarget, gaps: gaps,
    recommend: recommend, jp: jp,
    doneMinutes: doneMinutes, hasLearner: hasLearner,
    exportRecord: exportRecord, importRecord: importRecord, merge: merge,
    /* The course data and strings islands inside an app element, and the prefix that makes
     * the data's site-root-relative URLs work from this page. */
    read: function (app) {
      var data = JSON.parse(app.querySelector(".asah-course-data").textContent);
      var strings = app.querySelector(".asah-strings");
      return { data: data, t: strings ? JSON.parse(strings.textContent) : {},
        home: app.getAttribute("data-asah-root") || "" };
    }
  };
  Object.keys(model).forEach(function (key) { base[key] = model[key]; });
})(typeof window !== "undefined" ? window : globalThis);
