/* Every question type's score() against the shared fixture quiz/types/<type>.py is tested
 * with: the browser and the build must score every answer alike. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load, quizTypeFiles, fixture, plain } = require("./load.js");

const context = load(["base/asah.js", ...quizTypeFiles()]);
const types = context.AsahQuizTypes;
const cases = fixture("scoring.json").cases;

test("every type in the fixture has a module, and every module has the whole interface", () => {
  const names = Object.keys(types).sort();
  assert.deepStrictEqual(names, ["category", "fill", "match", "multiple", "number", "order",
    "single", "text", "truefalse"]);
  for (const name of names) {
    for (const method of ["read", "write", "score"]) {
      assert.strictEqual(typeof types[name][method], "function", `${name}.${method}`);
    }
  }
  for (const c of cases) assert.ok(types[c.data.type], c.data.type);
});

test("order, match and category mark their rows; no other type has rows", () => {
  const rowTypes = Object.keys(types).filter((name) => types[name].rows).sort();
  assert.deepStrictEqual(rowTypes, ["category", "match", "order"]);
  for (const c of cases) {
    for (const a of c.answers) {
      assert.strictEqual("rows" in a, rowTypes.includes(c.data.type), `${c.question.id}: rows`);
    }
  }
});

for (const c of cases.filter((c) => types[c.data.type].rows)) {
  test(`${c.data.type} question '${c.question.id}' marks its rows like the build`, () => {
    for (const a of c.answers) {
      assert.deepStrictEqual(plain(types[c.data.type].rows(c.data, a.answer)), a.rows,
        JSON.stringify(a.answer));
    }
  });
}

for (const c of cases) {
  test(`${c.data.type} question '${c.question.id}' scores like the build`, () => {
    for (const a of c.answers) {
      const got = types[c.data.type].score(c.data, a.answer, a.language);
      const label = `${JSON.stringify(a.answer)} (${a.language})`;
      if (a.score === null) {
        assert.strictEqual(got, null, `${label} is not answered`);
      } else {
        assert.ok(typeof got === "number" && Math.abs(got - a.score) <= 1e-9,
          `${label}: expected ${a.score}, got ${got}`);
      }
    }
  });
}

test("norm ignores accents, case and spacing", () => {
  assert.strictEqual(context.AsahQuizCore.norm("  Apar\u00e1tur   SIPIL\tnegara "), "aparatur sipil negara");
});

test("a text pattern JavaScript cannot read accepts nothing instead of throwing", () => {
  const q = { type: "text", answers: [], pattern: "(?P<x>a)" };
  assert.strictEqual(types.text.score(q, "a", "id"), 0);
});

test("number questions read the answer in the language they are given", () => {
  const q = { type: "number", answer: 1.5, tolerance: 0 };
  assert.strictEqual(types.number.score(q, "1,5", "id"), 1);
  assert.strictEqual(types.number.score(q, "1,500", "id"), 1);
  assert.strictEqual(types.number.score(q, "1,500", "en"), 0);
  assert.strictEqual(types.number.score({ type: "number", answer: null, tolerance: 0 }, "1", "id"), 0);
});

test("category scores by the author's item order, not the order shown", () => {
  const q = { type: "category", answer: [1, 0, 1] };
  assert.strictEqual(types.category.score(q, ["1", "0", "1"], "id"), 1);
  assert.strictEqual(types.category.score(q, ["1", "1", "0"], "id"), 1 / 3);
  assert.strictEqual(types.category.score(q, ["1"], "id"), 1 / 3);  // a shorter stored answer
});
