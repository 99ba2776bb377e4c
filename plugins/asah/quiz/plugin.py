"""MkDocs events → quiz banks and the `/// quiz` Markdown extension."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .. import theme
from ..core import frontmatter
from ..core.diagnostics import Reporter
from ..core.i18n import Strings
from ..core.rebuild import ReadCache, fingerprint
from ..plugin_support import (
    AFTER_SEARCH,
    ServeState,
    fill_markers,
    fragment_markdown,
    report,
    restore_markers,
    watch_folder,
)
from .banks import load_banks
from .config import QuizConfig
from .extension import PageContext, QuizExtension, deferred_slot, quiz_ids
from .model import Bank
from .render import QuizRenderer

log = get_plugin_logger(__name__)
# On every page: the loader and the learner store; the quiz runtime itself (QUIZ_SCRIPT) is
# loaded by the loader on pages that have a quiz. The stylesheet is on every page so quiz
# markup is styled from the first paint (and without JavaScript).
RUNTIME = (theme.LOADER, "assets/asah/store/store.js")
QUIZ_SCRIPT = "assets/asah/quiz.js"
QUIZ_PARTS = ("assets/asah/quiz/quiz.js",)
STYLESHEET = "assets/asah/quiz/quiz.css"


def site_id(config: MkDocsConfig, configured: str) -> str:
    if configured:
        return configured
    source = config.site_url or config.site_name
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"^https?://", "", source.lower())).strip("-")
    return slug or "asah"


class QuizPlugin(ServeState, BasePlugin[QuizConfig]):
    banks_read: ReadCache[Bank | None] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        super().on_startup(command=command, dirty=dirty)
        self.banks_read = ReadCache() if self.serving else None

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        if not self.config.enabled:
            return server
        return watch_folder(server, self.root / self.config.banks_dir)  # edited banks show

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.reporter = Reporter()
        self.extension = QuizExtension()
        self.extension.settings.reporter = self.reporter
        self.extension.settings.deferred = {}
        self.markers: dict[str, dict[str, str]] = {}  # page → its quiz markers and HTML
        strings = Strings(config.theme.get("language"))
        fragment = fragment_markdown(config)
        renderer = QuizRenderer(
            strings,
            fragment,
            site_id(config, self.config.site_id),
        )
        self.extension.settings.renderer_factory = lambda: renderer
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        theme.use_every_page(config)
        return config

    @event_priority(-10)  # after asah/competencies read the pages: their sources are reused
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        competencies_plugin = config.plugins.get("asah/competencies")
        known = None
        sources: dict[str, str] = {}
        if competencies_plugin is not None and competencies_plugin.config.enabled:
            known = competencies_plugin.course.framework.ids()
            sources = competencies_plugin.sources
        self.extension.settings.competencies = known
        folder = self.root / self.config.banks_dir
        self.extension.settings.banks = load_banks(
            folder, self.config.banks_dir, self.reporter, known, self.banks_read
        )
        self.banks = self.extension.settings.banks
        # each page's quiz ids (read by asah/paths too) and where its Markdown starts
        self.placed: dict[str, list[str]] = {}
        self._bodies: dict[str, frontmatter.BodyStart] = {}
        for file in files.documentation_pages():
            if file.generated_by is None:
                source = sources.get(file.src_uri)
                source = file.content_string if source is None else source
                self.placed[file.src_uri] = quiz_ids(source, file.src_uri)
                self._bodies[file.src_uri] = frontmatter.body_start(source)
        self._report()
        theme.add_to_bundle(config, files, theme.SCRIPT, RUNTIME)
        theme.add_to_bundle(config, files, theme.STYLESHEET, [STYLESHEET])
        theme.add_to_bundle(config, files, QUIZ_SCRIPT, QUIZ_PARTS)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if not self.config.enabled or not self.rebuilds.dirty:
            return
        # a page shows the banks it embeds: rebuild it when one of them changed
        prints = {bid: fingerprint(repr(bank)) for bid, bank in self.banks.items()}
        current = {
            src: fingerprint([prints.get(i) for i in ids]) for src, ids in self.placed.items()
        }
        self.rebuilds.refresh(files, current)

    def on_page_markdown(
        self, markdown_text: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        body = self._bodies.get(page.file.src_uri)
        competencies_plugin = config.plugins.get("asah/competencies")
        docs_name = getattr(competencies_plugin, "docs_name", "docs")
        self.extension.settings.deferred = {}
        self.markers[page.file.src_uri] = self.extension.settings.deferred
        self.extension.settings.page = PageContext(
            path=f"{docs_name}/{page.file.src_uri}",
            page_id=page.file.src_uri,
            line_offset=body.offset_for(markdown_text) if body else 0,  # generated: 0
        )
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        self._report()
        # each quiz's slot becomes a comment, which search skips, until on_page_context
        for word in self.markers.get(page.file.src_uri, {}):
            html = html.replace(deferred_slot(word), f"<!-- {word} -->", 1)
        return html

    @event_priority(AFTER_SEARCH)  # put the quizzes in place once search indexed the page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled:
            deferred = self.markers.pop(page.file.src_uri, {})
            fill_markers(page, [(f"<!-- {word} -->", html) for word, html in deferred.items()])
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        restore_markers(page)
        return None

    def _report(self) -> None:
        report(self.reporter, log)
