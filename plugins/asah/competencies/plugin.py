"""MkDocs events → the competency pages, the lesson facts box and `course.json`."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import theme
from ..core.urls import Links
from ..page_html import after_heading
from ..plugin_support import AFTER_SEARCH, READ_AFTER, ServeState, keep_theme_compiled, watch_folder
from ..session import session
from ..theme import chrome
from .config import CompetenciesConfig

if TYPE_CHECKING:  # only named in annotations: not imported by a build
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

FEATURE = "competencies"


class CompetenciesPlugin(ServeState, BasePlugin[CompetenciesConfig]):
    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        session(config, self.memory).configure(FEATURE, self.config)
        # the every-page script only for the fixes to Material's pages (base/fixes.js)
        theme.use_every_page(config, script=self.config.theme_fixes)
        return config

    on_config = CombinedEvent(keep_theme_compiled, _on_config)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            watch_folder(server, session(config).settings.root / self.config.framework)
        return server

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        super().on_env(env, config=config, files=files)
        if self.config.enabled:
            # the theme's header, footer and credit in the site's language (Material leaves
            # them in English on an Indonesian site): in its templates, not in every page
            t = session(config).read_site().strings
            language = str(config.theme.get("language") or "en")
            words = (t("theme_header"), t("theme_footer"), t("theme_made_with"))
            chrome.use_site_words(env, language, *words)
            # Themes print `title` and `description` unescaped (nav, <title>, <meta content>):
            # they are plain text, so escape them once, before any page is rendered.
            for file in files.documentation_pages():
                meta = file.page.meta if file.page is not None else {}
                for key in ("title", "description"):
                    if isinstance(meta.get(key), str):
                        meta[key] = html.escape(meta[key])
        return env

    @event_priority(READ_AFTER)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        build = session(config)
        build.add_pages(files, FEATURE)
        theme.install(config, files, FEATURE)
        if build.settings.theme_fixes:
            theme.install(config, files, "fixes")
        return files

    @event_priority(READ_AFTER)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled:
            session(config).arrange(nav, files)

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return session(config).page_source(page) if self.config.enabled else None

    @event_priority(1000)  # the front matter is back before any plugin reads it
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            session(config).page_meta(page)
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        made, links = build.page_html(), Links(page.url)
        generated = build.generated(page)
        if generated is not None:
            if generated.feature != FEATURE:
                return None
            return made.generated(generated, links, lambda h: build.after_search.slot(page, h))
        src = build.key(page.file)
        if build.site.lesson(src) is None:
            return None
        # the facts go in after search indexed the page: badges and durations are noise there
        slot = build.after_search.slot(page, lambda: made.lesson_facts(src, links) or "")
        return after_heading(html, slot)

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
        if build.settings.theme_fixes:
            output = theme.fix_html(output, build.read_site().strings("search_dialog"))
        return build.in_preview(output)

    @event_priority(100)  # before the search plugin writes its index (dirty builds merge it)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            session(config).finish()
