"""A course: its framework and lessons, with prerequisites checked and coverage queries."""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass, field

from ..core.diagnostics import Location, Reporter, suggest
from ..core.messages import Msg
from .framework import Framework
from .lessons import Lesson


@dataclass
class Course:
    framework: Framework
    lessons: dict[str, Lesson] = field(default_factory=dict)  # by docs path, in file order
    minutes_per_jp: int = 45

    def lessons_at(self, competency_id: str, level: int | None) -> list[Lesson]:
        """Lessons that build `competency_id` at exactly `level` (None: level not given), in
        the order of `lessons`."""
        return self._index().get((competency_id, level), [])

    def lessons_for(self, competency_id: str) -> list[Lesson]:
        return self._index().get((competency_id, "all"), [])

    def _index(self) -> dict[tuple[str, object], list[Lesson]]:
        """Lessons by (competency, level), made once for the lessons as they are ordered now
        (the framework page and every competency page ask for all of them)."""
        key = (id(self.lessons), len(self.lessons))
        cached = self.__dict__.get("_by_level")
        if cached is not None and cached[0] == key:
            return cached[1]
        index: dict[tuple[str, object], list[Lesson]] = {}
        for lesson in self.lessons.values():
            for competency_id, level in lesson.competencies.items():
                index.setdefault((competency_id, level), []).append(lesson)
                index.setdefault((competency_id, "all"), []).append(lesson)
        self.__dict__["_by_level"] = (key, index)
        return index


def normalise_path(path: str, docs_dir_name: str) -> str:
    """A page path as written by an author, relative to the docs folder."""
    path = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    prefix = docs_dir_name.strip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else path


def _suggest_page(path: str, own: str, course: Course, pages: set[str]) -> Msg | str:
    """A lesson, else a page, the author may have meant (only for prerequisites not found)."""
    lessons = [p for p in course.lessons if p != own]
    return suggest(path, lessons) or suggest(path, pages - {own})


def check_prerequisites(
    course: Course,
    pages: set[str],
    docs_dir_name: str,
    reporter: Reporter,
    unreadable: Collection[str] = (),
) -> None:
    """Resolve prerequisites to lesson paths; report missing ones and cycles. A page whose front
    matter could not be read has had its own message: requiring it says nothing more."""
    for lesson in course.lessons.values():
        resolved = []
        for written in lesson.prerequisites:
            path = normalise_path(written, docs_dir_name)
            where = lesson.prerequisite_lines[written]
            if path not in pages:
                reporter.warn(
                    where,
                    "prerequisite_missing",
                    path=written,
                    hint=_suggest_page(path, lesson.path, course, pages),
                    docs=docs_dir_name,
                )
            elif path in unreadable:
                continue
            elif path not in course.lessons:
                reporter.warn(where, "prerequisite_not_lesson", path=written)
            else:
                lesson.prerequisite_lines[path] = where
                resolved.append(path)
        lesson.prerequisites = list(dict.fromkeys(resolved))
    for cycle in find_cycles(course):
        first = course.lessons[cycle[0]]
        reporter.warn(
            first.prerequisite_lines.get(cycle[1]) or first.location or Location(cycle[0]),
            "prerequisite_cycle",
            cycle=" → ".join(cycle),
        )


def find_cycles(course: Course) -> list[list[str]]:
    """Each prerequisite cycle once, as [a, b, ..., a], starting at its first lesson in order."""
    order = list(course.lessons)
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    stack: list[str] = []
    cycles: dict[tuple[str, ...], list[str]] = {}

    def visit(path: str) -> None:
        state[path] = 1
        stack.append(path)
        for required in course.lessons[path].prerequisites:
            if state.get(required) == 1:
                loop = stack[stack.index(required) :]
                start = min(range(len(loop)), key=lambda i: order.index(loop[i]))
                loop = loop[start:] + loop[:start]
                cycles.setdefault(tuple(loop), [*loop, loop[0]])
            elif required not in state:
                visit(required)
        stack.pop()
        state[path] = 2

    for path in order:
        if path not in state:
            visit(path)
    return list(cycles.values())
