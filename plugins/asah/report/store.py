"""The aggregation, in DuckDB: the rows collect.py wrote are read into an in-memory database
(spilling to the work folder when memory runs short) and every figure of the report is one
query. Results are plain numbers; privacy.py and sections.py decide what may be shown."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from .collect import TABLES

# the top and bottom 27 % of a quiz's first attempts, by score (Kelley's groups)
GROUP_SHARE = 0.27


class Store:
    def __init__(self, folder: Path, replaced: Iterable[int], memory: str = "600MB") -> None:
        self.db = duckdb.connect(config={"memory_limit": memory, "temp_directory": str(folder)})
        self.db.execute("CREATE TABLE replaced (idx INTEGER)")
        dropped = [(i,) for i in replaced]
        if dropped:
            self.db.executemany("INSERT INTO replaced VALUES (?)", dropped)
        for table, columns in TABLES.items():
            files = sorted(str(p) for p in folder.glob(f"{table}-*.csv") if p.stat().st_size)
            spec = ", ".join(f"{name} {kind}" for name, kind in columns)
            if not files:
                self.db.execute(f"CREATE TABLE {table} ({spec})")
                continue
            types = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns) + "}"
            self.db.execute(
                f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = false, "
                f"columns = {types}, quote = '\"', escape = '\"', auto_detect = false) "
                "WHERE idx NOT IN (SELECT idx FROM replaced)",
                [files],
            )

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return self.db.execute(sql, list(params)).fetchall()

    def close(self) -> None:
        self.db.close()

    # -- learners --------------------------------------------------------------------------

    def learners(self) -> int:
        return self.rows("SELECT count(*) FROM learners")[0][0]

    def versions(self) -> list[tuple[str, int]]:
        """Learners by the course version their file was made on ("" for version 1 files)."""
        return self.rows(
            "SELECT course_version, count(*) FROM learners GROUP BY 1 ORDER BY 2 DESC, 1"
        )

    def minutes_year(self) -> list[tuple[int, int]]:
        """(minutes in the report's year, learners), for the JP distribution."""
        return self.rows("SELECT minutes_year, count(*) FROM learners GROUP BY 1 ORDER BY 1")

    def units(self) -> list[tuple[str, str, int]]:
        """(unit key, the unit as most learners write it, learners), largest first."""
        return self.rows(
            "SELECT unit_key, mode(unit), count(*) FROM learners GROUP BY 1 ORDER BY 3 DESC, 1"
        )

    def unit_minutes(self) -> list[tuple[str, int, int]]:
        return self.rows(
            "SELECT unit_key, minutes_year, count(*) FROM learners GROUP BY 1, 2 ORDER BY 1, 2"
        )

    # -- attainment ------------------------------------------------------------------------

    def reached(self) -> list[tuple[str, int, int]]:
        """(competency, level reached as the highest, learners)."""
        return self.rows("SELECT competency, level, count(*) FROM reached GROUP BY 1, 2")

    def paths(self) -> list[tuple[str, int, int]]:
        """(path, learners who began it, learners who completed it)."""
        return self.rows(
            "SELECT path, count(*) FILTER (WHERE done > 0), count(*) FILTER (WHERE complete = 1)"
            " FROM paths GROUP BY 1"
        )

    def unit_paths(self) -> list[tuple[str, str, int]]:
        """(unit key, path, learners of the unit who completed it)."""
        return self.rows(
            "SELECT l.unit_key, p.path, count(*) FILTER (WHERE p.complete = 1) FROM paths p"
            " JOIN learners l USING (idx) GROUP BY 1, 2"
        )

    # -- gaps ------------------------------------------------------------------------------

    def gaps(self) -> list[tuple[str, int, float, float, int, float | None]]:
        """Per competency with a target: (competency, learners, mean current level, mean
        target, learners below target, mean gap of those)."""
        return self.rows(
            "SELECT competency, count(*), avg(current), avg(target),"
            " count(*) FILTER (WHERE target > current),"
            " avg(target - current) FILTER (WHERE target > current)"
            " FROM assess WHERE target IS NOT NULL GROUP BY 1"
        )

    def unit_gaps(self) -> list[tuple[str, str, int, float]]:
        """(unit key, competency, learners with a target, mean gap, 0 when at or above)."""
        return self.rows(
            "SELECT l.unit_key, a.competency, count(*), avg(greatest(a.target - a.current, 0))"
            " FROM assess a JOIN learners l USING (idx) WHERE a.target IS NOT NULL GROUP BY 1, 2"
        )

    def closing(self, lesson_levels: list[tuple[str, str, int]]) -> list[tuple[str, int]]:
        """(lesson, learners for whom it builds a competency at a level between their
        current level and their target), most first."""
        self.db.execute(
            "CREATE OR REPLACE TABLE builds (lesson VARCHAR, competency VARCHAR, level INTEGER)"
        )
        if lesson_levels:
            self.db.executemany("INSERT INTO builds VALUES (?, ?, ?)", lesson_levels)
        return self.rows(
            "SELECT b.lesson, count(DISTINCT a.idx) FROM assess a JOIN builds b"
            " ON a.competency = b.competency AND b.level > a.current AND b.level <= a.target"
            " GROUP BY 1 ORDER BY 2 DESC, 1"
        )

    # -- questions -------------------------------------------------------------------------

    _BANDS = f"""
        WITH attempts AS (SELECT DISTINCT idx, quiz, attempt FROM answers),
        ranked AS (
            SELECT idx, quiz,
                row_number() OVER (PARTITION BY quiz ORDER BY attempt, hash(idx)) AS rn,
                count(*) OVER (PARTITION BY quiz) AS n
            FROM attempts),
        bands AS (
            SELECT idx, quiz, CASE
                WHEN rn > n - floor(n * {GROUP_SHARE}) THEN 'high'
                WHEN rn <= floor(n * {GROUP_SHARE}) THEN 'low' ELSE '' END AS band
            FROM ranked)
    """

    def questions(self) -> list[tuple[Any, ...]]:
        """Per (quiz, question, fingerprint): answers, share fully right, mean score, and in
        the high and low groups the answers and the share fully right."""
        return self.rows(
            self._BANDS
            + """
            SELECT a.quiz, a.question, a.fp, count(*),
                avg(CASE WHEN a.score >= 0.999 THEN 1 ELSE 0 END), avg(a.score),
                count(*) FILTER (WHERE b.band = 'high'),
                avg(CASE WHEN a.score >= 0.999 THEN 1 ELSE 0 END) FILTER (WHERE b.band = 'high'),
                count(*) FILTER (WHERE b.band = 'low'),
                avg(CASE WHEN a.score >= 0.999 THEN 1 ELSE 0 END) FILTER (WHERE b.band = 'low'),
                count(*) FILTER (WHERE a.answer = '')
            FROM answers a JOIN bands b USING (idx, quiz)
            GROUP BY 1, 2, 3"""
        )

    def options(self) -> list[tuple[str, str, str, str, int, int]]:
        """(quiz, question, fingerprint, option key, learners who chose it, of them in the high
        group), for answers that name options (`"2"`, `"0|2"`, `"true"`; derive.answer_key)."""
        return self.rows(
            self._BANDS
            + """
            SELECT quiz, question, fp, option, count(*), count(*) FILTER (WHERE band = 'high')
            FROM (
                SELECT a.quiz, a.question, a.fp, b.band,
                    unnest(string_split(a.answer, '|')) AS option
                FROM answers a JOIN bands b USING (idx, quiz)
                WHERE a.answer NOT IN ('', '*')
            )
            GROUP BY 1, 2, 3, 4"""
        )

    # -- named learners (--with-names) ------------------------------------------------------

    def named(self) -> list[tuple[Any, ...]]:
        """Per learner: name, NIP, unit, position, minutes this year, minutes, lessons, paths
        completed, competencies reached as `id:level` joined by `,`."""
        return self.rows(
            "SELECT l.name, l.nip, l.unit, l.position, l.minutes_year, l.minutes, l.lessons,"
            " l.paths_complete, coalesce(r.reached, '') FROM learners l LEFT JOIN ("
            "  SELECT idx, string_agg(competency || ':' || level, ',' ORDER BY competency)"
            "  AS reached FROM reached GROUP BY idx) r USING (idx)"
            " ORDER BY l.unit_key, lower(l.name), l.nip, l.idx"
        )
