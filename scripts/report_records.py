#!/usr/bin/env python3
"""Realistic learners' export files (version 2, as the progress page saves them) for a course,
to try `asah report` on, and to measure it (scripts/report_benchmark.py).

    .venv/bin/python scripts/report_records.py -n 1000 -o out/records
    .venv/bin/python scripts/report_records.py -n 100000 -o out/records --zip --seed 7

Each learner has an ability and an engagement: they follow one of the course's paths (or the
lessons in course order) for as many steps as their engagement takes them, one to three weeks
apart within `--year`; they take each quiz on the way — a question's chance of being right
rises with ability against the question's difficulty, one question in twenty has a wrong key
(the able miss it) — and retry a quiz they failed; most fill in their name, NIP, unit and
position, and half assess themselves against a path. Units are sized as a province's are (a
few large offices, many small ones). `--duplicates` is the share of learners who hand in a
second, later file; `--bad` adds that many broken files (cut short, edited, another course).
Files go into folders of 1,000 (`--zip`: one zip file per 1,000). The same seed gives the same
files.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from asah.report.course import ReportCourse, read_course
from asah.report.derive import derive, jp
from asah.report.records import checksum


def words(text: str) -> list[str]:
    return text.split()


FIRST = words(
    "Agus Budi Citra Dewi Eko Fitri Gita Hadi Indah Joko Kartika Lestari Made Nur "
    "Putu Rina Sari Tono Utami Wahyu Yanti Yusuf Ayu Bambang Siti Rudi Wayan Nyoman "
    "Ani Dedi"
)
LAST = words(
    "Santoso Wijaya Pratama Lestari Saputra Hidayat Nugroho Kusuma Siregar Nasution "
    "Sinaga Simanjuntak Wulandari Purnomo Setiawan Hakim Rahman Harahap Putri "
    "Situmorang"
)
OFFICES = (
    "Sekretariat Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Bappeda",
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Perhubungan",
    "Dinas Sosial",
    "Dinas Komunikasi dan Informatika",
    "Dinas Pekerjaan Umum",
    "Inspektorat",
    "Badan Pendapatan Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "RSUD",
    "Dinas Pertanian",
    "Satpol PP",
    "Dinas Lingkungan Hidup",
)
PLACES = words(
    "Sukamaju Mekarsari Cibadak Sidorejo Karanganyar Tanjung Sari Pasirputih "
    "Sumberjaya Bojong Margahayu Kedungwaru Gunungsari Batujaya Lembang Wonosari"
)
POSITIONS = (
    "Analis SDM Aparatur",
    "Pranata Komputer",
    "Pengadministrasi Umum",
    "Perawat",
    "Guru",
    "Penyuluh Pertanian",
    "Kepala Seksi",
    "Kepala Subbagian",
    "Analis Kebijakan",
    "Bidan",
    "Pengelola Keuangan",
)


def units(rng: random.Random, count: int) -> tuple[list[str], list[float]]:
    """A province's units and how many of its learners each has (Zipf-like)."""
    names = list(OFFICES)
    for place in PLACES:
        names += [f"Kecamatan {place}", f"Puskesmas {place}", f"SD Negeri 1 {place}"]
    names = names[:count]
    return names, [1 / (rank + 1) ** 0.8 for rank in range(len(names))]


def nip(rng: random.Random) -> str:
    born = datetime(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 35))
    hired = born + timedelta(days=365 * rng.randrange(20, 30))
    return f"{born:%Y%m%d}{hired:%Y%m}{rng.choice('12')}{rng.randrange(1, 999):03d}"


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


