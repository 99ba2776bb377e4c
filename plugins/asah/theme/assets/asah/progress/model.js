/* Asah progress model: what "completed", "reached" and "recommended" mean, computed from the
 * course data island (the catalogue, docs/course-json.md) and the learner's record (AsahStore).
 * Pure functions, no DOM (also run by Node). Loaded with the progress and self-assessment apps
 * only; extends AsahProgress of record.js. What only the self-assessment needs (gaps,
 * recommendations) is plan.js; the export file and the activity history, export.js; merging two
 * records, merge.js.
 *
 * A lesson counts as completed under the course's rule (`data.completion`, record.js
 * `lessonCounts`). A competency level L is reached when every lesson that builds the competency
 * at a level up to L counts (levels without lessons are passed over). JP, path steps and
 * competencies all count lessons by that one rule (tests/fixtures/shared/completion.json). */
(function (root) {
  "use strict";
  var base = root.AsahProgress;  // record.js: lessonDone, quizPassed, lessonCounts, stepDone
  if (!base || base.reached) return;
  var lessonDone = base.lessonDone;
  var quizPassed = base.quizPassed;

  /* Whether a lesson of the catalogue counts as completed under the course's rule. */
  function counts(data, record, lesson) {
    return base.lessonCounts(record, lesson, data.completion);
  }

  /* When a lesson counted: the date it was marked done, or under "quiz_passed" the later of
   * that and the first pass of each of its quizzes (a pass recorded without its date, by an
   * older Asah, does not move it); null when it does not count. */
  function countedDate(data, record, lesson) {
    if (!counts(data, record, lesson)) return null;
    var date = String(record.lessons[lesson.path].date || "");
    if (base.rule(data.completion) === "quiz_passed") {
      lesson.quizzes.forEach(function (id) {
        var passed = String(record.quizzes[id].passedDate || "");
        if (passed > date) date = passed;
      });
    }
    return date || null;
  }

  /* The lessons that count, each {lesson, date}, oldest first (undated last, in course order). */
  function completed(data, record) {
    return data.lessons.map(function (lesson, i) {
      return { lesson: lesson, date: countedDate(data, record, lesson), i: i };
    }).filter(function (item) {
      return counts(data, record, item.lesson);
    }).sort(function (a, b) {
      if (a.date !== b.date) return !a.date ? 1 : !b.date ? -1 : a.date < b.date ? -1 : 1;
      return a.i - b.i;
    }).map(function (item) {
      return { lesson: item.lesson, date: item.date };
    });
  }

  /* Lessons marked done that do not count yet (their quizzes not all passed), each with the
   * quizzes left to pass, in course order. */
  function pending(data, record) {
    return data.lessons.filter(function (lesson) {
      return lessonDone(record, lesson.path) && !counts(data, record, lesson);
    }).map(function (lesson) {
      return { lesson: lesson, quizzes: lesson.quizzes.filter(function (id) {
        return !quizPassed(record, id);
      }) };
    });
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


  /* Per competency that has lessons with a level: {reached: highest level reached (0: none),
   * next: the next level with lessons (null: all reached), done and total: the lessons at
   * `next` that count and that there are, started: some lesson above `reached` counts, max}. */
  function competencyProgress(data, record) {
    var byId = {};  // id → {level: {done, total}}
    data.lessons.forEach(function (lesson) {
      var builds = levelMap(lesson.competencies);
      var ids = Object.keys(builds);
      if (!ids.length) return;
      var ok = counts(data, record, lesson);
      ids.forEach(function (id) {
        var levels = byId[id] || (byId[id] = {});
        var at = levels[builds[id]] || (levels[builds[id]] = { done: 0, total: 0 });
        at.total += 1;
        if (ok) at.done += 1;
      });
    });
    var result = {};
    competencies(data).forEach(function (c) {
      var levels = byId[c.id];
      if (!levels) return;
      var sorted = Object.keys(levels).map(Number).sort(function (a, b) { return a - b; });
      var i = 0;
      while (i < sorted.length && levels[sorted[i]].done === levels[sorted[i]].total) i += 1;
      var next = i < sorted.length ? sorted[i] : null;
      result[c.id] = {
        reached: i ? sorted[i - 1] : 0, next: next,
        done: next === null ? 0 : levels[next].done, total: next === null ? 0 : levels[next].total,
        started: sorted.slice(i).some(function (level) { return levels[level].done > 0; }),
        max: sorted[sorted.length - 1]
      };
    });
    return result;
  }

  /* {competency id: highest level reached (0 = none)} for competencies that have lessons. */
  function reached(data, record) {
    var progress = competencyProgress(data, record);
    var result = {};
    Object.keys(progress).forEach(function (id) { result[id] = progress[id].reached; });
    return result;
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

  /* Whether a path step is done: a lesson step when its lesson counts, a quiz step when the
   * quiz is passed. */
  function stepDone(data, record, step) {
    var lesson = step.kind === "lesson" ? lessonByPath(data)[step.ref] : null;
    return lesson ? counts(data, record, lesson) : base.stepDone(record, step, data.completion);
  }

  /* When a step was done (a lesson's `countedDate`, a quiz's first pass), "" when unknown. */
  function stepDate(data, record, step) {
    var lesson = step.kind === "lesson" ? lessonByPath(data)[step.ref] : null;
    if (lesson) return countedDate(data, record, lesson) || "";
    var entry = record.quizzes[step.ref] || {};
    return String(entry.passedDate || (entry.last && entry.last.passed && entry.last.date) || "");
  }

  /* Steps done, the next step with its title and URL; a path with every step done is
   * `complete`, with the `date` of its last step done ("" when unknown). */
  function pathProgress(data, record, path) {
    var done = 0;
    var next = null;
    var date = "";
    path.steps.forEach(function (step) {
      if (stepDone(data, record, step)) {
        done += 1;
        var when = stepDate(data, record, step);
        if (when > date) date = when;
      } else if (!next) {
        next = step;
      }
    });
    var complete = !next && path.steps.length > 0;
    return { done: done, total: path.steps.length, next: next,
      nextInfo: next ? stepInfo(data, next) : null, complete: complete,
      date: complete ? date : "" };
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
      return !stepDone(data, record, step);
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

  /* Minutes as JP, one decimal, halves rounded up (`jp` in course/duration.py); null when the
   * site does not count JP. */
  function jp(data, minutes) {
    var perJp = data.minutes_per_jp;
    return perJp ? Math.round((minutes * 10) / perJp) / 10 : null;
  }

  /* The minutes of the lessons that count; with `year`, of those that counted in that year
   * (by their `countedDate`, in the learner's time zone). */
  function doneMinutes(data, record, year) {
    return completed(data, record).reduce(function (sum, item) {
      if (year !== undefined && (!item.date || new Date(item.date).getFullYear() !== year)) {
        return sum;
      }
      return sum + (item.lesson.minutes || 0);
    }, 0);
  }

  /* True when the learner filled in any of their fields (name, NIP, unit, ...). */
  function hasLearner(learner) {
    return !!learner && Object.keys(learner).some(function (k) {
      return typeof learner[k] === "string" && learner[k].trim() !== "";
    });
  }

  var model = {
    counts: counts, completed: completed, pending: pending,
    competencyProgress: competencyProgress, reached: reached, stepInfo: stepInfo,
    competencies: competencies, levelMap: levelMap,
    pathProgress: pathProgress, pathLeft: pathLeft, lessonByPath: lessonByPath, jp: jp,
    doneMinutes: doneMinutes, hasLearner: hasLearner, pathTarget: pathTarget,
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
