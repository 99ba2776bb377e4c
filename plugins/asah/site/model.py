"""The course site: framework, lessons, banks, the quizzes each page places, learning paths,
the generated pages and every page's URL — one object per build (site/read.py makes it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import Strings
from ..course.course import Course
from ..course.lessons import Lesson
from ..course.paths import LearningPath, Step, generate_steps
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
    quizzes: dict[str, list[str]] = field(default_factory=dict)  # page → quiz ids it places
    placed: dict[str, list[Placed]] = field(default_factory=dict)  # page → its checked blocks
    paths: list[LearningPath] = field(default_factory=list)
    glossary: Glossary = field(default_factory=Glossary)
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # generated, by source path
    urls: dict[str, str] = field(default_factory=dict)  # source path → URL from the site root
    # each page's front matter as read (a mapping), until an engine takes it (session.py)
    front_matter: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _bank_urls: dict[str, str] | None = field(default=None, repr=False)

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
            lesson.quizzes = self.quizzes.get(path, [])
        for learning_path in self.paths:
            if learning_path.generated:
                generate_steps(self.course, learning_path)
        self._bank_urls = None

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

    def bank_url(self, bank_id: str) -> str:
        """Where a bank is taken: the first lesson that embeds it, else its own quiz page."""
        if self._bank_urls is None:
            self._bank_urls = {}
            lessons = [p for p in self.course.lessons if p in self.quizzes]
            others = [p for p in self.quizzes if p not in self.course.lessons]
            for path in lessons + others:
                for quiz_id in self.quizzes[path]:
                    self._bank_urls.setdefault(quiz_id, self.url(path))
        return self._bank_urls.get(bank_id) or self.page_url("quiz", bank_id)

    def step_title(self, step: Step) -> str:
        if step.kind == "lesson":
            lesson = self.lesson(step.ref)
            return lesson.title if lesson else step.ref
        bank = self.banks.get(step.ref)
        return (bank.title if bank else "") or step.ref

    def step_url(self, step: Step) -> str:
        return self.url(step.ref) if step.kind == "lesson" else self.bank_url(step.ref)

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
