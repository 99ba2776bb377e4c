/* Runs queries against a built site's search index with the browser's own engine (search/
 * words.js and engine.js under Node): `node tests/search/run-queries.js SITE_DIR` reads JSON
 * lines {"q": ...} on stdin and writes one JSON line per query: the ranked result pages. Used by
 * tests/search/test_queries.py (recall@5 and MRR on the query set). */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");
const { load } = require("../js/load.js");

const site = process.argv[2];
const context = load(["search/words.js", "search/engine.js"]);
const engine = context.AsahSearch;
engine.configure({
  load(name, failed) {
    const file = path.join(site, "search", name + ".js");
    if (!fs.existsSync(file)) return failed();
    // the file calls AsahSearchData(name, data), as a script element would run it
    require("node:vm").runInContext(fs.readFileSync(file, "utf8"), context);
  },
});

const lines = readline.createInterface({ input: process.stdin });
const queue = [];
lines.on("line", (line) => queue.push(JSON.parse(line)));
lines.on("close", async () => {
  for (const query of queue) {
    const result = await engine.search(query.q, { limit: 10, competency: query.competency });
    const pages = result.pages.map((p) => p.location);
    const flat = engine.flat(result).map((r) => ({ ...r }));
    process.stdout.write(JSON.stringify({ q: query.q, pages, flat, words: [...result.words] }) + "\n");
  }
});
