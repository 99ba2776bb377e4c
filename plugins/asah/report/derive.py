"""A learner's record counted by the course's rules, as the browser counts it
(progress/record.js, model.js, export.js): which lessons count (setting `completion`) and when,
JP per year in the learner's time zone, competency levels reached, path steps done, the
self-assessment's levels, and each question's outcome in the first attempt of each quiz.
The report counts from the raw record and the course, never from totals a file states.
`tests/fixtures/shared/completion.json` and `export.json` keep this equal to the browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any


@dataclass(frozen=True)
class LessonInfo:
    path: str
    title: str
    minutes: int  # 0 when the lesson gives none
    quizzes: tuple[str, ...]
    levels: dict[str, int]  # competency → the level it builds (lessons without a level: none)


@dataclass(frozen=True)
class PathInfo:
    id: str
    title: str
    steps: tuple[tuple[str, str], ...]  # (kind, ref)
    target: dict[str, int]  # its target, else the highest levels its lessons build


@dataclass
class CourseIndex:
    """What counting needs from the catalogue (site/catalogue.py), looked up once."""

    rule: str
    minutes_per_jp: int | None
    lessons: list[LessonInfo]
    paths: list[PathInfo]
    by_path: dict[str, LessonInfo] = field(init=False)
    # competency → [(level, lessons at that level)], levels ascending, in framework order
    ladders: dict[str, list[tuple[int, tuple[str, ...]]]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_path = {lesson.path: lesson for lesson in self.lessons}
        rungs: dict[str, dict[int, list[str]]] = {}
        for lesson in self.lessons:
            for cid, level in lesson.levels.items():
                rungs.setdefault(cid, {}).setdefault(level, []).append(lesson.path)
        self.ladders = {
            cid: [(level, tuple(paths)) for level, paths in sorted(levels.items())]
            for cid, levels in rungs.items()
        }

    @classmethod
    def from_catalogue(cls, data: dict[str, Any]) -> CourseIndex:
        def levels(items: list[dict[str, Any]]) -> dict[str, int]:
            return {c["id"]: c["level"] for c in items if isinstance(c.get("level"), int)}

        lessons = [
            LessonInfo(
                lesson["path"],
                lesson["title"],
                lesson.get("minutes") or 0,
                tuple(lesson.get("quizzes") or ()),
                levels(lesson.get("competencies") or []),
            )
            for lesson in data["lessons"]
        ]
        paths = [
            PathInfo(
                p["id"],
                p.get("title") or p["id"],
                tuple((s["kind"], s["ref"]) for s in p["steps"]),
                levels(p.get("target") or []) or levels(p.get("competencies") or []),
            )
            for p in data.get("paths") or []
        ]
        rule = data.get("completion") if data.get("completion") == "quiz_passed" else "marked"
        return cls(rule, data.get("minutes_per_jp"), lessons, paths)


def jp(minutes: int, per_jp: int | None) -> float | None:
    """Minutes as JP, one decimal, halves up (course/duration.py, progress/model.js)."""
    return (minutes * 20 + per_jp) // (2 * per_jp) / 10 if per_jp else None


@dataclass
class Answer:
    """One question of a first attempt: its fingerprint, score (0–1) and answer as stored."""

    quiz: str
    question: str
    fp: str
    score: float
    answer: Any
    attempt_score: float  # the attempt's score in percent


@dataclass
class Year:
    minutes: int = 0
    start: str = ""  # the learner's day, YYYY-MM-DD
    end: str = ""


@dataclass
class Facts:
    """What a learner's record comes to."""

    counted: dict[str, str]  # lesson path → when it counted ("" when unknown), course order
    minutes: int
    years: dict[int, Year]
    reached: dict[str, int]  # competency → highest level reached, for those with a level > 0
    paths: list[tuple[str, int, int, bool]]  # (path id, steps done, steps, complete)
    path_dates: dict[str, str]  # path id → when its last step was done, for complete paths
    current: dict[str, int]  # self-assessment: level now, per competency (levels 1–5)
    target: dict[str, int]  # self-assessment: target level, per competency
    assessed: str  # the self-assessment's date, "" when there is none
    answers: list[Answer]
    solution_first: int  # quizzes passed after the solution was shown (or not passed)


def _passed(quizzes: dict[str, Any], quiz: str) -> bool:
    entry = quizzes.get(quiz)
    return isinstance(entry, dict) and bool(entry.get("passed"))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def counted_lessons(index: CourseIndex, records: dict[str, Any]) -> dict[str, str]:
    """The lessons that count, each with the date it counted: marked done, or under
    `quiz_passed` the later of that and the first pass of each of its quizzes."""
    lessons = records.get("lessons") or {}
    quizzes = records.get("quizzes") or {}
    strict = index.rule == "quiz_passed"
    counted: dict[str, str] = {}
    for lesson in index.lessons:
        entry = lessons.get(lesson.path)
        if not entry or not entry.get("done"):
            continue
        date = _text(entry.get("date"))
        if strict:
            if not all(_passed(quizzes, q) for q in lesson.quizzes):
                continue
            for quiz in lesson.quizzes:
                passed = _text(quizzes[quiz].get("passedDate"))
                if passed > date:
                    date = passed
        counted[lesson.path] = date
    return counted


def local_day(iso: str, utc_offset: int) -> str:
    """YYYY-MM-DD of a date in the learner's time zone ("" when it is not a date)."""
    if not iso:
        return ""
    if utc_offset == 0 and iso.endswith("Z"):
        return iso[:10]
    try:
        when = datetime.fromisoformat(iso[:-1] + "+00:00" if iso.endswith("Z") else iso)
    except ValueError:
        return ""
    if when.tzinfo is None:
        return when.date().isoformat()
    return when.astimezone(timezone(timedelta(minutes=utc_offset))).date().isoformat()


