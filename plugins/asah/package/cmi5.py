"""cmi5: `cmi5.xml`, the course structure of a unit, valid against the cmi5 schema
(`CourseStructure.xsd`, tests/fixtures/cmi5/). The package is one assignable unit (AU), the
launch page (`frame.py`) that holds the session for the whole visit and frames the site — as a
SCORM package is one SCO: the learner moves freely between the pages of a path, which one AU
per lesson would turn into one launch per lesson.

The AU's `moveOn` and `masteryScore` follow the unit's rule (`lms/unit.js`): a unit with
quizzes that must be passed moves on when completed and passed, its mastery score the mean of
those quizzes' pass marks (the score its runtime reports is the mean of their best scores, so a
learner who passed each has at least that); a unit without is done when completed."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from . import frame
from .unit import Unit

MANIFEST = "cmi5.xml"
NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
RUNTIME = "assets/asah/lms-cmi5.js"  # the launch page's script (lms/, theme bundles)
RUNTIME_PARTS = (*frame.RUNTIME_PARTS, "lms/cmi5-data.js", "lms/cmi5.js")
DEFAULT_PASS = 70.0  # a quiz's pass mark when its page does not say (quiz/model.py)

QUIZ_DATA = re.compile(
    r'<script type="application/json" class="asah-quiz__data">(.*?)</script>', re.S
)


def required(unit: Unit) -> list[str]:
    """The quizzes the unit's status waits for, each once (as `AsahLmsUnit.required`)."""
    ids: list[str] = []
    for step in unit.steps:
        if step["kind"] != "lesson":
            more = [step["ref"]]
        else:
            more = step.get("quizzes", []) if unit.completion == "quiz_passed" else []
        ids += [quiz for quiz in more if quiz not in ids]
    return ids


def pass_marks(site_dir: Path) -> dict[str, float]:
    """Every quiz's pass mark (percent), read from the built pages' quiz data."""
    marks: dict[str, float] = {}
    for page in sorted(site_dir.rglob("*.html")):
        for found in QUIZ_DATA.finditer(page.read_text("utf-8", errors="replace")):
            try:
                data = json.loads(found[1])
            except ValueError:
                continue
            if isinstance(data, dict) and "id" in data:
                marks.setdefault(str(data["id"]), float(data.get("pass", DEFAULT_PASS)))
    return marks


def move_on(unit: Unit, marks: dict[str, float]) -> tuple[str, float | None]:
    """(moveOn, masteryScore or None)."""
    quizzes = required(unit)
    if not quizzes:
        return "Completed", None
    mean = sum(marks.get(q, DEFAULT_PASS) for q in quizzes) / len(quizzes) / 100
    # rounded down to cmi5's 4 decimals: a learner who passed every quiz still reaches it
    return "CompletedAndPassed", math.floor(round(mean * 10000, 6)) / 10000


def identifiers(site_url: str, site: str, path_id: str) -> tuple[str, str]:
    """The course's and the AU's publisher ids (IRIs), the same in every build: under the
    site's address when it has one, else a URN of the site's id."""
    root = site_url.rstrip("/") if site_url else f"urn:asah:{_part(site)}"
    course = f"{root}/cmi5/{_part(path_id) if path_id else 'course'}"
    return course, f"{course}/au"


def course_structure(
    unit: Unit, launch: str, course_id: str, au_id: str, marks: dict[str, float]
) -> str:
    lang = quoteattr(unit.language)
    title = f"<langstring lang={lang}>{escape(unit.title)}</langstring>"
    text = f"<langstring lang={lang}>{escape(unit.description or unit.title)}</langstring>"
    moves, mastery = move_on(unit, marks)
    score = "" if mastery is None else f' masteryScore="{_decimal(mastery)}"'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="{NAMESPACE}">
  <course id={quoteattr(course_id)}>
    <title>{title}</title>
    <description>{text}</description>
  </course>
  <au id={quoteattr(au_id)} moveOn="{moves}"{score} launchMethod="AnyWindow">
    <title>{title}</title>
    <description>{text}</description>
    <url>{escape(launch)}</url>
  </au>
</courseStructure>
"""


def _decimal(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _part(text: str) -> str:
    """An id as one IRI path segment."""
    return quote(text, safe="-._~")
