"""Attainment: learners per competency and level reached (a heat map and its table), the JP of
the report's year against the yearly target (a histogram and its table), and completion per
path and per unit."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from .course import ReportCourse
from .coverage import competencies_of
from .derive import jp
from .privacy import Privacy
from .store import Store
from .svg import heat_map, histogram
from .table import Cell, Csv, Numbers, Picture, Section, Table
from .units import OTHER, pool


def median(values: list[tuple[int, int]]) -> int:
    """The median of a distribution given as (value, count), ascending (the lower middle)."""
    total = sum(n for _, n in values)
    seen = 0
    for value, n in values:
        seen += n
        if seen * 2 >= total:
            return value
    return 0


def bins(per_jp: int | None, target: int | None) -> list[tuple[int, int | None]]:
    """Histogram bins as [low, high) in minutes: none at all, then four up to the target (20 JP
    when there is none), then the target or more; in hours when the site counts no JP."""
    step = (target or 20) * per_jp // 4 if per_jp else 120
    edges = [1, step, 2 * step, 3 * step, 4 * step]
    return [(0, 1), *pairwise(edges), (edges[-1], None)]


def _bin_label(course: ReportCourse, low: int, high: int | None) -> str:
    """ "0 JP", "di bawah 5 JP", "5–9,9 JP", "20 JP atau lebih" (minutes on a site without JP)."""
    t, per_jp = course.strings, course.index.minutes_per_jp

    def amount(minutes: int) -> str:
        number = t.number(jp(minutes, per_jp) or 0) if per_jp else t.number(minutes)
        return t("report_jp" if per_jp else "report_minutes", jp=number, minutes=number)

    if high == 1:
        return amount(0)
    if high is None:
        return t("report_bin_more", amount=amount(low))
    if low == 1:
        return t("report_bin_under", amount=amount(high))
    top = high - (per_jp // 10 if per_jp else 1)  # the last value shown inside the bin
    number = (lambda m: t.number(jp(m, per_jp) or 0)) if per_jp else t.number
    return t(
        "report_jp" if per_jp else "report_minutes",
        jp=f"{number(low)}–{number(top)}",
        minutes=f"{number(low)}–{number(top)}",
    )


def attainment(
    course: ReportCourse, store: Store, numbers: Numbers, privacy: Privacy, year: int
) -> Section:
    t = course.strings
    per_jp, target = course.index.minutes_per_jp, course.data.get("jp_target")
    learners = store.learners()
    section = Section("attainment", t("report_attainment"), [t("report_attainment_intro")])
    if not learners:
        return section
    # heat map: learners who reached at least each level
    ladders = course.index.ladders
    levels = sorted({lv for ladder in ladders.values() for lv, _ in ladder})
    highest: dict[str, dict[int, int]] = defaultdict(dict)
    for cid, level, n in store.reached():
        highest[cid][level] = n
    shown = [c for c in competencies_of(course) if c["id"] in ladders]
    grid, rows, csv_rows = [], [], []
    for c in shown:
        picture_row, cells = [], [numbers.text(c["name"])]
        for level in levels:
            n = sum(count for lv, count in highest[c["id"]].items() if lv >= level)
            has_lessons = any(lv == level for lv, _ in ladders[c["id"]])
            count = privacy.count(n)
            if not has_lessons:
                picture_row.append(("—", -1.0))
                cells.append(Cell("—", ""))
                continue
            cell = numbers.count(count)
            text = (
                cell.text if count is None else f"{cell.text} ({numbers.share(n / learners).text})"
            )
            picture_row.append((cell.text, None if count is None else n / learners))
            cells.append(Cell(text, cell.csv, cell.hidden))
            csv_rows.append(
                [
                    c["id"],
                    c["name"],
                    level,
                    cell.csv,
                    "" if count is None else round(n / learners, 4),
                ]
            )
        grid.append(picture_row)
        rows.append(cells)
    heads = [t("report_competency")] + [t("report_level_n", n=lv) for lv in levels]
    heat_title = t("report_heat_title", n=t.number(learners))
    section.blocks += [
        Picture(
            heat_map(
                "heat",
                heat_title,
                [c["name"] for c in shown],
                [t("report_level_n", n=lv) for lv in levels],
                grid,
            ),
            "table-heat",
        ),
        Table("table-heat", heat_title, heads, rows),
    ]
    section.csv.append(
        Csv(
            "attainment.csv",
            ["competency_id", "competency", "level", "learners_at_least", "share"],
            csv_rows,
        )
    )
    _jp(course, store, numbers, privacy, year, learners, per_jp, target, section)
    _paths(course, store, numbers, privacy, learners, section)
    _units(course, store, numbers, privacy, per_jp, target, section)
    return section


def _jp(course, store, numbers, privacy, year, learners, per_jp, target, section) -> None:
    t = course.strings
    spread = store.minutes_year()
    edges = bins(per_jp, target)
    counts = [
        sum(n for m, n in spread if m >= low and (high is None or m < high)) for low, high in edges
    ]
    labels = [_bin_label(course, low, high) for low, high in edges]
    middle = median(spread)
    shown = t(
        ("report_jp" if per_jp else "report_minutes"),
        jp=t.number(jp(middle, per_jp) or 0),
        minutes=t.number(middle),
    )
    # a median of fewer learners than the rule allows is one of them
    summary = t(
        "report_jp_summary",
        year=year,
        n=t.number(learners),
        median=shown if privacy.enough(learners) else numbers.hidden_text,
    )
    section.intro.append(summary)
    if per_jp and target:
        reached = sum(n for m, n in spread if (jp(m, per_jp) or 0) >= target)
        shown = privacy.count(reached)
        section.intro.append(
            t(
                "report_jp_target",
                target=t.number(target),
                n=numbers.count(shown).text,
                share=numbers.share(reached / learners).text if shown is not None else "—",
            )
        )
    bars, rows, csv_rows = [], [], []
    for label, n in zip(labels, counts, strict=True):
        count = privacy.count(n)
        cell = numbers.count(count)
        bars.append((label, count, cell.text))
        rows.append(
            [
                numbers.text(label),
                cell,
                numbers.share(n / learners) if count is not None else numbers.hidden(),
            ]
        )
        csv_rows.append([label, cell.csv, "" if count is None else round(n / learners, 4)])
    title = t("report_jp_title", year=year)
    highlight = len(bars) - 1 if per_jp and target else None
    section.blocks += [
        Picture(histogram("jp", title, bars, highlight), "table-jp"),
        Table(
            "table-jp", title, [t("report_jp_bin"), t("report_learners"), t("report_share")], rows
        ),
    ]
    section.csv.append(Csv("jp.csv", ["bin", "learners", "share"], csv_rows))


def _paths(course, store, numbers, privacy, learners, section) -> None:
    t = course.strings
    found = {path: (began, done) for path, began, done in store.paths()}
    rows, csv_rows = [], []
    for p in course.index.paths:
        began, done = found.get(p.id, (0, 0))
        b, d = privacy.count(began), privacy.count(done)
        rows.append(
            [
                numbers.text(p.title),
                numbers.count(len(p.steps)),
                numbers.count(b),
                numbers.count(d),
                numbers.share(done / learners) if d is not None else numbers.hidden(),
            ]
        )
        csv_rows.append([p.id, p.title, len(p.steps), numbers.count(b).csv, numbers.count(d).csv])
    if rows:
        section.blocks.append(
            Table(
                "table-paths",
                t("report_paths"),
                [
                    t("report_path"),
                    t("report_steps"),
                    t("report_began"),
                    t("report_completed"),
                    t("report_share_completed"),
                ],
                rows,
            )
        )
        section.csv.append(
            Csv("paths.csv", ["path_id", "path", "steps", "began", "completed"], csv_rows)
        )


def _units(course, store, numbers, privacy, per_jp, target, section) -> None:
    t = course.strings
    rows_shown, row_of = pool(store.units(), privacy.min_group, t)
    minutes: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for key, m, n in store.unit_minutes():
        minutes[row_of[key]].append((m, n))
    completed: dict[tuple[str, str], int] = defaultdict(int)
    for key, path, n in store.unit_paths():
        completed[(row_of[key], path)] += n
    paths = course.index.paths
    heads = [
        t("report_unit"),
        t("report_learners"),
        t("report_median_jp" if per_jp else "report_median_minutes"),
    ]
    if per_jp and target:
        heads.append(t("report_reached_target", target=t.number(target)))
    heads += [t("report_completed_path", path=p.title) for p in paths]
    rows, csv_rows = [], []
    for unit in rows_shown:
        spread = sorted(minutes[unit.key])
        enough = privacy.enough(unit.learners)
        middle = median(spread)
        cells = [
            numbers.text(unit.name),
            numbers.count(privacy.count(unit.learners)),
            numbers.value(jp(middle, per_jp) if per_jp else middle) if enough else numbers.hidden(),
        ]
        csv_row = [
            unit.name if unit.key != OTHER else "",
            unit.learners if enough else numbers.hidden_text,
            cells[-1].csv,
        ]
        if per_jp and target:
            n = sum(c for m, c in spread if (jp(m, per_jp) or 0) >= target)
            cells.append(numbers.count(privacy.count(n)) if enough else numbers.hidden())
            csv_row.append(cells[-1].csv)
        for p in paths:
            cells.append(
                numbers.count(privacy.count(completed[(unit.key, p.id)]))
                if enough
                else numbers.hidden()
            )
            csv_row.append(cells[-1].csv)
        rows.append(cells)
        csv_rows.append(csv_row)
    section.blocks.append(Table("table-units", t("report_units"), heads, rows))
    csv_heads = ["unit", "learners", "median_jp" if per_jp else "median_minutes"]
    if per_jp and target:
        csv_heads.append("reached_target")
    csv_heads += [f"completed:{p.id}" for p in paths]
    section.csv.append(Csv("units.csv", csv_heads, csv_rows))
