"""The unit a package reports to the LMS: the whole course, or one learning path. Made from the
catalogue (`course.json`, site/catalogue.py), so the runtime's status rule sees the steps and
quizzes the path pages and the progress page see.

A unit's *steps* decide its status (`lms/unit.js`): a path's steps as they are; for the whole
course every lesson, and every bank that is taken outside a lesson (a final test on its own
page). Its *quizzes* are those its score is the mean of: the quiz steps and every quiz on the
pages of its lessons. The whole site goes into every package: a lesson of a path links to
prerequisites, competencies and the progress page outside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..core.diagnostics import closest
from ..course.titles import plain

IDENTIFIER = re.compile(r"[^A-Za-z0-9._-]+")


class UnknownPath(Exception):
    """`--path` names no learning path of the course (the command is used wrongly)."""


@dataclass
class Unit:
    identifier: str  # stable across builds: the site id, and the path id for a path
    title: str
    description: str  # plain text
    language: str
    launch: str  # the first page, relative to the site root
    steps: list[dict[str, Any]] = field(default_factory=list)  # {kind, ref, quizzes?}
    quizzes: list[str] = field(default_factory=list)
    completion: str = "marked"

    def runtime(self) -> dict[str, Any]:
        """What the LMS runtime needs to decide status and score."""
        return {"completion": self.completion, "steps": self.steps, "quizzes": self.quizzes}


def unit_of(catalogue: dict[str, Any], path_id: str = "", description: str = "") -> Unit:
    """The course (`path_id` empty; `description` is the site's) or one of its paths."""
    lessons = {lesson["path"]: lesson for lesson in catalogue["lessons"]}
    common = {
        "language": catalogue.get("language") or "en",
        "completion": catalogue.get("completion") or "marked",
    }
    site = catalogue.get("site") or "asah"
    if not path_id:
        steps, quizzes = _course_steps(catalogue)
        return Unit(
            identifier=_identifier(site),
            title=catalogue.get("title") or site,
            description=_text(description),
            launch="index.html",
            steps=steps,
            quizzes=quizzes,
            **common,
        )
    path = next((p for p in catalogue.get("paths", []) if p["id"] == path_id), None)
    if path is None:
        raise UnknownPath(
            unknown_path_message(path_id, [p["id"] for p in catalogue.get("paths", [])])
        )
    steps, quizzes = [], []
    for step in path["steps"]:
        if step["kind"] == "lesson":
            own = list(lessons.get(step["ref"], {}).get("quizzes", []))
            steps.append({"kind": "lesson", "ref": step["ref"], "quizzes": own})
            quizzes += own
        else:
            steps.append({"kind": "quiz", "ref": step["ref"]})
            quizzes.append(step["ref"])
    return Unit(
        identifier=_identifier(f"{site}.{path_id}"),
        title=path.get("title") or path_id,
        description=_text(path.get("description") or ""),
        launch=path.get("url") or "index.html",
        steps=steps,
        quizzes=list(dict.fromkeys(quizzes)),
        **common,
    )


def _course_steps(catalogue: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    steps: list[dict[str, Any]] = []
    quizzes: list[str] = []
    for lesson in catalogue["lessons"]:
        steps.append({"kind": "lesson", "ref": lesson["path"], "quizzes": lesson["quizzes"]})
        quizzes += lesson["quizzes"]
    in_lessons = set(quizzes)
    for bank in catalogue.get("banks", []):
        if bank["id"] not in in_lessons and bank.get("url"):  # a test of its own
            steps.append({"kind": "quiz", "ref": bank["id"]})
            quizzes.append(bank["id"])
    return steps, list(dict.fromkeys(quizzes))


def tables(catalogue: dict[str, Any]) -> dict[str, list[str]]:
    """Every id the learner's record may name, per kind: the runtime writes them short in
    `cmi.suspend_data` (lms/scorm12-data.js)."""
    quizzes = [q for lesson in catalogue["lessons"] for q in lesson["quizzes"]]
    quizzes += [bank["id"] for bank in catalogue.get("banks", [])]
    framework = catalogue.get("framework") or {}
    return {
        "lessons": [lesson["path"] for lesson in catalogue["lessons"]],
        "quizzes": list(dict.fromkeys(quizzes)),
        "paths": [p["id"] for p in catalogue.get("paths", [])],
        "competencies": [
            c["id"] for group in framework.get("groups", []) for c in group["competencies"]
        ],
    }


def unknown_path_message(path_id: str, known: list[str]) -> str:
    if not known:
        return f"unknown path '{path_id}': the course has no learning paths"
    near = closest(path_id, known)
    hint = f" (did you mean '{near}'?)" if near else ""
    return f"unknown path '{path_id}'{hint}; expected one of: {', '.join(known)}"


def _identifier(text: str) -> str:
    """An XML ID (a letter first; letters, digits, `.`, `_`, `-`)."""
    cleaned = IDENTIFIER.sub("-", text).strip("-.") or "asah"
    return cleaned if cleaned[0].isalpha() or cleaned[0] == "_" else f"asah-{cleaned}"


def _text(markdown: str) -> str:
    """Markdown as plain text on one line (link targets, emphasis and code marks removed)."""
    return " ".join(plain(markdown).split())
