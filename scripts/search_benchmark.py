#!/usr/bin/env python3
"""Search benchmark: what Asah's search costs a build and a learner, at course scale.

    .venv/bin/python scripts/search_benchmark.py --lessons 1000 3000

For each size it generates an Asah course like scripts/benchmark.py's (modules of 20 lessons,
competencies, prerequisites, a bank of 10 questions drawn into every lesson), but written with the
example course's own vocabulary (every word of content/, drawn with Zipf's law, as real text is:
a few words very often, most words rarely; ~350 words a lesson in three sections), builds it with
Asah's plugins with and without asah/search, and measures:

- build cost: the extra CPU time of a build with asah/search (index, glossary page) as a share
  of the build, median of paired builds; with `--instructions`, machine instructions (valgrind);
- index size on disk: files, bytes, gzip bytes;
- bytes on a first page visit attributable to search: index files the page loads (must be 0)
  and the gzip bytes of the search button in the every-page bundle (the engine and dialog load
  on the first search);
- bytes for a two-word query: the gzip bytes of every index file a query loads (meta, term
  shards, the pages shown), for 40 two-word queries of the course's words, median and maximum;
- keystroke to results with Chromium's 4× CPU slowdown, the needed parts cached: median and
  maximum over the same queries, from the input event to the drawn list, the dialog's 120 ms
  wait for the learner to stop typing not counted (it is reported beside).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import COMPETENCIES, bank, example_config, instructions, timed

ROOT = Path(__file__).resolve().parent.parent
QUERY_COUNT = 40


def vocabulary() -> list[str]:
    """The example course's words, most frequent first."""
    counts: dict[str, int] = {}
    for page in (ROOT / "content").rglob("*.md"):
        for word in re.findall(r"[a-z]{3,}", page.read_text("utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


def generate(root: Path, lessons: int, words: list[str], seed: int = 11) -> None:
    """An Asah course as scripts/benchmark.py makes it (modules of 20 lessons with competencies,
    prerequisites and a bank of 10 questions drawn into every lesson), its text drawn from
    `words`; built with Asah's plugins, with and without asah/search."""
    rng = random.Random(seed)
    # a course's vocabulary grows with it (new terms, names, derived forms): ten rarer words a
    # lesson, made from the course's own words with Indonesian affixes
    affixes = [("pe", "an"), ("me", "kan"), ("di", "i"), ("ber", ""), ("ke", "an"), ("", "nya")]
    extra = {f"{p}{rng.choice(words[200:])}{s}" for p, s in rng.choices(affixes, k=lessons * 10)}
    words = [*words, *sorted(extra - set(words))]
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf

    def text(n: int) -> str:
        return " ".join(rng.choices(words, weights, k=n)).capitalize() + "."

    content = root / "content"
    content.mkdir(parents=True)
    (root / "quizzes").mkdir()
    (content / "index.md").write_text("# Kursus Benchmark\n\nKursus yang dibuat otomatis.\n")
    for n in range(lessons):
        module = n // 20
        folder = content / f"modul-{module:03d}"
        if not folder.exists():
            folder.mkdir()
            (root / "quizzes" / f"modul-{module:03d}.yml").write_text(bank(module, rng))
        sections = "\n".join(f"## {text(4)[:-1]}\n\n{text(60)}\n\n{text(50)}\n" for _ in range(3))
        quiz = f"## Uji pemahaman\n\n/// quiz | modul-{module:03d}\ndraw: 5\n///\n"
        front = {
            "title": text(5)[:-1],
            "competencies": {COMPETENCIES[n % 5]: 1 + n % 3, COMPETENCIES[(n + 2) % 5]: 1},
            "duration": 45,
            **(
                {"prerequisites": [f"modul-{module:03d}/pelajaran-{n - 1:04d}.md"]}
                if n % 20
                else {}
            ),
        }
        (folder / f"pelajaran-{n:04d}.md").write_text(
            f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n\n{sections}\n{quiz}", "utf-8"
        )
    asah = ["asah/competencies", "asah/quiz", "asah/paths"]
    (root / "with.yml").write_text(example_config(["asah/search", *asah]))
    (root / "without.yml").write_text(example_config(asah))


def build_pair(root: Path, runs: int, count: bool) -> dict[str, float]:
    cpu: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(runs):
        for name in ("without", "with"):
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"{name}.yml"]
            command += ["-d", str(root / f"site-{name}")]
            cpu[name].append(timed(root, command)["cpu"])
    result = {name: statistics.median(values) for name, values in cpu.items()}
    result["share"] = statistics.median(
        (w - o) / w for w, o in zip(cpu["with"], cpu["without"], strict=True)
    )
    if count:
        n = {name: instructions(root, f"{name}.yml", root / f"count-{name}") for name in cpu}
        result["instructions_share"] = (n["with"] - n["without"]) / n["with"]
    return result


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def index_size(site: Path) -> dict[str, float]:
    files = [p for p in (site / "search").rglob("*.js")]
    return {
        "files": len(files),
        "mb": sum(p.stat().st_size for p in files) / 1e6,
        "gzip_mb": sum(gz(p.read_bytes()) for p in files) / 1e6,
    }


def ui_bytes() -> tuple[int, int]:
    """gzip bytes of search on every page (the button, in the every-page bundle) and of the
    engine and dialog loaded on the first search (search.js and search.css)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from asah import theme

    every_page = [theme.ASSETS + "search/button.js", theme.ASSETS + "search/button.css"]
    first_search = [theme.ASSETS + p for p in (*theme.SEARCH_PARTS, "search/search.css")]
    return gz(theme.bundle(every_page).encode()), gz(theme.bundle(first_search).encode())


def queries(words: list[str], seed: int = 3) -> list[str]:
    """Two-word queries of words a learner would search for: neither rare nor everywhere."""
    rng = random.Random(seed)
    middle = [w for w in words[50:1500] if len(w) >= 5]
    return [f"{rng.choice(middle)} {rng.choice(middle)}" for _ in range(QUERY_COUNT)]


RUNNER = """
const fs = require("node:fs"), path = require("node:path"), vm = require("node:vm"),
  zlib = require("node:zlib");
const { load } = require(process.argv[2]);  // node -e: the arguments start at 1
const site = process.argv[1];
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
(async () => {
  const out = [];
  for (const q of queries) {
    const context = load(["search/words.js", "search/engine.js"]);  // a fresh visit each
    let bytes = 0;
    context.AsahSearch.configure({ load(name, failed) {
      const file = path.join(site, "search", name + ".js");
      if (!fs.existsSync(file)) return failed();
      const data = fs.readFileSync(file);
      bytes += zlib.gzipSync(data, { level: 9 }).length;
      vm.runInContext(data.toString("utf8"), context);
    } });
    await context.AsahSearch.search(q, { limit: 10 });
    out.push(bytes);
  }
  console.log(JSON.stringify(out));
})();
"""


def query_bytes(site: Path, asked: list[str]) -> list[int]:
    done = subprocess.run(
        ["node", "-e", RUNNER, str(site), str(ROOT / "tests/js/load.js")],
        input=json.dumps(asked),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def keystroke_ms(site: Path, asked: list[str]) -> tuple[list[float], int]:
    """(times from the input event to the drawn list, index files the first page loaded)."""
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, serve

    times: list[float] = []
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        page.goto(f"{url}/modul-000/pelajaran-0001/")
        page.wait_for_load_state("networkidle")
        first_visit = len([u for u in loaded if "/search/" in u])
        page.keyboard.press("/")
        cdp = page.context.new_cdp_session(page)
        for q in asked:  # once to load what it needs, then timed with the parts cached
            for timed_run in (False, True):
                if timed_run:
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                ms = page.evaluate(TYPE_AND_WAIT, q + (" " if timed_run else ""))
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
                if timed_run:
                    times.append(ms - 120)
        browser.close()
    return times, first_visit


TYPE_AND_WAIT = """q => new Promise(resolve => {
  const box = document.getElementById("asah-search-query");
  const list = document.querySelector(".asah-search__results");
  const start = performance.now();
  const seen = new MutationObserver(() => {  // the list says which query it shows, once drawn
    if (list.getAttribute("data-asah-query") !== q.trim()) return;
    seen.disconnect();
    resolve(performance.now() - start);
  });
  seen.observe(list, { attributes: true, attributeFilter: ["data-asah-query"] });
  box.value = q;
  box.dispatchEvent(new Event("input"));
})"""


def measure(lessons: int, runs: int, count: bool) -> None:
    words = vocabulary()
    root = Path(tempfile.mkdtemp(prefix="asah-search-bench-"))
    try:
        generate(root, lessons, words)
        cost = build_pair(root, runs, count)
        site = root / "site-with"
        size = index_size(site)
        asked = queries(words)
        sizes = query_bytes(site, asked)
        times, first_visit = keystroke_ms(site, asked)
        print(f"\n{lessons:,} lessons (the example's {len(words):,} words, 10 derived a lesson):")
        print(
            f"  build CPU without / with asah/search: {cost['without']:.1f} / {cost['with']:.1f}"
            f" s; search's share of the build {cost['share']:.1%}"
        )
        if "instructions_share" in cost:
            print(
                "  search's share of the build in instructions (index, glossary page, acronyms, "
                f"runtime): {cost['instructions_share']:.1%}"
            )
        print(
            f"  index: {size['files']:,} files, {size['mb']:.1f} MB, {size['gzip_mb']:.2f} MB gzip"
        )
        button, engine = ui_bytes()
        print(
            f"  first page visit: {first_visit} index files; the search button in the every-page "
            f"bundle {button / 1024:.1f} KB gzip; engine and dialog on the first search "
            f"{engine / 1024:.1f} KB gzip"
        )
        print(
            f"  two-word query, cold: median {statistics.median(sizes) / 1024:.0f} KB, max "
            f"{max(sizes) / 1024:.0f} KB gzip"
        )
        print(
            f"  keystroke to results, 4× CPU slowdown, cached: median "
            f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms (+120 ms typing pause)"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--runs", type=int, default=3, help="paired builds (median)")
    parser.add_argument("--instructions", action="store_true", help="also count with valgrind")
    args = parser.parse_args()
    for lessons in sorted(args.lessons):
        measure(lessons, args.runs, args.instructions)


if __name__ == "__main__":
    main()
