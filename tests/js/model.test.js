/* progress/model.js and plan.js: the learner model the progress and self-assessment apps show. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { progress, fixture, plain } = require("./load.js");

/* The model over a stub store holding `stored` (load.js: progress). */
function model(stored) {
  return progress(stored, ["progress/plan.js"]);
}

function lesson(path, competencies, extra) {
  return Object.assign({ path, url: path.replace(/\.md$/, "/"), title: path, minutes: 45,
    jp: 1, competencies, prerequisites: [], quizzes: [] }, extra);
}

function course(lessons, extra) {
  return Object.assign({
    format: "asah-course", version: 1, title: "Kursus", language: "id", site: "kursus",
    minutes_per_jp: 45, lessons, banks: [], paths: [],
    framework: { name: "F", levels: { 1: "Dasar", 2: "Menengah", 3: "Mahir" }, groups: [
      { id: "g1", name: "Teknis", competencies: [
        { id: "a", code: "A", name: "Kompetensi A", url: "kompetensi/a/" },
        { id: "b", code: "B", name: "Kompetensi B", url: "kompetensi/b/" }
      ] },
      { id: "g2", name: "Sosial", competencies: [
        { id: "c", code: "C", name: "Kompetensi C", url: "kompetensi/c/" }
      ] }
    ] },
    learner_fields: ["name", "nip"]
  }, extra);
}

function record(lessons, quizzes, extra) {
  return Object.assign({ version: 1, lessons: lessons || {}, quizzes: quizzes || {} }, extra);
}

const done = (date) => ({ done: true, date: date || "2026-01-01T00:00:00.000Z" });

test("recommend orders lessons as the build orders a generated path", async (t) => {
  const { P } = model();
  for (const c of fixture("recommend.json").cases) {
    await t.test(c.name, () => {
      const data = course(c.lessons.map((l) => lesson(l.path, l.competencies,
        { prerequisites: l.prerequisites })));
      const got = P.recommend(data, c.current, c.target).map((l) => l.path);
      assert.deepStrictEqual(plain(got), c.expected);
    });
  }
});

test("recommend returns the lesson objects of the data", () => {
  const { P } = model();
  const data = course([lesson("x.md", [{ id: "a", level: 1 }])]);
  assert.strictEqual(P.recommend(data, {}, { a: 1 })[0], data.lessons[0]);
});

test("reached: levels no lesson builds are passed over", () => {
  const { P } = model();
  const data = course([lesson("a1.md", [{ id: "a", level: 1 }]), lesson("a3.md", [{ id: "a", level: 3 }])]);
  assert.deepStrictEqual(plain(P.reached(data, record())), { a: 0 });
  assert.deepStrictEqual(plain(P.reached(data, record({ "a1.md": done() }))), { a: 1 });
  assert.deepStrictEqual(plain(P.reached(data, record({ "a1.md": done(), "a3.md": done() }))), { a: 3 });
  // a higher level alone does not count while a lower one is missing
  assert.deepStrictEqual(plain(P.reached(data, record({ "a3.md": done() }))), { a: 0 });
});

test("reached: every lesson of a level; under quiz_passed, its quizzes passed too", () => {
  const { P } = model();
  const lessons = [
    lesson("one.md", [{ id: "a", level: 1 }], { quizzes: ["one.md#1"] }),
    lesson("two.md", [{ id: "a", level: 1 }, { id: "b", level: 2 }])
  ];
  const strict = course(lessons, { completion: "quiz_passed" });
  const both = { "one.md": done(), "two.md": done() };
  assert.deepStrictEqual(plain(P.reached(strict, record(both))), { a: 0, b: 2 });
  assert.deepStrictEqual(plain(P.reached(strict, record(both, { "one.md#1": { passed: false } }))),
    { a: 0, b: 2 });
  assert.deepStrictEqual(plain(P.reached(strict, record(both, { "one.md#1": { passed: true } }))),
    { a: 1, b: 2 });
  // marked (the default): the marks alone
  assert.deepStrictEqual(plain(P.reached(course(lessons), record(both))), { a: 1, b: 2 });
});

