/* search/words.js against the shared fixture search/words.py is tested with: a query must be cut
 * into the same tokens and word-family keys as the index, or it cannot find what it holds. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { load, plain, ASSETS } = require("./load.js");

const W = load(["search/words.js"]).AsahSearchWords;
const cases = JSON.parse(fs.readFileSync(
  path.join(__dirname, "..", "fixtures", "search", "words.json"), "utf8"));

test("the fixture holds enough cases to mean something", () => {
  assert.ok(cases.tokens.length >= 40, `${cases.tokens.length} token cases`);
  assert.ok(cases.keys.length >= 120, `${cases.keys.length} key cases`);
});

test("tokens cut text as the index does", () => {
  for (const [text, expected] of cases.tokens) {
    assert.deepStrictEqual(plain(W.tokens(text)), expected, JSON.stringify(text));
  }
});

test("keys give a word's family as the index does", () => {
  for (const [word, expected] of cases.keys) {
    assert.deepStrictEqual(plain(W.keys(word)), expected, word);
  }
});

test("keys of no word are none, and of a word with digits only the word", () => {
  assert.deepStrictEqual(plain(W.keys("")), []);
  assert.deepStrictEqual(plain(W.keys("2017")), ["2017"]);
});

test("a word named like an object property is a word like any other", () => {
  for (const word of ["constructor", "prototype", "hasownproperty"]) {
    assert.strictEqual(W.keys(word)[0], word);
  }
  assert.deepStrictEqual(plain(W.tokens("__proto__ toString")), ["proto", "tostring"]);
});

test("require() gives the same functions (the module.exports branch)", () => {
  const words = require(path.join(ASSETS, "search", "words.js"));
  assert.deepStrictEqual(words.keys("bukunya"), ["bukunya", "buku"]);
  assert.deepStrictEqual(words.tokens("Kegiatan-kegiatan"), ["kegiatan"]);
});
