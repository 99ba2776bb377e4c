"""Learning paths (`site_config/paths.yml`): explicit and generated, free of MkDocs.

A generated path (a `target` and no `steps`) holds the lessons that build each target competency
at a level up to its target, plus their prerequisites, ordered so that prerequisites come first
and otherwise in navigation order (the order of `Course.lessons`).
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core import reader as yaml_reader
from ..core.diagnostics import Location, Reporter, quote, suggest
from ..core.messages import msg
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
        unreadable: tuple[Collection[str], Collection[str]] = ((), ()),
    ) -> None:
        super().__init__(doc, path, reporter, course.framework.names())
        self.course, self.banks, self.docs_name = course, banks, docs_name
        # pages and banks that could not be read (reported): steps naming them say nothing
        self.unread_pages, self.unread_banks = unreadable

    def read(self) -> list[LearningPath]:
        data = self.doc.data
        if not isinstance(data, dict) or not isinstance(data.get("paths"), list):
            self.warn(self.at(), "paths_expected")
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
                    self.at("paths", index, "id"), "path_duplicate", id=path.id, first=seen[path.id]
                )
                continue
            seen[path.id] = self.doc.line("paths", index)
            paths.append(path)
        return paths

    def learning_path(self, raw: Any, key: tuple[Any, ...]) -> LearningPath | None:
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "path_not_mapping")
            return None
        pid = raw.get("id")
        if not isinstance(pid, str) or not ID_PATTERN.match(pid):
            if "id" in raw:
                self.warn(self.at(*key, "id"), "path_id_invalid", id=quote(pid))
            else:
                self.warn(self.at(*key), "path_no_id")
            return None
        self.unknown_keys(raw, PATH_KEYS, key, msg("in_path", id=pid))
        path = LearningPath(id=pid, title=str(raw.get("title") or ""), location=self.at(*key))
        if not path.title:
            self.warn(self.at(*key), "path_no_title", id=pid)
            path.title = pid
        path.description = str(raw.get("description") or "")
        path.audience = str(raw.get("audience") or "")
        path.target = self.target(raw.get("target"), (*key, "target"), pid)
        if "steps" in raw:
            path.steps = self.steps(raw["steps"], (*key, "steps"), pid)
        elif not path.target:
            if not raw.get("target"):  # a target given but wrong has had its message
                self.warn(self.at(*key), "path_no_steps", id=pid)
            return path
        else:
            path.generated = True
            for cycle in generate_steps(self.course, path):
                self.warn(self.at(*key, "target"), "path_cycle", id=pid, cycle=" → ".join(cycle))
        self.check_order(path, key)
        return path

    def target(self, raw: Any, key: tuple[Any, ...], pid: str) -> dict[str, int]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "path_target_not_mapping", id=pid)
            return {}
        result = self.competencies(raw, key, msg("in_path_target", id=pid))
        names = {self.competency_id(written): written for written in raw}
        for cid, level in result.items():
            best = highest_level(self.course, cid)
            # a page that could not be read may build it: its own message says enough
            if level is not None and best < level and not self.unread_pages:
                built = msg("built_up_to", n=best) if best else msg("built_by_none")
                self.warn(
                    self.at_key(*key, names.get(cid, cid)),
                    "path_unreachable",
                    id=pid,
                    competency=cid,
                    level=level,
                    built=built,
                )
        return {cid: level for cid, level in result.items() if level is not None}

    def steps(self, raw: Any, key: tuple[Any, ...], pid: str) -> list[Step]:
        if not isinstance(raw, list) or not raw:
            self.warn(self.at(*key), "path_steps_not_list", id=pid)
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
                    "path_step_repeated",
                    n=index + 1,
                    id=pid,
                    ref=step.ref,
                    first=first[(step.kind, step.ref)] + 1,
                )
                continue
            first[(step.kind, step.ref)] = index
            steps.append(step)
        return steps

    def step(self, item: Any, where: Location, pid: str, index: int) -> Step | None:
        if isinstance(item, dict) and list(item) == ["quiz"] and isinstance(item["quiz"], str):
            bank = item["quiz"]
            if bank in self.unread_banks:
                return None
            if bank not in self.banks:
                self.warn(
                    where,
                    "path_unknown_bank",
                    bank=bank,
                    id=pid,
                    hint=suggest(bank, self.banks),
                )
                return None
            return Step("quiz", bank)
        if isinstance(item, str):
            lesson = normalise_path(item, self.docs_name)
            if lesson in self.unread_pages:
                return None
            if lesson not in self.course.lessons:
                self.warn(
                    where,
                    "path_unknown_lesson",
                    path=item,
                    id=pid,
                    hint=suggest(lesson, self.course.lessons),
                    docs=self.docs_name,
                )
                return None
            return Step("lesson", lesson)
        self.warn(where, "path_step_invalid", n=index + 1, id=pid)
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
                        "path_order",
                        id=path.id,
                        n=i + 1,
                        ref=ref,
                        needed=needed,
                        m=position[needed] + 1,
                    )


def read_paths(
    text: str,
    display_path: str,
    course: Course,
    banks: set[str],
    docs_name: str,
    reporter: Reporter,
    unreadable_pages: Collection[str] = (),
    unreadable_banks: Collection[str] = (),
) -> list[LearningPath]:
    """The learning paths of `paths.yml`; problems go to `reporter` (syntax errors are fatal).
    Steps naming a page or bank that could not be read (reported already) are left out."""
    doc = yaml_reader.load(text, display_path, reporter)
    if doc is None:
        return []
    unreadable = (unreadable_pages, unreadable_banks)
    return _Reader(doc, display_path, course, banks, docs_name, reporter, unreadable).read()
