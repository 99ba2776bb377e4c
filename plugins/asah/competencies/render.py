"""HTML of the lesson facts box and the competency pages (MkDocs-free, Jinja2 with autoescape)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..core.templates import TemplateRenderer, narrow
from ..core.urls import Links
from ..course.duration import jp
from ..course.framework import LEVELS, Competency
from ..course.lessons import Lesson
from ..site.model import CourseSite

_ROOT = "\x00"  # stands for the page's way up to the site root in pieces made once


@dataclass
class Renderer(TemplateRenderer):
    _durations: dict[int, str] = field(default_factory=dict)
    _pieces: dict[tuple[str, str, int | None], str] = field(default_factory=dict)
    _fact_labels: tuple[str, str, str, str] | None = None

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(f"asah/{template}").render(**context)

    def duration(self, site: CourseSite, minutes: int | None) -> str:
        """`45 menit · 1 JP`, or only the minutes on a site that does not count JP."""
        if not minutes:
            return ""
        found = self._durations.get(minutes)
        if found is None:
            t = self.strings
            found = t("minutes", n=minutes)
            if site.settings.counts_jp:
                found += " · " + t("jp", n=t.number(jp(minutes, site.settings.minutes_per_jp)))
            self._durations[minutes] = found
        return found

    def lesson_info(self, site: CourseSite, lesson: Lesson, links: Links) -> str:
        """The facts box at the top of a lesson, made of pieces made once per build (labels, a
        badge, a duration, a prerequisite link) with links from the site root, put under the
        page's own way up to it: it is made for every lesson, and Jinja, or relative URLs worked
        out per link, cost more than all the rest Asah does per lesson."""
        start, competencies, prerequisites, objectives = self._labels()
        parts = [f'<section class="asah-lesson" data-asah-lesson="{escape(lesson.path)}"', start]
        badges = [self._badge(site, cid, level) for cid, level in lesson.competencies.items()]
        _list(parts, competencies, [b for b in badges if b])
        if lesson.minutes:
            parts.append(self._duration_fact(site, lesson.minutes))
        links_to = [self._lesson_link(site, path) for path in lesson.prerequisites]
        _list(parts, prerequisites, [link for link in links_to if link])
        _list(parts, objectives, [f"\n<li>{escape(text)}</li>" for text in lesson.objectives])
        parts.append("\n</dl>\n</section>")
        return narrow("".join(parts).replace(_ROOT, links.root))

    def _labels(self) -> tuple[str, str, str, str]:
        """The facts box's fixed HTML: the rest of its start tag, and each list's opening."""
        if self._fact_labels is None:
            t = self.strings

            def opening(term: str, css_class: str) -> str:
                return narrow(f'\n<dt>{escape(t(term))}</dt>\n<dd><ul class="{css_class}">')

            self._fact_labels = (
                narrow(
                    f' aria-label="{escape(t("lesson_info"))}">\n<dl class="asah-lesson__facts">'
                ),
                opening("competencies", "asah-badges"),
                opening("prerequisites", "asah-prerequisites"),
                opening("objectives", "asah-objectives"),
            )
        return self._fact_labels

    def _duration_fact(self, site: CourseSite, minutes: int) -> str:
        key = ("duration", "", minutes)
        found = self._pieces.get(key)
        if found is None:
            found = self._pieces[key] = narrow(
                f'\n<dt>{escape(self.strings("duration"))}</dt>\n<dd class="asah-duration"'
                f' data-asah-minutes="{minutes}">{escape(self.duration(site, minutes))}</dd>'
            )
        return found

    def _badge(self, site: CourseSite, competency_id: str, level: int | None) -> str:
        key = ("badge", competency_id, level)
        found = self._pieces.get(key)
        if found is None:
            competency = site.course.framework.get(competency_id)
            found = ""
            if competency is not None:
                t = self.strings
                url = escape(site.competency_url(competency_id, level))
                level_html = (
                    f' <span class="asah-badge__level">{escape(t("level_n", n=level))}</span>'
                    if level
                    else ""
                )
                found = (
                    f'\n<li><a class="asah-badge" data-asah-competency="{escape(competency_id)}"'
                    f' href="{_ROOT}{url}"><span class="asah-badge__name">'
                    f"{escape(competency.name)}</span>{level_html}</a></li>"
                )
            self._pieces[key] = found
        return found

    def _lesson_link(self, site: CourseSite, path: str) -> str:
        key = ("lesson", path, None)
        found = self._pieces.get(key)
        if found is None:
            lesson = site.lesson(path)
            found = (
                f'\n<li><a href="{_ROOT}{escape(site.url(path))}">{escape(lesson.title)}</a></li>'
                if lesson is not None
                else ""
            )
            self._pieces[key] = found
        return found

    def framework(
        self, site: CourseSite, links: Links, after_search: Callable[[str], str] = str
    ) -> str:
        """The framework page; its lists and matrices (left out of search) go to `after_search`,
        which gives the slot that stands for them, as on a competency's page."""
        t, course = self.strings, site.course
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
                page = links.to(site.competency_url(competency.id))
                cells = []
                for level in columns:
                    count = len(course.lessons_at(competency.id, level))
                    cells.append(
                        {
                            "count": count,
                            "label": t("level_n", n=level) if level else t("no_level"),
                            "text": t.count("lesson_count", count),
                            "url": f"{page}#level-{level or t('anchor_no_level')}",
                        }
                    )
                row = {
                    "id": competency.id,
                    "code": competency.code,
                    "name": competency.name,
                    "url": page,
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
            later=lambda html: Markup(after_search(str(html))),
        )

    def competency(
        self,
        site: CourseSite,
        competency: Competency,
        links: Links,
        after_search: Callable[[str], str],
    ) -> str:
        """The page: name, description, and its levels with their lessons, which go in after
        search indexed the page (`after_search` takes their HTML and gives its slot): search
        has the name and description only, as levels and lesson lists would crowd out the
        lessons themselves in results and cost the indexer most of its time."""
        t, framework = self.strings, site.course.framework
        group = framework.group_of(competency.id)
        code = (
            f'<span class="asah-code">{escape(competency.code)}</span> &#183; '
            if competency.code
            else ""
        )
        levels = self._levels(site, competency) + self._ids(competency)
        levels = after_search(levels.replace(_ROOT, links.root))
        return (
            f'<div class="asah-competency" data-asah-competency-page="{escape(competency.id)}">'
            f'\n<p class="asah-competency__meta">{code}{escape(group.name if group else "")}</p>'
            f'\n{self.md(competency.description)}\n{levels}\n<p><a href="'
            f'{escape(links.to(site.page_url("framework")))}">{escape(t("back_to_framework"))}'
            "</a></p>\n</div>"
        )

    def _ids(self, competency: Competency) -> str:
        """What authors name the competency by (`id: orientasi-pada-hasil · kode M.04`), small
        at the end of its page (and, like the levels, kept out of search)."""
        t = self.strings
        parts = [_with_code(t("author_id", id=_MARK), competency.id)]
        if competency.code:
            parts.append(_with_code(t("author_code", code=_MARK), competency.code))
        return f'\n<p class="asah-competency__ids">{" &#183; ".join(parts)}</p>'

    def _levels(self, site: CourseSite, competency: Competency) -> str:
        """Each level with its description and lessons (links from the site root)."""
        t, course = self.strings, site.course
        keys: list[int | None] = [*LEVELS]
        if course.lessons_at(competency.id, None):
            keys.append(None)
        parts = [f'<h2 id="level">{escape(t("levels_and_lessons"))}</h2>']
        progress = site.page_url("progress")
        if progress:  # when the learner reaches a level (setting `completion`)
            before, _, after = t(f"levels_rule_{site.settings.completion}").partition("{progress}")
            parts.append(
                f'\n<p class="asah-level-rule">{escape(before)}<a href="{_ROOT}'
                f'{escape(progress)}">{escape(t("progress_title"))}</a>{escape(after)}</p>'
            )
        for level in keys:
            key = level or t("anchor_no_level")
            label = course.framework.level_labels.get(level) if level else None
            heading = t("level_n", n=level) if level else t("no_level")
            lessons = course.lessons_at(competency.id, level)
            gap = "" if lessons else " asah-gap"
            description = self.md(competency.levels.get(level, "") if level else "")
            parts.append(
                f'\n<section class="asah-level{gap}" aria-labelledby="level-{key}">\n'
                f'<h3 id="level-{key}">{escape(f"{heading}: {label}" if label else heading)}</h3>'
                f"\n{description}"
            )
            if lessons:
                items = "".join(self._listed_lesson(site, lesson) for lesson in lessons)
                parts.append(f'\n<ul class="asah-level__lessons">{items}\n</ul>')
            else:
                parts.append(f'\n<p class="asah-gap-note">{escape(t("no_lessons_at_level"))}</p>')
            parts.append("\n</section>")
        return narrow("".join(parts))

    def _listed_lesson(self, site: CourseSite, lesson: Lesson) -> str:
        """A lesson in a competency's list: its link and duration (made once a build)."""
        key = ("listed", lesson.path, None)
        found = self._pieces.get(key)
        if found is None:
            duration = self.duration(site, lesson.minutes)
            after = f' <span class="asah-muted">({escape(duration)})</span>' if duration else ""
            found = (
                f'\n<li><a href="{_ROOT}{escape(site.url(lesson.path))}">'
                f"{escape(lesson.title)}</a>{after}</li>"
            )
            self._pieces[key] = found
        return found


_MARK = "\x01"  # where a value goes in an interface string, to be put in as code


def _with_code(text: str, value: str) -> str:
    """An interface string (escaped) with `value` in it as `<code>`."""
    return str(escape(text)).replace(_MARK, f"<code>{escape(value)}</code>")


def _list(parts: list[str], opening: str, items: list[str]) -> None:
    """A list's `<dt>` and `<ul>` opening (escaped) and its escaped `<li>` items, if any."""
    if items:
        parts.append(opening)
        parts.extend(items)
        parts.append("\n</ul></dd>")
