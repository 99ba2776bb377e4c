"""A small course for the report's tests, and learners' export files made as the browser makes
them (progress/export.js): three lessons on a path, one quiz of five questions — three that tell
able learners apart, one whose key is wrong, one everyone gets right."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from asah.report.records import checksum
from tests.conftest import ASN_AND_ONE, write_tree

SITE = "kursus-laporan"
CONFIG = """\
site_name: Kursus Laporan
docs_dir: content
theme:
  name: material
  language: id
plugins:
  - asah/competencies
  - asah/quiz:
      site_id: kursus-laporan
  - asah/paths:
      organiser: BPSDM Contoh
nav:
  - index.md
  - a.md
  - b.md
  - c.md
"""
BANK = """\
title: Uji Keamanan
questions:
  - id: baik-1
    type: single
    prompt: Soal baik pertama
    options: [{text: Benar, correct: true}, Salah satu, Salah dua]
  - id: baik-2
    type: single
    prompt: Soal baik kedua
    options: [{text: Benar, correct: true}, Salah satu, Salah dua]
  - id: baik-3
    type: single
    prompt: Soal baik ketiga
    options: [{text: Benar, correct: true}, Salah satu, Salah dua]
  - id: kunci-salah
    type: single
    prompt: Soal dengan kunci yang keliru
    options: [{text: Kunci penulis, correct: true}, Jawaban yang sebenarnya benar, Lain]
  - id: mudah
    type: truefalse
    prompt: Soal yang terlalu mudah
    answer: true
"""
FILES = {
    "mkdocs.yml": CONFIG,
    "site_config/competencies.yml": ASN_AND_ONE,
    "site_config/paths.yml": (
        "paths:\n  - id: p\n    title: Jalur P\n    steps: [a.md, b.md, c.md]\n"
    ),
    "quizzes/uji.yml": BANK,
    "content/index.md": "# Beranda\n",
    "content/a.md": (
        "---\ncompetencies: {keamanan-informasi: 1}\nduration: 45\n---\n# Pelajaran A\n\n"
        "/// quiz | uji\n///\n"
    ),
    "content/b.md": (
        "---\ncompetencies: {keamanan-informasi: 2, integritas: 1}\nduration: 90\n---\n"
        "# Pelajaran B\n"
    ),
    "content/c.md": "---\ncompetencies: {integritas: 2}\nduration: 45\n---\n# Pelajaran C\n",
}
QUESTIONS = ("baik-1", "baik-2", "baik-3", "kunci-salah", "mudah")


def write_course(root: Path) -> Path:
    write_tree(root, FILES)
    return root / "mkdocs.yml"


def fingerprints(config: Path) -> dict[str, str]:
    from asah.report.course import read_course

    course = read_course(config)
    return {qid: course.questions[("uji", qid)].fp for qid in QUESTIONS}


def answers_for(ability: float) -> dict[str, tuple[str, float]]:
    """A learner's first attempt by ability (0–1): the good questions get harder, the one with
    the wrong key is "missed" by the able (they choose the answer that is really right)."""
    return {
        "baik-1": ("0", 1.0) if ability > 0.25 else ("1", 0.0),
        "baik-2": ("0", 1.0) if ability > 0.4 else ("2", 0.0),
        "baik-3": ("0", 1.0) if ability > 0.6 else ("1", 0.0),
        "kunci-salah": ("0", 1.0) if ability < 0.4 else ("1", 0.0),
        "mudah": ("true", 1.0),
    }


def attempt(date: str, answers: dict[str, tuple[str, float]], fps: dict[str, str]) -> dict:
    score = round(100 * sum(s for _, s in answers.values()) / len(answers), 1)
    return {
        "date": date,
        "score": score,
        "passed": score >= 70,
        "drawn": list(answers),
        "answers": {qid: a for qid, (a, _) in answers.items()},
        "questions": {qid: {"fp": fps[qid], "score": s} for qid, (_, s) in answers.items()},
    }


def record(
    lessons: dict[str, str],
    *,
    quiz: dict | None = None,
    assessment: dict | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "lessons": {path: {"done": True, "date": date} for path, date in lessons.items()},
        "quizzes": {"uji": quiz} if quiz else {},
    }
    if assessment:
        out["assessment"] = assessment
    return out


def export(
    records: dict[str, Any],
    learner: dict[str, str] | None = None,
    *,
    learner_id: str = "",
    exported: str = "2026-06-30T08:00:00.000Z",
    site: str = SITE,
    version: int = 2,
) -> dict[str, Any]:
    """An export file as the browser writes it (the fields the report reads, and the raw
    record); version 2 files get their checksum."""
    file: dict[str, Any] = {"format": "asah-progress", "version": version, "site": site}
    if version >= 2:
        file |= {"course_version": "uji-1", "exported": exported, "utc_offset": 420}
        file["learner_id"] = learner_id
    if learner:
        file["learner"] = learner
    file["records"] = records
    if version >= 2:
        file["checksum"] = checksum(file)
    return file


def save(folder: Path, name: str, file: dict | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(file if isinstance(file, str) else json.dumps(file, indent=1), "utf-8")
    return path
