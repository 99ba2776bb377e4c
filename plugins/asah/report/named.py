"""The per-learner table, only with `--with-names`: each learner's name, NIP, unit and position
with their JP, lessons, paths completed and competencies reached. It is never part of the
aggregate sections, and the report says it is there."""

from __future__ import annotations

from .course import ReportCourse
from .coverage import competencies_of
from .derive import jp
from .store import Store
from .table import Csv, Numbers, Section, Table


def named(course: ReportCourse, store: Store, numbers: Numbers, year: int) -> Section:
    t = course.strings
    per_jp = course.index.minutes_per_jp
    names = {c["id"]: c["name"] for c in competencies_of(course)}
    order = {cid: i for i, cid in enumerate(names)}
    section = Section("learners", t("report_named"), [t("report_named_intro")])
    rows, csv_rows = [], []
    for name, nip, unit, position, year_minutes, minutes, lessons, paths, reached in store.named():
        levels = sorted(
            (item.rsplit(":", 1) for item in reached.split(",") if item),
            key=lambda pair: order.get(pair[0], len(order)),
        )
        shown = ", ".join(f"{names.get(cid, cid)} {lv}" for cid, lv in levels)

        def amount(m: int) -> float | int | None:
            return jp(m, per_jp) if per_jp else m

        rows.append(
            [
                numbers.text(name or "—"),
                numbers.text(nip or "—"),
                numbers.text(unit or "—"),
                numbers.text(position or "—"),
                numbers.value(amount(year_minutes)),
                numbers.value(amount(minutes)),
                numbers.count(lessons),
                numbers.count(paths),
                numbers.text(shown or "—"),
            ]
        )
        csv_rows.append(
            [
                name,
                nip,
                unit,
                position,
                amount(year_minutes),
                amount(minutes),
                lessons,
                paths,
                ";".join(f"{cid}:{lv}" for cid, lv in levels),
            ]
        )
    what = "report_jp_col" if per_jp else "report_minutes_col"
    heads = [
        t("report_name"),
        t("report_nip"),
        t("report_unit"),
        t("report_position"),
        f"{t(what)} {year}",
        t("report_total_time", what=t(what)),
        t("report_lessons"),
        t("report_paths_completed"),
        t("report_competencies_reached"),
    ]
    section.blocks.append(Table("table-learners", t("report_named_table"), heads, rows))
    unit = "jp" if per_jp else "minutes"
    section.csv.append(
        Csv(
            "learners.csv",
            [
                "name",
                "nip",
                "unit",
                "position",
                f"{unit}_{year}",
                f"{unit}_total",
                "lessons",
                "paths_completed",
                "competencies_reached",
            ],
            csv_rows,
        )
    )
    return section
