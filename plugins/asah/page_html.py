"""What Asah puts into each page, whichever engine builds the site: the body of its generated
pages, the facts box at the top of a lesson and the lesson's end. The MkDocs plugins and the
Zensical route (asah/zensical/) both call these; neither decides on its own what a page holds."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from . import theme
from .competencies.render import Renderer as CompetencyRenderer
from .core.urls import Links
from .site.model import CourseSite
from .site.pages import GeneratedPage

if TYPE_CHECKING:
    from .paths.render import PathsRenderer

APP_OF = {"progress": "progress", "assessment": "assess"}  # page kind → app
_H1_START = re.compile(r"\s*<h1", re.IGNORECASE)
_H1_END = re.compile(r"</h1>", re.IGNORECASE)


class PageHtml:
    def __init__(self, site: CourseSite, block: Callable[[str], str]) -> None:
        """`block` turns an author's Markdown fragment (a description) into HTML."""
        self.site, self.block = site, block

    @cached_property
    def competencies(self) -> CompetencyRenderer:
        return CompetencyRenderer(self.site.strings, self.block)

    @cached_property
    def paths(self) -> PathsRenderer:
        from .paths.render import PathsRenderer  # imported when a site has paths: not every build

        return PathsRenderer(self.site.strings, self.block)

    def generated(
        self, page: GeneratedPage, links: Links, later: Callable[[str], str]
    ) -> str | None:
        """A generated page's body; None for a quiz page (its quiz block is the page). `later`
        takes HTML that stays out of the search index and gives what stands for it."""
        site = self.site
        if page.kind == "framework":
            return self.competencies.framework(site, links, later)
        if page.kind == "competency":
            competency = site.course.framework.get(page.key)
            assert competency is not None
            return self.competencies.competency(site, competency, links, later)
        if page.kind == "paths":
            return self.paths.paths(site, links)
        if page.kind == "path":
            path = site.path(page.key)
            assert path is not None
            return self.paths.path(site, path, links)
        if page.kind == "glossary":
            from .search.render import glossary_html  # with the search index: not every build

            return glossary_html(site.glossary, site.strings, self.block)
        if page.kind in APP_OF:
            app = APP_OF[page.kind]
            load = " ".join(theme.loader_name(uri) for uri in theme.APPS[app])
            return self.paths.app(site, app, links, load)
        return None

    def lesson_facts(self, src: str, links: Links) -> str | None:
        """The facts box under a lesson's title (duration, competencies, prerequisites)."""
        lesson = self.site.lesson(src)
        if lesson is None or not self.site.has("competencies"):
            return None
        return self.competencies.lesson_info(self.site, lesson, links)

    def lesson_end(self, src: str, links: Links) -> str | None:
        """Mark as done and the lesson's place in paths, at its end; on a quiz page, its place
        in paths."""
        site = self.site
        if not site.has("paths"):
            return None
        if src in site.course.lessons:
            return self.paths.lesson_end(site, src, links)
        page = site.pages.get(src)
        if page is not None and page.kind == "quiz":
            return self.paths.step_end(site, src, links) or None
        return None


def after_heading(html: str, insert: str) -> str:
    """`insert` after the page's first-level heading when the page starts with one, else first."""
    if _H1_START.match(html):
        # Markdown writes tags in lower case; the regex is for an author's own <H1>
        end = html.find("</h1>")
        if end < 0 and (match := _H1_END.search(html)):
            end = match.start()
        if end >= 0:
            end += len("</h1>")
            return html[:end] + insert + html[end:]
    return insert + html
