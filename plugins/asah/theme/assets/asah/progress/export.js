/* Asah export: the file a learner keeps or hands to the training unit (version 2, docs/storage.md)
 * and the activity history that maps onto SIASN's course history (riwayat kursus), as a table
 * and a CSV file; reading a file back (versions 1 and 2) for a merge. Pure functions, no DOM
 * (also run by Node). Loaded with the progress app, after model.js, which it extends.
 *
 * The file carries the raw record (`records`, what a merge needs) and what a training unit reads
 * without Asah: learner fields, completions with dates and JP, quiz attempts with each question's
 * outcome, the self-assessment, competencies reached, paths and the history. A CRC-32 of the
 * rest (`checksum`) tells a file damaged or changed after it was saved; `asah report` checks it
 * the same way (report/records.py). It is no signature: a static site can sign nothing. */
(function (root) {
  "use strict";
  var P = root.AsahProgress;  // record.js and model.js
  if (!P || !P.merge || P.exportRecord) return;
  var FORMAT = "asah-progress";
  var VERSION = 2;

  var table = null;
  /* CRC-32 (IEEE 802.3, as zlib's crc32) of the UTF-8 bytes of `text`, 8 hex digits. */
  function crc32(text) {
    if (!table) {
      table = [];
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
      }
    }
    var crc = 0xffffffff;
    function add(byte) {
      crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    }
    for (var i = 0; i < text.length; i++) {  // UTF-8, a lone surrogate as U+FFFD
      var code = text.charCodeAt(i);
      var next = text.charCodeAt(i + 1);
      if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
      } else if (code >= 0xd800 && code < 0xe000) {
        code = 0xfffd;
      }
      if (code < 0x80) {
        add(code);
      } else if (code < 0x800) {
        add(0xc0 | (code >> 6)); add(0x80 | (code & 63));
      } else if (code < 0x10000) {
        add(0xe0 | (code >> 12)); add(0x80 | ((code >> 6) & 63)); add(0x80 | (code & 63));
      } else {
        add(0xf0 | (code >> 18)); add(0x80 | ((code >> 12) & 63));
        add(0x80 | ((code >> 6) & 63)); add(0x80 | (code & 63));
      }
    }
    return ("0000000" + ((crc ^ 0xffffffff) >>> 0).toString(16)).slice(-8);
  }

  /* The checksum of a file's fields other than `checksum`, in their order. */
  function checksum(file) {
    var rest = {};
    Object.keys(file).forEach(function (k) { if (k !== "checksum") rest[k] = file[k]; });
    return "crc32:" + crc32(JSON.stringify(rest));
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* "YYYY-MM-DD" of an ISO date in the learner's time zone; "" when there is none. */
  function day(iso) {
    var d = new Date(iso);
    if (!iso || isNaN(d)) return "";
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* A random id for the record, so that two files of one learner are counted once. */
  function newId() {
    var bytes = [];
    var crypto = root.crypto;
    for (var i = 0; i < 12; i++) bytes.push(Math.floor(Math.random() * 256));
    if (crypto && crypto.getRandomValues) bytes = Array.prototype.slice.call(
      crypto.getRandomValues(new Uint8Array(12)));
    return bytes.map(function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* The activity history: one entry per calendar year (the learner's) in which lessons counted,
   * as SIASN keeps a course per year (tahunKursus) and the 20 JP target is yearly: the course,
   * its type and organiser (settings), the JP and minutes of that year, the first and last day
   * a lesson counted. */
  function history(data, record) {
    var years = {};
    P.completed(data, record).forEach(function (item) {
      if (!item.date) return;
      var date = day(item.date);
      var year = date.slice(0, 4);
      var entry = years[year] || (years[year] = { minutes: 0, start: date, end: date });
      entry.minutes += item.lesson.minutes || 0;
      if (date < entry.start) entry.start = date;
      if (date > entry.end) entry.end = date;
    });
    return Object.keys(years).sort().map(function (year) {
      var e = years[year];
      return { course: data.title, type: data.activity_type || "", jp: P.jp(data, e.minutes),
        minutes: e.minutes, start: e.start, end: e.end, year: Number(year),
        organiser: data.organiser || "" };
    });
  }

  /* One stored attempt as the file gives it: each asked question's fingerprint, score (0–1)
   * and answer (docs/storage.md "Answers per question type"). */
  function attempt(stored) {
    if (!stored || typeof stored !== "object") return null;
    var questions = stored.questions || {};
    var answers = stored.answers || {};
    return { date: stored.date || "", score: stored.score, passed: !!stored.passed,
      questions: (stored.drawn || Object.keys(questions)).map(function (id) {
        var q = questions[id] || {};
        var answer = answers[id];
        return { id: id, fp: q.fp || "", score: typeof q.score === "number" ? q.score : 0,
          answer: answer === undefined ? null : answer };
      }) };
  }

  function quizTitle(data, id) {
    var bank = data.banks.filter(function (b) { return b.id === id; })[0];
    if (bank) return bank.title;
    var lesson = P.lessonByPath(data)[id.slice(0, id.lastIndexOf("#"))];
    return lesson ? lesson.title : id;
  }

  /* The file as an object, made at `now` (a Date; `utc_offset`: the learner's clock, in
   * minutes east of UTC, by which a reader places dates in the learner's days and years). */
  function exportFile(data, record, now) {
    var quizzes = record.quizzes || {};
    var progress = P.competencyProgress(data, record);
    var a = record.assessment;
    var names = {};
    P.competencies(data).forEach(function (c) { names[c.id] = c.name; });
    var records = { quizzes: quizzes, lessons: record.lessons || {} };
    if (a) records.assessment = a;
    if (record.lastPath) records.lastPath = record.lastPath;
    var file = {
      format: FORMAT, version: VERSION, site: data.site, course: data.title,
      course_version: data.course_version || "", language: data.language,
      exported: now.toISOString(), utc_offset: -now.getTimezoneOffset() || 0,
      completion: P.rule(data.completion), minutes_per_jp: data.minutes_per_jp,
      jp: P.jp(data, P.doneMinutes(data, record)), learner_id: record.id || ""
    };
    if (P.hasLearner(record.learner)) file.learner = record.learner;
    file.completions = P.completed(data, record).map(function (item) {
      var l = item.lesson;
      return { lesson: l.path, title: l.title, date: item.date || "", minutes: l.minutes,
        jp: l.minutes ? P.jp(data, l.minutes) : null };
    });
    file.quizzes = Object.keys(quizzes).map(function (id) {
      var q = quizzes[id];
      // the first attempt is kept since Asah exported it; a single attempt is its own first
      var first = q.first || (q.attempts === 1 ? q.last : null);
      return { id: id, title: quizTitle(data, id), attempts: q.attempts || 0, best: q.best || 0,
        passed: !!q.passed, passed_date: q.passedDate || "",
        solution_before_pass: P.solutionBeforePass(record, id),
        first: attempt(first), last: attempt(q.last) };
    });
    if (a) {
      var target = a.target && a.target.kind === "path" ? P.pathTarget(data, a.target.path) :
        P.levelMap(Object.keys((a.target && a.target.levels) || {}).map(function (id) {
          return { id: id, level: a.target.levels[id] };
        }));
      file.assessment = { date: a.date || "", current: a.current || {}, target: target,
        target_path: a.target && a.target.kind === "path" ? a.target.path : null };
    }
    file.competencies = Object.keys(progress).filter(function (id) {
      return progress[id].reached > 0;
    }).map(function (id) {
      return { id: id, name: names[id] || id, level: progress[id].reached };
    });
    file.paths = (data.paths || []).map(function (path) {
      var p = P.pathProgress(data, record, path);
      return { id: path.id, title: path.title, done: p.done, total: p.total,
        complete: p.complete, date: p.date };
    });
    file.history = history(data, record);
    file.records = records;
    file.checksum = checksum(file);
    return file;
  }

  function exportRecord(data, record, now) {
    return JSON.stringify(exportFile(data, record, now || new Date()), null, 1);
  }

  /* A CSV field: quoted when needed; text a spreadsheet would run as a formula starts with '. */
  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /* The history as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read it as
   * such): headings from the interface strings `t`, numbers with a decimal point, ISO dates. */
  function historyCsv(data, record, t) {
    var rows = [[t.history_course, t.history_type, t.history_jp, t.history_minutes,
      t.history_start, t.history_end, t.history_year, t.history_organiser]];
    history(data, record).forEach(function (e) {
      rows.push([e.course, e.type, e.jp, e.minutes, e.start, e.end, e.year, e.organiser]);
    });
    return "\ufeff" + rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") +
      "\r\n";
  }

  /* {ok: true, file} for a whole file of this site (version 1 or 2), else {ok: false, error:
   * <strings key>}. */
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
    if (file.version !== 1 && file.version !== VERSION) return { ok: false, error: "error_version" };
    if (file.site !== data.site) return { ok: false, error: "error_other_site" };
    if (file.version > 1 && file.checksum !== checksum(file)) {
      return { ok: false, error: "error_changed" };
    }
    return { ok: true, file: file };
  }

  /* The stored record with the file merged in (not saved yet); the learner's own fields and
   * the record's id are taken from the file only when this browser has none. */
  function importRecord(data, text) {
    var read = readExport(data, text);
    if (!read.ok) return read;
    var record = root.AsahStore.read(data.site);
    P.merge(record, read.file.records);
    var learner = read.file.learner;
    if (learner && typeof learner === "object" && !P.hasLearner(record.learner)) {
      record.learner = learner;
    }
    if (!record.id && typeof read.file.learner_id === "string" && read.file.learner_id) {
      record.id = read.file.learner_id;
    }
    return { ok: true, record: record };
  }

  var api = { VERSION: VERSION, crc32: crc32, checksum: checksum, day: day, newId: newId,
    history: history, exportFile: exportFile, exportRecord: exportRecord,
    historyCsv: historyCsv, readExport: readExport, importRecord: importRecord };
  Object.keys(api).forEach(function (key) { P[key] = api[key]; });
})(typeof window !== "undefined" ? window : globalThis);
