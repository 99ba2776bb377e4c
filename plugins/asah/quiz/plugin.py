"""MkDocs events → the `/// quiz` Markdown extension, fed with the course site's banks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import theme
from ..plugin_support import AFTER_SEARCH, READ_AFTER, ServeState, keep_theme_compiled, watch_folder
from ..session import session
from .config import QuizConfig
from .extension import PageContext, QuizExtension, put_deferred
from .render import QuizRenderer

if TYPE_CHECKING:  # only named in annotations: not imported by a build
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

FEATURE = "quiz"


class QuizPlugin(ServeState, BasePlugin[QuizConfig]):
    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        session(config, self.memory).configure(FEATURE, self.config)
        self.extension = QuizExtension()
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        theme.use_every_page(config)
        return config

    on_config = CombinedEvent(keep_theme_compiled, _on_config)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            watch_folder(server, session(config).settings.root / self.config.banks_dir)
        return server

    @event_priority(READ_AFTER)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        build = session(config)
        site = build.read(files)
        fragments = build.fragments()
        settings = self.extension.settings
        settings.banks, settings.reporter = site.banks, build.reporter
        settings.competencies = site.course.framework.names()
        settings.unreadable_banks = site.unreadable_banks
        settings.renderer = QuizRenderer(
            site.strings,
            fragments.block,
            fragments.inline,
            site=build.settings.site_key(),
            language=site.strings.language,
            solution_after_fail=build.settings.solution_after_fail,
        )
        theme.install(config, files, FEATURE)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        key = build.key(page.file)
        body = build.body_start(key)
        settings = self.extension.settings
        settings.deferred, settings.deferred_at = {}, {}
        settings.page = PageContext(
            path=f"{build.settings.docs_dir}/{page.file.src_uri}",
            page_id=key,
            line_offset=body.offset_for(markdown) if body else 0,  # generated pages: 0
            scanned=build.site.scanned.pop(key, None) if build.site else None,
        )
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        settings = self.extension.settings
        # each quiz's slot waits for search to have indexed the page (questions stay out of it)
        html = put_deferred(
            html,
            settings,
            lambda quiz: build.after_search.slot(page, quiz),
            build.site.strings,
            build.reporter,
        )
        settings.deferred = None
        build.report()
        return html

    @event_priority(AFTER_SEARCH)  # put the quizzes in place once search indexed the page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled:
            session(config).after_search.fill(page)
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        build.after_search.restore(page)
        return build.in_preview(output)

    @event_priority(100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            session(config).finish()
