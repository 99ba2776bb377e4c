/* offline/plan.js: the service worker's decisions (which URLs a saved path holds, which files a
 * page needs, cache names per site and build, what a new build does to older caches, the
 * offline notice), and offline.js's sizes. */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { load, plain } = require("./load.js");

const P = load(["offline/plan.js"], { URL }).AsahOfflinePlan;
const SCOPE = "https://kursus.example/asn/";

function names(...list) {
  return list.map(([site, version, kind, id]) => P.cacheName(site, version, kind, id));
}

test("cache names carry the site, the build and the path, and read back", () => {
  const name = P.cacheName("asah-kompetensi-asn", "bf78ca2d9d03", "path", "aman-digital");
  assert.strictEqual(name, "asah-offline:asah-kompetensi-asn:bf78ca2d9d03:path:aman-digital");
  assert.deepStrictEqual(plain(P.parseCacheName(name)), {
    name, site: "asah-kompetensi-asn", version: "bf78ca2d9d03", kind: "path", id: "aman-digital"
  });
  // a language folder (mkdocs-static-i18n) and odd ids stay apart and round-trip
  const odd = P.cacheName("kursus/en", "v1", "path", "a:b c");
  assert.strictEqual(P.parseCacheName(odd).site, "kursus/en");
  assert.strictEqual(P.parseCacheName(odd).id, "a:b c");
  assert.strictEqual(P.parseCacheName(P.cacheName("kursus", "v1", "notice")).id, "");
  for (const other of ["workbox-precache", "asah-offline:x", "asah-offline:a:b:c:d:e", ""]) {
    assert.strictEqual(P.parseCacheName(other), null, other);
  }
});

test("a new build drops older notices and keeps saved paths until they are saved again", () => {
  const all = names(
    ["kursus", "v1", "notice"], ["kursus", "v2", "notice"],
    ["kursus", "v1", "path", "a"], ["kursus", "v1", "path", "b"], ["kursus", "v2", "path", "b"],
    ["lain", "v0", "notice"], ["lain", "v0", "path", "a"]
  ).concat(["someone-elses-cache"]);
  assert.deepStrictEqual(plain(P.staleCaches(all, "kursus", "v2")), [P.cacheName("kursus", "v1", "notice")]);
  // a is saved from v1 only: saved again; b has a v2 copy already
  assert.deepStrictEqual(plain(P.outdatedPaths(all, "kursus", "v2")), ["a"]);
  assert.deepStrictEqual(plain(P.outdatedPaths(all, "kursus", "v3")), ["a", "b"]);
  assert.deepStrictEqual(plain(P.outdatedPaths(all, "kursus", "v1")), []);
  // once b is saved from v2, its v1 copy goes; other sites are never touched
  assert.deepStrictEqual(plain(P.replacedCaches(all, "kursus", "v2", "b")), [P.cacheName("kursus", "v1", "path", "b")]);
  assert.deepStrictEqual(plain(P.replacedCaches(all, "lain", "v1", "a")), [P.cacheName("lain", "v0", "path", "a")]);
  // offline, this build's caches are looked in first, then older ones, never another site's
  assert.deepStrictEqual(plain(P.lookupOrder(all, "kursus", "v2")), names(
    ["kursus", "v2", "notice"], ["kursus", "v2", "path", "b"],
    ["kursus", "v1", "notice"], ["kursus", "v1", "path", "a"], ["kursus", "v1", "path", "b"]
  ));
});

const DATA = {
  version: "v2",
  pages: [{ url: "./", title: "Beranda" }, { url: "kemajuan/", title: "Kemajuan Saya" }],
  paths: [{
    id: "aman-digital", title: "Aman di Dunia Digital", url: "jalur/aman-digital/",
    steps: [
      "literasi-digital/pengantar/",
      "keamanan-informasi/phishing/",
      "keamanan-informasi/phishing/#asah-quiz-1",   // a quiz step taken in the lesson
      "kuis/evaluasi-akhir/",                          // a bank on its own page
      "literasi-digital/pengantar/?jalur=aman-digital",
      "https://elsewhere.example/lesson/",            // never another host
      "../other-course/"                              // nor outside the site
    ]
  }]
};

test("a path holds its page, its steps' pages, the home and progress pages, each once", () => {
  assert.deepStrictEqual(plain(P.pathPages(DATA, "aman-digital", SCOPE)), [
    SCOPE + "jalur/aman-digital/",
    SCOPE + "literasi-digital/pengantar/",
    SCOPE + "keamanan-informasi/phishing/",
    SCOPE + "kuis/evaluasi-akhir/",
    SCOPE,
    SCOPE + "kemajuan/"
  ]);
  assert.strictEqual(P.pathPages(DATA, "no-such-path", SCOPE), null);
  assert.strictEqual(P.pathPages({}, "aman-digital", SCOPE), null);
  assert.strictEqual(P.pageKey("a/?jalur=x#top", SCOPE), SCOPE + "a/");
});

