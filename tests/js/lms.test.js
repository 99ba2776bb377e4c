/* lms/unit.js and lms/scorm12-data.js: what a SCORM 1.2 package tells the LMS — the unit's
 * status and score, the learner's record in cmi.suspend_data (4,096 characters at most), the
 * session's time and the page to resume at. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load, plain } = require("./load.js");

const ctx = load(["progress/record.js", "progress/merge.js", "lms/unit.js", "lms/scorm12-data.js"]);
const U = ctx.AsahLmsUnit;
const D = ctx.AsahScorm12Data;

const DAY = "2026-11-22T08:00:00.000Z";
const LATER = "2026-11-23T09:30:15.000Z";

function record(extra) {
  return Object.assign({ version: 1, quizzes: {}, lessons: {} }, extra);
}

function done(date) {
  return { done: true, date: date || DAY };
}

function quiz(best, passed, extra) {
  return Object.assign({ attempts: 1, best, passed }, extra);
}

/* A path: two lessons, the second with a quiz on its page, then a final test. */
function path(completion) {
  return {
    completion,
    steps: [
      { kind: "lesson", ref: "a.md", quizzes: [] },
      { kind: "lesson", ref: "b.md", quizzes: ["b.md#1"] },
      { kind: "quiz", ref: "final" }
    ],
    quizzes: ["b.md#1", "final"]
  };
}

test("status: incomplete until every step is done, then passed when quizzes had to be passed", () => {
  const unit = path("quiz_passed");
  assert.strictEqual(U.status(unit, record()), "incomplete");
  const r = record({ lessons: { "a.md": done(), "b.md": done() } });
  assert.strictEqual(U.status(unit, r), "incomplete");  // nothing tried yet
  r.quizzes["b.md#1"] = quiz(100, true);
  assert.strictEqual(U.status(unit, r), "incomplete");  // the final test not tried
  r.quizzes.final = quiz(50, false);
  assert.strictEqual(U.status(unit, r), "failed");  // everything tried, one not passed
  r.quizzes.final = quiz(80, true, { attempts: 2 });
  assert.strictEqual(U.status(unit, r), "passed");
});

test("status: a lesson's quiz fails the unit under quiz_passed, not under marked", () => {
  const r = record({ lessons: { "a.md": done(), "b.md": done() },
    quizzes: { "b.md#1": quiz(20, false), final: quiz(90, true) } });
  assert.strictEqual(U.status(path("quiz_passed"), r), "failed");
  assert.strictEqual(U.status(path("marked"), r), "passed");
  assert.deepStrictEqual(plain(U.required(path("marked"))), ["final"]);
  assert.deepStrictEqual(plain(U.required(path("quiz_passed"))), ["b.md#1", "final"]);
});

test("status: completed when every step is done and no quiz has to be passed", () => {
  const unit = { completion: "marked", steps: [{ kind: "lesson", ref: "a.md", quizzes: ["a.md#1"] }],
    quizzes: ["a.md#1"] };
  assert.strictEqual(U.status(unit, record()), "incomplete");
  assert.strictEqual(U.status(unit, record({ lessons: { "a.md": done() } })), "completed");
  // a lesson unmarked again is not done: the record decides, as on the progress page
  assert.strictEqual(U.status(unit, record({ lessons: {} })), "incomplete");
});

test("score: the mean of the best scores, quizzes not taken counting 0; none taken: no score", () => {
  const unit = path("quiz_passed");
  assert.strictEqual(U.score(unit, record()), null);
  assert.strictEqual(U.score(unit, record({ quizzes: { final: quiz(83.3, true) } })), 41.7);
  const both = record({ quizzes: { final: quiz(83.3, true), "b.md#1": quiz(100, true) } });
  assert.strictEqual(U.score(unit, both), 91.7);
  assert.strictEqual(U.score({ steps: [], quizzes: [] }, both), null);
});