test("one completion rule for lessons, JP, competencies and paths", async (t) => {
  const { P } = model();
  const shared = fixture("completion.json");
  for (const c of shared.cases) {
    await t.test(c.name, () => {
      const data = course(shared.course.lessons.map((l) => lesson(l.path, l.competencies,
        { minutes: l.minutes, quizzes: l.quizzes })), {
        completion: c.completion, minutes_per_jp: shared.course.minutes_per_jp,
        banks: [{ id: "uji", title: "Uji", url: "c/#asah-quiz-1" }], paths: shared.course.paths,
        framework: { name: "F", levels: {}, groups: [{ id: "g", name: "G", competencies: [
          { id: "x", code: null, name: "X", url: "" }, { id: "y", code: null, name: "Y", url: "" }
        ] }] }
      });
      const mine = record(c.record.lessons, c.record.quizzes);
      assert.deepStrictEqual(plain(P.completed(data, mine)).map((i) => [i.lesson.path, i.date]),
        c.counted);
      data.lessons.forEach((l) => assert.strictEqual(P.counts(data, mine, l),
        c.counted.some((done) => done[0] === l.path), l.path));
      assert.strictEqual(P.doneMinutes(data, mine), c.minutes);
      assert.strictEqual(P.jp(data, P.doneMinutes(data, mine)), c.jp);
      assert.deepStrictEqual(plain(P.competencyProgress(data, mine)), c.competencies);
      assert.deepStrictEqual(plain(P.reached(data, mine)),
        Object.fromEntries(Object.entries(c.competencies).map(([id, p]) => [id, p.reached])));
      for (const path of data.paths) {
        assert.strictEqual(P.pathProgress(data, mine, path).done, c.paths[path.id]);
        // a path page asks record.js with the steps and their lessons' quizzes it carries
        const steps = path.steps.map((s) => Object.assign({}, s, s.kind === "lesson" ?
          { quizzes: data.lessons.find((l) => l.path === s.ref).quizzes } : {}));
        assert.strictEqual(steps.filter((s) => P.stepDone(mine, s, c.completion)).length,
          c.paths[path.id]);
        assert.strictEqual(P.pathLeft(data, mine, path.id).steps.length,
          path.steps.length - c.paths[path.id]);
      }
      assert.deepStrictEqual(Object.fromEntries(plain(P.pending(data, mine))
        .map((p) => [p.lesson.path, p.quizzes])), c.pending);
    });
  }
});

test("lessonCounts: an unknown rule is the default, marked", () => {
  const { P } = model();
  const mine = record({ "a.md": done() }, { q: { passed: false } });
  const a = { path: "a.md", quizzes: ["q"] };
  assert.strictEqual(P.lessonCounts(mine, a, undefined), true);
  assert.strictEqual(P.lessonCounts(mine, a, "bogus"), true);
  assert.strictEqual(P.lessonCounts(mine, a, "quiz_passed"), false);
  assert.strictEqual(P.lessonCounts(mine, { path: "b.md", quizzes: [] }, "marked"), false);
});

test("competencyProgress: partial progress toward the next level", () => {
  const { P } = model();
  const data = course([
    lesson("a1.md", [{ id: "a", level: 1 }]), lesson("a1b.md", [{ id: "a", level: 1 }]),
    lesson("a1c.md", [{ id: "a", level: 1 }]), lesson("a3.md", [{ id: "a", level: 3 }])
  ]);
  assert.deepStrictEqual(plain(P.competencyProgress(data, record({ "a1.md": done() }))), {
    a: { reached: 0, next: 1, done: 1, total: 3, started: true, max: 3 }
  });
  const level1 = { "a1.md": done(), "a1b.md": done(), "a1c.md": done() };
  assert.deepStrictEqual(plain(P.competencyProgress(data, record(level1))), {
    a: { reached: 1, next: 3, done: 0, total: 1, started: false, max: 3 }
  });
});

test("doneMinutes in a year: the lessons that counted in it", () => {
  const { P } = model();
  const data = course([lesson("a.md", [], { minutes: 90 }), lesson("b.md", [], { minutes: 45 }),
    lesson("c.md", [], { minutes: 30 })]);
  const mine = record({ "a.md": done("2025-06-01T08:00:00Z"), "b.md": done("2026-06-01T08:00:00Z"),
    "c.md": { done: true } });
  assert.strictEqual(P.doneMinutes(data, mine), 165);
  assert.strictEqual(P.doneMinutes(data, mine, 2026), 45);
  assert.strictEqual(P.doneMinutes(data, mine, 2025), 90);
  assert.strictEqual(P.doneMinutes(data, mine, 2024), 0);
});

