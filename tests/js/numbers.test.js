/* Numbers as the browser writes them (base/asah.js) and reads answers (quiz/types/number.js),
 * against the shared fixture core/numbers.py is tested with. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load, fixture } = require("./load.js");

const context = load(["base/asah.js", "quiz/types/_core.js", "quiz/types/number.js"]);
const Asah = Object.assign({}, context.Asah, { parseNumber: context.AsahQuizTypes.number.parse });
const cases = fixture("numbers.json").cases;

for (const { language, format, parse } of cases) {
  test(`formatNumber writes numbers as ${language} does`, () => {
    for (const [value, text] of format) {
      assert.strictEqual(Asah.formatNumber(value, language), text, `${value}`);
    }
  });

  test(`parseNumber reads numbers as ${language} does`, () => {
    for (const [text, expected] of parse) {
      const got = Asah.parseNumber(text, language);
      if (expected === null) {
        assert.strictEqual(got, null, `${JSON.stringify(text)} is not a number`);
      } else {
        assert.ok(typeof got === "number" && Math.abs(got - expected) <= 1e-9,
          `${JSON.stringify(text)}: expected ${expected}, got ${got}`);
      }
    }
  });
}

test("every number written is read back as the same number", () => {
  const values = [0, 3, 1500, 200000000, 2.5, 0.125, -1234.5, 12.75, 1e21, 0.000001];
  for (const language of ["id", "en"]) {
    for (const value of values) {
      const text = Asah.formatNumber(value, language);
      assert.ok(!/e/i.test(text), `${text} has no exponent`);
      assert.strictEqual(Asah.parseNumber(text, language), value, `${language} ${text}`);
    }
  }
});

test("a scale word that is not one makes it no number, whatever the prototype holds", () => {
  assert.strictEqual(Asah.parseNumber("5 constructor", "id"), null);
  assert.strictEqual(Asah.parseNumber("5 toString", "en"), null);
  assert.strictEqual(Asah.parseNumber(null, "id"), null);
});

test("num() uses the page language, without its region", () => {
  const page = (lang) => ({ documentElement: { getAttribute: (name) => (name === "lang" ? lang : null) } });
  const indonesian = load(["base/asah.js"], { document: page("id-ID") }).Asah;
  assert.strictEqual(indonesian.lang(), "id");
  assert.strictEqual(indonesian.num(1234.5), "1.234,5");
  const english = load(["base/asah.js"], { document: page("en") }).Asah;
  assert.strictEqual(english.num(1234.5), "1,234.5");
  const none = load(["base/asah.js"], { document: page(null) }).Asah;
  assert.strictEqual(none.lang(), "");
  assert.strictEqual(none.num(1234.5), "1,234.5");
});

test("fmt fills placeholders and leaves unknown ones", () => {
  assert.strictEqual(Asah.fmt("{done} dari {total} {x}", { done: 1, total: "2" }), "1 dari 2 {x}");
});

test("base loads without a document and does nothing on ready()", () => {
  let ran = false;
  Asah.ready(() => { ran = true; });
  assert.strictEqual(ran, false);
});
