"""Lessons: pages whose front matter has `competencies`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core import frontmatter, yamldoc
from ..core.diagnostics import Location, Reporter, quote, suggest, warn_duplicate_keys
from ..core.reader import YamlReader
from . import duration as durations
from . import titles
from .framework import Framework

LESSON_KEYS = ("competencies", "duration", "objectives", "prerequisites")
# Keys of MkDocs, Material and common plugins: never mistaken for misspellings of ours.
OTHER_KEYS = frozenset(
    [
        "title",
        "description",
        "template",
        "hide",
        "tags",
        "status",
        "icon",
        "subtitle",
        "search",
        "date",
        "authors",
        "comments",
        "summary",
        "slug",
        "categories",
        "draft",
        "links",
        "readtime",
        "pin",
        "nav",
        "social",
        "render_macros",
    ]
)
# Indonesian names an author may reach for; they are suggested, never accepted silently.
_ALIASES = {
    "kompetensi": "competencies",
    "durasi": "duration",
    "waktu": "duration",
    "tujuan": "objectives",
    "prasyarat": "prerequisites",
}


@dataclass
class Lesson:
    path: str  # relative to the docs folder, e.g. "keamanan-informasi/phishing.md"
    # what Asah calls the lesson everywhere: nav title, front-matter title, first heading, or
    # file name (set by the course site once the navigation is known)
    title: str = ""
    own_title: str | None = None  # front matter `title`
    heading: str | None = None  # first `#` heading of the Markdown
    description: str | None = None
    competencies: dict[str, int | None] = field(default_factory=dict)
    minutes: int | None = None
    objectives: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)  # as written, relative to docs
    quizzes: list[str] = field(default_factory=list)  # ids of the quizzes placed in the lesson
    # where each prerequisite was written, for messages found later (missing, cycles)
    prerequisite_lines: dict[str, Location] = field(default_factory=dict)
    location: Location | None = None

    def name(self, nav_title: str | None = None) -> str:
        return nav_title or self.own_title or self.heading or titles.from_file_name(self.path)


@dataclass
class PageMeta:
    """What a page's front matter says, for lessons and ordinary pages alike."""

    path: str
    lesson: Lesson | None
    title: str | None = None
    unreadable: bool = False  # its front matter is not valid YAML (already reported)
    data: dict[str, Any] | None = None  # the front matter, when it is a mapping


def read_page(
    path: str,
    display_path: str,
    source: str,
    framework: Framework,
    minutes_per_jp: int,
    reporter: Reporter,
) -> PageMeta:
    """Read and validate a page's front matter; a lesson when it has `competencies`."""
    try:
        front = frontmatter.read(source)
    except yamldoc.YamlSyntaxError as error:
        reporter.warn(
            Location(display_path, error.line),
            f"front matter is not valid YAML: {error.message}",
        )
        return PageMeta(path, None, unreadable=True)
    if front is None or not isinstance(front.doc.data, dict):
        return PageMeta(path, None)
    data, doc = front.doc.data, front.doc
    title = data.get("title") if isinstance(data.get("title"), str) else None
    _check_keys(data, doc, display_path, reporter)
    if "competencies" not in data:
        return PageMeta(path, None, title, data=data)
    warn_duplicate_keys(doc.duplicate_keys, display_path, reporter)
    lesson = Lesson(
        path=path,
        own_title=title,
        description=data.get("description") if isinstance(data.get("description"), str) else None,
        location=Location(display_path, doc.key_line("competencies")),
    )
    if title is None:
        lesson.heading = titles.first_heading(front.body)
    reader = _LessonReader(doc, display_path, reporter, framework.ids())
    lesson.competencies = reader.lesson_competencies(data["competencies"])
    if "duration" in data:
        lesson.minutes = reader.duration(data["duration"], minutes_per_jp)
    if "objectives" in data:
        lesson.objectives = reader.objectives(data["objectives"])
    if "prerequisites" in data:
        lesson.prerequisites, lesson.prerequisite_lines = reader.prerequisites(
            data["prerequisites"]
        )
    lesson.title = lesson.name()  # until the navigation may name it
    return PageMeta(path, lesson, title, data=data)


def _check_keys(data: dict[str, Any], doc: yamldoc.YamlDoc, path: str, reporter: Reporter) -> None:
    # Other plugins and themes own most front-matter keys; only near-misses of ours are ours.
    for key in data:
        if not isinstance(key, str) or key in LESSON_KEYS or key in OTHER_KEYS:
            continue
        meant = _ALIASES.get(key.lower())
        hint = f" (did you mean '{meant}'?)" if meant else suggest(key, LESSON_KEYS, 0.75)
        if hint:
            reporter.warn(
                Location(path, doc.key_line(key)), f"unknown front-matter key '{key}'{hint}"
            )


class _LessonReader(YamlReader):
    def lesson_competencies(self, raw: Any) -> dict[str, int | None]:
        if isinstance(raw, (list, dict)) and not raw:
            self.warn(self.at("competencies"), "'competencies' is empty; expected at least one id")
            return {}
        return self.competencies(raw, ("competencies",))

    def duration(self, raw: Any, minutes_per_jp: int) -> int | None:
        minutes = durations.parse(raw, minutes_per_jp)
        if minutes is None:
            self.reporter.warn(
                self.at("duration"),
                f"duration {quote(raw)} is not a duration; {durations.EXPECTED}",
            )
        return minutes

    def objectives(self, raw: Any) -> list[str]:
        if isinstance(raw, str) or not isinstance(raw, list):
            self.reporter.warn(
                self.at("objectives"),
                "'objectives' must be a list of sentences (one '- ' item per objective)",
            )
            return []
        result = []
        for index, item in enumerate(raw):
            if isinstance(item, str) and item.strip():
                result.append(item.strip())
            else:
                self.reporter.warn(
                    self.at("objectives", index),
                    f"objective {index + 1} must be a sentence, got {quote(item)}",
                )
        return result

    def prerequisites(self, raw: Any) -> tuple[list[str], dict[str, Location]]:
        if raw is None:
            return [], {}
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            self.reporter.warn(
                self.at("prerequisites"),
                "'prerequisites' must be a list of lesson paths relative to the docs folder",
            )
            return [], {}
        paths, lines = [], {}
        for index, item in enumerate(raw):
            if not isinstance(item, str) or not item.strip():
                self.reporter.warn(
                    self.at("prerequisites", index),
                    f"prerequisite {index + 1} must be a lesson path, got {quote(item)}",
                )
                continue
            paths.append(item.strip())
            lines[item.strip()] = self.at("prerequisites", index)
        return paths, lines
