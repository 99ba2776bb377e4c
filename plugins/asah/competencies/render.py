"""HTML for lesson headers and the competency pages (MkDocs-free, Jinja2 with autoescape)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from markupsafe import Markup, escape

from ..core.templates import TemplateRenderer, narrow
from ..course.course import Course
from ..course.duration import jp
from ..course.framework import LEVELS, Competency
from ..course.lessons import Lesson

LEVELS_MARKER = "<!-- asah-competency-levels -->"


class Links(Protocol):
    """URLs relative to the page being rendered."""

    def lesson(self, path: str) -> str: ...
    def competency(self, competency_id: str, anchor: str = "") -> str: ...
    def framework(self) -> str: ...


@dataclass
class Renderer(TemplateRenderer):
    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(f"asah/{template}").render(**context)

    def duration(self, minutes: int | None, minutes_per_jp: int) -> str:
        if not minutes:
            return ""
        t = self.strings
        return f"{t('minutes', n=minutes)} · {t('jp', n=t.number(jp(minutes, minutes_per_jp)))}"

    def lesson_info(self, lesson: Lesson, course: Course, links: Links) -> str:
        """The facts box at the top of a lesson. Built in Python rather than from a template:
        it is rendered once per lesson, and Jinja's per-render overhead was most of its cost."""
        t = self.strings
        parts = [
            f'<section class="asah-lesson" data-asah-lesson="{escape(lesson.path)}"'
            f' aria-label="{escape(t("lesson_info"))}">\n<dl class="asah-lesson__facts">'
        ]
        badges = []
        for competency_id, level in lesson.competencies.items():
            competency = course.framework.get(competency_id)
            if competency is None:
                continue
            url = links.competency(competency_id, f"level-{level}" if level else "")
            level_html = (
                f' <span class="asah-badge__level">{escape(t("level_n", n=level))}</span>'
                if level
                else ""
            )
            badges.append(
                f'\n<li><a class="asah-badge" data-asah-competency="{escape(competency_id)}"'
                f' href="{escape(url)}"><span class="asah-badge__name">'
                f"{escape(competency.name)}</span>{level_html}</a></li>"
            )
        _list(parts, t("competencies"), "asah-badges", badges)
        duration = self.duration(lesson.minutes, course.minutes_per_jp)
        if duration:
            parts.append(
                f'\n<dt>{escape(t("duration"))}</dt>\n<dd class="asah-duration"'
                f' data-asah-minutes="{escape(lesson.minutes)}">{escape(duration)}</dd>'
            )
        prerequisites = [
            f'\n<li><a href="{escape(links.lesson(path))}">'
            f"{escape(course.lessons[path].title or path)}</a></li>"
            for path in lesson.prerequisites
            if path in course.lessons
        ]
        _list(parts, t("prerequisites"), "asah-prerequisites", prerequisites)
        items = [f"\n<li>{escape(objective)}</li>" for objective in lesson.objectives]
        _list(parts, t("objectives"), "asah-objectives", items)
        parts.append("\n</dl>\n</section>")
        return narrow("".join(parts))

    def framework(self, course: Course, links: Links) -> str:
        t = self.strings
        show_no_level = any(
            level is None
            for lesson in course.lessons.values()
            for level in lesson.competencies.values()
        )
        columns: list[int | None] = [*LEVELS, *([None] if show_no_level else [])]
        groups, gaps = [], []
        for group in course.framework.groups:
            rows = []
            for competency in group.competencies:
                cells = []
                for level in columns:
                    count = len(course.lessons_at(competency.id, level))
                    label = t("level_n", n=level) if level else t("no_level")
                    anchor = f"level-{level}" if level else "level-tanpa"
                    cells.append(
                        {
                            "count": count,
                            "label": label,
                            "text": t.count("lesson_count", count),
                            "url": links.competency(competency.id, anchor),
                        }
                    )
                row = {
                    "id": competency.id,
                    "code": competency.code,
                    "name": competency.name,
                    "url": links.competency(competency.id),
                    "cells": cells,
                    "total": len(course.lessons_for(competency.id)),
                }
                rows.append(row)
                if not row["total"]:
                    gaps.append(row)
            groups.append(
                {
                    "id": group.id,
                    "name": group.name,
                    "description_html": self.md(group.description),
                    "rows": rows,
                }
            )
        intro = t(
            "coverage_intro",
            competencies=len(course.framework.competencies()),
            groups=len(course.framework.groups),
            lessons=len(course.lessons),
        )
        return self._render(
            "framework.html",
            intro=intro,
            groups=groups,
            gaps=gaps,
            levels=LEVELS,
            show_no_level=show_no_level,
        )

    def competency(self, competency: Competency, course: Course, links: Links) -> tuple[str, str]:
        """The page (name, description, LEVELS_MARKER) and its levels, to put in place of the
        marker after search indexed the page."""
        t = self.strings
        group = next(g for g in course.framework.groups if g.id == competency.group)
        levels = []
        keys: list[int | None] = [*LEVELS]
        if course.lessons_at(competency.id, None):
            keys.append(None)
        for level in keys:
            label = course.framework.level_labels.get(level) if level else None
            heading = t("level_n", n=level) if level else t("no_level")
            levels.append(
                {
                    "key": level or "tanpa",
                    "heading": f"{heading}: {label}" if label else heading,
                    "description_html": self.md(competency.levels.get(level, "") if level else ""),
                    "lessons": [
                        {
                            "url": links.lesson(lesson.path),
                            "title": lesson.title or lesson.path,
                            "duration": self.duration(lesson.minutes, course.minutes_per_jp),
                        }
                        for lesson in course.lessons_at(competency.id, level)
                    ],
                }
            )
        page = self._render(
            "competency.html",
            competency=competency,
            group_name=group.name,
            description_html=self.md(competency.description),
            levels_marker=Markup(LEVELS_MARKER),
            framework_url=links.framework(),
        )
        return page, self._render("competency-levels.html", levels=levels)


def _list(parts: list[str], term: str, css_class: str, items: list[str]) -> None:
    """One `<dt>` and its `<ul>` of already escaped `<li>` items, when there are any."""
    if items:
        parts.append(f'\n<dt>{escape(term)}</dt>\n<dd><ul class="{css_class}">')
        parts.extend(items)
        parts.append("\n</ul></dd>")
