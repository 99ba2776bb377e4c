/* Asah in a SCORM 1.2 LMS: the values written to the data model, as pure functions (also run
 * by Node): the learner's record in cmi.suspend_data (at most 4,096 characters), the session's
 * length in cmi.core.session_time, and the page to resume at in cmi.core.lesson_location.
 *
 * cmi.suspend_data, format "asah1" (docs/lms.md): "asah1.<n>" and sections "|<tag>:<body>":
 *   l  lessons marked done     key[.date]                        entries joined by ","
 *   q  quizzes                 key.attempts.best×10.passed(1|"").passedDate.solutionDate
 *   p  the path last used      key
 *   a  self-assessment         date.current.target   current: key*level joined by "+";
 *                              target: "p"key, or "l" and key*level joined by "+"
 *   n  the learner's fields    name.nip.unit.position.email (escaped)
 *   t  last attempts (last)    JSON {key: [date, score×10, passed 1|0, drawn, answers, fps,
 *                              question scores]}, the last three in the order drawn
 * Numbers and dates (seconds since 1970) are base 36. An id of the course is written as a key
 * of <n> base-36 characters (FNV-1a of the id; <n> the shortest length that keeps every table
 * free of clashes), so a key stays the same when lessons are added or moved; any other id is
 * "~" and the id escaped. When the record does not fit, entries go in by priority until full:
 * the unit's lessons and quizzes and the path last used; the course's other lessons and
 * quizzes; the self-assessment and the learner's fields; the last attempts. The rest stays in
 * the browser's copy (`complete: false`). */
