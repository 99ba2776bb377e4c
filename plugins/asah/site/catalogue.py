"""The catalogue: the one serialisation of the course site, written as `course.json` and given to
the browser apps (progress, self-assessment). Schema: docs/course-json.md."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .. import __version__
from ..course.duration import jp
from ..course.paths import built_levels
from .model import CourseSite

FORMAT = "asah-course"
VERSION = 1


def catalogue(site: CourseSite, browser: bool = False) -> dict[str, Any]:
    """The course as JSON-ready data; URLs are relative to the site root. For the browser,
    texts it does not show (descriptions, objectives, level texts) are left out."""
    settings, course = site.settings, site.course
    per_jp = settings.minutes_per_jp if settings.counts_jp else None

    def hours(minutes: int | None) -> float | None:
        return jp(minutes, per_jp) if minutes and per_jp else None

    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"asah {__version__}",
        "title": settings.site_name,
        "language": settings.base_language,  # the site's (its interface may be English)
        "site": settings.site_key(),
        "minutes_per_jp": per_jp,
        # when a lesson counts as completed, and the JP a year a learner aims at (None: none)
        "completion": settings.completion,
        "jp_target": settings.yearly_jp_target,
        "lessons": [
            {
                "path": lesson.path,
                "url": site.url(path),
                "title": lesson.title,
                **({} if browser else {"description": lesson.description}),
                "competencies": [
                    {"id": cid, "level": level} for cid, level in lesson.competencies.items()
                ],
                "minutes": lesson.minutes,
                "jp": hours(lesson.minutes),
                **({} if browser else {"objectives": lesson.objectives}),
                "prerequisites": lesson.prerequisites,
                "quizzes": lesson.quizzes,
            }
            for path, lesson in course.lessons.items()
        ],
        "banks": [
            {
                "id": bank_id,
                "title": bank.title or bank_id,
                "url": site.bank_url(bank_id),
                "questions": len(bank.questions),
                "competencies": [
                    {"id": cid, "level": level} for cid, level in bank.competency_levels().items()
                ],
                "pass": bank.pass_percent,
                "draw": bank.draw,
            }
            for bank_id, bank in site.banks.items()
        ],
        "paths": [
            {
                "id": p.id,
                "title": p.title,
                **({} if browser else {"description": p.description, "audience": p.audience}),
                "url": site.page_url("path", p.id),
                "generated": p.generated,
                "target": [{"id": cid, "level": level} for cid, level in p.target.items()],
                "steps": [
                    {"kind": s.kind, "ref": s.ref, "url": site.step_url(p, i)}
                    for i, s in enumerate(p.steps)
                ],
                "minutes": site.path_minutes(p),
                "jp": hours(site.path_minutes(p)),
                "competencies": [
                    {"id": cid, "level": level}
                    for cid, level in built_levels(course, p.lessons()).items()
                ],
            }
            for p in site.paths
        ],
        "framework": {
            "name": course.framework.name,
            "levels": {str(k): v for k, v in sorted(course.framework.level_labels.items())},
            "groups": [
                {
                    "id": group.id,
                    "name": group.name,
                    **({} if browser else {"description": group.description}),
                    "competencies": [
                        {
                            "id": c.id,
                            "code": c.code,
                            "name": c.name,
                            **(
                                {}
                                if browser
                                else {
                                    "description": c.description,
                                    "levels": {str(k): v for k, v in sorted(c.levels.items())},
                                }
                            ),
                            "url": site.competency_url(c.id),
                        }
                        for c in group.competencies
                    ],
                }
                for group in course.framework.groups
            ],
        },
    }
    # the learner's activity history (SIASN course history): who holds the course, its type
    data["organiser"] = settings.organiser or settings.site_author
    data["activity_type"] = settings.activity_type or site.strings("activity_type")
    data["course_version"] = (
        catalogue(site)["course_version"] if browser else course_version(site, data)
    )
    if browser:
        data["learner_fields"] = settings.fields()
    return data


def course_version(site: CourseSite, data: dict[str, Any]) -> str:
    """A fingerprint of the course's content (lessons, banks and their questions, paths, the
    framework, the completion rule and JP; not URLs, not Asah's version, not who holds the
    course): learners' export files carry it, so a report can tell which records were made on
    the same course, online or from an offline copy."""
    content = {k: v for k, v in data.items() if k not in _NOT_CONTENT}
    # the places `catalogue` writes a URL (a generic walk over every value cost more than
    # making the catalogue)
    content["lessons"] = [_without_url(lesson) for lesson in data["lessons"]]
    content["banks"] = [_without_url(bank) for bank in data["banks"]]
    content["paths"] = [
        {**_without_url(p), "steps": [_without_url(s) for s in p["steps"]]} for p in data["paths"]
    ]
    framework = data["framework"]
    content["framework"] = {
        **framework,
        "groups": [
            {**g, "competencies": [_without_url(c) for c in g["competencies"]]}
            for g in framework["groups"]
        ],
    }
    content["questions"] = {
        bank_id: [q.fingerprint() for q in bank.questions] for bank_id, bank in site.banks.items()
    }
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:10]


# not part of a course's content: the same course online and as an offline copy (other URLs),
# or with another organiser, is the same course
_NOT_CONTENT = frozenset({"generator", "organiser", "activity_type", "course_version"})


def _without_url(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "url"}
