"""Coverage: what the course offers per competency and level — lessons, questions and JP —
from the course alone (a report with no records still has it). A cell with nothing is a gap."""

from __future__ import annotations

from dataclasses import dataclass, field

from .course import ReportCourse
from .derive import jp
from .table import Cell, Csv, Numbers, Section, Table


@dataclass
class Spot:
    lessons: list[str] = field(default_factory=list)  # titles
    minutes: int = 0
    questions: int = 0


def levels_of(course: ReportCourse) -> list[int]:
    """The framework's levels (1–5 for ASN), else those the lessons use."""
    named = sorted(int(k) for k in course.data["framework"].get("levels", {}) if str(k).isdigit())
    used = {lv for lesson in course.index.lessons for lv in lesson.levels.values()}
    return named or sorted(used)


def competencies_of(course: ReportCourse) -> list[dict[str, str]]:
    """The framework's competencies in order, each with its group's name."""
    return [
        {**c, "group": group["name"]}
        for group in course.data["framework"]["groups"]
        for c in group["competencies"]
    ]


def grid(course: ReportCourse) -> dict[tuple[str, int], Spot]:
    spots: dict[tuple[str, int], Spot] = {}
    for lesson in course.index.lessons:
        for cid, level in lesson.levels.items():
            spot = spots.setdefault((cid, level), Spot())
            spot.lessons.append(lesson.title)
            spot.minutes += lesson.minutes
    for question in course.questions.values():
        for cid, level in question.competencies.items():
            if isinstance(level, int):
                spots.setdefault((cid, level), Spot()).questions += 1
    return spots


def coverage(course: ReportCourse, numbers: Numbers) -> Section:
    t = course.strings
    per_jp = course.index.minutes_per_jp
    levels = levels_of(course)
    spots = grid(course)

    def time(minutes: int) -> str:
        if per_jp:
            return t("report_jp", jp=t.number(jp(minutes, per_jp) or 0))
        return t("report_minutes", minutes=t.number(minutes))

    rows, csv_rows = [], []
    for c in competencies_of(course):
        cells = [numbers.text(c["name"])]
        named = [c["group"], c["id"], c.get("code") or "", c["name"]]  # each CSV row's start
        total = 0
        for level in levels:
            spot = spots.get((c["id"], level))
            if not spot:
                cells.append(Cell("—", ""))
                csv_rows.append([*named, level, 0, 0, 0, 0 if per_jp else "", ""])
                continue
            total += spot.minutes
            parts = [t.count("report_lessons_n", len(spot.lessons))]
            if spot.questions:
                parts.append(t.count("report_questions_n", spot.questions))
            if spot.minutes:
                parts.append(time(spot.minutes))
            cells.append(Cell(", ".join(parts), len(spot.lessons)))
            csv_rows.append(
                [
                    *named,
                    level,
                    len(spot.lessons),
                    spot.questions,
                    spot.minutes,
                    jp(spot.minutes, per_jp) if per_jp else "",
                    "; ".join(spot.lessons),
                ]
            )
        cells.append(Cell(time(total) if total else "—", total))
        rows.append(cells)
    heads = [t("report_competency")] + [t("report_level_n", n=lv) for lv in levels]
    gaps = sum(1 for row in rows for cell in row[1:-1] if cell.text == "—")
    return Section(
        "coverage",
        t("report_coverage"),
        [t("report_coverage_intro"), t("report_coverage_gaps", n=t.number(gaps))],
        [Table("table-coverage", t("report_coverage_table"), [*heads, t("report_total")], rows)],
        [
            Csv(
                "coverage.csv",
                [
                    "group",
                    "competency_id",
                    "code",
                    "competency",
                    "level",
                    "lessons",
                    "questions",
                    "minutes",
                    "jp",
                    "lesson_titles",
                ],
                csv_rows,
            )
        ],
    )
