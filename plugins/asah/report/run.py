"""`asah report`: the course, the records, the aggregation and the files, put together. Every file
that cannot be counted is named with the reason (`file: what is wrong`), the others are
counted, and the exit status says whether anything was skipped."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from ..cli.config import ConfigError
from ..core.i18n import Strings
from .attainment import attainment
from .collect import Collected, collect
from .course import ReportCourse, read_course
from .coverage import coverage
from .gaps import gaps
from .lrs import LrsError, Statements, check_url, from_lrs, shown_url
from .named import named
from .privacy import Privacy
from .questions import questions
from .records import parse_date
from .render import FileLink, write_csv, write_html
from .sources import find
from .store import Store
from .table import Note, Numbers, Section

OK, SKIPPED = 0, 1


@dataclass
class Options:
    config: Path
    records: list[str]
    out: Path
    privacy: Privacy
    year: int
    jobs: int = 1  # processes reading the files
    lrs: str = ""  # a record store's xAPI endpoint (lrs.py)
    since: str = ""  # its statements from, until (ISO 8601)
    until: str = ""
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)  # its credentials


def report(options: Options, out: TextIO, err: TextIO, now: datetime | None = None) -> int:
    """Write the report; 0 when every file was counted, 1 when some were skipped."""
    now = now or datetime.now(timezone.utc)
    course = read_course(options.config)
    t = course.strings
    if course.problems:
        print(
            t("report_course_problems", path=options.config.name, n=len(course.problems)), file=err
        )
    if options.lrs:
        _check_lrs(options, t)
    sources, missing = find(options.records)
    options.out.mkdir(parents=True, exist_ok=True)
    statements = Statements()
    if options.lrs:
        try:
            statements = from_lrs(course, options, now)
        except LrsError as error:
            print(t("report_" + error.key, **error.values), file=err)
            statements.failed = True
        for key, (n, example) in statements.skipped.items():
            print(t("report_" + key, url=shown_url(options.lrs), n=n, example=example), file=err)
    with tempfile.TemporaryDirectory(prefix="asah-report-") as work:
        folder = Path(work)
        found = collect(
            sources,
            course.data["site"],
            course.index,
            now,
            options.year,
            folder,
            options.jobs,
            statements.records,
        )
        for label, key in missing:
            print(f"{label}: {t('report_' + key)}", file=err)
        for skipped in found.skipped:
            print(f"{skipped.label}: {t('report_' + skipped.key, **skipped.values)}", file=err)
        for label, first in found.merged:
            print(f"{label}: {t('report_problem_same_learner', first=first)}", file=err)
        store = Store(folder, found.replaced)
        try:
            sections = _sections(course, store, options)
            versions = store.versions()
        finally:
            store.close()
    _write(course, options, found, len(missing), sections, versions, now, statements)
    skipped = len(found.skipped) + len(missing)
    print(
        t(
            "report_done",
            files=found.files,
            learners=found.learners,
            skipped=skipped,
            path=str(options.out / "index.html"),
        ),
        file=out,
    )
    return SKIPPED if skipped or statements.failed or statements.not_counted else OK


def _check_lrs(options: Options, t: Strings) -> None:
    """A usable `--lrs` address and dates, else ConfigError (the command is used wrongly)."""
    try:
        check_url(options.lrs)
    except LrsError as error:
        raise ConfigError(t("report_" + error.key, **error.values)) from None
    for flag, value in (("--since", options.since), ("--until", options.until)):
        if value and parse_date(value) is None:
            raise ConfigError(t("report_lrs_bad_date", flag=flag, value=value))


def _sections(course: ReportCourse, store: Store, options: Options) -> list[Section]:
    numbers = Numbers(course.strings, options.privacy.min_group)
    found = [coverage(course, numbers)]
    if store.learners():
        found += [
            attainment(course, store, numbers, options.privacy, options.year),
            gaps(course, store, numbers, options.privacy),
            questions(course, store, numbers, options.privacy),
        ]
        if options.privacy.with_names:
            found.append(named(course, store, numbers, options.year))
    return found


def _write(
    course: ReportCourse,
    options: Options,
    found: Collected,
    missing: int,
    sections: list[Section],
    versions: list[tuple[str, int]],
    now: datetime,
    statements: Statements,
) -> None:
    t = course.strings
    data = course.data
    current = data.get("course_version", "")
    other = sum(n for version, n in versions if version and version != current)
    unknown = sum(n for version, n in versions if not version)
    facts = [
        (t("report_fact_files"), t.number(found.files)),
        (t("report_fact_learners"), t.number(found.learners)),
        (t("report_fact_skipped"), t.number(len(found.skipped) + missing)),
        (t("report_fact_merged"), t.number(len(found.merged))),
        (t("report_fact_year"), str(options.year)),
    ]
    if options.lrs:
        facts.insert(
            1,
            (
                t("report_fact_statements"),
                t("report_lrs_failed")
                if statements.failed
                else t(
                    "report_statements_n",
                    n=t.number(statements.read),
                    learners=t.number(len(statements.records)),
                ),
            ),
        )
    notes = []
    if not found.learners:
        notes.append(Note(t("report_no_records")))
    if statements.failed:
        notes.append(Note(t("report_lrs_failed_note"), "warn"))
    if found.skipped or missing:
        notes.append(
            Note(t("report_skipped_note", n=t.number(len(found.skipped) + missing)), "warn")
        )
    if other:
        notes.append(Note(t("report_other_versions", n=t.number(other), version=current)))
    if unknown:
        notes.append(Note(t("report_version_1", n=t.number(unknown))))
    k = options.privacy.min_group
    rules = [
        t("report_rule_names"),
        t("report_rule_cells", n=k),
        t("report_rule_units", n=k),
        t("report_rule_first"),
    ]
    rules.append(
        t("report_rule_with_names") if options.privacy.with_names else t("report_rule_no_names")
    )
    files = []
    for section in sections:
        for table in section.csv:
            write_csv(options.out, table)
            files.append(
                FileLink(
                    table.name, t(f"report_csv_{table.name.removesuffix('.csv').replace('-', '_')}")
                )
            )
    meta = t(
        "report_meta",
        site=data["site"],
        version=current or "—",
        date=now.astimezone().strftime("%Y-%m-%d %H:%M"),
    )
    write_html(
        options.out,
        t,
        t("report_title", course=data["title"]),
        meta,
        facts,
        notes,
        rules,
        sections,
        files,
    )
