"""Gaps: the self-assessments together — per competency, where learners stand against their
targets; by unit, where the gaps are largest; and the lessons that close the most gaps."""

from __future__ import annotations

from collections import defaultdict

from .course import ReportCourse
from .coverage import competencies_of
from .derive import jp
from .privacy import Privacy
from .store import Store
from .table import Csv, Numbers, Section, Table
from .units import OTHER, pool

SHOWN_UNIT_GAPS = 20  # the largest unit × competency gaps shown; the CSV has them all
SHOWN_LESSONS = 10


def gaps(course: ReportCourse, store: Store, numbers: Numbers, privacy: Privacy) -> Section:
    t = course.strings
    section = Section("gaps", t("report_gaps"), [t("report_gaps_intro")])
    names = {c["id"]: c["name"] for c in competencies_of(course)}
    order = {c["id"]: i for i, c in enumerate(competencies_of(course))}
    found = sorted(store.gaps(), key=lambda row: order.get(row[0], len(order)))
    if not found:
        section.intro.append(t("report_no_assessments"))
    rows, csv_rows = [], []
    for cid, n, current, target, below, gap in found:
        enough = privacy.enough(n)
        shown_below = privacy.count(below)
        cells = [
            numbers.text(names.get(cid, cid)),
            numbers.count(privacy.count(n)),
            numbers.value(current) if enough else numbers.hidden(),
            numbers.value(target) if enough else numbers.hidden(),
            numbers.count(shown_below) if enough else numbers.hidden(),
            numbers.share(below / n) if enough and shown_below is not None else numbers.hidden(),
            numbers.value(gap) if enough and shown_below is not None else numbers.hidden(),
        ]
        rows.append(cells)
        csv_rows.append([cid, names.get(cid, cid), *(c.csv for c in cells[1:])])
    heads = [
        t("report_competency"),
        t("report_with_target"),
        t("report_mean_current"),
        t("report_mean_target"),
        t("report_below_target"),
        t("report_share"),
        t("report_mean_gap"),
    ]
    if rows:
        section.blocks.append(Table("table-gaps", t("report_gaps_by_competency"), heads, rows))
    section.csv.append(
        Csv(
            "gaps.csv",
            [
                "competency_id",
                "competency",
                "learners",
                "mean_current",
                "mean_target",
                "below_target",
                "share_below",
                "mean_gap",
            ],
            csv_rows,
        )
    )
    _by_unit(course, store, numbers, privacy, names, section)
    _closing(course, store, numbers, privacy, names, section)
    return section


def _by_unit(course, store, numbers, privacy, names, section) -> None:
    t = course.strings
    shown, row_of = pool(store.units(), privacy.min_group, t)
    unit_names = {u.key: u.name for u in shown}
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    for key, cid, n, mean in store.unit_gaps():
        cell = totals[(row_of[key], cid)]
        cell[0] += n
        cell[1] += n * mean
    ranked = sorted(
        (
            (unit, cid, int(n), total / n)
            for (unit, cid), (n, total) in totals.items()
            if privacy.enough(int(n))
        ),
        key=lambda row: (-row[3], -row[2], unit_names.get(row[0], ""), row[1]),
    )
    rows = [
        [
            numbers.text(unit_names[unit]),
            numbers.text(names.get(cid, cid)),
            numbers.count(n),
            numbers.value(mean, 2),
        ]
        for unit, cid, n, mean in ranked[:SHOWN_UNIT_GAPS]
    ]
    if rows:
        section.blocks.append(
            Table(
                "table-unit-gaps",
                t("report_gaps_by_unit", n=SHOWN_UNIT_GAPS),
                [
                    t("report_unit"),
                    t("report_competency"),
                    t("report_with_target"),
                    t("report_mean_gap"),
                ],
                rows,
            )
        )
    section.csv.append(
        Csv(
            "gaps-by-unit.csv",
            ["unit", "competency_id", "competency", "learners", "mean_gap"],
            [
                [unit_names[u] if u != OTHER else "", cid, names.get(cid, cid), n, round(mean, 4)]
                for u, cid, n, mean in ranked
            ],
        )
    )


def _closing(course, store, numbers, privacy, names, section) -> None:
    t = course.strings
    per_jp = course.index.minutes_per_jp
    builds = [
        (lesson.path, cid, level)
        for lesson in course.index.lessons
        for cid, level in lesson.levels.items()
    ]
    found = store.closing(builds)
    rows, csv_rows = [], []
    for path, n in found:
        lesson = course.index.by_path[path]
        what = ", ".join(
            f"{names.get(cid, cid)} {t('report_level_n', n=level)}"
            for cid, level in lesson.levels.items()
        )
        count = privacy.count(n)
        time = jp(lesson.minutes, per_jp) if per_jp else lesson.minutes
        csv_rows.append([path, lesson.title, what, numbers.count(count).csv, time])
        if len(rows) < SHOWN_LESSONS:
            rows.append(
                [
                    numbers.text(lesson.title),
                    numbers.text(what),
                    numbers.count(count),
                    numbers.value(time),
                ]
            )
    if rows:
        section.blocks.append(
            Table(
                "table-closing",
                t("report_closing", n=SHOWN_LESSONS),
                [
                    t("report_lesson"),
                    t("report_builds"),
                    t("report_closes_for"),
                    t("report_jp_col" if per_jp else "report_minutes_col"),
                ],
                rows,
            )
        )
    section.csv.append(
        Csv(
            "gap-lessons.csv",
            ["lesson", "title", "builds", "learners", "jp" if per_jp else "minutes"],
            csv_rows,
        )
    )