def reached_levels(index: CourseIndex, counted: dict[str, str]) -> dict[str, int]:
    """Per competency, the highest level L whose lessons (and those of every level below with
    lessons) all count; competencies with no level reached are left out."""
    reached: dict[str, int] = {}
    for cid, ladder in index.ladders.items():
        level = 0
        for rung, paths in ladder:
            if not all(p in counted for p in paths):
                break
            level = rung
        if level:
            reached[cid] = level
    return reached


def _step_done(index: CourseIndex, records: dict[str, Any], counted: dict[str, str], step) -> bool:
    kind, ref = step
    if kind == "lesson" and ref in index.by_path:
        return ref in counted
    if kind == "lesson":  # a step whose lesson the course does not have: marked done, as record.js
        entry = (records.get("lessons") or {}).get(ref)
        return bool(entry and entry.get("done"))
    return _passed(records.get("quizzes") or {}, ref)


def _step_date(records: dict[str, Any], counted: dict[str, str], step) -> str:
    kind, ref = step
    if kind == "lesson":
        return counted.get(ref, "")
    entry = (records.get("quizzes") or {}).get(ref) or {}
    last = entry.get("last") if isinstance(entry.get("last"), dict) else {}
    return _text(entry.get("passedDate")) or (_text(last.get("date")) if last.get("passed") else "")


def _levels(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {
        k: v
        for k, v in value.items()
        if isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5
    }


def first_attempt(entry: dict[str, Any]) -> dict[str, Any] | None:
    """The first attempt of a quiz: kept since Asah exports it; a single attempt is its own."""
    first = entry.get("first")
    if isinstance(first, dict):
        return first
    last = entry.get("last")
    return last if entry.get("attempts") == 1 and isinstance(last, dict) else None


def _answers(records: dict[str, Any]) -> list[Answer]:
    found = []
    for quiz, entry in (records.get("quizzes") or {}).items():
        attempt = first_attempt(entry)
        if not attempt:
            continue
        questions = attempt.get("questions")
        answers = attempt.get("answers")
        if not isinstance(questions, dict):
            continue
        answers = answers if isinstance(answers, dict) else {}
        total = attempt.get("score")
        total = float(total) if isinstance(total, (int, float)) else 0.0
        for question, outcome in questions.items():
            if not isinstance(outcome, dict):
                continue
            score = outcome.get("score")
            found.append(
                Answer(
                    quiz,
                    question,
                    _text(outcome.get("fp")),
                    float(score) if isinstance(score, (int, float)) else 0.0,
                    answers.get(question),
                    total,
                )
            )
    return found


def derive(index: CourseIndex, records: dict[str, Any], utc_offset: int = 0) -> Facts:
    counted = counted_lessons(index, records)
    years: dict[int, Year] = {}
    minutes = 0
    for path, date in counted.items():
        lesson_minutes = index.by_path[path].minutes
        minutes += lesson_minutes
        day = local_day(date, utc_offset)
        if not day:
            continue
        year = years.setdefault(int(day[:4]), Year(0, day, day))
        year.minutes += lesson_minutes
        year.start, year.end = min(year.start, day), max(year.end, day)
    paths, path_dates = [], {}
    for p in index.paths:
        done, last = 0, ""
        for step in p.steps:
            if _step_done(index, records, counted, step):
                done += 1
                last = max(last, _step_date(records, counted, step))
        complete = bool(p.steps) and done == len(p.steps)
        paths.append((p.id, done, len(p.steps), complete))
        if complete:
            path_dates[p.id] = last
    assessment = records.get("assessment") or {}
    target_spec = assessment.get("target") if isinstance(assessment, dict) else None
    target: dict[str, int] = {}
    if isinstance(target_spec, dict) and target_spec.get("kind") == "path":
        found = next((p for p in index.paths if p.id == target_spec.get("path")), None)
        target = dict(found.target) if found else {}
    elif isinstance(target_spec, dict):
        target = _levels(target_spec.get("levels"))
    quizzes = records.get("quizzes") or {}
    return Facts(
        counted=counted,
        minutes=minutes,
        years=dict(sorted(years.items())),
        reached=reached_levels(index, counted),
        paths=paths,
        path_dates=path_dates,
        current=_levels(assessment.get("current")),
        target=target,
        assessed=_text(assessment.get("date")),
        answers=_answers(records),
        solution_first=sum(1 for q in quizzes if _solution_before_pass(quizzes[q])),
    )


def _solution_before_pass(entry: dict[str, Any]) -> bool:
    seen = _text(entry.get("solutionDate"))
    if not seen:
        return False
    if not entry.get("passed"):
        return True
    return bool(entry.get("passedDate")) and seen < _text(entry.get("passedDate"))


def answer_key(answer: Any) -> str:
    """A stored answer as one text for counting choices: option positions joined by `|`
    (`"2"`, `"0|2"`), `true`/`false`; `*` for an answer that names no option (text, a number,
    an order); "" for no answer."""
    if answer is None:
        return ""
    if (
        isinstance(answer, list)
        and answer
        and all(isinstance(a, str) and a.isdigit() for a in answer)
    ):
        return "|".join(answer)
    if isinstance(answer, str) and (answer.isdigit() or answer in ("true", "false")):
        return answer
    return "*"
