"""MkDocs events → learning paths, progress and self-assessment pages. Logic lives in modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from .. import theme
from ..competencies import pages as generated
from ..core.diagnostics import Location, Reporter
from ..core.i18n import Strings
from ..core.rebuild import fingerprint
from ..core.urls import relative
from ..course.course import Course
from ..course.duration import jp
from ..course.paths import LearningPath, built_levels, minutes, read_paths
from ..plugin_support import (
    AFTER_SEARCH,
    ServeState,
    fill_markers,
    fragment_markdown,
    report,
    restore_markers,
    watch_folder,
)
from ..quiz.plugin import site_id
from .config import PathsConfig
from .render import Catalogue, PathsRenderer, memberships

log = get_plugin_logger(__name__)
LESSON_END_MARKER = "<!-- asah-lesson-end -->"
RUNTIME = (
    theme.LOADER,
    "assets/asah/store/store.js",
    "assets/asah/progress/record.js",
    "assets/asah/progress/progress.js",
)
STYLESHEETS = ("assets/asah/progress/progress.css",)
OFFLINE_SHIM = "assets/asah/iframe-worker/shim.js"  # listed in extra.polyfills for offline copies
# Loaded by the loader (loader/loader.js) only on the page that needs them, to keep every other
# page light:
# app → (its script bundle, its stylesheet bundle), and the component files in each.
MODEL = "assets/asah/progress/model.js"
APPS = {
    "progress": ("assets/asah/apps/progress.js", "assets/asah/apps/progress.css"),
    "assess": ("assets/asah/apps/assess.js", "assets/asah/apps/assess.css"),
}
APP_PARTS = {
    "progress": (
        (MODEL, "assets/asah/progress/progress-page.js"),
        ("assets/asah/progress/progress-page.css",),
    ),
    "assess": ((MODEL, "assets/asah/assess/assess.js"), ("assets/asah/assess/assess.css",)),
}


class _Links:
    def __init__(self, page_url: str) -> None:
        self.page_url = page_url

    def site(self, url: str) -> str:
        return get_relative_url(url, self.page_url) if url else "#"


class _SiteUrls:
    def site(self, url: str) -> str:
        return url


class PathsPlugin(ServeState, BasePlugin[PathsConfig]):
    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        if not self.config.enabled:
            return server
        return watch_folder(server, (self.root / self.config.paths_file).parent)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.reporter = Reporter()
        self.strings = Strings(config.theme.get("language"))
        self.pages: dict[str, tuple[str, str]] = {}  # generated page → (kind, key)
        self.paths: list[LearningPath] = []
        self.catalogue: Catalogue | None = None
        fragment = fragment_markdown(config)
        self.renderer = PathsRenderer(self.strings, fragment)
        theme.use_every_page(config)
        return config

    @event_priority(-50)  # after asah/competencies (lessons) and asah/quiz (banks)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        competencies = config.plugins.get("asah/competencies")
        if competencies is None or not competencies.config.enabled:
            raise PluginError(
                "asah/paths needs the asah/competencies plugin (it reads the lessons)"
            )
        quiz = config.plugins.get("asah/quiz")
        quiz_on = quiz is not None and quiz.config.enabled
        self.competencies = competencies
        course: Course = competencies.course
        banks = quiz.banks if quiz_on else {}
        # quizzes count towards a lesson only where the quiz plugin renders them
        placed = quiz.placed if quiz_on else {}
        for path, lesson in course.lessons.items():
            lesson.quizzes = placed.get(path, [])
        self.paths = self._read_paths(course, banks, competencies.docs_name, self.reporter)
        self._report()

        embedded: dict[str, str] = {}  # bank id → first lesson placing it
        for path, lesson in course.lessons.items():
            for qid in lesson.quizzes:
                embedded.setdefault(qid, path)
        quiz_pages = {s.ref for p in self.paths for s in p.steps if s.kind == "quiz"}
        wanted: dict[str, tuple[str, str, str]] = {
            f"{self.config.url}/index.md": ("paths", "", self.strings("paths_title")),
            f"{self.config.progress_url}/index.md": (
                "app",
                "progress",
                self.strings("progress_title"),
            ),
            f"{self.config.assessment_url}/index.md": (
                "app",
                "assess",
                self.strings("assess_title"),
            ),
        }
        for path in self.paths:
            wanted[f"{self.config.url}/{path.id}.md"] = ("path", path.id, path.title)
        for bank_id in sorted(quiz_pages - set(embedded)):
            title = banks[bank_id].title or bank_id
            wanted[f"{self.config.quiz_url}/{bank_id}.md"] = ("quiz", bank_id, title)
        for src, (kind, key, title) in wanted.items():
            if files.get_file_from_path(src) is not None:
                self.reporter.fatal(
                    Location(f"{competencies.docs_name}/{src}"),
                    "this page is generated by asah/paths; move it or change the plugin's "
                    "url settings",
                )
                continue
            content = self._stub(kind, key, title)
            inclusion = (
                InclusionLevel.NOT_IN_NAV
                if kind in ("path", "quiz")
                else (InclusionLevel.UNDEFINED)
            )
            files.append(File.generated(config, src, content=content, inclusion=inclusion))
            self.pages[src] = (kind, key)
        theme.add_to_bundle(config, files, theme.SCRIPT, RUNTIME)
        theme.add_to_bundle(config, files, theme.STYLESHEET, STYLESHEETS)
        for app, (script, style) in APPS.items():
            scripts, styles = APP_PARTS[app]
            theme.add_to_bundle(config, files, script, scripts)
            theme.add_to_bundle(config, files, style, styles)
        theme.add_asset_files(config, files, [OFFLINE_SHIM])
        self._report()
        if config.nav is not None:
            for src, label in (
                (f"{self.config.url}/index.md", self.strings("paths_title")),
                (f"{self.config.progress_url}/index.md", self.strings("progress_title")),
                (f"{self.config.assessment_url}/index.md", self.strings("assess_title")),
            ):
                if not generated.nav_mentions(config.nav, src):
                    config.nav.append({label: src})

        def url(src: str) -> str:
            file = files.get_file_from_path(src)
            return file.url if file else ""

        bank_url = {
            bid: url(embedded[bid]) if bid in embedded else url(f"{self.config.quiz_url}/{bid}.md")
            for bid in banks
        }
        self.catalogue = Catalogue(
            course=course,
            banks=banks,
            paths=self.paths,
            lesson_url={path: url(path) for path in course.lessons},
            bank_url=bank_url,
            path_urls={p.id: url(f"{self.config.url}/{p.id}.md") for p in self.paths},
            competency_url=lambda cid: url(generated.competency_path(competencies.config.url, cid)),
            site=site_id(config, quiz.config.site_id if quiz_on else ""),
            title=config.site_name,
        )
        return files

    def _read_paths(
        self, course: Course, banks: dict[str, Any], docs_name: str, reporter: Reporter
    ) -> list[LearningPath]:
        file = self.root / self.config.paths_file
        if not file.is_file():
            return []
        return read_paths(
            file.read_text("utf-8"),
            self.config.paths_file,
            course,
            set(banks),
            docs_name,
            reporter,
        )

    def _stub(self, kind: str, key: str, title: str) -> str:
        if kind == "quiz":
            intro = self.strings("quiz_page_intro")
            return f"{generated.stub(title)}\n{intro}\n\n/// quiz | {key}\n///\n"
        descriptions = {"progress": "progress_description", "assess": "assess_description"}
        description = self.strings(descriptions[key]) if key in descriptions else ""
        return generated.stub(title, description)

    @event_priority(-50)  # after asah/competencies put lessons in navigation order
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if not self.config.enabled or self.catalogue is None:
            return
        # generated paths follow navigation order; problems were reported in on_files
        quiz = config.plugins.get("asah/quiz")
        banks = self.catalogue.banks if quiz is not None else {}
        self.paths[:] = self._read_paths(
            self.catalogue.course, banks, self.competencies.docs_name, Reporter()
        )
        self._add_to_catalogue()
        if self.rebuilds.dirty:
            # a lesson shows the title and place of its neighbours on each path
            cat, urls = self.catalogue, _SiteUrls()
            self.rebuilds.refresh(
                files,
                {path: fingerprint(memberships(cat, path, urls)) for path in cat.course.lessons},
            )

    def _add_to_catalogue(self) -> None:
        cat = self.catalogue
        assert cat is not None
        course = cat.course
        self.competencies.catalogue_sections["banks"] = [
            {
                "id": bid,
                "title": bank.title,
                "url": cat.bank_url.get(bid, ""),
                "questions": len(bank.questions),
                "competencies": _bank_competencies(bank),
                "pass": bank.pass_percent,
                "draw": bank.draw,
            }
            for bid, bank in cat.banks.items()
        ]
        self.competencies.catalogue_sections["paths"] = [
            {
                "id": p.id,
                "title": p.title,
                "description": p.description,
                "audience": p.audience,
                "url": cat.paths_url(p.id),
                "generated": p.generated,
                "target": p.target,
                "steps": [{"kind": s.kind, "ref": s.ref} for s in p.steps],
                "minutes": minutes(course, p),
                "jp": jp(minutes(course, p), course.minutes_per_jp),
                "competencies": built_levels(course, p.lessons()),
            }
            for p in self.paths
        ]

    def on_page_content(
        self, html_text: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.catalogue is None:
            return None
        cat, links = self.catalogue, _Links(page.url)
        src = page.file.src_uri
        kind, key = self.pages.get(src, ("", ""))
        if kind == "paths":
            return self.renderer.paths(cat, links)
        if kind == "path":
            path = next(p for p in self.paths if p.id == key)
            return self.renderer.path(cat, path, links)
        if kind == "app":
            load = " ".join(theme.loader_name(uri) for uri in APPS[key])
            return self.renderer.app(cat, key, relative("", page.url), load)
        if src in cat.course.lessons:
            return html_text + LESSON_END_MARKER  # filled in after search indexing
        return None

    @event_priority(AFTER_SEARCH)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if not self.config.enabled or self.catalogue is None:
            return None
        src = page.file.src_uri
        if src in self.catalogue.course.lessons:
            end = self.renderer.lesson_end(self.catalogue, src, _Links(page.url))
            fill_markers(page, [(LESSON_END_MARKER, end)])
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        restore_markers(page)
        return None

    def _report(self) -> None:
        report(self.reporter, log)


def _bank_competencies(bank: Any) -> dict[str, int | None]:
    result: dict[str, int | None] = dict(bank.competencies)
    for question in bank.questions:
        for cid, level in question.competencies.items():
            if level is None:
                result.setdefault(cid, None)
            else:
                result[cid] = max(result.get(cid) or 0, level)
    return result
