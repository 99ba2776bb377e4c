"""Reading every file once: each good file is counted (derive.py) and written as rows of a few
tables — CSV files in a work folder, which DuckDB then aggregates (store.py) — and each bad one
is set aside with the reason. Nothing of a file is kept in memory after its rows are written,
so memory stays flat however many files there are. A learner with several files gets their
merged record written under a new number, and the rows of the files it replaces are dropped in
the aggregation."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat
from pathlib import Path
from typing import Any

from . import records as record_files
from .derive import CourseIndex, Facts, answer_key, derive
from .learners import Groups, identity, merge_files
from .records import RecordFile, RecordProblem
from .sources import Reader, Source, iterate

# the tables' columns, in the order written (store.py reads them by these names and types)
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "learners": (
        ("idx", "INTEGER"),
        ("unit_key", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("position", "VARCHAR"),
        ("name", "VARCHAR"),
        ("nip", "VARCHAR"),
        ("minutes", "INTEGER"),
        ("minutes_year", "INTEGER"),
        ("lessons", "INTEGER"),
        ("paths_complete", "INTEGER"),
        ("course_version", "VARCHAR"),
        ("solution_first", "INTEGER"),
        ("assessed", "INTEGER"),
    ),
    "reached": (("idx", "INTEGER"), ("competency", "VARCHAR"), ("level", "INTEGER")),
    "paths": (
        ("idx", "INTEGER"),
        ("path", "VARCHAR"),
        ("done", "INTEGER"),
        ("total", "INTEGER"),
        ("complete", "INTEGER"),
    ),
    "assess": (
        ("idx", "INTEGER"),
        ("competency", "VARCHAR"),
        ("current", "INTEGER"),
        ("target", "INTEGER"),
    ),
    "answers": (
        ("idx", "INTEGER"),
        ("quiz", "VARCHAR"),
        ("question", "VARCHAR"),
        ("fp", "VARCHAR"),
        ("score", "DOUBLE"),
        ("answer", "VARCHAR"),
        ("attempt", "DOUBLE"),
    ),
}


def _line(text: str) -> str:
    """A learner's text on one line (units and names are one-line fields)."""
    return " ".join(text.split())


class Rows:
    """Writes the tables' rows as CSV files `<table>-<part>.csv` in `folder`."""

    def __init__(self, folder: Path, part: str, year: int) -> None:
        self.year = year
        self._files = {
            name: (folder / f"{name}-{part}.csv").open("w", encoding="utf-8", newline="")
            for name in TABLES
        }
        self._out = {name: csv.writer(file) for name, file in self._files.items()}

    def write(self, idx: int, record: RecordFile, facts: Facts) -> None:
        learner = record.learner
        unit = _line(learner.get("unit", ""))
        year = facts.years.get(self.year)
        self._out["learners"].writerow(
            (
                idx,
                unit.casefold(),
                unit,
                _line(learner.get("position", "")),
                _line(learner.get("name", "")),
                _line(learner.get("nip", "")),
                facts.minutes,
                year.minutes if year else 0,
                len(facts.counted),
                sum(1 for p in facts.paths if p[3]),
                record.course_version,
                facts.solution_first,
                1 if facts.current or facts.target else 0,
            )
        )
        self._out["reached"].writerows((idx, c, level) for c, level in facts.reached.items())
        self._out["paths"].writerows(
            (idx, path, done, total, int(complete)) for path, done, total, complete in facts.paths
        )
        assessed = dict.fromkeys([*facts.current, *facts.target])
        self._out["assess"].writerows(
            (idx, c, facts.current.get(c, 0), facts.target.get(c, "")) for c in assessed
        )
        self._out["answers"].writerows(
            (idx, a.quiz, a.question, a.fp, a.score, answer_key(a.answer), a.attempt_score)
            for a in facts.answers
        )

    def close(self) -> None:
        for file in self._files.values():
            file.close()


@dataclass
class Skipped:
    """A file not counted: its label, and why (interface string key and values)."""

    label: str
    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Collected:
    files: int = 0  # files read
    counted: int = 0  # files counted
    skipped: list[Skipped] = field(default_factory=list)
    merged: list[tuple[str, str]] = field(default_factory=list)  # (file, the first of its learner)
    replaced: set[int] = field(default_factory=set)  # file numbers whose rows are dropped
    learners: int = 0