class Learners:
    def __init__(self, course: ReportCourse, year: int, now: datetime, seed: int) -> None:
        self.course, self.year, self.now = course, year, now
        self.rng = random.Random(seed)
        self.units, self.weights = units(self.rng, 60)
        self.nips: set[str] = set()
        rng = random.Random(seed + 1)
        self.difficulty = {key: rng.gauss(0, 1) for key in course.questions}
        self.miskeyed = {key for key in course.questions if rng.random() < 0.05}
        banks = {b["id"]: b for b in course.data["banks"]}
        self.quiz_of = {lesson.path: list(lesson.quizzes) for lesson in course.index.lessons}
        self.questions: dict[str, list[Any]] = {}
        for (quiz, _), question in course.questions.items():
            self.questions.setdefault(quiz, []).append(question)
        self.draw = {quiz: (banks.get(quiz) or {}).get("draw") for quiz in self.questions}
        self.passmark = {quiz: (banks.get(quiz) or {}).get("pass") or 70 for quiz in self.questions}
        orders = [[(s[0], s[1]) for s in p.steps] for p in course.index.paths]
        orders.append([("lesson", lesson.path) for lesson in course.index.lessons])
        self.orders = orders

    def answer(self, question: Any, ability: float) -> tuple[Any, float]:
        key = (question.quiz, question.id)
        chance = sigmoid(1.3 * (ability - self.difficulty[key]))
        if key in self.miskeyed:
            chance = sigmoid(-1.3 * (ability - self.difficulty[key]))
        right = self.rng.random() < chance
        if question.keys:
            wrong = [k for k in question.keys if k not in question.right]
            if question.type == "multiple":
                picks = (
                    sorted(question.right)
                    if right
                    else sorted({*self.rng.sample(question.keys, k=max(1, len(question.right)))})
                )
                return picks, 1.0 if right else 0.0
            return (
                sorted(question.right)[0] if right or not wrong else self.rng.choice(wrong),
                1.0 if right else 0.0,
            )
        if question.type in ("order", "match", "category", "fill"):
            share = 1.0 if right else round(self.rng.choice((0, 0.25, 0.5, 0.75)), 4)
            return ["0", "1"], share
        return ("jawaban" if right else "lain"), 1.0 if right else 0.0

    def attempt(self, quiz: str, ability: float, when: datetime) -> dict[str, Any]:
        questions = self.questions[quiz]
        draw = self.draw.get(quiz)
        if draw and draw < len(questions):
            questions = self.rng.sample(questions, draw)
        answers, results = {}, {}
        for q in questions:
            answer, score = self.answer(q, ability)
            answers[q.id] = answer
            results[q.id] = {"fp": q.fp, "score": score}
        score = round(100 * sum(r["score"] for r in results.values()) / len(results), 1)
        return {
            "date": iso(when),
            "score": score,
            "passed": score >= self.passmark[quiz],
            "drawn": [q.id for q in questions],
            "answers": answers,
            "questions": results,
        }

    def record(self, ability: float, engagement: float) -> dict[str, Any]:
        order = self.rng.choice(self.orders)
        steps = order[: max(1, round(engagement * len(order)))]
        latest = min(self.now - timedelta(days=2), datetime(self.year, 12, 31, tzinfo=timezone.utc))
        span = max(
            1, (latest - datetime(self.year, 1, 1, tzinfo=timezone.utc)).days - 21 * len(steps)
        )
        when = datetime(self.year, 1, 1, 8, tzinfo=timezone.utc) + timedelta(
            days=self.rng.randrange(span), minutes=self.rng.randrange(600)
        )
        lessons: dict[str, Any] = {}
        quizzes: dict[str, Any] = {}
        for kind, ref in steps:
            when = min(
                when + timedelta(days=self.rng.randrange(1, 21), minutes=self.rng.randrange(300)),
                latest,
            )
            if kind == "lesson":
                lessons[ref] = {"done": True, "date": iso(when)}
            for quiz in self.quiz_of.get(ref, []) if kind == "lesson" else [ref]:
                if quiz not in self.questions or quiz in quizzes:
                    continue
                first = self.attempt(quiz, ability, when + timedelta(minutes=5))
                entry = {
                    "attempts": 1,
                    "best": first["score"],
                    "passed": first["passed"],
                    "first": first,
                    "last": first,
                }
                if not first["passed"]:
                    last = self.attempt(quiz, ability + 0.8, when + timedelta(minutes=25))
                    entry.update(
                        attempts=2,
                        best=max(first["score"], last["score"]),
                        passed=last["passed"],
                        last=last,
                    )
                if entry["passed"]:
                    entry["passedDate"] = entry["last"]["date"]
                quizzes[quiz] = entry
        record: dict[str, Any] = {"lessons": lessons, "quizzes": quizzes}
        if self.rng.random() < 0.5 and self.course.index.paths:
            path = self.rng.choice(self.course.index.paths)
            current = {cid: self.rng.randrange(0, 3) for cid in path.target}
            record["assessment"] = {
                "date": iso(when),
                "current": {c: lv for c, lv in current.items() if lv},
                "target": {"kind": "path", "path": path.id},
            }
        record["lastPath"] = ""
        return record

    def learner(self) -> dict[str, str]:
        rng = self.rng
        fields = {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}
        if rng.random() < 0.8:
            number = nip(rng)
            while number in self.nips:  # one NIP, one civil servant
                number = nip(rng)
            self.nips.add(number)
            fields["nip"] = number
        if rng.random() < 0.9:
            fields["unit"] = rng.choices(self.units, self.weights)[0]
        if rng.random() < 0.7:
            fields["position"] = rng.choice(POSITIONS)
        return fields

    def file(
        self, record: dict[str, Any], learner: dict[str, str], learner_id: str, exported: datetime
    ) -> dict[str, Any]:
        """The export file as progress/export.js writes it."""
        course, data = self.course, self.course.data
        facts = derive(course.index, record, 420)
        per_jp = course.index.minutes_per_jp
        titles = {lesson.path: lesson.title for lesson in course.index.lessons}
        file: dict[str, Any] = {
            "format": "asah-progress",
            "version": 2,
            "site": data["site"],
            "course": data["title"],
            "course_version": data["course_version"],
            "language": data["language"],
            "exported": iso(exported),
            "utc_offset": 420,
            "completion": course.index.rule,
            "minutes_per_jp": per_jp,
            "jp": jp(facts.minutes, per_jp),
            "learner_id": learner_id,
            "learner": learner,
            "completions": [
                {
                    "lesson": path,
                    "title": titles[path],
                    "date": date,
                    "minutes": course.index.by_path[path].minutes,
                    "jp": jp(course.index.by_path[path].minutes, per_jp),
                }
                for path, date in sorted(facts.counted.items(), key=lambda kv: kv[1])
            ],
            "quizzes": [
                {
                    "id": quiz,
                    "title": course.quiz_titles.get(quiz, quiz),
                    "attempts": q["attempts"],
                    "best": q["best"],
                    "passed": q["passed"],
                    "passed_date": q.get("passedDate", ""),
                    "solution_before_pass": False,
                    "first": _attempt(q["first"]),
                    "last": _attempt(q["last"]),
                }
                for quiz, q in record["quizzes"].items()
            ],
        }
        if "assessment" in record:
            file["assessment"] = {
                "date": record["assessment"]["date"],
                "current": facts.current,
                "target": facts.target,
                "target_path": record["assessment"]["target"]["path"],
            }
        file["competencies"] = [
            {"id": c, "name": c, "level": lv} for c, lv in facts.reached.items()
        ]
        file["paths"] = [
            {
                "id": p,
                "title": p,
                "done": d,
                "total": t,
                "complete": c,
                "date": facts.path_dates.get(p, ""),
            }
            for p, d, t, c in facts.paths
        ]
        file["history"] = [
            {
                "course": data["title"],
                "type": data["activity_type"],
                "jp": jp(y.minutes, per_jp),
                "minutes": y.minutes,
                "start": y.start,
                "end": y.end,
                "year": year,
                "organiser": data["organiser"],
            }
            for year, y in facts.years.items()
        ]
        file["records"] = record
        file = as_javascript(file)
        file["checksum"] = checksum(file)
        return file