(function (root) {
  "use strict";
  if (root.AsahScorm12Data) return;
  var FORMAT = "asah1";
  var LIMIT = 4096;
  var TAGS = ["l", "q", "p", "a", "n", "t"];
  var FIELDS = ["name", "nip", "unit", "position", "email"];

  function fnv(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
  }

  function hashKey(id, size) {
    var text = (fnv(id) % Math.pow(36, size)).toString(36);
    while (text.length < size) text = "0" + text;
    return text;
  }

  /* Only letters, digits, "-", "_" and "%": never a separator of the format. */
  function esc(text) {
    return encodeURIComponent(text).replace(/[.!~*'()]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function num(n) {
    return Math.max(0, Math.round(n)).toString(36);
  }

  function date(iso) {
    var time = Date.parse(iso);
    return isNaN(time) || time < 0 ? "" : Math.floor(time / 1000).toString(36);
  }

  function iso(text) {
    return text ? new Date(parseInt(text, 36) * 1000).toISOString() : undefined;
  }

  /* Keys of every table's ids at `size` characters; ids that clash are written in full. */
  function codec(tables, size) {
    var toKey = {};
    var toId = {};
    Object.keys(tables).forEach(function (name) {
      var seen = {};
      var keys = toKey[name] = {};
      var ids = toId[name] = {};
      (tables[name] || []).forEach(function (id) {
        var key = hashKey(id, size);
        seen[key] = seen.hasOwnProperty(key) ? null : id;
      });
      Object.keys(seen).forEach(function (key) {
        if (seen[key] === null) return;
        keys[seen[key]] = key;
        ids[key] = seen[key];
      });
    });
    return {
      size: size,
      key: function (name, id) {
        var keys = toKey[name] || {};
        return keys.hasOwnProperty(id) ? keys[id] : "~" + esc(id);
      },
      id: function (name, key) {
        if (key.charAt(0) === "~") return decodeURIComponent(key.slice(1));
        var ids = toId[name] || {};
        return ids.hasOwnProperty(key) ? ids[key] : undefined;
      }
    };
  }

  function clashFree(tables, size) {
    return Object.keys(tables).every(function (name) {
      var seen = {};
      return (tables[name] || []).every(function (id) {
        var key = hashKey(id, size);
        if (seen[key]) return false;
        seen[key] = true;
        return true;
      });
    });
  }

  function keySize(tables) {
    for (var size = 2; size < 6; size++) if (clashFree(tables, size)) return size;
    return 6;
  }

  function levels(map, c) {
    return Object.keys(map || {}).map(function (id) {
      return c.key("competencies", id) + "*" + num(map[id]);
    }).join("+");
  }

  /* Entries of the record, by priority: [tag, text] lists, one per tier. */
  function entries(record, tables, unit, c) {
    var lessons = record.lessons || {};
    var quizzes = record.quizzes || {};
    var mine = {};
    unit.steps.forEach(function (step) { if (step.kind === "lesson") mine[step.ref] = true; });
    unit.quizzes.concat(unit.steps.map(function (s) { return s.ref; })).forEach(function (id) {
      mine[id] = true;
    });
    function ordered(map, table) {  // the table's order, then ids it does not know, sorted
      var known = (table || []).filter(function (id) { return map.hasOwnProperty(id); });
      var rest = Object.keys(map).filter(function (id) { return known.indexOf(id) < 0; }).sort();
      return known.concat(rest);
    }
    var lessonIds = ordered(lessons, tables.lessons).filter(function (path) {
      return lessons[path] && lessons[path].done;
    });
    var quizIds = ordered(quizzes, tables.quizzes).filter(function (id) {
      return quizzes[id] && typeof quizzes[id] === "object";
    });
    function lesson(path) {
      var day = date(lessons[path].date);
      return ["l", c.key("lessons", path) + (day ? "." + day : "")];
    }
    function quiz(id) {
      var q = quizzes[id];
      var fields = [c.key("quizzes", id), num(q.attempts || 0), num((q.best || 0) * 10),
        q.passed ? "1" : "", date(q.passedDate), date(q.solutionDate)];
      return ["q", fields.join(".").replace(/\.+$/, "")];
    }
    function attempt(id) {
      var last = quizzes[id].last;
      var drawn = last.drawn || [];
      var shown = drawn.map(function (qid) {
        var answer = (last.answers || {})[qid];
        return answer === undefined ? null : answer;
      });
      var fps = drawn.map(function (qid) { return ((last.questions || {})[qid] || {}).fp || ""; });
      var scores = drawn.map(function (qid) {
        var s = ((last.questions || {})[qid] || {}).score;
        return typeof s === "number" ? Math.round(s * 1000) / 1000 : 0;
      });
      var value = [date(last.date), num((last.score || 0) * 10), last.passed ? 1 : 0,
        drawn, shown, fps, scores];
      return ["t", JSON.stringify(c.key("quizzes", id)) + ":" + JSON.stringify(value)];
    }
    var first = [];
    var second = [];
    lessonIds.forEach(function (path) { (mine[path] ? first : second).push(lesson(path)); });
    quizIds.forEach(function (id) { (mine[id] ? first : second).push(quiz(id)); });
    if (record.lastPath) first.push(["p", c.key("paths", record.lastPath)]);
    var third = [];
    var a = record.assessment;
    if (a && typeof a === "object") {
      var target = a.target || {};
      var aim = target.kind === "path" && target.path ? "p" + c.key("paths", target.path) :
        target.kind === "levels" ? "l" + levels(target.levels, c) : "";
      third.push(["a", [date(a.date), levels(a.current, c), aim].join(".")]);
    }
    var learner = record.learner;
    if (learner && typeof learner === "object") {
      var fields = FIELDS.map(function (k) { return esc(String(learner[k] || "")); });
      var text = fields.join(".").replace(/\.+$/, "");
      if (text) third.push(["n", text]);
    }
    var fourth = quizIds.filter(function (id) {
      return quizzes[id].last && typeof quizzes[id].last === "object";
    }).sort(function (x, y) { return (mine[y] ? 1 : 0) - (mine[x] ? 1 : 0); }).map(attempt);
    return first.concat(second, third, fourth);
  }

  /* {text, complete}: the record in at most `limit` (4,096) characters. */
  function encode(record, tables, unit, limit) {
    limit = limit || LIMIT;
    var c = codec(tables, keySize(tables));
    var header = FORMAT + "." + c.size;
    var parts = {};
    var length = header.length;
    var complete = true;
    entries(record, tables, unit, c).forEach(function (entry) {
      var tag = entry[0];
      var list = parts[tag];
      // "|x:" opens a section ("{" and "}" around the last attempts); "," between entries
      var cost = entry[1].length + (list ? 1 : tag === "t" ? 5 : 3);
      if (length + cost > limit) {
        complete = false;
        return;
      }
      (parts[tag] = list || []).push(entry[1]);
      length += cost;
    });
    var text = header + TAGS.filter(function (tag) { return parts[tag]; }).map(function (tag) {
      var body = parts[tag].join(",");
      return "|" + tag + ":" + (tag === "t" ? "{" + body + "}" : body);
    }).join("");
    return { text: text, complete: complete };
  }

  function levelMap(text, c) {
    var map = {};
    (text ? text.split("+") : []).forEach(function (pair) {
      var bits = pair.split("*");
      var id = c.id("competencies", bits[0]);
      if (id !== undefined) map[id] = parseInt(bits[1], 36);
    });
    return map;
  }

  /* The last attempts' section: damaged, it is left out (the rest of the record stands). */
  function lastAttempts(text) {
    try {
      var found = text ? JSON.parse(text) : {};
      return found && typeof found === "object" ? found : {};
    } catch (e) {
      return {};
    }
  }

  /* The record written by `encode` (lessons, quizzes and what else it holds); null for text
   * that is not this format (empty, another package's, damaged). Entries whose id the course
   * no longer has are left out. */
  function decode(text, tables) {
    if (typeof text !== "string" || text.indexOf(FORMAT + ".") !== 0) return null;
    try {
      var at = text.indexOf("|t:");
      var sections = (at < 0 ? text : text.slice(0, at)).split("|");
      var size = parseInt(sections.shift().slice(FORMAT.length + 1), 10);
      if (!(size >= 2 && size <= 6)) return null;
      var c = codec(tables, size);
      var record = { lessons: {}, quizzes: {} };
      sections.forEach(function (section) {
        var tag = section.charAt(0);
        var body = section.slice(2);
        var items = body ? body.split(",") : [];
        if (tag === "l") {
          items.forEach(function (item) {
            var bits = item.split(".");
            var path = c.id("lessons", bits[0]);
            if (path === undefined) return;
            record.lessons[path] = { done: true };
            if (bits[1]) record.lessons[path].date = iso(bits[1]);
          });
        } else if (tag === "q") {
          items.forEach(function (item) {
            var bits = item.split(".");
            var id = c.id("quizzes", bits[0]);
            if (id === undefined) return;
            var quiz = record.quizzes[id] = {
              attempts: parseInt(bits[1] || "0", 36),
              best: parseInt(bits[2] || "0", 36) / 10,
              passed: bits[3] === "1"
            };
            if (bits[4]) quiz.passedDate = iso(bits[4]);
            if (bits[5]) quiz.solutionDate = iso(bits[5]);
          });
        } else if (tag === "p") {
          var path = c.id("paths", body);
          if (path !== undefined) record.lastPath = path;
        } else if (tag === "a") {
          var bits = body.split(".");
          var target = bits[2] || "";
          var assessment = { date: iso(bits[0]), current: levelMap(bits[1], c) };
          if (target.charAt(0) === "p") {
            var aim = c.id("paths", target.slice(1));
            if (aim !== undefined) assessment.target = { kind: "path", path: aim };
          } else if (target.charAt(0) === "l") {
            assessment.target = { kind: "levels", levels: levelMap(target.slice(1), c) };
          }
          record.assessment = assessment;
        } else if (tag === "n") {
          var learner = {};
          body.split(".").forEach(function (value, i) {
            if (value && FIELDS[i]) learner[FIELDS[i]] = decodeURIComponent(value);
          });
          if (Object.keys(learner).length) record.learner = learner;
        }
      });
      var attempts = lastAttempts(at < 0 ? "" : text.slice(at + 3));
      Object.keys(attempts).forEach(function (key) {
        var id = c.id("quizzes", key);
        var v = attempts[key];
        if (id === undefined || !record.quizzes[id] || !Array.isArray(v) ||
          ![3, 4, 5, 6].every(function (i) { return Array.isArray(v[i]); })) return;
        var last = { date: iso(v[0]), score: parseInt(v[1], 36) / 10, passed: v[2] === 1,
          drawn: v[3], answers: {}, questions: {} };
        v[3].forEach(function (qid, i) {
          last.answers[qid] = v[4][i];
          last.questions[qid] = { fp: v[5][i], score: v[6][i] };
        });
        record.quizzes[id].last = last;
      });
      return record;
    } catch (e) {
      return null;
    }
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* A length of time in milliseconds as a CMITimespan, HHHH:MM:SS.SS (hours 2 to 4 digits,
   * hundredths when there are any); 9999:59:59.99 at most. */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    if (cs >= 9999 * 360000 + 359999) return "9999:59:59.99";
    var hours = Math.floor(cs / 360000);
    var text = pad(hours) + ":" + pad(Math.floor(cs / 6000) % 60) + ":" +
      pad(Math.floor(cs / 100) % 60);
    return cs % 100 ? text + "." + pad(cs % 100) : text;
  }

  /* The page a learner is on, relative to the package's folder (`base`), as cmi.core.
   * lesson_location keeps it (at most 255 characters: without the fragment, then without the
   * query when too long); "" for a page outside the package. */
  function location(href, base) {
    if (href.indexOf(base) !== 0) return "";
    var where = href.slice(base.length);
    if (where.length > 255) where = where.split("#")[0];
    if (where.length > 255) where = where.split("?")[0];
    return where.length > 255 ? "" : where;
  }

  /* A lesson_location read back from the LMS, when it is a page of the package (a relative
   * URL that stays inside it); "" otherwise. */
  function resumeAt(where) {
    if (typeof where !== "string" || !where) return "";
    var path = where.split(/[?#]/)[0];
    if (/^[a-z][a-z0-9+.-]*:|^[\/\\]/i.test(where) || /(^|\/)\.\.(\/|$)|\\/.test(path)) return "";
    return /\.html$/.test(path) ? where : "";
  }

  root.AsahScorm12Data = {
    LIMIT: LIMIT, encode: encode, decode: decode, timespan: timespan,
    location: location, resumeAt: resumeAt, hashKey: hashKey
  };
})(typeof window !== "undefined" ? window : globalThis);
