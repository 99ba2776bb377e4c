"""MkDocs events → a site built for an LMS: the runtime's page part in every page's script
(`lms/bridge.js`), the standard's script for the launch page, and at the end of the build the
launch page and the standard's manifest (package/frame.py; package/scorm12.py: imsmanifest.xml,
package/cmi5.py: cmi5.xml). `asah package` turns it on; the site it builds is the package's
folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files

from .. import theme
from ..plugin_support import READ_AFTER
from ..session import session
from ..site.catalogue import catalogue
from . import cmi5, frame, scorm12
from .config import LmsConfig
from .unit import UnknownPath, tables, unit_of

if TYPE_CHECKING:  # only named in annotations: not imported by a build
    from mkdocs.structure.nav import Navigation

BRIDGE = theme.ASSETS + "lms/bridge.js"
STANDARD = {"scorm12": scorm12, "cmi5": cmi5}  # each module: RUNTIME, RUNTIME_PARTS, MANIFEST


class UnknownPathError(PluginError):
    """The `path` setting names no learning path: `asah package --path` used wrongly."""


class LmsPlugin(BasePlugin[LmsConfig]):
    def __init__(self) -> None:
        super().__init__()
        # one entry per language build in progress (MkDocs runs on_config again for each)
        self._decided: list[tuple[str, Callable[[Path], None]]] = []

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        if config.use_directory_urls:
            # an LMS serves files, not folders: `lesson/` would not find `lesson/index.html`
            raise PluginError("asah/lms: a package needs 'use_directory_urls: false'")
        theme.use_every_page(config)
        return config

    @event_priority(READ_AFTER)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        session(config).read(files)
        theme.add_to_bundle(config, files, theme.SCRIPT, [BRIDGE])
        standard = STANDARD[self.config.standard]
        parts = [theme.ASSETS + p for p in standard.RUNTIME_PARTS]
        theme.add_to_bundle(config, files, standard.RUNTIME, parts)
        return files

    @event_priority(READ_AFTER)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if not self.config.enabled:
            return
        site = session(config).arrange(nav, files)
        wanted = self.config.path
        if wanted and site.path(wanted) is None:
            try:
                unit_of(catalogue(site), wanted)
            except UnknownPath as error:
                raise UnknownPathError(str(error)) from None

    # With mkdocs-static-i18n the build of each other language runs inside the default build's
    # on_post_build (at -100), on the same configuration. The package is the default language's:
    # its launch page and manifest are decided before those builds (-50) and written at the
    # root once everything is on disk (-300); another language's build writes none of its own
    # (its pages reach the launch page like every page does).
    @event_priority(-50)  # course.json (100) and search written; other languages not yet built
    def _decide_package(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            self._decided.append(self._package_files(config))

    @event_priority(-300)  # every other file written, other languages' builds included
    def _write_package(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or not self._decided:
            return
        folder, write = self._decided.pop()
        if not folder:
            write(Path(config.site_dir))

    on_post_build = CombinedEvent(_decide_package, _write_package)

    def _package_files(self, config: MkDocsConfig) -> tuple[str, Callable[[Path], None]]:
        """This build's language folder, and what writes the launch page and the manifest."""
        build = session(config)
        site = build.read_site()
        data = catalogue(site)
        unit_path = self.config.path
        unit = unit_of(data, unit_path, config.site_description or "")
        runtime = {"site": data["site"], "launch": unit.launch, "unit": unit.runtime()}
        if self.config.standard == "cmi5":
            course_id, au_id = cmi5.identifiers(config.site_url or "", data["site"], unit_path)
            runtime["au"] = au_id  # the questions' activity ids are made from it
            manifest = cmi5.MANIFEST
        else:
            runtime["tables"] = tables(data)  # ids written short in cmi.suspend_data
            manifest = scorm12.MANIFEST
        script = STANDARD[self.config.standard].RUNTIME
        page = frame.launch_page(unit.title, unit.language, script, runtime, site.strings)

        def write(target: Path) -> None:
            (target / frame.LAUNCH).write_text(page, "utf-8")
            if self.config.standard == "cmi5":
                marks = cmi5.pass_marks(target)
                text = cmi5.course_structure(unit, frame.LAUNCH, course_id, au_id, marks)
            else:
                files = [
                    p.relative_to(target).as_posix()
                    for p in sorted(target.rglob("*"))
                    if p.is_file() and p.name != manifest
                ]
                text = scorm12.manifest(unit, frame.LAUNCH, files)
            (target / manifest).write_text(text, "utf-8")

        return build.folder, write
