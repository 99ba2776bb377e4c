/* progress/export.js: the file a learner hands in (version 2), the activity history and its CSV,
 * and reading files back (versions 1 and 2). */
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { progress, fixture, plain } = require("./load.js");

const shared = fixture("export.json");
const NOW = new Date(shared.exported);

/* The runtime over a stub store holding `stored` (load.js: progress). */
function runtime(stored) {
  return progress(stored, ["progress/export.js"]);
}

const copy = (value) => JSON.parse(JSON.stringify(value));

test("exportFile derives what the shared fixture says (asah report derives the same)", () => {
  const { P } = runtime();
  const file = plain(P.exportFile(shared.course, shared.record, NOW));
  for (const [key, value] of Object.entries(shared.expected)) {
    assert.deepStrictEqual(file[key], value, key);
  }
});

test("exportFile: the fields a training unit reads, the raw record, the checksum last", () => {
  const { P } = runtime();
  const file = plain(P.exportFile(shared.course, shared.record, NOW));
  assert.deepStrictEqual(Object.keys(file), ["format", "version", "site", "course",
    "course_version", "language", "exported", "utc_offset", "completion", "minutes_per_jp", "jp",
    "learner_id", "learner", "completions", "quizzes", "assessment", "competencies", "paths",
    "history", "records", "checksum"]);
  assert.deepStrictEqual([file.format, file.version, file.site, file.course, file.course_version],
    ["asah-progress", 2, "kursus-contoh", "Kursus Contoh", "0123456789"]);
  assert.strictEqual(file.exported, "2026-03-05T08:00:00.000Z");
  assert.strictEqual(file.utc_offset, -NOW.getTimezoneOffset() || 0);
  assert.strictEqual(file.learner_id, "0f1e2d3c4b5a69788796a5b4");
  assert.deepStrictEqual(file.records.lessons, shared.record.lessons);
  assert.deepStrictEqual(file.records.quizzes, shared.record.quizzes);
  assert.strictEqual(file.records.lastPath, "p");
  assert.match(file.checksum, /^crc32:[0-9a-f]{8}$/);
  assert.strictEqual(file.checksum, P.checksum(file));
});

test("exportRecord: the learner only when filled in; JP null when the site counts none", () => {
  const { P } = runtime();
  const data = Object.assign(copy(shared.course), { minutes_per_jp: null });
  const record = Object.assign(copy(shared.record), { learner: { name: "  " } });
  delete record.id;
  const file = JSON.parse(P.exportRecord(data, record, NOW));
  assert.ok(!("learner" in file));
  assert.strictEqual(file.learner_id, "");
  assert.strictEqual(file.jp, null);
  assert.ok(file.history.every((entry) => entry.jp === null && entry.minutes >= 0));
  assert.strictEqual(file.completions[0].jp, null);
  // an empty record: nothing derived, and still a whole file
  const empty = JSON.parse(P.exportRecord(shared.course, { version: 1, quizzes: {}, lessons: {} }, NOW));
  assert.deepStrictEqual([empty.jp, empty.completions, empty.quizzes, empty.competencies,
    empty.history], [0, [], [], [], []]);
  assert.ok(!("assessment" in empty));
  assert.strictEqual(P.readExport(shared.course, JSON.stringify(empty)).ok, true);
});

test("exportFile: a self-assessment aimed at chosen levels keeps them as its target", () => {
  const { P } = runtime();
  const record = Object.assign(copy(shared.record), { assessment: { date: "2026-01-05T12:00:00Z",
    current: { x: 1 }, target: { kind: "levels", levels: { x: 2, z: 1 } } } });
  assert.deepStrictEqual(plain(P.exportFile(shared.course, record, NOW).assessment), {
    date: "2026-01-05T12:00:00Z", current: { x: 1 }, target: { x: 2, z: 1 }, target_path: null });
});

test("crc32 is zlib's, over UTF-8", () => {
  const { P } = runtime();
  assert.strictEqual(P.crc32("123456789"), "cbf43926");  // the CRC-32 check value
  assert.strictEqual(P.crc32(""), "00000000");
  // zlib.crc32("Ä€😀 é".encode("utf-8")); a lone surrogate counts as U+FFFD, as TextEncoder
  assert.strictEqual(P.crc32("Ä€😀 é"), "ee701050");
  assert.strictEqual(P.crc32("a\ud800b"), P.crc32("a\ufffdb"));
});

test("readExport refuses what is not this site's whole progress file", () => {
  const { P, store } = runtime();
  const good = P.exportRecord(shared.course, shared.record, NOW);
  const edited = JSON.parse(good);
  edited.jp = 20;
  const renamed = JSON.parse(good);
  renamed.learner.name = "Rina W.";
  const refused = {
    "{broken": "error_not_json",
    [good.slice(0, good.length / 2)]: "error_not_json",  // cut short
    '{"format": "lain"}': "error_format",
    '{"format": "asah-progress", "version": 2, "site": "kursus-contoh"}': "error_format",
    '{"format": "asah-progress", "version": 3, "site": "kursus-contoh", "records": {}}': "error_version",
    '{"format": "asah-progress", "version": 1, "site": "lain", "records": {}}': "error_other_site",
    [JSON.stringify(edited)]: "error_changed",
    [JSON.stringify(renamed, null, 2)]: "error_changed",
    [good.replace('"checksum"', '"check"')]: "error_changed"
  };
  for (const [text, error] of Object.entries(refused)) {
    assert.deepStrictEqual(plain(P.importRecord(shared.course, text)), { ok: false, error },
      text.slice(0, 80));
  }
  assert.strictEqual(store.reads, 0);
  // the same file laid out otherwise (an editor's indentation) is the same file
  assert.strictEqual(P.readExport(shared.course, JSON.stringify(JSON.parse(good))).ok, true);
});