test("pathProgress: a complete path has the date of its last step done", () => {
  const { P } = model();
  const data = course([lesson("l1.md", []), lesson("l2.md", [])],
    { banks: [{ id: "akhir", title: "Evaluasi akhir", url: "kuis/akhir/" }] });
  const path = { id: "p", steps: [{ kind: "lesson", ref: "l1.md" }, { kind: "quiz", ref: "akhir" }] };
  const mine = record({ "l1.md": done("2026-02-01T00:00:00Z") },
    { akhir: { passed: true, passedDate: "2026-02-03T00:00:00Z" } });
  const p = plain(P.pathProgress(data, mine, path));
  assert.deepStrictEqual([p.complete, p.date], [true, "2026-02-03T00:00:00Z"]);
  const half = plain(P.pathProgress(data, record({ "l1.md": done() }), path));
  assert.deepStrictEqual([half.complete, half.date], [false, ""]);
});

test("solutionBeforePass: shown while not passed, compared with the first pass", () => {
  const { P } = model();
  const mine = record({}, {
    never: { passed: false, solutionDate: "2026-01-02T00:00:00Z" },
    before: { passed: true, solutionDate: "2026-01-02T00:00:00Z", passedDate: "2026-01-03T00:00:00Z" },
    // seen on another device after a pass here (merged): not before the pass
    after: { passed: true, solutionDate: "2026-01-04T00:00:00Z", passedDate: "2026-01-03T00:00:00Z" },
    older: { passed: true, solutionDate: "2026-01-04T00:00:00Z" },
    clean: { passed: true, passedDate: "2026-01-03T00:00:00Z" }
  });
  const got = ["never", "before", "after", "older", "clean", "none"].map((id) =>
    P.solutionBeforePass(mine, id));
  assert.deepStrictEqual(got, [true, true, false, false, false, false]);
});

test("reached: levels compare as numbers; lessons without a level count for nothing", () => {
  const { P } = model();
  const data = course([
    lesson("two.md", [{ id: "a", level: 2 }]),
    lesson("ten.md", [{ id: "a", level: 10 }]),
    lesson("none.md", [{ id: "b", level: null }])
  ]);
  assert.deepStrictEqual(plain(P.reached(data, record({ "two.md": done() }))), { a: 2 });
  assert.strictEqual(P.competencyProgress(data, record()).a.max, 10);
  assert.ok(!("b" in plain(P.competencyProgress(data, record()))));  // no level: not listed
});

test("merge: same date rules, and merging twice is merging once", () => {
  const { P } = model();
  const mine = record(
    { "a.md": done("2026-03-01T00:00:00Z"), "b.md": done("2026-01-01T00:00:00Z") },
    { q: { attempts: 2, best: 50, passed: false, last: { date: "2026-03-01T00:00:00Z", score: 50 } } },
    { assessment: { date: "2026-01-01T00:00:00Z", current: { a: 1 } }, lastPath: "mine" }
  );
  const theirs = {
    lessons: { "a.md": done("2026-02-01T00:00:00Z"), "b.md": done("2026-02-01T00:00:00Z"),
      "c.md": done("2026-02-02T00:00:00Z"), "d.md": { done: false } },
    quizzes: { q: { attempts: 1, best: 80, passed: true, last: { date: "2026-02-01T00:00:00Z", score: 80 } },
      r: { attempts: 1, best: 10, passed: false } },
    assessment: { date: "2026-02-01T00:00:00Z", current: { a: 2 } },
    lastPath: "theirs"
  };
  const once = plain(P.merge(plain(mine), plain(theirs)));
  const twice = plain(P.merge(P.merge(plain(mine), plain(theirs)), plain(theirs)));
  assert.deepStrictEqual(twice, once);
  assert.strictEqual(once.lessons["a.md"].date, "2026-02-01T00:00:00Z");  // earliest kept
  assert.strictEqual(once.lessons["b.md"].date, "2026-01-01T00:00:00Z");
  assert.ok(once.lessons["c.md"].done);
  assert.ok(!("d.md" in once.lessons));  // not done there: nothing to merge
  assert.deepStrictEqual([once.quizzes.q.attempts, once.quizzes.q.best, once.quizzes.q.passed], [2, 80, true]);
  assert.strictEqual(once.quizzes.q.last.score, 50);  // the newer last attempt
  assert.strictEqual(once.quizzes.r.best, 10);
  assert.deepStrictEqual(once.assessment.current, { a: 2 });  // the newer self-assessment
  assert.strictEqual(once.lastPath, "mine");
});

