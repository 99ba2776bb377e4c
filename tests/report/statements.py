"""xAPI statements as Asah's cmi5 runtime sends them (lms/cmi5-data.js: `statement`, `context`,
`answered`), for the report's small course (course.py): the AU ids `asah package cmi5` gives it,
and a population of learners like `test_report.population`, told through statements."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

from tests.report.course import answers_for

ADL = "http://adlnet.gov/expapi/verbs/"
ROOT = "urn:asah:kursus-laporan/cmi5/"  # the course has no site_url: a URN of its site id
COURSE_AU = ROOT + "course/au"
PATH_AU = ROOT + "p/au"  # path p: a.md, b.md, c.md
LMS_ACTIVITY = "https://lms.asah.id/activity/"  # the LMS's own activity id for an AU
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
REGISTRATION = "6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b"  # a UUID, as cmi5 and the LRS want


def actor(name: str, account: str = "", mbox: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"objectType": "Agent", "name": name}
    if mbox:
        found["mbox"] = mbox
    else:
        found["account"] = {"homePage": "https://lms.asah.id", "name": account or name}
    return found


def context(au: str, registration: str, kind: str = "") -> dict[str, Any]:
    made: dict[str, Any] = {
        "contextActivities": {"grouping": [{"id": au, "objectType": "Activity"}]},
        "extensions": {SESSION: "session-" + registration},
        "registration": registration,
    }
    if kind:
        ids = ["cmi5", "moveon"] if kind == "moveon" else ["cmi5"]
        made["contextActivities"]["category"] = [
            {"id": CMI5 + i, "objectType": "Activity"} for i in ids
        ]
    return made


def defined(
    who: dict[str, Any],
    verb: str,
    when: str,
    au: str = PATH_AU,
    result: dict[str, Any] | None = None,
    registration: str = REGISTRATION,
) -> dict[str, Any]:
    """initialized, completed, passed, failed, terminated: the object is the LMS's activity,
    the AU's publisher id in the context's grouping."""
    kind = "moveon" if verb in ("completed", "passed", "failed") else "defined"
    made = {
        "id": str(uuid.uuid4()),
        "actor": who,
        "verb": {"id": ADL + verb, "display": {"en-US": verb}},
        "object": {"id": LMS_ACTIVITY + au.rsplit("/", 2)[-2], "objectType": "Activity"},
        "context": context(au, registration, kind),
        "timestamp": when,
    }
    if verb == "completed":
        result = {"completion": True, "duration": "PT10M", **(result or {})}
    if result:
        made["result"] = result
    return made


def answered(
    who: dict[str, Any],
    quiz: str,
    question: str,
    response: str,
    score: float,
    when: str,
    au: str = PATH_AU,
    kind: str = "choice",
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "actor": who,
        "verb": {"id": ADL + "answered", "display": {"en-US": "answered"}},
        "object": {
            "id": f"{au}/quiz/{quote(quiz, safe='')}/{quote(question, safe='')}",
            "objectType": "Activity",
            "definition": {"type": INTERACTION, "interactionType": kind},
        },
        "result": {"response": response, "success": score >= 1, "score": {"scaled": score}},
        "context": context(au, REGISTRATION),
        "timestamp": when,
    }


def nip(i: int) -> str:
    return f"19900101201503{i:04d}"


def population(count: int = 40) -> list[dict[str, Any]]:
    """`count` learners of rising ability, each with an LMS account named by their NIP: every
    one answered the quiz (a first attempt, then a second that must not count), the ablest
    (ability > 0.6) completed path p."""
    found = []
    for i in range(count):
        ability = (i + 0.5) / count
        who = actor(f"Peserta Nomor {i}", nip(i))
        found.append(defined(who, "initialized", "2026-02-01T01:00:00.000Z"))
        for question, (response, score) in answers_for(ability).items():
            kind = "true-false" if question == "mudah" else "choice"
            found.append(
                answered(
                    who, "uji", question, response, score, "2026-02-01T02:00:00.000Z", kind=kind
                )
            )
            found.append(
                answered(
                    who,
                    "uji",
                    question,
                    "0" if kind == "choice" else "true",
                    1.0,
                    "2026-02-02T02:00:00.000Z",
                    kind=kind,
                )
            )
        if ability > 0.6:
            found.append(defined(who, "completed", "2026-04-01T03:00:00.000Z"))
        found.append(defined(who, "terminated", "2026-04-01T03:05:00.000Z"))
    return found
