#!/usr/bin/env python3
"""Build benchmark: Asah against plain Material on the same generated course, at course scale.

    .venv/bin/python scripts/benchmark.py --lessons 1000 3000          # the table in the docs
    .venv/bin/python scripts/benchmark.py --lessons 1000 --serve-only  # `mkdocs serve` edits

For each size it generates a course (programmes of 10 modules of 20 lessons, each module with an
index page and a bank of 10 questions embedded in every lesson with `draw: 5`, ~350 words a
lesson, prerequisites between lessons) and builds it, one paired run each, in fresh processes:

  asah     the example course's configuration (theme features and Markdown extensions of
           mkdocs.yml) with Asah's plugins;
  plain    the same configuration and files without Asah (quiz blocks removed);
  stock    stock Material's default (`theme: material`, search only) on the plain files.

It prints wall time, peak memory (max RSS), lesson page and site bytes, and the ratios the goals
are set on: asah/plain, asah/stock, Asah's growth from the smallest to the largest size, and
the time of `asah check` (the same course read without building it) against the build. With
`--serve` it also starts `mkdocs serve --dirty` on the asah build of the first size and times a
saved lesson and a saved bank until the served page shows the edit. `--runs N` repeats the
plain/Asah pair N times and reports medians, and the median of each pair's ratio (single builds
on a shared machine vary by ±15 %).
`--instructions` also counts the machine instructions of a plain and an Asah build with
valgrind: a ratio that does not move with the machine's load (Debian package `valgrind`; about
8 minutes at 1,000 lessons). Asah is counted twice: the first build on a machine (no template
compiled yet: Asah keeps its own and the theme's compiled templates), then any build after it;
and plain Material once more, given the same kept templates, to show Asah's own work apart from
the theme's work it saves.
Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "aparatur",
    "sipil",
    "negara",
    "kompetensi",
    "pelatihan",
    "pelayanan",
    "publik",
    "digital",
    "keamanan",
    "informasi",
    "data",
    "pribadi",
    "pegawai",
    "instansi",
    "kantor",
    "warga",
    "laporan",
    "rencana",
    "pengembangan",
    "belajar",
    "tugas",
    "jabatan",
    "atasan",
    "rekan",
    "kerja",
    "sistem",
    "aplikasi",
    "kata",
    "sandi",
    "email",
    "tautan",
    "dokumen",
    "standar",
    "mutu",
    "waktu",
    "biaya",
    "prosedur",
    "pengaduan",
    "tindak",
    "lanjut",
    "evaluasi",
    "capaian",
    "target",
    "anggaran",
    "kegiatan",
]

COMPETENCIES = ["integritas", "komunikasi", "kerja-sama", "pelayanan-publik", "pengembangan-diri"]


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def bank(module: int, rng: random.Random) -> str:
    questions = []
    for i in range(10):
        kind = ("single", "multiple", "truefalse", "text", "number", "fill", "order", "match")[
            i % 8
        ]
        q = {"id": f"soal-{i}", "type": kind, "prompt": paragraph(rng, 14)}
        if kind in ("single", "multiple"):
            q["options"] = [
                {"text": paragraph(rng, 4), "correct": j == 0, "feedback": paragraph(rng, 10)}
                for j in range(4)
            ]
        elif kind == "truefalse":
            q["answer"] = True
        elif kind == "text":
            q["answers"] = ["asn", "aparatur sipil negara"]
        elif kind == "number":
            q["answer"] = 20
        elif kind == "fill":
            q["prompt"] += " Satu JP sama dengan [[45|empat puluh lima]] menit."
        elif kind == "order":
            q["items"] = [f"Langkah {n}" for n in range(1, 5)]
        else:
            q["pairs"] = [{"left": f"Kiri {n}", "right": f"Kanan {n}"} for n in range(1, 4)]
        q["explanation"] = paragraph(rng, 20)
        questions.append(q)
    data = {"title": f"Uji modul {module}", "questions": questions}
    return json.dumps(data, ensure_ascii=False, indent=1)  # JSON is YAML


def example_config(plugins: list[object]) -> str:
    """The example course's theme and Markdown settings, with other content and plugins."""
    example = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config = {
        "site_name": "Kursus Benchmark",
        "docs_dir": "content",
        "theme": example["theme"],
        "markdown_extensions": example["markdown_extensions"],
        "plugins": plugins,
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


STOCK_CONFIG = "site_name: Kursus Benchmark\ndocs_dir: content\ntheme:\n  name: material\n"


def lesson_path(n: int) -> str:
    module = n // 20
    return f"program-{module // 10:02d}/modul-{module:03d}/pelajaran-{n:04d}.md"


def generate(root: Path, lessons: int, seed: int = 7, search: str = "search") -> None:
    """The course (see the module's docstring); `search` is the Asah build's search plugin:
    Material's `search`, or `asah/search` (plain and stock keep Material's)."""
    rng = random.Random(seed)
    content = root / "content"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# Kursus Benchmark\n\nKursus yang dibuat otomatis.\n")
    (root / "quizzes").mkdir()
    modules = (lessons + 19) // 20
    for program in range((modules + 9) // 10):
        folder = content / f"program-{program:02d}"
        folder.mkdir()
        (folder / "index.md").write_text(f"# Program {program}\n\n{paragraph(rng, 40)}\n")
    for module in range(modules):
        folder = content / f"program-{module // 10:02d}" / f"modul-{module:03d}"
        folder.mkdir()
        (folder / "index.md").write_text(f"# Modul {module}\n\n{paragraph(rng, 60)}\n")
        (root / "quizzes" / f"modul-{module:03d}.yml").write_text(bank(module, rng))
    for n in range(lessons):
        front = {
            "title": f"Pelajaran {n}",
            "competencies": {COMPETENCIES[n % 5]: 1 + n % 3, COMPETENCIES[(n + 2) % 5]: 1},
            "duration": 45,
            "objectives": [paragraph(rng, 8), paragraph(rng, 8)],
        }
        if n % 20:
            front["prerequisites"] = [lesson_path(n - 1)]
        body = [
            f"## Bagian {s}\n\n{paragraph(rng, 70)}\n\n{paragraph(rng, 50)}\n" for s in range(3)
        ]
        body.append(f"## Uji pemahaman\n\n/// quiz | modul-{n // 20:03d}\ndraw: 5\n///\n")
        text = "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + "\n".join(body)
        (content / lesson_path(n)).write_text(text)
    (root / "mkdocs.yml").write_text(
        example_config([search, "asah/competencies", "asah/quiz"]), "utf-8"
    )
    plain = root / "plain"
    shutil.copytree(content, plain / "content")
    for page in (plain / "content").rglob("*.md"):
        page.write_text(re.sub(r"/// quiz[^\n]*\n(?:.*\n)*?///\n", "", page.read_text()))
    (plain / "mkdocs.yml").write_text(example_config(["search"]), "utf-8")
    (plain / "stock.yml").write_text(STOCK_CONFIG, "utf-8")


MEASURE = textwrap.dedent(
    """
    import resource, subprocess, sys, time
    start = time.perf_counter()
    done = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        sys.stderr.write(done.stderr)
        sys.exit(done.returncode)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
    """
)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(cwd: Path, config: str, site: Path) -> dict[str, float]:
    """One build in a fresh process: wall seconds, peak RSS (MiB), lesson page and site bytes."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    result = timed(cwd, command)
    page = site / lesson_path(21).removesuffix(".md") / "index.html"
    result["page_kb"] = page.stat().st_size / 1024
    result["site_mb"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
    shutil.rmtree(site)  # a 3,000-lesson stock site is several GB
    return result


def timed(cwd: Path, command: list[str]) -> dict[str, float]:
    """`command` in a fresh process: wall and CPU seconds, peak RSS (MiB)."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cwd), *command],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    ).stdout.split()
    return {"seconds": float(out[0]), "cpu": float(out[2]), "peak_mib": int(out[1]) / 1024}


def check_seconds(cwd: Path) -> dict[str, float]:
    """`asah check` on the course, in a fresh process: wall and CPU seconds."""
    return timed(cwd, [sys.executable, "-m", "asah.cli", "check"])


def instructions(cwd: Path, config: str, site: Path) -> int:
    """Machine instructions of one build, counted by valgrind: unlike time, the same on every
    run (hash seed fixed), so a small difference is not lost in a shared machine's ±15 % noise."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    count = counted(cwd, command)
    shutil.rmtree(site)
    return count


# `python -m mkdocs` with the theme's Jinja environment given a bytecode cache (the folder in
# argv[1]), as Asah's plugins give it: plain Material with its templates kept compiled, to tell
# Asah's own work from the theme's work that Asah saves
THEME_KEPT_COMPILED = """
import runpy, sys
import jinja2
from mkdocs.theme import Theme

cache, make = jinja2.FileSystemBytecodeCache(sys.argv.pop(1)), Theme.get_env


def get_env(theme):
    env = make(theme)
    env.bytecode_cache = cache
    return env


Theme.get_env = get_env
sys.argv[0] = "mkdocs"
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


def instructions_kept(cwd: Path, config: str, site: Path) -> int:
    """`instructions` of a build of plain Material after a first that compiled its templates."""
    with tempfile.TemporaryDirectory() as cache:
        command = [sys.executable, "-c", THEME_KEPT_COMPILED, cache, "build", "-q", "-f", config]
        subprocess.run([*command, "-d", str(site)], cwd=cwd, env=ENV, check=True)
        count = counted(cwd, [*command, "-d", str(site)])
    shutil.rmtree(site)
    return count


def counted(cwd: Path, command: list[str]) -> int:
    """Machine instructions of `command`, counted by valgrind."""
    valgrind = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
    ]
    done = subprocess.run(
        [*valgrind, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**ENV, "PYTHONHASHSEED": "0"},
        check=True,
    )
    return int(re.search(r"I\s+refs:\s+([\d,]+)", done.stderr).group(1).replace(",", ""))


def measure(
    lessons: int, runs: int, count: bool = False, search: str = "search"
) -> dict[str, dict[str, float]]:
    """`runs` alternating plain/Asah pairs (medians), then one stock build."""
    root = Path(tempfile.mkdtemp(prefix="asah-bench-"))
    try:
        generate(root, lessons, search=search)
        builds: dict[str, list[dict[str, float]]] = {"plain": [], "asah": [], "stock": []}
        order = [("plain", root / "plain", "mkdocs.yml"), ("asah", root, "mkdocs.yml")] * runs
        for name, cwd, config in [*order, ("stock", root / "plain", "stock.yml")]:
            r = build(cwd, config, root / f"site-{name}")
            builds[name].append(r)
            print(
                f"  {lessons} lessons, {name:5}: {r['seconds']:7.1f} s (CPU {r['cpu']:.1f} s)"
                f"  {r['peak_mib']:5.0f} MiB  lesson page {r['page_kb']:6.0f} KB"
                f"  site {r['site_mb']:6.0f} MB",
                flush=True,
            )
        checks = [check_seconds(root) for _ in range(max(runs, 3))]
        print(
            f"  {lessons} lessons, asah check: "
            + ", ".join(f"{c['seconds']:.2f} s" for c in checks),
            flush=True,
        )
        result = {
            name: {key: statistics.median(r[key] for r in rs) for key in rs[0]}
            for name, rs in builds.items()
        }
        result["check"] = {key: statistics.median(c[key] for c in checks) for key in checks[0]}
        # each pair ran back to back, under the same load: the median of their ratios
        pairs = zip(builds["plain"], builds["asah"], strict=True)
        result["asah"]["pair_ratio"] = statistics.median(
            a["seconds"] / p["seconds"] for p, a in pairs
        )
        if count:
            # Asah twice: the first build on a machine (no template compiled yet), then any
            # build after it (Asah keeps the theme's and its own compiled templates)
            forget_compiled_templates()
            for name, cwd in (("plain", root / "plain"), ("asah_first", root), ("asah", root)):
                n = instructions(cwd, "mkdocs.yml", root / f"site-{name}")
                result.setdefault(name, {})["instructions"] = n
                print(f"  {lessons} lessons, {name:10}: {n / 1e9:.2f} G instructions", flush=True)
            # Asah's own work: against plain Material that keeps its templates compiled too
            n = instructions_kept(root / "plain", "mkdocs.yml", root / "site-plain-kept")
            result["plain_kept"] = {"instructions": n}
            print(f"  {lessons} lessons, plain kept: {n / 1e9:.2f} G instructions", flush=True)
        return result
    finally:
        shutil.rmtree(root, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, limit: float = 120) -> float:
    """Seconds until the page at `url` contains `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r}")


def measure_serve(lessons: int, edits: int = 5) -> dict[str, list[float]]:
    """`mkdocs serve --dirty`: seconds from saving a lesson or a bank to the page showing it."""
    root = Path(tempfile.mkdtemp(prefix="asah-serve-"))
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    generate(root, lessons)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times: dict[str, list[float]] = {"lesson": [], "bank": [], "competency page": []}
    try:
        lesson = lesson_path(21)
        url = f"{site}/{lesson.removesuffix('.md')}/"
        wait_for(url, "Pelajaran 21", limit=600)
        time.sleep(2)
        for n in range(edits):
            source = root / "content" / lesson
            word = f"suntingan{n}"
            text = re.sub(r'"title": "[^"]*"', f'"title": "{word}"', source.read_text("utf-8"))
            source.write_text(text, "utf-8")
            times["lesson"].append(wait_for(url, word))
            times["competency page"].append(wait_for(f"{site}/kompetensi/komunikasi/", word))
            time.sleep(1)
            bank_file = root / "quizzes" / "modul-001.yml"
            data = bank_file.read_text("utf-8")
            bank_file.write_text(data.replace('"prompt": "', f'"prompt": "Soal{n} ', 1), "utf-8")
            times["bank"].append(wait_for(url, f"Soal{n} "))
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(root, ignore_errors=True)
    return times


PREPARE = (
    "import sys; from pathlib import Path; from asah.zensical.stage import prepare, write; "
    "s = prepare(Path('mkdocs.yml')); assert not s.problems, s.problems; write(s)"
)


def measure_zensical(lessons: int, runs: int) -> None:
    """The Zensical route (preparation + Zensical) against plain Zensical on the same content
    and against the MkDocs route: medians of `runs` each, in fresh processes."""
    root = Path(tempfile.mkdtemp(prefix="asah-bench-"))
    try:
        generate(root, lessons)
        asah = [sys.executable, "-m", "asah.cli", "build", "--engine", "zensical", "-d"]
        commands = {
            "preparation": (root, [sys.executable, "-c", PREPARE]),
            "zensical route": (root, [*asah, str(root / "site-z")]),
            "plain zensical": (root / "plain", [sys.executable, "-m", "zensical", "build", "-c"]),
            "mkdocs route": (root, [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "m"]),
        }
        results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, (cwd, command) in commands.items():
                results[name].append(timed(cwd, command))
        pages = {
            "zensical route": root / "site-z",
            "plain zensical": root / "plain" / "site",
            "mkdocs route": root / "m",
        }
        median = {
            name: {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            for name, rs in results.items()
        }
        print(f"| {lessons:,} lessons | wall s | CPU s | peak MiB | lesson page KB |")
        print("|---|---|---|---|---|")
        for name, m in median.items():
            page = pages.get(name)
            size = ""
            if page is not None:
                html = page / lesson_path(21).removesuffix(".md") / "index.html"
                size = f"{html.stat().st_size / 1024:.0f}"
            print(
                f"| {name} | {m['seconds']:.2f} | {m['cpu']:.2f} | {m['peak_mib']:.0f} | {size} |"
            )
        share = median["preparation"]["seconds"] / median["zensical route"]["seconds"]
        print(f"\npreparation = {share:.1%} of the Zensical route")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def forget_compiled_templates() -> None:
    """Remove what Asah keeps compiled at its first build (its own and the theme's templates,
    its interface strings and messages as JSON), as on a machine that has not built a site
    since Asah was installed."""
    import asah

    package = Path(asah.__file__).parent
    for copy in [*package.rglob("__pycache__/*.jinja"), *package.rglob("__pycache__/*.json")]:
        copy.unlink()


def compile_asah() -> None:
    """Asah's bytecode, written as installing the package writes it: the engines' packages have
    theirs from `pip install`, and with PYTHONDONTWRITEBYTECODE set (or a fresh checkout) every
    Asah build would otherwise compile its modules again (0.37 G instructions at import)."""
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import asah, compileall, os; "
            "compileall.compile_dir(os.path.dirname(asah.__file__), quiet=1)",
        ],
        env=ENV,
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--runs", type=int, default=1, help="plain/Asah pairs (median)")
    parser.add_argument("--serve", action="store_true", help="also time `mkdocs serve --dirty`")
    parser.add_argument("--serve-only", action="store_true", help="only time `mkdocs serve`")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count plain and Asah instructions with valgrind (slow: ~8 min at 1,000)",
    )
    parser.add_argument(
        "--zensical", action="store_true", help="only the Zensical route against plain Zensical"
    )
    parser.add_argument(
        "--asah-search",
        action="store_true",
        help="the Asah build with asah/search in place of Material's search (plain keeps it)",
    )
    args = parser.parse_args()
    sizes = sorted(args.lessons)
    compile_asah()
    if args.zensical:
        measure_zensical(sizes[0], args.runs)
        return
    if args.serve or args.serve_only:
        times = measure_serve(sizes[0])
        for what, values in times.items():
            shown = ", ".join(f"{v:.2f}" for v in values)
            print(f"serve --dirty, {sizes[0]} lessons, saved edit → {what}: {shown} s")
        if args.serve_only:
            return
    search = "asah/search" if args.asah_search else "search"
    results = {n: measure(n, args.runs, args.instructions, search) for n in sizes}
    print()
    print(
        "| lessons | build plain / Asah / stock | Asah ÷ plain: medians, pairs (CPU) |"
        " Asah ÷ stock | peak MiB plain / Asah / stock | lesson page KB | site MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for n, r in results.items():
        p, a, s = r["plain"], r["asah"], r["stock"]
        print(
            f"| {n:,} | {p['seconds']:.1f} / {a['seconds']:.1f} / {s['seconds']:.1f} s"
            f" | {a['seconds'] / p['seconds']:.3f}, {a['pair_ratio']:.3f}"
            f" ({a['cpu'] / p['cpu']:.3f})"
            f" | {a['seconds'] / s['seconds']:.3f}"
            f" | {p['peak_mib']:.0f} / {a['peak_mib']:.0f} / {s['peak_mib']:.0f}"
            f" | {p['page_kb']:.0f} / {a['page_kb']:.0f} / {s['page_kb']:.0f}"
            f" | {p['site_mb']:.0f} / {a['site_mb']:.0f} / {s['site_mb']:.0f} |"
        )
    for n, r in results.items():
        share = r["check"]["seconds"] / r["asah"]["seconds"]
        print(
            f"\n{n:,} lessons: asah check {r['check']['seconds']:.2f} s"
            f" = {share:.1%} of the Asah build ({r['asah']['seconds']:.1f} s)"
        )
    for n, r in results.items():
        if "instructions" in r["asah"]:
            plain = r["plain"]["instructions"]
            later = r["asah"]["instructions"] / plain
            first = r["asah_first"]["instructions"] / plain
            own = r["asah"]["instructions"] / r["plain_kept"]["instructions"]
            print(
                f"\n{n:,} lessons: Asah ÷ plain in instructions {later:.3f}"
                f" (the first build on a machine {first:.3f}; Asah's own work, against plain"
                f" Material that keeps its templates compiled too, {own:.3f})"
            )
    if len(sizes) > 1:
        small, large = results[sizes[0]]["asah"], results[sizes[-1]]["asah"]
        growth = large["seconds"] / small["seconds"]
        print(
            f"\nAsah from {sizes[0]:,} to {sizes[-1]:,} lessons: {growth:.2f}× the time for "
            f"{sizes[-1] / sizes[0]:.1f}× the lessons"
        )


if __name__ == "__main__":
    main()