test("export → import round-trips: an empty browser gets the same record back", () => {
  const { P } = runtime();
  const text = P.exportRecord(shared.course, shared.record, NOW);
  const result = plain(runtime().P.importRecord(shared.course, text));
  assert.strictEqual(result.ok, true);
  assert.deepStrictEqual(result.record, shared.record);
  // importing into the record it came from changes nothing
  const again = plain(runtime(shared.record).P.importRecord(shared.course, text));
  assert.deepStrictEqual(again.record, shared.record);
});

test("import: version 1 files still merge; the learner's fields and id only when none are set", () => {
  const stored = { version: 1, id: "mine", lessons: { "a.md": { done: true, date: "2026-03-01T00:00:00Z" } },
    quizzes: {}, learner: { nip: "1987" } };
  const { P } = runtime(stored);
  const v1 = JSON.stringify({ format: "asah-progress", version: 1, site: "kursus-contoh",
    learner: { name: "Sari", position: "Analis" },
    records: { lessons: { "a.md": { done: true, date: "2026-01-01T00:00:00Z" },
      "b.md": { done: true, date: "2026-01-02T00:00:00Z" } }, quizzes: {} } });
  const result = plain(P.importRecord(shared.course, v1));
  assert.strictEqual(result.ok, true);
  assert.deepStrictEqual(Object.keys(result.record.lessons).sort(), ["a.md", "b.md"]);
  assert.strictEqual(result.record.lessons["a.md"].date, "2026-01-01T00:00:00Z");
  assert.deepStrictEqual([result.record.learner, result.record.id], [{ nip: "1987" }, "mine"]);
  const fresh = plain(runtime().P.importRecord(shared.course, v1)).record;
  assert.deepStrictEqual(fresh.learner, { name: "Sari", position: "Analis" });
  assert.ok(!("id" in fresh));
});

test("merge keeps the earlier first attempt", () => {
  const { P } = runtime();
  const at = (date) => ({ date, score: 10 });
  const mine = { lessons: {}, quizzes: { q: { attempts: 3, first: at("2026-02-01"), last: at("2026-02-03") },
    r: { attempts: 1, last: at("2026-01-01") } } };
  const theirs = { quizzes: { q: { attempts: 2, first: at("2026-01-15"), last: at("2026-01-16") },
    r: { attempts: 1, first: at("2026-01-05"), last: at("2026-01-05") } } };
  const merged = plain(P.merge(copy(mine), copy(theirs)));
  assert.deepStrictEqual([merged.quizzes.q.first.date, merged.quizzes.q.last.date],
    ["2026-01-15", "2026-02-03"]);
  assert.strictEqual(merged.quizzes.r.first.date, "2026-01-05");
});

test("history: one entry a year, with the course's type and organiser", () => {
  const { P } = runtime();
  assert.deepStrictEqual(plain(P.history(shared.course, shared.record)), shared.expected.history);
  const none = Object.assign(copy(shared.course), { organiser: "", activity_type: "" });
  assert.deepStrictEqual(plain(P.history(none, shared.record)).map((e) => [e.type, e.organiser]),
    [["", ""], ["", ""]]);
});

test("historyCsv: RFC 4180 with a byte-order mark; no cell runs as a formula", () => {
  const { P } = runtime();
  const t = { history_course: "Nama kursus", history_type: "Jenis", history_jp: "Jumlah JP",
    history_minutes: "Menit", history_start: "Tanggal mulai", history_end: "Tanggal selesai",
    history_year: "Tahun", history_organiser: "Penyelenggara" };
  const data = Object.assign(copy(shared.course), { title: 'Kursus "Aman", Dasar',
    organiser: "=HYPERLINK(\"http://x\")" });
  const csv = P.historyCsv(data, shared.record, t);
  assert.ok(csv.startsWith("\ufeffNama kursus,Jenis,Jumlah JP,Menit,Tanggal mulai,Tanggal selesai,Tahun,Penyelenggara\r\n"));
  const rows = csv.slice(1).split("\r\n");
  assert.strictEqual(rows.length, 4);  // heading, 2025, 2026, and the final line break
  assert.strictEqual(rows[1], '"Kursus ""Aman"", Dasar",E-learning (pelatihan nonklasikal),1,45,' +
    '2025-12-30,2025-12-30,2025,"\'=HYPERLINK(""http://x"")"');
  assert.strictEqual(rows[3], "");
});

test("newId: 24 hex digits, different each time", () => {
  const { P } = runtime();
  const a = P.newId();
  assert.match(a, /^[0-9a-f]{24}$/);
  assert.notStrictEqual(a, P.newId());
});