test("merge: the LMS's copy and this browser's merge as a backup file does", () => {
  const mine = () => record({
    lessons: { "a.md": done(LATER) },
    quizzes: { q: quiz(40, false, { attempts: 2, last: { date: LATER, score: 40 } }) },
    lastPath: "p1"
  });
  const theirs = () => record({
    lessons: { "a.md": done(DAY), "b.md": done(LATER) },
    quizzes: { q: quiz(90, true, { passedDate: DAY, last: { date: DAY, score: 90 } }),
      r: quiz(10, false) },
    lastPath: "p2",
    assessment: { date: DAY, current: { x: 2 } },
    learner: { name: "Rina" }
  });
  const ours = U.merge(mine(), theirs());
  const model = ctx.AsahProgress.merge(mine(), theirs());
  model.learner = { name: "Rina" };  // the progress page takes it from the file's top level
  assert.deepStrictEqual(plain(ours), plain(model));
  assert.strictEqual(ours.lessons["a.md"].date, DAY);
  assert.deepStrictEqual(plain(ours.quizzes.q), { attempts: 2, best: 90, passed: true,
    passedDate: DAY, last: { date: LATER, score: 40 } });
  assert.strictEqual(ours.lastPath, "p1");
  // merging twice changes nothing more
  assert.deepStrictEqual(plain(U.merge(plain(ours), theirs())), plain(ours));
});

const TABLES = {
  lessons: ["a.md", "b.md", "c.md"],
  quizzes: ["b.md#1", "final"],
  paths: ["p1", "p2"],
  competencies: ["x", "y"]
};

function full() {
  return record({
    lessons: { "a.md": done(DAY), "c.md": { done: true } },
    quizzes: {
      "b.md#1": quiz(83.3, true, { attempts: 3, passedDate: LATER, solutionDate: DAY,
        last: { date: LATER, score: 83.3, passed: true, drawn: ["one", "two", "three"],
          answers: { one: "2", two: ["0", "2"], three: null },
          questions: { one: { fp: "1720b94c41", score: 1 }, two: { fp: "9c0e51d2aa", score: 0.5 },
            three: { fp: "00aa11bb22", score: 0 } } } }),
      final: quiz(40, false)
    },
    lastPath: "p2",
    assessment: { date: DAY, current: { x: 2, y: 1 }, target: { kind: "levels", levels: { x: 3 } } },
    learner: { name: "Rina Wulandari, S.Kom.", nip: "199001012015032001" }
  });
}

test("suspend_data: the record comes back as it was (dates to the second)", () => {
  const packed = D.encode(full(), TABLES, path("quiz_passed"));
  assert.ok(packed.complete);
  assert.match(packed.text, /^asah1\.\d\|l:/);
  assert.ok(packed.text.length < 400, packed.text);
  const back = plain(D.decode(packed.text, TABLES));
  const want = plain(full());
  delete want.version;
  assert.deepStrictEqual(back, want);
  // a path as target, and nothing but ASCII that no LMS mangles
  const r = full();
  r.assessment.target = { kind: "path", path: "p1" };
  r.learner.name = "Ñoño «Ayu» | Sari, M.Si.";
  const text = D.encode(r, TABLES, path("marked")).text;
  assert.match(text, /^[\x20-\x7e]*$/);
  assert.deepStrictEqual(plain(D.decode(text, TABLES).assessment.target), { kind: "path", path: "p1" });
  assert.strictEqual(D.decode(text, TABLES).learner.name, "Ñoño «Ayu» | Sari, M.Si.");
});

test("suspend_data: keys outlive a new package; ids the course no longer has are left out", () => {
  const text = D.encode(full(), TABLES, path("quiz_passed")).text;
  // lessons added and reordered: the keys (hashes of the ids) still name the same lessons
  const grown = Object.assign({}, TABLES, { lessons: ["new.md", "c.md", "b.md", "a.md", "z.md"] });
  assert.deepStrictEqual(Object.keys(D.decode(text, grown).lessons).sort(), ["a.md", "c.md"]);
  // a.md removed from the course: its entry goes, the rest stays
  const shrunk = Object.assign({}, TABLES, { lessons: ["b.md", "c.md"] });
  assert.deepStrictEqual(Object.keys(D.decode(text, shrunk).lessons), ["c.md"]);
  // an id the package does not know is written in full and comes back
  const r = full();
  r.lessons["old/page.md"] = done(DAY);
  const again = D.decode(D.encode(r, TABLES, path("marked")).text, TABLES);
  assert.deepStrictEqual(plain(again.lessons["old/page.md"]), done(DAY));
});

