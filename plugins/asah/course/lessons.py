"""Lessons: pages whose front matter has `competencies`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core import frontmatter, yamldoc
from ..core.diagnostics import Location, Reporter, closest, quote, warn_duplicate_keys
from ..core.messages import msg
from ..core.reader import YamlReader, syntax_problem
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
    # its front matter is not valid YAML, or misspells `competencies` (already reported):
    # whether it is a lesson is not known, so what refers to it says nothing more
    unreadable: bool = False
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
        where = Location(display_path, error.line)
        reporter.warn(where, "front_matter_error", what=syntax_problem(error))
        return PageMeta(path, None, unreadable=True)
    if front is None or not isinstance(front.doc.data, dict):
        return PageMeta(path, None)
    data, doc = front.doc.data, front.doc
    title = data.get("title") if isinstance(data.get("title"), str) else None
    meant = _check_keys(data, doc, display_path, reporter)
    if "competencies" not in data:
        return PageMeta(path, None, title, unreadable="competencies" in meant, data=data)
    warn_duplicate_keys(doc.duplicate_keys, display_path, reporter)
    lesson = Lesson(
        path=path,
        own_title=title,
        description=data.get("description") if isinstance(data.get("description"), str) else None,
        location=Location(display_path, doc.key_line("competencies")),
    )
    if title is None:
        lesson.heading = titles.first_heading(front.body)
    reader = _LessonReader(doc, display_path, reporter, framework.names())
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


def _check_keys(
    data: dict[str, Any], doc: yamldoc.YamlDoc, path: str, reporter: Reporter
) -> set[str]:
    """Report near-misses of Asah's keys; returns the keys they were meant as."""
    # Other plugins and themes own most front-matter keys; only near-misses of ours are ours.
    meant_keys = set()
    for key in data:
        if not isinstance(key, str) or key in LESSON_KEYS or key in OTHER_KEYS:
            continue
        meant = _ALIASES.get(key.lower()) or closest(key, LESSON_KEYS, 0.75)
        if meant:
            meant_keys.add(meant)
            reporter.warn(
                Location(path, doc.key_line(key)),
                "unknown_front_matter_key",
                key=key,
                hint=msg("did_you_mean", name=meant),
            )
    return meant_keys


class _LessonReader(YamlReader):
    def lesson_competencies(self, raw: Any) -> dict[str, int | None]:
        if isinstance(raw, (list, dict)) and not raw:
            self.warn(self.at("competencies"), "competencies_empty")
            return {}
        return self.competencies(raw, ("competencies",))

    def duration(self, raw: Any, minutes_per_jp: int) -> int | None:
        minutes = durations.parse(raw, minutes_per_jp)
        if minutes is None:
            self.warn(self.at("duration"), "duration_invalid", got=quote(raw))
        return minutes

    def objectives(self, raw: Any) -> list[str]:
        if isinstance(raw, str) or not isinstance(raw, list):
            self.warn(self.at("objectives"), "objectives_not_list")
            return []
        result = []
        for index, item in enumerate(raw):
            if isinstance(item, str) and item.strip():
                result.append(item.strip())
            else:
                self.warn(
                    self.at("objectives", index), "objective_not_text", n=index + 1, got=quote(item)
                )
        return result

    def prerequisites(self, raw: Any) -> tuple[list[str], dict[str, Location]]:
        if raw is None:
            return [], {}
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            self.warn(self.at("prerequisites"), "prerequisites_not_list")
            return [], {}
        paths, lines = [], {}
        for index, item in enumerate(raw):
            if not isinstance(item, str) or not item.strip():
                self.warn(
                    self.at("prerequisites", index),
                    "prerequisite_not_path",
                    n=index + 1,
                    got=quote(item),
                )
                continue
            paths.append(item.strip())
            lines[item.strip()] = self.at("prerequisites", index)
        return paths, lines
