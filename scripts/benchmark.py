#!/usr/bin/env python3
"""Build-time benchmark: Asah against plain Material on the same generated course.

    .venv/bin/python scripts/benchmark.py --lessons 1000 --runs 3

Generates a course of N lessons (modules of 20 lessons, ~350 words each, one quiz bank of 10
questions per module embedded in every lesson, prerequisites between lessons), then builds it

  * with Asah (asah/competencies + asah/quiz), and
  * with plain Material: the same files and configuration without Asah's plugins and with the
    quiz blocks removed,

alternating the two, and prints the median wall time of each, their ratio, and the peak memory
(max RSS) of each build. Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

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

BASE_CONFIG = """\
site_name: Kursus Benchmark
docs_dir: content
theme:
  name: material
  language: id
  font: false
  features:
    - navigation.instant
    - navigation.tracking
    - navigation.indexes
    - navigation.top
    - search.highlight{prune}
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
"""


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


def generate(root: Path, lessons: int, seed: int = 7, prune: bool = False) -> None:
    rng = random.Random(seed)
    content = root / "content"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# Kursus Benchmark\n\nKursus yang dibuat otomatis.\n")
    (root / "quizzes").mkdir()
    modules = (lessons + 19) // 20
    for module in range(modules):
        folder = content / f"modul-{module:03d}"
        folder.mkdir()
        (folder / "index.md").write_text(f"# Modul {module}\n\n{paragraph(rng, 60)}\n")
        (root / "quizzes" / f"modul-{module:03d}.yml").write_text(bank(module, rng))
    for n in range(lessons):
        module = n // 20
        prereq = f"modul-{(n - 1) // 20:03d}/pelajaran-{n - 1:04d}.md" if n % 20 else None
        front = {
            "title": f"Pelajaran {n}",
            "competencies": {COMPETENCIES[n % 5]: 1 + n % 3, COMPETENCIES[(n + 2) % 5]: 1},
            "duration": 45,
            "objectives": [paragraph(rng, 8), paragraph(rng, 8)],
        }
        if prereq:
            front["prerequisites"] = [prereq]
        body = [
            f"## Bagian {s}\n\n{paragraph(rng, 70)}\n\n{paragraph(rng, 50)}\n" for s in range(3)
        ]
        body.append(f"## Uji pemahaman\n\n/// quiz | modul-{module:03d}\ndraw: 5\n///\n")
        text = "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + "\n".join(body)
        (content / f"modul-{module:03d}" / f"pelajaran-{n:04d}.md").write_text(text)
    base = BASE_CONFIG.replace("{prune}", "\n    - navigation.prune" if prune else "")
    (root / "mkdocs-asah.yml").write_text(
        base + "plugins:\n  - search\n  - asah/competencies\n  - asah/quiz\n"
    )
    plain = root / "plain"
    shutil.copytree(content, plain / "content")
    for page in (plain / "content").rglob("*.md"):
        page.write_text(re.sub(r"/// quiz[^\n]*\n(?:.*\n)*?///\n", "", page.read_text()))
    (plain / "mkdocs.yml").write_text(base + "plugins:\n  - search\n")


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
    print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """
)


def build(cwd: Path, config: str, site: Path) -> tuple[float, int]:
    """One build in a fresh process: (wall seconds, peak RSS in KiB)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(cwd), *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated course")
    parser.add_argument(
        "--prune", action="store_true", help="both builds with navigation.prune (as the example)"
    )
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="asah-bench-"))
    try:
        started = time.perf_counter()
        generate(root, args.lessons, prune=args.prune)
        print(f"generated {args.lessons} lessons in {time.perf_counter() - started:.1f} s: {root}")
        asah_times, plain_times, asah_rss, plain_rss = [], [], [], []
        for run in range(args.runs):
            wall, rss = build(root / "plain", "mkdocs.yml", root / "site-plain")
            plain_times.append(wall)
            plain_rss.append(rss)
            wall, rss = build(root, "mkdocs-asah.yml", root / "site-asah")
            asah_times.append(wall)
            asah_rss.append(rss)
            print(f"run {run + 1}: material {plain_times[-1]:.1f} s, asah {asah_times[-1]:.1f} s")
        asah, plain = statistics.median(asah_times), statistics.median(plain_times)
        print()
        print(f"lessons                  {args.lessons}")
        print(f"plain Material (median)  {plain:.2f} s   peak {max(plain_rss) / 1024:.0f} MiB")
        print(f"Asah (median)            {asah:.2f} s   peak {max(asah_rss) / 1024:.0f} MiB")
        print(f"ratio Asah / Material    {asah / plain:.3f}   (goal ≤ 1.10)")
        lesson = "modul-000/pelajaran-0001"
        for name in ("plain", "asah"):
            site = root / f"site-{name}"
            page = site / lesson / "index.html"
            total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
            size = page.stat().st_size / 1024
            print(f"{name:6} lesson page {size:.0f} KB, site {total / 1e6:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
