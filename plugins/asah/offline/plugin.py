"""MkDocs events → the manifest's tags in every page, and the service worker, the data it
saves paths from, the offline notice, the manifest and its icons at the end of the build
(offline/outputs.py makes them). The save control is part of the path pages
(templates/asah/offline-save.html)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import theme
from ..core.urls import Links
from ..plugin_support import READ_AFTER, ServeState, keep_theme_compiled
from ..session import session
from . import outputs
from .config import OfflineConfig
from .manifest import HEX

if TYPE_CHECKING:  # only named in annotations: not imported by a build
    from mkdocs.structure.nav import Navigation

FEATURE = "offline"
log = get_plugin_logger(__name__)


class OfflinePlugin(ServeState, BasePlugin[OfflineConfig]):
    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        session(config, self.memory).configure(FEATURE, self.config)
        theme.use_every_page(config)
        given = self.config.theme_color
        if given and not HEX.match(given):
            log.warning(
                "mkdocs.yml: setting 'theme_color' of asah/offline must be a colour written "
                f"#rrggbb, got {given!r}"
            )
        self.version = outputs.Version()
        self.look = outputs.look_of(
            config.site_name, config.site_description or "", config.theme, self.config
        )
        self.files: Files | None = None
        return config

    on_config = CombinedEvent(keep_theme_compiled, _on_config)

    @event_priority(READ_AFTER)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        session(config).read(files)
        theme.install(config, files, FEATURE)
        self.files = files
        return files

    @event_priority(READ_AFTER)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled:
            session(config).arrange(nav, files)

    @event_priority(-200)  # the page as written: after every other plugin changed it
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        build = session(config)
        to_root = Links(page.url).root + build.folder
        output = outputs.with_head_tags(output, outputs.head_tags(to_root, self.look.colour))
        output = build.in_preview(output)
        self.version.add(page.file.dest_uri, output)
        return output

    # after Asah's other plugins wrote their files (course.json, at 100), before
    # mkdocs-static-i18n builds its other languages (at -100) with these plugin instances
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        build = session(config)
        site = build.read_site()
        docs = Path(config.docs_dir).resolve()
        for file in self.files or []:  # Asah's runtime, the author's images and other files
            if file.is_documentation_page():
                continue  # as written, in on_post_page
            source = file.abs_src_path
            if file.generated_by is None and not (source and _inside(source, docs)):
                continue  # the theme's own: its files that change are named by their content
            self.version.add(file.dest_uri, file.content_bytes)
        target = Path(config.site_dir) / build.folder
        also = [name for name in ("sitemap.xml",) if (target / name).is_file()]
        outputs.write(target, outputs.site_files(site, self.look, self.version, build.folder, also))


def _inside(path: str, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder)
