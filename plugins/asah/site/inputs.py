"""What each page shows beyond its own file, for rebuilding only what an edit changed (MkDocs'
dirty builds, the Zensical route's preview)."""

from __future__ import annotations

from typing import Any

from .model import CourseSite


def site_inputs(site: CourseSite) -> dict[str, Any]:
    """What each lesson page shows beyond its own file (titles of its prerequisites, names of
    its competencies, the banks it embeds, its place in paths), for dirty rebuilds."""
    from ..paths.pathnav import memberships

    banks = {bid: repr(bank) for bid, bank in site.banks.items()}
    framework = site.course.framework
    result: dict[str, Any] = {}
    for path, lesson in site.course.lessons.items():
        result[path] = [
            repr(lesson),
            [getattr(framework.get(c), "name", None) for c in lesson.competencies],
            [getattr(site.lesson(p), "title", None) for p in lesson.prerequisites],
            [banks.get(q) for q in site.quizzes.get(path, {})],
            memberships(site, path, None),
            site.settings.minutes_per_jp,
        ]
    for path, ids in site.quizzes.items():
        result.setdefault(path, [banks.get(q) for q in ids])
    for path, page in site.pages.items():
        if page.kind == "quiz":  # a path step: its place in paths
            result.setdefault(path, []).append(memberships(site, path, None))
    return result
