"""MkDocs events → the course model and the competency pages. Logic lives in the modules."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from .. import theme
from ..core.diagnostics import Location, Reporter
from ..core.i18n import Strings
from ..core.rebuild import ReadCache, fingerprint
from ..course import catalogue, framework
from ..course.course import Course, check_prerequisites
from ..course.lessons import Lesson, PageMeta, read_page
from ..plugin_support import (
    AFTER_SEARCH,
    ServeState,
    TemplateCache,
    fill_markers,
    fragment_markdown,
    merge_dirty_search_index,
    report,
    restore_markers,
    watch_folder,
)
from . import pages
from .config import CompetenciesConfig
from .render import LEVELS_MARKER, Renderer

log = get_plugin_logger(__name__)
_H1_START = re.compile(r"\s*<h1", re.IGNORECASE)
_H1_END = re.compile(r"</h1>", re.IGNORECASE)
LESSON_INFO_MARKER = "<!-- asah-lesson-info -->"


class _PageLinks:
    """URLs of lessons and competency pages, relative to one page."""

    def __init__(self, plugin: CompetenciesPlugin, page_url: str) -> None:
        self.plugin, self.page_url = plugin, page_url

    def _rel(self, url: str) -> str:
        return get_relative_url(url, self.page_url)

    def lesson(self, path: str) -> str:
        return self._rel(self.plugin.url_of(path))

    def competency(self, competency_id: str, anchor: str = "") -> str:
        url = self.plugin.url_of(pages.competency_path(self.plugin.config.url, competency_id))
        return self._rel(url) + (f"#{anchor}" if anchor else "")

    def framework(self) -> str:
        return self._rel(self.plugin.url_of(pages.overview_path(self.plugin.config.url)))


class CompetenciesPlugin(ServeState, BasePlugin[CompetenciesConfig]):
    templates: TemplateCache | None = None
    pages_read: ReadCache[PageMeta] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        super().on_startup(command=command, dirty=dirty)
        self.templates = TemplateCache() if self.serving else None
        self.pages_read = ReadCache() if self.serving else None

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.templates is not None:
            env.bytecode_cache = self.templates
        return env

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.docs_name = os.path.relpath(config.docs_dir, self.root).replace(os.sep, "/")
        self.reporter = Reporter()
        self.strings = Strings(config.theme.get("language"))
        self.files: Files | None = None
        self.sources: dict[str, str] = {}  # page → source, from on_files to on_nav (asah/quiz)
        self.urls: dict[str, str] = {}
        self.generated: dict[str, str] = {}  # src path of a generated page → competency id or ""
        self.levels: dict[str, str] = {}  # competency page → its levels, put in after indexing
        # sections other asah plugins add to course.json (banks, paths)
        self.catalogue_sections: dict[str, Any] = {}
        framework_file = self.root / self.config.framework
        text = framework_file.read_text("utf-8") if framework_file.is_file() else None
        self.course = Course(
            framework=framework.load(text, self.config.framework, self.reporter),
            minutes_per_jp=self.config.minutes_per_jp,
        )
        if self.config.minutes_per_jp <= 0:
            self.reporter.fatal(Location("mkdocs.yml"), "minutes_per_jp must be a positive number")
        self._report()
        md = fragment_markdown(config)
        self.renderer = Renderer(self.strings, md)
        if self.config.theme_fixes:
            theme.use_every_page(config, script=False)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if not self.config.enabled:
            return server
        return watch_folder(server, (self.root / self.config.framework).parent)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        self.files = files
        self._add_generated(files, config)
        sources = [f for f in files.documentation_pages() if f.src_uri not in self.generated]
        framework_key = (repr(self.course.framework), self.config.minutes_per_jp, self.docs_name)
        for file in sources:
            source, display = file.content_string, f"{self.docs_name}/{file.src_uri}"
            self.sources[file.src_uri] = source

            def read(
                reporter: Reporter,
                src: str = file.src_uri,
                shown: str = display,
                text: str = source,
            ) -> PageMeta:
                return read_page(
                    src,
                    shown,
                    text,
                    self.course.framework,
                    self.config.minutes_per_jp,
                    reporter,
                )

            if self.pages_read is None:
                meta = read(self.reporter)
            else:
                key = (source, framework_key)
                meta = self.pages_read.read(display, key, self.reporter, read)
            if meta.lesson is not None:
                meta.lesson.title = meta.lesson.title or _first_heading(source)
                self.course.lessons[file.src_uri] = meta.lesson
        check_prerequisites(
            self.course, {f.src_uri for f in sources}, self.docs_name, self.reporter
        )
        self._report()
        return files

    def _add_generated(self, files: Files, config: MkDocsConfig) -> None:
        overview = pages.overview_path(self.config.url)
        wanted = {overview: ("", self.strings("competency_framework"))}
        for competency in self.course.framework.competencies():
            wanted[pages.competency_path(self.config.url, competency.id)] = (
                competency.id,
                competency.name,
            )
        for src, (competency_id, title) in wanted.items():
            if files.get_file_from_path(src) is not None:
                self.reporter.fatal(
                    Location(f"{self.docs_name}/{src}"),
                    f"this page is generated by asah/competencies; move it or set "
                    f"'url' of the plugin to another folder than '{self.config.url}'",
                )
                continue
            description = "" if competency_id else self.strings("competency_overview_description")
            # competency pages are reached from the framework page, not listed in the nav
            inclusion = InclusionLevel.NOT_IN_NAV if competency_id else InclusionLevel.UNDEFINED
            files.append(
                File.generated(
                    config, src, content=pages.stub(title, description), inclusion=inclusion
                )
            )
            self.generated[src] = competency_id
        if self.config.theme_fixes:
            theme.add_to_bundle(config, files, theme.STYLESHEET, [theme.BASE_STYLESHEET])
        if config.nav is not None and not pages.nav_mentions(config.nav, overview):
            config.nav.append({self.strings("competencies"): overview})

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        # Lessons are listed in navigation order wherever order matters (levels, course.json).
        if not self.config.enabled:
            return
        self.sources = {}  # read by the other plugins' on_files; not needed any more
        # every page's URL, looked up thousands of times while lessons render
        self.urls = {file.src_uri: file.url for file in files}
        order = {page.file.src_uri: i for i, page in enumerate(nav.pages)}
        lessons = sorted(self.course.lessons.items(), key=lambda kv: order.get(kv[0], len(order)))
        self.course.lessons = dict(lessons)
        if self.rebuilds.dirty:
            self.rebuilds.refresh(
                files, {path: self._lesson_inputs(lesson) for path, lesson in lessons}
            )

    def _lesson_inputs(self, lesson: Lesson) -> str:
        """What the lesson facts box is made of, beyond the lesson's own file."""
        course = self.course
        names = [getattr(course.framework.get(cid), "name", None) for cid in lesson.competencies]
        titles = [getattr(course.lessons.get(p), "title", None) for p in lesson.prerequisites]
        return fingerprint([repr(lesson), names, titles, course.minutes_per_jp])

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Themes print `title` and `description` unescaped (nav, <title>, <meta content="…">):
        # they are plain text, so escape them once here.
        if self.config.enabled:
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = html.escape(page.meta[key])
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        links = _PageLinks(self, page.url)
        src = page.file.src_uri
        if src in self.generated:
            competency_id = self.generated[src]
            if not competency_id:
                return self.renderer.framework(self.course, links)
            competency = self.course.framework.get(competency_id)
            assert competency is not None
            html, self.levels[src] = self.renderer.competency(competency, self.course, links)
            return html
        if src not in self.course.lessons:
            return html
        # The facts are put in place after search indexed the page (on_page_context): badges and
        # durations are noise in search results, and indexing them cost more than rendering.
        if _H1_START.match(html):
            # Markdown writes tags in lower case; the regex is for an author's own <H1>
            end = html.find("</h1>")
            if end < 0 and (match := _H1_END.search(html)):
                end = match.start()
            if end >= 0:
                end += len("</h1>")
                return html[:end] + LESSON_INFO_MARKER + html[end:]
        return LESSON_INFO_MARKER + html

    @event_priority(AFTER_SEARCH)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled:
            return None
        levels = self.levels.pop(page.file.src_uri, None)
        if levels is not None:
            fill_markers(page, [(LEVELS_MARKER, levels)])
        lesson = self.course.lessons.get(page.file.src_uri)
        if lesson is not None:
            info = self.renderer.lesson_info(lesson, self.course, _PageLinks(self, page.url))
            fill_markers(page, [(LESSON_INFO_MARKER, info)])
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        restore_markers(page)
        if not self.config.theme_fixes:
            return None
        return theme.fix_html(output, self.strings("search_dialog"))

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if self.rebuilds.dirty:
            merge_dirty_search_index(config)
        if not self.config.catalogue:
            return
        data = catalogue.build(
            self.course,
            config.site_name,
            self.url_of,
            lambda cid: self.url_of(pages.competency_path(self.config.url, cid)),
        )
        data.update(self.catalogue_sections)
        target = Path(config.site_dir) / self.config.catalogue
        target.parent.mkdir(parents=True, exist_ok=True)
        # compact: the C encoder (indent falls back to Python, 3× slower), 20 % smaller
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text + "\n", "utf-8")

    def url_of(self, src_path: str) -> str:
        url = self.urls.get(src_path)
        if url is None:
            file = self.files.get_file_from_path(src_path) if self.files else None
            url = file.url if file else ""
        return url

    def _report(self) -> None:
        report(self.reporter, log)


def _first_heading(source: str) -> str | None:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", source, re.MULTILINE)
    return match.group(1) if match else None
