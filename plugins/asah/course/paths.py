"""Learning paths (`site_config/paths.yml`): explicit and generated, free of MkDocs.

A generated path (a `target` and no `steps`) holds the lessons that build each target competency
at a level up to its target, plus their prerequisites, ordered so that prerequisites come first
and otherwise in navigation order (the order of `Course.lessons`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core import reader as yaml_reader
from ..core.diagnostics import Location, Reporter, quote, suggest
from ..core.reader import YamlReader
from .course import Course, find_cycles, normalise_path
from .framework import ID_PATTERN

PATH_KEYS = ("id", "title", "description", "audience", "target", "steps")


@dataclass
class Step:
    kind: str  # "lesson" or "quiz"
    ref: str  # lesson path (relative to the docs folder) or bank id


@dataclass
class LearningPath:
    id: str
    title: str
    description: str = ""
    audience: str = ""
    target: dict[str, int] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)
    generated: bool = False
    location: Location | None = None

    def lessons(self) -> list[str]:
        return [s.ref for s in self.steps if s.kind == "lesson"]


def lesson_order(course: Course, wanted: Iterable[str]) -> tuple[list[str], list[list[str]]]:
    """`wanted` lessons plus their prerequisites, prerequisites first, ties in navigation order.

    Returns the order and the prerequisite cycles that kept lessons out of it.
    """
    position = {path: i for i, path in enumerate(course.lessons)}
    chosen: set[str] = set()
    stack = [p for p in wanted if p in course.lessons]
    while stack:
        path = stack.pop()
        if path not in chosen:
            chosen.add(path)
            stack.extend(p for p in course.lessons[path].prerequisites if p in course.lessons)
    waiting = {p: {q for q in course.lessons[p].prerequisites if q in chosen} for p in chosen}
    ready = [(position[p], p) for p, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, path = heapq.heappop(ready)
        order.append(path)
        for other, needs in waiting.items():
            if path in needs:
                needs.discard(path)
                if not needs:
                    heapq.heappush(ready, (position[other], other))
    left = [p for p in chosen if p not in order]
    cycles = _cycles_among(course, left)
    return order, cycles


def _cycles_among(course: Course, paths: list[str]) -> list[list[str]]:
    """The prerequisite cycles among lessons that could not be ordered."""
    if not paths:
        return []
    sub = Course(framework=course.framework, minutes_per_jp=course.minutes_per_jp)
    sub.lessons = {p: course.lessons[p] for p in course.lessons if p in paths}
    return find_cycles(sub)


def wanted_lessons(
    course: Course, target: dict[str, int], current: dict[str, int] | None = None
) -> list[str]:
    """Lessons that build a target competency above its current level and up to its target
    (before their prerequisites are added and all are ordered)."""
    current = current or {}
    return [
        path
        for path, lesson in course.lessons.items()
        if any(
            isinstance(lesson.competencies.get(cid), int)
            and current.get(cid, 0) < lesson.competencies[cid] <= level
            for cid, level in target.items()
        )
    ]


def recommended(
    course: Course, target: dict[str, int], current: dict[str, int] | None = None
) -> list[str]:
    """What closes the gap from `current` to `target`: the wanted lessons and their
    prerequisites, prerequisites first, ties in navigation order. A generated path is this
    with nothing current; the self-assessment (progress/plan.js `recommend`) is the same rule
    in the browser, kept equal by tests/fixtures/shared/recommend.json."""
    return lesson_order(course, wanted_lessons(course, target, current))[0]


def generate_steps(course: Course, path: LearningPath) -> list[list[str]]:
    """Set a generated path's steps in the course's current lesson order; returns the
    prerequisite cycles that kept lessons out of it."""
    order, cycles = lesson_order(course, wanted_lessons(course, path.target))
    path.steps = [Step("lesson", p) for p in order]
    return cycles


def highest_level(course: Course, competency_id: str) -> int:
    levels = [
        lesson.competencies[competency_id]
        for lesson in course.lessons.values()
        if isinstance(lesson.competencies.get(competency_id), int)
    ]
    return max(levels, default=0)


def built_levels(course: Course, lessons: Iterable[str]) -> dict[str, int]:
    """Highest level each competency is built to by these lessons, in framework order."""
    result: dict[str, int] = {}
    for path in lessons:
        for cid, level in course.lessons[path].competencies.items():
            if isinstance(level, int):
                result[cid] = max(result.get(cid, 0), level)
    order = {cid: i for i, cid in enumerate(course.framework.ids())}
    return dict(sorted(result.items(), key=lambda kv: order.get(kv[0], len(order))))


class _Reader(YamlReader):
    def __init__(
        self,
        doc: Any,
        path: str,
        course: Course,
        banks: set[str],
        docs_name: str,
        reporter: Reporter,
    ) -> None:
        super().__init__(doc, path, reporter, course.framework.ids())
        self.course, self.banks, self.docs_name = course, banks, docs_name

    def read(self) -> list[LearningPath]:
        data = self.doc.data
        if not isinstance(data, dict) or not isinstance(data.get("paths"), list):
            self.warn(self.at(), "expected 'paths:', a list of learning paths")
            return []
        self.unknown_keys(data, ["paths"])
        paths: list[LearningPath] = []
        seen: dict[str, int | None] = {}
        for index, raw in enumerate(data["paths"]):
            path = self.learning_path(raw, ("paths", index))
            if path is None:
                continue
            if path.id in seen:
                self.reporter.fatal(
                    self.at("paths", index, "id"),
                    f"duplicate path id '{path.id}' (first at line {seen[path.id]}); path ids "
                    "must be unique",
                )
                continue
            seen[path.id] = self.doc.line("paths", index)
            paths.append(path)
        return paths

    def learning_path(self, raw: Any, key: tuple[Any, ...]) -> LearningPath | None:
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "a path must be a mapping with 'id', 'title' and 'steps'")
            return None
        pid = raw.get("id")
        if not isinstance(pid, str) or not ID_PATTERN.match(pid):
            where = self.at(*key, "id") if "id" in raw else self.at(*key)
            got = f"path id {quote(pid)} is not valid" if "id" in raw else "path without an id"
            self.warn(where, f"{got}; expected lowercase letters, digits and hyphens")
            return None
        self.unknown_keys(raw, PATH_KEYS, key, f"path '{pid}'")
        path = LearningPath(id=pid, title=str(raw.get("title") or ""), location=self.at(*key))
        if not path.title:
            self.warn(self.at(*key), f"path '{pid}' has no title; expected 'title:'")
            path.title = pid
        path.description = str(raw.get("description") or "")
        path.audience = str(raw.get("audience") or "")
        path.target = self.target(raw.get("target"), (*key, "target"), pid)
        if "steps" in raw:
            path.steps = self.steps(raw["steps"], (*key, "steps"), pid)
        elif not path.target:
            self.warn(self.at(*key), f"path '{pid}' needs 'steps' or a 'target'")
            return path
        else:
            path.generated = True
            for cycle in generate_steps(self.course, path):
                self.warn(
                    self.at(*key, "target"),
                    f"path '{pid}' cannot be ordered: prerequisite cycle {' → '.join(cycle)}",
                )
        self.check_order(path, key)
        return path

    def target(self, raw: Any, key: tuple[Any, ...], pid: str) -> dict[str, int]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.warn(
                self.at(*key), f"the target of path '{pid}' must map competency ids to levels"
            )
            return {}
        result = self.competencies(raw, key, f"in the target of path '{pid}'")
        for cid, level in result.items():
            best = highest_level(self.course, cid)
            if level is not None and best < level:
                built = (
                    f"the lessons build it up to level {best}" if best else "no lesson builds it"
                )
                self.warn(
                    self.at_key(*key, cid),
                    f"path '{pid}' cannot reach '{cid}' level {level}: {built}",
                )
        return {cid: level for cid, level in result.items() if level is not None}

    def steps(self, raw: Any, key: tuple[Any, ...], pid: str) -> list[Step]:
        if not isinstance(raw, list) or not raw:
            self.warn(
                self.at(*key), f"'steps' of path '{pid}' must be a list of lessons and quizzes"
            )
            return []
        steps: list[Step] = []
        first: dict[tuple[str, str], int] = {}
        for index, item in enumerate(raw):
            where = self.at(*key, index)
            step = self.step(item, where, pid, index)
            if step is None:
                continue
            if (step.kind, step.ref) in first:
                self.warn(
                    where,
                    f"step {index + 1} of path '{pid}' repeats '{step.ref}' "
                    f"(step {first[(step.kind, step.ref)] + 1})",
                )
                continue
            first[(step.kind, step.ref)] = index
            steps.append(step)
        return steps

    def step(self, item: Any, where: Location, pid: str, index: int) -> Step | None:
        if isinstance(item, dict) and list(item) == ["quiz"] and isinstance(item["quiz"], str):
            bank = item["quiz"]
            if bank not in self.banks:
                self.warn(
                    where,
                    f"unknown quiz bank '{bank}' in path '{pid}'{suggest(bank, self.banks)}; "
                    f"expected a file quizzes/{bank}.yml",
                )
                return None
            return Step("quiz", bank)
        if isinstance(item, str):
            lesson = normalise_path(item, self.docs_name)
            if lesson not in self.course.lessons:
                self.warn(
                    where,
                    f"unknown lesson '{item}' in path '{pid}'{suggest(lesson, self.course.lessons)}"
                    f"; expected a lesson path relative to {self.docs_name}/",
                )
                return None
            return Step("lesson", lesson)
        self.warn(
            where,
            f"step {index + 1} of path '{pid}' must be a lesson path or 'quiz: <bank-id>'",
        )
        return None

    def check_order(self, path: LearningPath, key: tuple[Any, ...]) -> None:
        """In an explicit path, a lesson must not come before a prerequisite that is also in it."""
        if path.generated:
            return
        position = {s.ref: i for i, s in enumerate(path.steps) if s.kind == "lesson"}
        for ref, i in position.items():
            for needed in self.course.lessons[ref].prerequisites:
                if position.get(needed, -1) > i:
                    self.warn(
                        self.at(*key, "id"),
                        f"in path '{path.id}', step {i + 1} '{ref}' comes before its "
                        f"prerequisite '{needed}' (step {position[needed] + 1})",
                    )


def read_paths(
    text: str,
    display_path: str,
    course: Course,
    banks: set[str],
    docs_name: str,
    reporter: Reporter,
) -> list[LearningPath]:
    """The learning paths of `paths.yml`; problems go to `reporter` (syntax errors are fatal)."""
    doc = yaml_reader.load(text, display_path, reporter)
    if doc is None:
        return []
    return _Reader(doc, display_path, course, banks, docs_name, reporter).read()