const PAGE = `<!doctype html><html lang="id"><head>
<link rel="icon" href="../../assets/images/favicon.png">
<link rel="stylesheet" href="../../assets/stylesheets/main.57a0d79d.min.css">
<link rel='stylesheet' href='../../assets/asah/asah.css'>
<link rel="canonical" href="https://kursus.example/asn/a/b/">
<link rel="manifest" href="../../manifest.webmanifest" data-asah-worker="asah-sw.js">
<link rel="alternate" hreflang="en" href="../../en/a/b/">
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
<meta name="asah-search-index" content="../../search/">
</head><body>
<img src="gambar/alur.png" alt=""><img src="data:image/png;base64,AAAA" alt="">
<img src=../../assets/x&amp;y.svg alt="">
<div data-asah-load="quiz.js"></div><section data-asah-load="lesson.js apps/progress.css ../evil.js"></section>
<a href="../../kompetensi/">a link is not a file the page needs</a>
<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script src="../../assets/asah/asah.js" defer></script>
<script>inline()</script>
<script src="https://cdn.example/x.js"></script>
</body></html>`;

test("a page needs its styles, scripts, icons, images and what Asah's loader loads for it", () => {
  const page = SCOPE + "a/b/";
  assert.deepStrictEqual(plain(P.assetsOf(PAGE, page, SCOPE)), [
    SCOPE + "assets/images/favicon.png",
    SCOPE + "assets/stylesheets/main.57a0d79d.min.css",
    SCOPE + "assets/asah/asah.css",
    SCOPE + "manifest.webmanifest",
    SCOPE + "assets/javascripts/bundle.a5f9d56c.min.js",
    SCOPE + "assets/asah/asah.js",
    SCOPE + "a/b/gambar/alur.png",
    SCOPE + "assets/x&y.svg",
    SCOPE + "assets/asah/quiz.js",
    SCOPE + "assets/asah/lesson.js",
    SCOPE + "assets/asah/apps/progress.css",
    // the search button's files; not the search index
    SCOPE + "assets/asah/search.js",
    SCOPE + "assets/asah/search.css"
  ]);
  // without asah.js the loader's names mean nothing, and without search no search files
  const bare = P.assetsOf('<link rel="stylesheet" href="s.css"><div data-asah-load="quiz.js"></div>', SCOPE, SCOPE);
  assert.deepStrictEqual(plain(bare), [SCOPE + "s.css"]);
});

test("a stylesheet needs the fonts and images it names", () => {
  const css = `@import "base.css"; @font-face{src:url(../fonts/a.woff2) format("woff2"),
    url('../fonts/a.woff')} .x{background:url("data:image/svg+xml;x")} .y{mask:url(#m)}
    .z{background:url(https://cdn.example/i.png)}`;
  assert.deepStrictEqual(plain(P.cssAssets(css, SCOPE + "assets/css/site.css", SCOPE)), [
    SCOPE + "assets/css/base.css",
    SCOPE + "assets/fonts/a.woff2",
    SCOPE + "assets/fonts/a.woff"
  ]);
});

const NOTICE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>x</title></head>
<body><a href="./">Kursus</a><a class="retry" href="#asah-requested">Coba lagi</a>
<!--asah:saved--><p>Belum ada yang disimpan.</p><!--/asah:saved--></body></html>`;

test("the notice is served with the site root as its base, the page to retry, and what is saved", () => {
  const requested = SCOPE + 'lesson/?q="x"&y=<1>';
  const none = P.renderNotice(NOTICE, { base: SCOPE, requested, items: [] });
  assert.match(none, /<head><base href="https:\/\/kursus\.example\/asn\/">/);
  assert.match(none, /href="https:\/\/kursus\.example\/asn\/lesson\/\?q=&quot;x&quot;&amp;y=&lt;1&gt;"/);
  assert.match(none, /Belum ada yang disimpan/);
  const some = P.renderNotice(NOTICE, { base: SCOPE, requested, items: [
    { title: "Aman <di> Dunia Digital", url: SCOPE + "jalur/aman-digital/" },
    { title: "Beranda", url: SCOPE }
  ] });
  assert.doesNotMatch(some, /Belum ada yang disimpan/);
  assert.match(some, /<ul><li><a href="https:\/\/kursus\.example\/asn\/jalur\/aman-digital\/">Aman &lt;di&gt; Dunia Digital<\/a><\/li><li>/);
});

test("sizes are written as the page's language writes numbers", () => {
  const context = load(["base/asah.js", "offline/offline.js"]);
  const size = context.AsahOffline.size;
  assert.strictEqual(size(0, "id"), "0 KB");
  assert.strictEqual(size(300, "id"), "1 KB");
  assert.strictEqual(size(640000, "id"), "640 KB");
  assert.strictEqual(size(1234567, "id"), "1,2 MB");
  assert.strictEqual(size(1234567, "en"), "1.2 MB");
  assert.strictEqual(size(3000000, "id"), "3 MB");
  assert.strictEqual(size(2500000000, "id"), "2,5 GB");
});
