/* Loads Asah's classic browser scripts into a fresh `vm` context, as the page would (one global,
 * `window` being that global), so their pure functions can be tested without a browser. Values
 * made inside the context come from its own realm: compare them through `plain`. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.join(__dirname, "..", "..");
const ASSETS = path.join(ROOT, "plugins", "asah", "theme", "assets", "asah");

/* `files` relative to assets/asah/; `globals` are put on the context first (stubs). */
function load(files, globals) {
  const context = vm.createContext(Object.assign({}, globals));
  context.window = context;
  for (const file of files) {
    const code = fs.readFileSync(path.join(ASSETS, file), "utf8");
    vm.runInContext(code, context, { filename: file });
  }
  return context;
}

/* The quiz bundle's type modules, in the order the bundle has them (sorted file names). */
function quizTypeFiles() {
  return fs.readdirSync(path.join(ASSETS, "quiz", "types"))
    .filter((name) => name.endsWith(".js"))
    .sort()
    .map((name) => "quiz/types/" + name);
}

/* The progress model (record, model, merge and `extra` scripts) over a stub store holding
 * `stored`: a copy is read each time, as from localStorage, and `store.reads` counts them. */
function progress(stored, extra) {
  const store = {
    reads: 0,
    read() {
      store.reads += 1;
      return JSON.parse(JSON.stringify(stored || { version: 1, quizzes: {}, lessons: {} }));
    }
  };
  const files = ["progress/record.js", "progress/model.js", "progress/merge.js", ...extra];
  const context = load(files, { AsahStore: store });
  return { P: context.AsahProgress, store };
}

function fixture(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "fixtures", "shared", name), "utf8"));
}

/* A value from the context as a plain value of this realm (for deepStrictEqual). */
function plain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

module.exports = { load, progress, quizTypeFiles, fixture, plain, ASSETS };
