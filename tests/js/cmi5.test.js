/* lms/cmi5-data.js: what a cmi5 package sends — the launch parameters, the statements' context,
 * which cmi5 defined statements are due and in what order, every question type as a
 * cmi.interaction, and the outbox that keeps statements in order until the LRS has them. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load, plain } = require("./load.js");

const ctx = load(["progress/record.js", "lms/unit.js", "lms/cmi5-data.js"]);
const D = ctx.AsahCmi5Data;
const U = ctx.AsahLmsUnit;

const ACTOR = { objectType: "Agent", account: { homePage: "https://lms.test", name: "rina" } };

function query(values) {
  return "?" + Object.keys(values).map((k) => k + "=" + encodeURIComponent(values[k])).join("&");
}

test("launch parameters: all five, the actor parsed, the endpoint ending in /", () => {
  const values = { endpoint: "http://lrs.test/xAPI", fetch: "http://lms.test/fetch?x=1",
    actor: JSON.stringify(ACTOR), registration: "r-1", activityId: "https://lms.test/au/1" };
  const found = plain(D.launch(query(values)));
  assert.deepStrictEqual(found, { ...values, endpoint: "http://lrs.test/xAPI/", actor: ACTOR });
  for (const name of Object.keys(values)) {
    const less = { ...values };
    delete less[name];
    assert.strictEqual(D.launch(query(less)), null, name);
  }
  assert.strictEqual(D.launch(query({ ...values, actor: "{not json" })), null);
  assert.strictEqual(D.launch(""), null);
});

test("statement ids are version 4 UUIDs; durations are ISO 8601", () => {
  let n = 0;
  const id = D.uuid((size) => Array.from({ length: size }, () => (n += 37) % 256));
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.strictEqual(D.duration(0), "PT0S");
  assert.strictEqual(D.duration(61234), "PT1M1.23S");
  assert.strictEqual(D.duration(3 * 3600e3 + 5000), "PT3H5S");
});

const TEMPLATE = {
  contextActivities: { grouping: [{ id: "urn:asah:demo/cmi5/course/au" }] },
  extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" }
};

test("context: the LMS's template kept, the registration and cmi5's categories added", () => {
  const category = (c) => c.contextActivities.category.map((a) => a.id.replace(/.*\//, ""));
  const defined = plain(D.context(TEMPLATE, "r-1", "defined"));
  assert.strictEqual(defined.registration, "r-1");
  assert.deepStrictEqual(defined.contextActivities.grouping, TEMPLATE.contextActivities.grouping);
  assert.deepStrictEqual(defined.extensions, TEMPLATE.extensions);
  assert.deepStrictEqual(category(defined), ["cmi5"]);
  assert.deepStrictEqual(category(plain(D.context(TEMPLATE, "r-1", "moveon"))), ["cmi5", "moveon"]);
  // an allowed statement (answered) has the template but not the cmi5 category
  assert.strictEqual(plain(D.context(TEMPLATE, "r-1")).contextActivities.category, undefined);
  assert.strictEqual(TEMPLATE.registration, undefined);  // the template itself is not changed
});

test("a statement: ADL verbs by name, the object, result and context as given", () => {
  const s = plain(D.statement({ id: "i", actor: ACTOR, verb: "passed", object: { id: "a" },
    result: { success: true }, context: {}, timestamp: "T" }));
  assert.deepStrictEqual(s.verb, { id: "http://adlnet.gov/expapi/verbs/passed",
    display: { "en-US": "passed" } });
  assert.deepStrictEqual(s.result, { success: true });
  const bare = plain(D.statement({ id: "i", actor: ACTOR, verb: "initialized", object: {},
    context: {}, timestamp: "T" }));
  assert.ok(!("result" in bare));
});

function verbs(list) {
  return plain(list).map((s) => s.verb);
}

test("cmi5 defined statements: completed once, then one verdict a session", () => {
  const had = {};
  assert.deepStrictEqual(verbs(D.due(had, "incomplete", 0, 0.7, "Normal")), []);
  // every lesson marked, the quiz failed: completed; failed waits for the session's end
  const first = plain(D.due(had, "failed", 0.5, 0.7, "Normal"));
  assert.deepStrictEqual(first.map((s) => s.verb), ["completed"]);
  assert.deepStrictEqual(first[0].result, { completion: true });
  const end = plain(D.due(had, "failed", 0.5, 0.7, "Normal", true));
  assert.deepStrictEqual(end, [{ verb: "failed", kind: "moveon", mastery: 0.7,
    result: { success: false, score: { scaled: 0.5 } } }]);
  // passed in the same session: waits (one of passed and failed a session)
  assert.deepStrictEqual(verbs(D.due(had, "passed", 0.9, 0.7, "Normal")), []);
  // the next session: passed, once per registration
  const next = { completed: had.completed, passed: had.passed, failed: had.failed };
  assert.deepStrictEqual(verbs(D.due(next, "passed", 0.9, 0.7, "Normal")), ["passed"]);
  const again = { completed: true, passed: true };
  assert.deepStrictEqual(verbs(D.due(again, "passed", 1, 0.7, "Normal")), []);
  assert.deepStrictEqual(verbs(D.due(again, "failed", 0.1, 0.7, "Normal", true)), []);
});

test("a learner who fails a quiz and passes it in the same session: passed, never failed", () => {
  const had = { completed: true };
  assert.deepStrictEqual(verbs(D.due(had, "failed", 0.5, 0.7, "Normal")), []);
  assert.deepStrictEqual(verbs(D.due(had, "passed", 0.9, 0.7, "Normal")), ["passed"]);
  assert.deepStrictEqual(verbs(D.due(had, "passed", 0.9, 0.7, "Normal", true)), []);
});

test("failed again only with another score; the mastery score and the rule must agree", () => {
  const ended = (had, status, score, mastery) => D.due(had, status, score, mastery, "Normal", true);
  assert.deepStrictEqual(verbs(ended({ completed: true, failed: 0.5 }, "failed", 0.5, 0.7)), []);
  assert.deepStrictEqual(verbs(ended({ completed: true, failed: 0.5 }, "failed", 0.6, 0.7)),
    ["failed"]);
  // the LMS's mastery score above what the rule passes: passed waits; failed at or above it too
  assert.deepStrictEqual(verbs(D.due({ completed: true }, "passed", 0.8, 0.9)), []);
  assert.deepStrictEqual(verbs(ended({ completed: true }, "failed", 0.8, 0.7)), []);
  // no mastery score: the rule alone
  assert.deepStrictEqual(verbs(ended({ completed: true }, "failed", 0.8, null)), ["failed"]);
  // a unit without quizzes to pass: completed, no verdict, no score
  assert.deepStrictEqual(verbs(D.due({}, "completed", null, null)), ["completed"]);
});

test("browse and review modes send no cmi5 defined statement but initialized/terminated", () => {
  assert.deepStrictEqual(verbs(D.due({}, "passed", 1, 0.7, "Review")), []);
  assert.deepStrictEqual(verbs(D.due({}, "passed", 1, 0.7, "Browse")), []);
});

test("the score: the mean of the best scores of the quizzes that must be passed", () => {
  const unit = { completion: "quiz_passed", quizzes: ["b#1", "final", "x"],
    steps: [{ kind: "lesson", ref: "b", quizzes: ["b#1"] }, { kind: "quiz", ref: "final" }] };
  const required = plain(U.required(unit));
  assert.deepStrictEqual(required, ["b#1", "final"]);
  const record = { quizzes: { "b#1": { best: 100 }, final: { best: 66.7 }, x: { best: 0 } } };
  assert.strictEqual(D.scaled(required, record), 0.8335);
  assert.strictEqual(D.scaled(required, { quizzes: { final: { best: 80 } } }), 0.4);
  assert.strictEqual(D.scaled([], record), null);
});

test("every question type as a cmi.interaction", () => {
  const cases = [
    [{ type: "single", correct: [1] }, "0", ["choice", "0", ["1"]]],
    [{ type: "multiple", correct: [0, 2] }, ["0", "2"], ["choice", "0[,]2", ["0[,]2"]]],
    [{ type: "truefalse", answer: true }, "false", ["true-false", "false", ["true"]]],
    [{ type: "text", answers: ["SKJ", "Standar"] }, "skj", ["fill-in", "skj", ["SKJ"]]],
    [{ type: "fill", blanks: [["benar", "betul"], ["perlu"]] }, ["benar", ""],
      ["fill-in", "benar[,]", ["benar[,]perlu"]]],
    [{ type: "number", answer: 4, tolerance: 0 }, "4", ["numeric", "4", ["4"]]],
    [{ type: "number", answer: 10, tolerance: 2 }, "9", ["numeric", "9", ["8[:]12"]]],
    [{ type: "order", count: 3 }, ["1", "0", "2"], ["sequencing", "1[,]0[,]2", ["0[,]1[,]2"]]],
    [{ type: "match", count: 2 }, ["1", "0"], ["matching", "0[.]1[,]1[.]0", ["0[.]0[,]1[.]1"]]],
    [{ type: "category", answer: [0, 1, 1] }, ["0", "0", "1"],
      ["matching", "0[.]0[,]1[.]0[,]2[.]1", ["0[.]0[,]1[.]1[,]2[.]1"]]],
    [{ type: "hotspot" }, { x: 1 }, ["other", '{"x":1}', null]],
    [{}, "a", ["other", "a", null]]
  ];
  for (const [q, answer, expected] of cases) {
    assert.deepStrictEqual(plain(D.interaction(q, answer)), expected, q.type);
  }
});

test("an answered statement's object and result", () => {
  const made = plain(D.answered("urn:asah:demo/cmi5/course/au", "a.md#1", "q 1",
    { type: "truefalse", answer: true }, "true", 1));
  assert.deepStrictEqual(made, {
    object: { id: "urn:asah:demo/cmi5/course/au/quiz/a.md%231/q%201", objectType: "Activity",
      definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction",
        interactionType: "true-false", correctResponsesPattern: ["true"] } },
    result: { response: "true", success: true, score: { scaled: 1 } }
  });
  const partial = plain(D.answered("u", "q", "m", null, ["1", "1"], 0.5));
  assert.deepStrictEqual(partial.result, { response: '["1","1"]', success: false,
    score: { scaled: 0.5 } });
});

test("new attempts: each once, from the attempts count", () => {
  const seen = {};
  const last = { drawn: ["a"], answers: { a: "1" } };
  assert.deepStrictEqual(plain(D.attempts(seen, { quizzes: { q: { attempts: 1, last } } })),
    [["q", last]]);
  assert.deepStrictEqual(plain(D.attempts(seen, { quizzes: { q: { attempts: 1, last } } })), []);
  assert.strictEqual(D.attempts(seen, { quizzes: { q: { attempts: 2, last } } }).length, 1);
});

function memory() {
  const items = {};
  return {
    items,
    getItem: (k) => (k in items ? items[k] : null),
    setItem: (k, v) => { items[k] = String(v); },
    removeItem: (k) => { delete items[k]; }
  };
}

test("the outbox: in order, across page loads, each statement out once", () => {
  const storage = memory();
  const box = new D.Outbox(storage, "box");
  ["a", "b", "c"].forEach((id) => box.add({ id }));
  assert.strictEqual(box.first().id, "a");
  // another page (a reload) sees the same statements in the same order
  const again = new D.Outbox(storage, "box");
  assert.deepStrictEqual(plain(again.list()).map((s) => s.id), ["a", "b", "c"]);
  again.sent("a");
  again.sent("a");  // an answer that came twice changes nothing
  assert.deepStrictEqual(plain(box.list()).map((s) => s.id), ["b", "c"]);
  box.sent("b");
  box.sent("c");
  assert.strictEqual(box.first(), null);
  assert.deepStrictEqual(storage.items, {});  // an empty outbox leaves nothing behind
});

test("the outbox without storage, or with damaged storage", () => {
  const full = { getItem: () => null, setItem: () => { throw new Error("quota"); },
    removeItem: () => {} };
  assert.strictEqual(new D.Outbox(full, "box").add({ id: "a" }), false);
  const damaged = memory();
  damaged.setItem("box", "{not json");
  assert.deepStrictEqual(plain(new D.Outbox(damaged, "box").list()), []);
});
