"""The course site: framework, lessons, banks, the quizzes each page places, learning paths,
the generated pages and every page's URL — one object per build (site/read.py makes it)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import Strings
from ..course.course import Course
from ..course.lessons import Lesson
from ..course.paths import LearningPath, Step, generate_steps
from ..quiz.blocks import ScannedText
from ..quiz.model import Bank
from ..quiz.placement import Placed
from ..search.glossary import Glossary
from .pages import FOLDER, GeneratedPage, source_path
from .settings import Settings


@dataclass
class CourseSite:
    settings: Settings
    strings: Strings
    course: Course  # the framework, and the lessons in navigation order
    banks: dict[str, Bank] = field(default_factory=dict)
    unreadable_banks: set[str] = field(default_factory=set)  # not YAML (reported)
    # page → the quizzes it places, in order: quiz id → the element id of its first block there
    quizzes: dict[str, dict[str, str]] = field(default_factory=dict)
    placed: dict[str, list[Placed]] = field(default_factory=dict)  # page → its checked blocks
    # page → its Markdown and quiz blocks as read, until the page is rendered (quiz/blocks.py)
    scanned: dict[str, ScannedText] = field(default_factory=dict, repr=False)
    paths: list[LearningPath] = field(default_factory=list)
    glossary: Glossary = field(default_factory=Glossary)
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # generated, by source path
    urls: dict[str, str] = field(default_factory=dict)  # source path → URL from the site root
    # each page's front matter as read (a mapping), until an engine takes it (session.py)
    front_matter: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _placements: dict[str, tuple[str, str]] | None = field(default=None, repr=False)

    # -- order and titles ------------------------------------------------------------------

    def arrange(self, order: Sequence[str], nav_titles: Mapping[str, str]) -> None:
        """Put lessons in navigation order, name them (nav title first) and generate the
        generated paths in that order."""
        position = {path: i for i, path in enumerate(order)}
        lessons = sorted(
            self.course.lessons.items(), key=lambda kv: position.get(kv[0], len(position))
        )
        self.course.lessons = dict(lessons)
        for path, lesson in lessons:
            lesson.title = lesson.name(nav_titles.get(path))
            lesson.quizzes = list(self.quizzes.get(path, {}))
        for learning_path in self.paths:
            if learning_path.generated:
                generate_steps(self.course, learning_path)
        self._placements = None

    # -- what the pages link to ------------------------------------------------------------

    def url(self, src: str) -> str:
        return self.urls.get(src, "")

    def page(self, kind: str, key: str = "") -> GeneratedPage | None:
        folder = self.settings.url(FOLDER[kind])
        found = self.pages.get(source_path(folder, key))
        return found if found is not None and found.kind == kind else None

    def page_url(self, kind: str, key: str = "") -> str:
        found = self.page(kind, key)
        return self.url(found.src) if found else ""

    def competency_url(self, competency_id: str, level: int | None = None) -> str:
        url = self.page_url("competency", competency_id)
        return f"{url}#level-{level}" if url and level else url

    def lesson(self, path: str) -> Lesson | None:
        return self.course.lessons.get(path)

    def placement(self, quiz_id: str, near: Iterable[str] = ()) -> tuple[str, str] | None:
        """The page that places a quiz and the element id of its (first) block there: the first
        of the pages `near` that places it, else the first lesson (in navigation order), else
        another page; None when no page places it."""
        for page in near:
            found = self.quizzes.get(page, {}).get(quiz_id)
            if found:
                return page, found
        if self._placements is None:
            self._placements = {}
            lessons = [p for p in self.course.lessons if p in self.quizzes]
            others = [p for p in self.quizzes if p not in self.course.lessons]
            for page in lessons + others:
                for placed, element in self.quizzes[page].items():
                    self._placements.setdefault(placed, (page, element))
        return self._placements.get(quiz_id)

    def _at(self, page: str, element: str) -> str:
        url = self.url(page)
        return f"{url}#{element}" if url and element else url

    def bank_url(self, bank_id: str) -> str:
        """Where a bank is taken: at the quiz in the first lesson that embeds it, else in another
        page that embeds it, else its own quiz page."""
        found = self.placement(bank_id)
        return self._at(*found) if found else self.page_url("quiz", bank_id)

    def step_title(self, step: Step) -> str:
        if step.kind == "lesson":
            lesson = self.lesson(step.ref)
            return lesson.title if lesson else step.ref
        bank = self.banks.get(step.ref)
        return (bank.title if bank else "") or step.ref

    def step_place(self, path: LearningPath, index: int) -> tuple[str, str] | None:
        """The page where step `index` of `path` is taken, and for a quiz step the element id of
        the quiz there: the quiz in the nearest lesson of the path before the step that embeds
        the bank, else the nearest after it, else where the bank is taken (`bank_url`). None for
        a bank taken on its own quiz page."""
        step = path.steps[index]
        if step.kind == "lesson":
            return step.ref, ""
        before = [s.ref for s in reversed(path.steps[:index]) if s.kind == "lesson"]
        after = [s.ref for s in path.steps[index + 1 :] if s.kind == "lesson"]
        return self.placement(step.ref, before + after)

    def step_url(self, path: LearningPath, index: int) -> str:
        """A step's URL: a lesson, or the quiz itself (`lesson/#asah-quiz-2`), see `step_place`."""
        found = self.step_place(path, index)
        return self._at(*found) if found else self.page_url("quiz", path.steps[index].ref)

    def path(self, path_id: str) -> LearningPath | None:
        return next((p for p in self.paths if p.id == path_id), None)

    def path_minutes(self, path: LearningPath) -> int:
        return sum(
            self.course.lessons[ref].minutes or 0
            for ref in path.lessons()
            if ref in self.course.lessons
        )

    def has(self, feature: str) -> bool:
        return feature in self.settings.features
