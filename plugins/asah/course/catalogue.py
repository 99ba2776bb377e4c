"""`course.json`: the machine-readable catalogue (schema documented in docs/course-json.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import __version__
from .course import Course
from .duration import jp

FORMAT = "asah-course"
VERSION = 1


def build(
    course: Course,
    title: str,
    lesson_url: Callable[[str], str],
    competency_url: Callable[[str], str],
) -> dict[str, Any]:
    """The catalogue as JSON-ready data; URLs are relative to the site root."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"asah {__version__}",
        "title": title,
        "minutes_per_jp": course.minutes_per_jp,
        "lessons": [
            {
                "path": lesson.path,
                "url": lesson_url(lesson.path),
                "title": lesson.title,
                "description": lesson.description,
                "competencies": [
                    {"id": cid, "level": level} for cid, level in lesson.competencies.items()
                ],
                "minutes": lesson.minutes,
                "jp": jp(lesson.minutes, course.minutes_per_jp) if lesson.minutes else None,
                "objectives": lesson.objectives,
                "prerequisites": lesson.prerequisites,
            }
            for lesson in course.lessons.values()
        ],
        "framework": {
            "name": course.framework.name,
            "levels": {str(k): v for k, v in sorted(course.framework.level_labels.items())},
            "groups": [
                {
                    "id": group.id,
                    "name": group.name,
                    "description": group.description,
                    "competencies": [
                        {
                            "id": c.id,
                            "code": c.code,
                            "name": c.name,
                            "description": c.description,
                            "levels": {str(k): v for k, v in sorted(c.levels.items())},
                            "url": competency_url(c.id),
                        }
                        for c in group.competencies
                    ],
                }
                for group in course.framework.groups
            ],
        },
    }
