"""The course a report is about, read from mkdocs.yml as `asah check` reads it (no MkDocs): the
catalogue (site/catalogue.py, the same data the progress page counts with), and every quiz's
questions with their fingerprints, options and right answers for the question analysis."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cli.config import read_course_site
from ..core.i18n import Strings
from ..core.inline import inline_text
from ..quiz.model import Bank, Question
from ..site.catalogue import catalogue
from ..site.settings import Settings
from .derive import CourseIndex

CHOICES = ("single", "multiple", "truefalse")  # types whose answers are options to count


@dataclass(frozen=True)
class QuestionInfo:
    quiz: str
    id: str
    type: str
    fp: str
    prompt: str  # the prompt as plain text, shortened
    options: tuple[str, ...]  # option labels as plain text (truefalse: the words for each)
    keys: tuple[str, ...]  # how answers name the options: "0", "1", … or "true", "false"
    right: frozenset[str]  # the keys of the right options
    competencies: dict[str, int | None] = field(default_factory=dict)


@dataclass
class ReportCourse:
    settings: Settings
    strings: Strings
    data: dict[str, Any]  # the catalogue
    index: CourseIndex
    questions: dict[tuple[str, str], QuestionInfo]  # (quiz id, question id) → question
    quiz_titles: dict[str, str]
    problems: list[str]  # content problems (asah check says more)


def read_course(config_file: Path) -> ReportCourse:
    """The course of `config_file` (ConfigError when mkdocs.yml cannot be read)."""
    course, site, reporter = read_course_site(config_file, check_quizzes=True)
    settings = course.settings
    data = catalogue(site)
    strings = Strings(settings.language)
    quizzes: dict[str, Bank] = dict(site.banks)
    titles_by_quiz = {bank_id: bank.title or bank_id for bank_id, bank in site.banks.items()}
    lesson_titles = {lesson["path"]: lesson["title"] for lesson in data["lessons"]}
    for page, placed in site.placed.items():
        for block in placed:
            if block.quiz_id and block.bank is not None and block.bank.inline:
                quizzes[block.quiz_id] = block.bank
                number = block.quiz_id.rsplit("#", 1)[-1]
                title = block.bank.title or f"{lesson_titles.get(page, page)} ({number})"
                titles_by_quiz[block.quiz_id] = title
    # a quiz without competencies of its own tests those of the first lesson that places it
    placed_in: dict[str, dict[str, int | None]] = {}
    for lesson in data["lessons"]:
        for quiz_id in lesson["quizzes"]:
            levels = {c["id"]: c["level"] for c in lesson["competencies"]}
            placed_in.setdefault(quiz_id, levels)
    questions = {
        (quiz_id, q.id): question_info(
            quiz_id, q, strings, bank.competencies or placed_in.get(quiz_id, {})
        )
        for quiz_id, bank in quizzes.items()
        for q in bank.questions
    }
    return ReportCourse(
        settings=settings,
        strings=strings,
        data=data,
        index=CourseIndex.from_catalogue(data),
        questions=questions,
        quiz_titles=titles_by_quiz,
        problems=[*course.problems, *(str(p) for p in reporter.messages())],
    )


def question_info(
    quiz_id: str, q: Question, strings: Strings, quiz_levels: dict[str, int | None]
) -> QuestionInfo:
    """A question for the analysis; its competencies are its own, else `quiz_levels` (its
    bank's, else those of the lesson that places it)."""
    options: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    right: frozenset[str] = frozenset()
    if q.type in ("single", "multiple"):
        options = tuple(inline_text(o.text) for o in q.spec.options)
        keys = tuple(str(i) for i in range(len(options)))
        right = frozenset(str(i) for i, o in enumerate(q.spec.options) if o.correct)
    elif q.type == "truefalse":
        options = (strings("answer_true"), strings("answer_false"))
        keys = ("true", "false")
        right = frozenset({"true" if q.spec else "false"})
    return QuestionInfo(
        quiz_id,
        q.id,
        q.type,
        q.fingerprint(),
        excerpt(q.prompt),
        options,
        keys,
        right,
        dict(q.competencies or quiz_levels),
    )


def excerpt(markdown: str, limit: int = 140) -> str:
    """The first words of a Markdown prompt as plain text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[`*_#>|]+", "", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