@dataclass(frozen=True)
class Job:
    """What reading a part of the sources needs (sent to a worker process as it is)."""

    site: str
    index: CourseIndex
    now: datetime
    year: int
    folder: Path


@dataclass
class Part:
    files: int = 0
    keys: dict[int, tuple[str, ...]] = field(default_factory=dict)  # file number → who
    skipped: list[Skipped] = field(default_factory=list)


# below this many files one process reads them all; above, the machine's cores share them
PARALLEL_FROM = 2000
PARTS_PER_WORKER = 4


def read_part(job: Job, first: int, sources: list[Source]) -> Part:
    """Read, check and count the sources numbered `first`, `first` + 1, …: their rows go to
    files of their own (`<table>-<first>.csv`)."""
    part = Part()
    rows = Rows(job.folder, str(first), job.year)
    try:
        for number, (source, data) in enumerate(iterate(sources), first):
            part.files += 1
            if isinstance(data, str):
                part.skipped.append(Skipped(source.label, data))
                continue
            try:
                record = record_files.read(data, job.site, job.now)
            except RecordProblem as problem:
                part.skipped.append(Skipped(source.label, problem.key, problem.values))
                continue
            record.keys = part.keys[number] = identity(record)
            rows.write(number, record, derive(job.index, record.records, record.utc_offset))
    finally:
        rows.close()
    return part


def _parts(job: Job, sources: list[Source], jobs: int) -> list[Part]:
    if jobs <= 1 or len(sources) < PARALLEL_FROM:
        return [read_part(job, 0, sources)]
    size = -(-len(sources) // (jobs * PARTS_PER_WORKER))  # consecutive, so a zip stays together
    starts = range(0, len(sources), size)
    with ProcessPoolExecutor(jobs) as pool:
        return list(
            pool.map(read_part, repeat(job), starts, (sources[i : i + size] for i in starts))
        )


def collect(
    sources: list[Source],
    site: str,
    index: CourseIndex,
    now: datetime,
    year: int,
    folder: Path,
    jobs: int = 1,
    extra: Sequence[tuple[str, RecordFile]] = (),
) -> Collected:
    """Read, check and count every source (in `jobs` processes), and the records `extra`
    (labelled, their `keys` set: a record store's learners, lrs.py); learners with several
    files or records are merged."""
    job = Job(site, index, now, year, folder)
    result = Collected()
    groups = Groups()
    for part in _parts(job, sources, jobs):
        result.files += part.files
        result.skipped += part.skipped
        result.counted += len(part.keys)
        for number, keys in part.keys.items():
            groups.add(number, keys)
    if extra:
        rows = Rows(folder, "extra", year)
        try:
            for number, (_, record) in enumerate(extra, len(sources)):
                groups.add(number, record.keys)
                rows.write(number, record, derive(index, record.records, record.utc_offset))
        finally:
            rows.close()
        result.counted += len(extra)
    shared = groups.shared()
    result.learners = result.counted - sum(len(files) - 1 for files in shared)
    if shared:
        _merge(shared, sources, extra, site, index, now, year, folder, result)
    return result


def _merge(
    shared: list[list[int]],
    sources: list[Source],
    extra: Sequence[tuple[str, RecordFile]],
    site: str,
    index: CourseIndex,
    now: datetime,
    year: int,
    folder: Path,
    result: Collected,
) -> None:
    """Each learner with several files counted once, from their merged record, under a number
    after the files' own; the files' own rows are dropped (`replaced`)."""
    rows = Rows(folder, "merged", year)
    after = len(sources) + len(extra)

    def label(i: int) -> str:
        return sources[i].label if i < len(sources) else extra[i - len(sources)][0]

    try:
        with Reader() as reader:
            for n, numbers in enumerate(shared):
                files = []
                for i in numbers:
                    if i >= len(sources):
                        files.append(extra[i - len(sources)][1])
                        continue
                    file = record_files.read(reader.read(sources[i]), site, now)
                    file.keys = identity(file)
                    files.append(file)
                merged = merge_files(files)
                rows.write(after + n, merged, derive(index, merged.records, merged.utc_offset))
                result.replaced.update(numbers)
                result.merged += [(label(i), label(numbers[0])) for i in numbers[1:]]
    finally:
        rows.close()
