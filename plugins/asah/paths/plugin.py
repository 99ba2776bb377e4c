"""MkDocs events → the path pages, the progress and self-assessment apps, and each lesson's end
(mark as done, step n of m). What they show is made in paths/render.py from the course site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import theme
from ..core.urls import Links
from ..plugin_support import AFTER_SEARCH, READ_AFTER, ServeState, keep_theme_compiled, watch_folder
from ..session import session
from .config import PathsConfig

if TYPE_CHECKING:  # only named in annotations: not imported by a build
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

FEATURE = "paths"


class PathsPlugin(ServeState, BasePlugin[PathsConfig]):
    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        session(config, self.memory).configure(FEATURE, self.config)
        theme.use_every_page(config)
        return config

    on_config = CombinedEvent(keep_theme_compiled, _on_config)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            watch_folder(server, session(config).settings.root / self.config.paths_file)
        return server

    @event_priority(READ_AFTER)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        build = session(config)
        build.add_pages(files, FEATURE)
        theme.install(config, files, FEATURE)
        return files

    @event_priority(READ_AFTER)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled:
            session(config).arrange(nav, files)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        made, links = build.page_html(), Links(page.url)
        generated = build.generated(page)
        if generated is not None and generated.feature != FEATURE:
            return None
        if generated is not None and generated.kind != "quiz":
            return made.generated(generated, links, lambda h: build.after_search.slot(page, h))
        src = build.key(page.file)
        if generated is None and src not in build.site.course.lessons:
            return None
        # after search indexed the page: "mark as done" and path steps are not content (a
        # quiz page, whose quiz block is its body, gets its place in paths)
        end = build.after_search.slot(page, lambda: made.lesson_end(src, links) or "")
        return html + end

    @event_priority(AFTER_SEARCH)
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
