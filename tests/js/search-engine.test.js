/* search/engine.js on the fixture index of tests/search/index_fixture.py (written by the
 * Python index builder, checked up to date by tests/search/test_index.py): which pages a query
 * finds, in which order, and which index files it loads. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { load, plain } = require("./load.js");

const INDEX = path.join(__dirname, "..", "fixtures", "search", "index");

/* A fresh engine, as on a new page: it loads index files as a page's script elements would. */
function engine() {
  const context = load(["search/words.js", "search/engine.js"]);
  const loaded = [];
  context.AsahSearch.configure({
    load(name, failed) {
      loaded.push(name);
      const file = path.join(INDEX, name + ".js");
      if (!fs.existsSync(file)) return failed();
      vm.runInContext(fs.readFileSync(file, "utf8"), context);
    },
  });
  return { search: context.AsahSearch, loaded };
}

async function pages(query, options) {
  const result = await engine().search.search(query, options);
  return plain(result.pages.map((p) => p.location));
}

test("a word as written", async () => {
  assert.deepStrictEqual((await pages("penipuan"))[0], "keamanan/phishing/");
});

test("derived forms find each other", async () => {
  assert.deepStrictEqual((await pages("aduan"))[0], "pelayanan/pengaduan/");  // pengaduan
  assert.deepStrictEqual((await pages("melatih"))[0], "pengembangan/pelatihan/");  // pelatihan
  assert.deepStrictEqual((await pages("ditandatangani"))[0], "layanan/dokumen-elektronik/");
});

test("a typo of one letter in a longer word, only when nothing else matches", async () => {
  assert.deepStrictEqual((await pages("phising"))[0], "keamanan/phishing/");
  assert.deepStrictEqual((await pages("pengadan"))[0], "pelayanan/pengaduan/");
  assert.deepStrictEqual(await pages("qwertyuiop"), []);
  assert.deepStrictEqual(await pages("sadnu"), []);  // two edits from sandi
});

test("acronyms and expansions find each other, in any case", async () => {
  // the page that spells it out, and the glossary's entry
  for (const query of ["TTE", "tte", "tanda tangan digital"]) {
    const found = await pages(query);
    assert.deepStrictEqual(found.slice(0, 2).sort(), ["istilah/", "layanan/dokumen-elektronik/"]);
  }
  assert.deepStrictEqual((await pages("aparatur sipil negara"))[0], "pengembangan/pelatihan/");
  // a long expansion's part stands for its entry: the page writes SP4N-LAPOR!
  assert.deepStrictEqual(
    (await pages("layanan aspirasi dan pengaduan online"))[0], "pelayanan/pengaduan/");
  // a derived form of a one-word glossary phrase: pengelabuan is phishing's expansion
  assert.ok((await pages("mengelabui")).includes("keamanan/phishing/"));
});

test("sections holding every word of the query come first", async () => {
  const result = await engine().search.search("pesan palsu");
  assert.deepStrictEqual(result.pages[0].location, "keamanan/phishing/");
  assert.deepStrictEqual(result.pages[0].sections[0].anchor, "");
  assert.ok(result.pages.some((p) => p.location === "pesan/"), "one word is enough to be found");
  assert.ok(result.total >= 2);
});

test("results narrow to one competency", async () => {
  const all = await pages("pesan pengaduan surat");
  const narrowed = await pages("pesan pengaduan surat", { competency: "pelayanan-publik" });
  assert.ok(all.includes("keamanan/phishing/") && all.includes("pesan/"));
  assert.deepStrictEqual(narrowed.sort(), ["layanan/dokumen-elektronik/", "pelayanan/pengaduan/"]);
});

test("stop words alone find nothing and break nothing", async () => {
  assert.deepStrictEqual(await pages("yang dan"), []);
  assert.deepStrictEqual(await pages("   "), []);
});

test("a query loads only what it needs, and the next reuses it", async () => {
  const { search, loaded } = engine();
  await search.search("pengaduan");
  const shards = loaded.filter((n) => n.startsWith("t/"));
  assert.ok(loaded[0] === "meta" && shards.length > 0 && shards.length < 16, loaded.join(" "));
  assert.ok(!loaded.some((n) => n.startsWith("v/")), "no typo lists for a word that is there");
  const before = loaded.length;
  await search.search("pengaduan");
  assert.strictEqual(loaded.length, before);
});

test("asah.search's shape: location, title, section", async () => {
  const { search } = engine();
  const flat = plain(search.flat(await search.search("tanda-tanda phishing")));
  assert.deepStrictEqual(flat[0], {
    location: "keamanan/phishing/#tanda-tanda",
    title: "Mengenali Phishing",
    section: "Tanda-tanda phishing",
  });
  assert.ok(flat.some((r) => r.section === null), "a page's top has no section");
});

test("one edit: insert, delete, substitute, swap", () => {
  const { oneEdit } = engine().search;
  assert.ok(oneEdit("phising", "phishing"));
  assert.ok(oneEdit("pengaduaan", "pengaduan"));
  assert.ok(oneEdit("pengadaun", "pengaduan"));
  assert.ok(oneEdit("pengaduam", "pengaduan"));
  assert.ok(!oneEdit("pengaduan", "pengaduan"));
  assert.ok(!oneEdit("pengadn", "pengaduan"));
});