test("merge: the first pass and the first solution shown keep the earlier date", () => {
  const { P } = model();
  const mine = record({}, { q: { attempts: 2, passed: false, solutionDate: "2026-03-02T00:00:00Z" },
    r: { attempts: 1, passed: true, passedDate: "2026-03-05T00:00:00Z" } });
  const theirs = { quizzes: { q: { attempts: 1, passed: true, passedDate: "2026-03-01T00:00:00Z" },
    r: { attempts: 1, passed: true, passedDate: "2026-03-04T00:00:00Z",
      solutionDate: "2026-03-03T00:00:00Z" } } };
  const merged = plain(P.merge(plain(mine), plain(theirs)));
  assert.deepStrictEqual(merged.quizzes.q, { attempts: 2, best: 0, passed: true,
    passedDate: "2026-03-01T00:00:00Z", solutionDate: "2026-03-02T00:00:00Z" });
  assert.strictEqual(P.solutionBeforePass(merged, "q"), false);  // passed there first
  assert.deepStrictEqual([merged.quizzes.r.passedDate, merged.quizzes.r.solutionDate],
    ["2026-03-04T00:00:00Z", "2026-03-03T00:00:00Z"]);
  assert.strictEqual(P.solutionBeforePass(merged, "r"), true);
});

test("pathProgress: steps done and the next step with its title and URL", () => {
  const { P } = model();
  const data = course([lesson("l1.md", []), lesson("l2.md", [])],
    { banks: [{ id: "akhir", title: "Evaluasi akhir", url: "kuis/akhir/" }] });
  const path = { id: "p", steps: [{ kind: "lesson", ref: "l1.md" }, { kind: "quiz", ref: "akhir" },
    { kind: "lesson", ref: "l2.md" }] };
  const first = plain(P.pathProgress(data, record({ "l1.md": done() }), path));
  assert.deepStrictEqual([first.done, first.total], [1, 3]);
  assert.deepStrictEqual(first.next, { kind: "quiz", ref: "akhir" });
  assert.deepStrictEqual(first.nextInfo, { title: "Evaluasi akhir", url: "kuis/akhir/" });
  // a step's own URL (the quiz in the lesson of the path that has it) comes first
  const placed = { id: "q", steps: [{ kind: "quiz", ref: "akhir", url: "l2/#asah-quiz-1" }] };
  assert.deepStrictEqual(plain(P.pathProgress(data, record(), placed).nextInfo),
    { title: "Evaluasi akhir", url: "l2/#asah-quiz-1" });
  const all = plain(P.pathProgress(data, record({ "l1.md": done(), "l2.md": done() },
    { akhir: { passed: true } }), path));
  assert.deepStrictEqual([all.done, all.next, all.nextInfo], [3, null, null]);
});

test("pathLeft: a path's steps not yet done, their minutes and JP, as the build counts them", async (t) => {
  const { P } = model();
  for (const c of fixture("path-left.json").cases) {
    await t.test(c.name, () => {
      const data = course(c.lessons.map((l) => lesson(l.path, [], { minutes: l.minutes })), {
        minutes_per_jp: c.minutes_per_jp,
        banks: [{ id: "uji", title: "Uji", url: "a/#asah-quiz-1" }],
        paths: [{ id: "p", steps: c.steps }]
      });
      // nothing done: the path as its page shows it (tests/site/test_read.py)
      const all = plain(P.pathLeft(data, record(), "p"));
      assert.deepStrictEqual(all.steps.map((s) => s.ref), c.steps.map((s) => s.ref));
      assert.deepStrictEqual([all.minutes, P.jp(data, all.minutes)], [c.total.minutes, c.total.jp]);
      for (const left of c.progress) {
        const lessons = Object.fromEntries(left.done.lessons.map((path) => [path, done()]));
        const quizzes = Object.fromEntries(left.done.quizzes.map((id) => [id, { passed: true }]));
        const got = plain(P.pathLeft(data, record(lessons, quizzes), "p"));
        assert.deepStrictEqual(got.steps.map((s) => s.ref), left.left);
        assert.deepStrictEqual([got.minutes, P.jp(data, got.minutes)], [left.minutes, left.jp]);
      }
    });
  }
});

