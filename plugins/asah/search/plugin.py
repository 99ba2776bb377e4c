"""MkDocs events → Asah's search: the glossary page, acronyms explained on first use, and the
index (search/index.py) made from every page's HTML once the build has rendered it."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import theme
from ..core.urls import Links
from ..plugin_support import READ_AFTER, ServeState, keep_theme_compiled, watch_folder
from ..session import session
from .abbr import FirstUseExtension, acronyms
from .collect import FOLDER, index_files, search_page, with_index_location, write
from .config import SearchConfig
from .index import SearchPage

if TYPE_CHECKING:  # only named in annotations: not imported by a build
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

FEATURE = "search"
OTHER_SEARCH = ("search", "material/search", "materialx/search")
log = get_plugin_logger(__name__)


class SearchPlugin(ServeState, BasePlugin[SearchConfig]):
    # each page as search saw it, kept across the rebuilds of `mkdocs serve` (a dirty rebuild
    # renders only the pages that changed)
    pages: dict[str, SearchPage]

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        build = session(config, self.memory)
        build.configure(FEATURE, self.config)
        if not hasattr(self, "pages") or not self.memory.serving:
            self.pages = {}
        other = [name for name in OTHER_SEARCH if name in config.plugins]
        if other:
            log.warning(
                f"mkdocs.yml: the '{other[0]}' plugin is enabled beside asah/search; expected "
                "only asah/search (two search boxes, and every page would download the other "
                "index)"
            )

        # the acronyms of the build being made (on_files: each language's with i18n)
        self.acronyms: dict[str, str] = {}
        if not any(isinstance(e, FirstUseExtension) for e in config.markdown_extensions):
            extension = FirstUseExtension(lambda: self.acronyms)
            config.markdown_extensions.append(extension)  # type: ignore[arg-type]
        theme.use_every_page(config)
        return config

    on_config = CombinedEvent(keep_theme_compiled, _on_config)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            watch_folder(server, session(config).settings.root / self.config.glossary)
        return server

    @event_priority(READ_AFTER)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        build = session(config)
        site = build.read(files)
        self.acronyms = acronyms(site.glossary) if build.settings.abbr else {}
        build.add_pages(files, FEATURE)
        theme.install(config, files, FEATURE)
        wanted = {build.key(f) for f in files.documentation_pages()}
        self.pages = {src: p for src, p in self.pages.items() if src in wanted}
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        generated = build.generated(page)
        if generated is None or generated.feature != FEATURE:
            return None
        return build.page_html().generated(generated, Links(page.url), lambda h: h)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        # before the HTML kept out of search goes in (plugin_support.AFTER_SEARCH)
        if self.config.enabled and page.content is not None:
            build = session(config)
            src = build.key(page.file)
            found = search_page(build.read_site(), src, page.content, page.title or "")
            if found is not None:
                self.pages[src] = found
            else:
                self.pages.pop(src, None)
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        # where this build's index is (a language's own folder with mkdocs-static-i18n)
        build = session(config)
        where = Links(page.url).to(f"{build.folder}{FOLDER}/".lstrip("/"))
        return build.in_preview(with_index_location(output, where))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        build = session(config)
        site = build.read_site()
        order = {src: i for i, src in enumerate(site.urls)}
        pages = [p for _, p in sorted(self.pages.items(), key=lambda kv: order.get(kv[0], 0))]
        # the index makes many small objects and no cycles; at the end of a build the process
        # holds every page, and the collector's passes over them cost more than the index
        paused = gc.isenabled()
        gc.disable()
        try:
            files = index_files(site, pages)
        finally:
            if paused:
                gc.enable()
        write(files, Path(config.site_dir) / build.folder)
        build.finish()
