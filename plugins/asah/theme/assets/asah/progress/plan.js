/* Asah self-assessment plan: the gaps between current and target levels and the lessons that
 * close them, in the order the build gives a generated path. Pure functions, no DOM (also run by
 * Node). Loaded with the self-assessment app only, after model.js, which it extends. */
(function (root) {
  "use strict";
  var P = root.AsahProgress;  // record.js and model.js
  if (!P || !P.levelMap || P.recommend) return;
  var levelMap = P.levelMap;
  var competencies = P.competencies;
  var lessonByPath = P.lessonByPath;

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

  P.gaps = gaps;
  P.recommend = recommend;
})(typeof window !== "undefined" ? window : globalThis);