test("suspend_data: what is not ours, or damaged, reads as nothing (or as what is intact)", () => {
  for (const text of ["", "null", "asah9.3|l:zz", "asah1.x", "{\"a\":1}", undefined]) {
    assert.strictEqual(D.decode(text, TABLES), null, String(text));
  }
  const text = D.encode(full(), TABLES, path("marked")).text;
  const damaged = D.decode(text.replace(/\|t:.*$/, "|t:{broken"), TABLES);
  assert.deepStrictEqual(Object.keys(damaged.lessons).sort(), ["a.md", "c.md"]);
  assert.strictEqual(damaged.quizzes["b.md#1"].last, undefined);
});

test("suspend_data: a record that does not fit keeps the unit first, within 4,096 characters", () => {
  const lessons = [];
  const r = record();
  for (let i = 0; i < 600; i++) {
    const id = `bagian-${Math.floor(i / 20)}/pelajaran-${i}.md`;
    lessons.push(id);
    r.lessons[id] = done(DAY);
  }
  const tables = Object.assign({}, TABLES, { lessons });
  const unit = { completion: "marked", quizzes: [],
    steps: lessons.slice(550).map((ref) => ({ kind: "lesson", ref, quizzes: [] })) };
  r.learner = { name: "Rina" };
  const packed = D.encode(r, tables, unit);
  assert.strictEqual(packed.complete, false);
  assert.ok(packed.text.length <= D.LIMIT && packed.text.length > D.LIMIT - 20, packed.text.length);
  const back = D.decode(packed.text, tables);
  const kept = Object.keys(back.lessons);
  for (const step of unit.steps) assert.ok(back.lessons[step.ref], step.ref);  // the unit's first
  assert.ok(kept.length > 200 && kept.length < 600, kept.length);
  assert.strictEqual(back.learner, undefined);  // a lower tier than every lesson
  // the same record gives the same text, so an unchanged record is not sent again
  assert.strictEqual(D.encode(r, tables, unit).text, packed.text);
  // a smaller limit still holds
  assert.ok(D.encode(r, tables, unit, 300).text.length <= 300);
});

test("suspend_data: the example of docs/lms.md", () => {
  const text = D.encode(record({ lessons: { "a.md": done(DAY) },
    quizzes: { final: quiz(83.3, true, { passedDate: DAY }) } }), TABLES, path("marked")).text;
  const key = (id) => D.hashKey(id, 2);
  assert.strictEqual(text, `asah1.2|l:${key("a.md")}.tow8w0|q:${key("final")}.1.n5.1.tow8w0`);
});

test("session_time: a CMITimespan, hours of 2 to 4 digits", () => {
  assert.strictEqual(D.timespan(0), "00:00:00");
  assert.strictEqual(D.timespan(3723450), "01:02:03.45");
  assert.strictEqual(D.timespan(59994), "00:00:59.99");
  assert.strictEqual(D.timespan(100 * 3600000), "100:00:00");
  assert.strictEqual(D.timespan(20000 * 3600000), "9999:59:59.99");
  assert.strictEqual(D.timespan(-5), "00:00:00");
  for (const ms of [0, 1, 999, 3600000 * 12.34567, 3600000 * 9999]) {
    assert.match(D.timespan(ms), /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  }
});

test("lesson_location: the page within the package, at most 255 characters; only such comes back", () => {
  const base = "https://lms.example/pluginfile/42/";
  assert.strictEqual(D.location(base + "a/b.html?jalur=p#asah-quiz-1", base), "a/b.html?jalur=p#asah-quiz-1");
  assert.strictEqual(D.location("https://else.example/x.html", base), "");
  const long = "a/b.html?jalur=" + "p".repeat(250);
  assert.strictEqual(D.location(base + long + "#x", base), "a/b.html");
  assert.strictEqual(D.resumeAt("a/b.html?jalur=p#asah-quiz-1"), "a/b.html?jalur=p#asah-quiz-1");
  assert.strictEqual(D.resumeAt("index.html"), "index.html");
  for (const bad of ["", "https://evil.example/x.html", "//evil.example/x.html", "/x.html",
    "../x.html", "a/../../x.html", "javascript:alert(1)//.html", "a\\b.html", "a/b.js", null]) {
    assert.strictEqual(D.resumeAt(bad), "", String(bad));
  }
});