test("pathLeft: each step with its title, URL and minutes; a quiz step goes to the quiz", () => {
  const { P } = model();
  const data = course([lesson("l1.md", [], { title: "Satu" }), lesson("l2.md", [], { minutes: null })], {
    banks: [{ id: "uji", title: "Uji akhir", url: "l1/#asah-quiz-1" }],
    paths: [{ id: "p", steps: [
      { kind: "lesson", ref: "l1.md", url: "l1/" },
      { kind: "lesson", ref: "l2.md", url: "l2/" },
      { kind: "quiz", ref: "uji", url: "l2/#asah-quiz-2" }  // the lesson of the path that has it
    ] }]
  });
  assert.deepStrictEqual(plain(P.pathLeft(data, record({ "l1.md": done() }), "p")), {
    steps: [
      { kind: "lesson", ref: "l2.md", title: "l2.md", url: "l2/", minutes: null },
      { kind: "quiz", ref: "uji", title: "Uji akhir", url: "l2/#asah-quiz-2", minutes: null }
    ],
    minutes: 0
  });
  assert.deepStrictEqual(plain(P.pathLeft(data, record(), "unknown")), { steps: [], minutes: 0 });
});

test("gaps: competencies below target, in framework order, with names", () => {
  const { P } = model();
  const data = course([]);
  const gaps = plain(P.gaps(data, { a: 1, c: 3 }, { c: 4, a: 3, b: 1 }));
  assert.deepStrictEqual(gaps, [
    { id: "a", name: "Kompetensi A", current: 1, target: 3, gap: 2 },
    { id: "b", name: "Kompetensi B", current: 0, target: 1, gap: 1 },
    { id: "c", name: "Kompetensi C", current: 3, target: 4, gap: 1 }
  ]);
  assert.deepStrictEqual(plain(P.gaps(data, { a: 2 }, { a: 2 })), []);
});

test("pathTarget: the path's target, else the levels its lessons build", () => {
  const { P } = model();
  const data = course([], { paths: [
    { id: "set", target: [{ id: "a", level: 2 }], competencies: [{ id: "a", level: 3 }], steps: [] },
    { id: "built", target: [], competencies: [{ id: "b", level: 1 }, { id: "c", level: null }], steps: [] }
  ] });
  assert.deepStrictEqual(plain(P.pathTarget(data, "set")), { a: 2 });
  assert.deepStrictEqual(plain(P.pathTarget(data, "built")), { b: 1 });
  assert.deepStrictEqual(plain(P.pathTarget(data, "unknown")), {});
});

test("jp: minutes over minutes_per_jp, one decimal; null when the site counts no JP", () => {
  const { P } = model();
  assert.strictEqual(P.jp(course([]), 90), 2);
  assert.strictEqual(P.jp(course([]), 100), 2.2);
  // halves up, as course/duration.py `jp` rounds
  assert.strictEqual(P.jp(course([], { minutes_per_jp: 60 }), 15), 0.3);
  assert.strictEqual(P.jp(course([], { minutes_per_jp: 60 }), 75), 1.3);
  assert.strictEqual(P.jp(course([], { minutes_per_jp: null }), 90), null);
  const data = course([lesson("a.md", [], { minutes: 30 }), lesson("b.md", [], { minutes: 60 })]);
  assert.strictEqual(P.doneMinutes(data, record({ "b.md": done() })), 60);
});

test("competencies: the framework's, in order, with group and URL", () => {
  const { P } = model();
  const list = plain(P.competencies(course([])));
  assert.deepStrictEqual(list.map((c) => [c.id, c.group, c.url]), [
    ["a", "Teknis", "kompetensi/a/"], ["b", "Teknis", "kompetensi/b/"], ["c", "Sosial", "kompetensi/c/"]
  ]);
});