def as_javascript(value: Any) -> Any:
    """Numbers as JSON.stringify writes them: a whole number without ".0"."""
    if isinstance(value, dict):
        return {k: as_javascript(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_javascript(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _attempt(stored: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": stored["date"],
        "score": stored["score"],
        "passed": stored["passed"],
        "questions": [
            {
                "id": q,
                "fp": stored["questions"][q]["fp"],
                "score": stored["questions"][q]["score"],
                "answer": stored["answers"][q],
            }
            for q in stored["drawn"]
        ],
    }


def _dates(record: dict[str, Any]) -> list[str]:
    found = [e["date"] for e in record["lessons"].values()]
    for quiz in record["quizzes"].values():
        found += [quiz["first"]["date"], quiz["last"]["date"]]
    if "assessment" in record:
        found.append(record["assessment"]["date"])
    return found


def iso(when: datetime) -> str:
    return (
        when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.")
        + f"{when.microsecond // 1000:03d}Z"
    )


def bad_files(rng: random.Random, good: str) -> list[str]:
    """A file cut short, one edited by hand, one of another course."""
    edited = json.loads(good)
    edited["jp"] = 40
    other = json.loads(good)
    other["site"] = "kursus-lain"
    other["checksum"] = checksum(other)
    return [good[: len(good) // 3], json.dumps(edited, indent=1), json.dumps(other, indent=1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("-n", "--learners", type=int, default=1000)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--year", type=int, default=datetime.now(timezone.utc).year)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duplicates", type=float, default=0.01)
    parser.add_argument("--bad", type=int, default=0)
    parser.add_argument("--zip", action="store_true", help="one zip file per 1,000 files")
    args = parser.parse_args(argv)
    now = datetime.now(timezone.utc)
    course = read_course(Path(args.config_file))
    maker = Learners(course, args.year, now, args.seed)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    bundle: zipfile.ZipFile | None = None
    folder = out

    def write(name: str, text: str) -> None:
        nonlocal written, bundle, folder
        batch = written // 1000
        if args.zip:
            if written % 1000 == 0:
                if bundle:
                    bundle.close()
                bundle = zipfile.ZipFile(
                    out / f"kiriman-{batch:04d}.zip", "w", zipfile.ZIP_DEFLATED
                )
            assert bundle is not None
            bundle.writestr(name, text)
        else:
            if written % 1000 == 0:
                folder = out / f"{batch:04d}"
                folder.mkdir(exist_ok=True)
            (folder / name).write_text(text, "utf-8")
        written += 1

    last = ""
    for i in range(args.learners):
        ability = maker.rng.gauss(0, 1)
        engagement = min(1.0, max(0.05, maker.rng.betavariate(2, 2.5)))
        record = maker.record(ability, engagement)
        learner = maker.learner()
        learner_id = f"{maker.rng.getrandbits(96):024x}"
        latest = max(_dates(record) or [iso(now)])
        exported = min(now, datetime.fromisoformat(latest[:-1] + "+00:00") + timedelta(days=1))
        last = json.dumps(
            maker.file(record, learner, learner_id, exported), indent=1, ensure_ascii=False
        )
        write(f"kemajuan-{i:06d}.json", last)
        if maker.rng.random() < args.duplicates:
            more = maker.record(ability, min(1.0, engagement + 0.3))
            text = json.dumps(
                maker.file(more, learner, learner_id, now), indent=1, ensure_ascii=False
            )
            write(f"kemajuan-{i:06d}-lagi.json", text)
    for n, text in enumerate(bad_files(maker.rng, last) * (args.bad // 3 + 1)):
        if n < args.bad:
            write(f"rusak-{n:04d}.json", text)
    if bundle:
        bundle.close()
    print(f"{written} files for {args.learners} learners in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
