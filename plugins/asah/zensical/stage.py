"""What Zensical cannot make itself, prepared in `.asah/zensical/` beside the author's config:
a copy of the docs with Asah's generated pages, the runtime bundles and `course.json` added,
and a config that inherits the author's. The author's files are only read.

Each Markdown page of the copy ends with a marker naming the page and a fingerprint of what it
shows beyond its own text (asah/zensical/extension.py puts Asah's HTML in when Zensical renders
it): a page whose quizzes, prerequisites or paths changed is a changed file to Zensical."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import theme
from ..cli.config import Course, read_course_config
from ..core import frontmatter
from ..core.diagnostics import Reporter
from ..core.messages import Messages
from ..core.rebuild import fingerprint
from ..site.catalogue import catalogue
from ..site.inputs import site_inputs
from ..site.model import CourseSite
from ..site.navigation import from_nav
from ..site.read import ReadCaches, docs_sources, read_site

FOLDER = ".asah/zensical"  # beside the author's config, like Zensical's own .cache
# The features in the order their parts go into the bundles (the plugins' order in mkdocs.yml).
BUNDLE_ORDER = ("search", "competencies", "fixes", "quiz", "paths", "offline")


def page_marker(key: str, inputs: str) -> str:
    return f"<!-- asah:page {key} {inputs} -->"


@dataclass
class Stage:
    """One preparation: the course site and what was written for Zensical."""

    config_file: Path  # the author's
    folder: Path  # FOLDER
    course: Course
    site: CourseSite
    problems: list[str]
    sources: dict[str, str] = field(default_factory=dict, repr=False)
    banner: str = ""  # `asah serve`: the problems on top of every page (preview/banner.py)
    bodies: dict[str, frontmatter.BodyStart] = field(default_factory=dict, repr=False)

    @property
    def config(self) -> Path:
        return self.folder / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    @property
    def site_dir(self) -> Path:
        return self.folder / "site"


def prepare(config_file: Path, caches: ReadCaches | None = None) -> Stage:
    """Read and check the course as a build would (`stage.problems`); `write` then makes what
    Zensical builds. `cli.config.ConfigError` when mkdocs.yml cannot be read."""
    course = read_course_config(config_file)
    settings = course.settings
    if _plugin_options(course.data, "offline") is not None:
        settings.use_directory_urls = False  # Zensical's offline plugin makes .html pages
    reporter = Reporter(Messages(settings.message_language))
    sources = docs_sources(settings.root / settings.docs_dir, course.pages)
    site = read_site(settings, sources, reporter, caches, check_quizzes=True)
    order, titles = from_nav(course.nav, [*course.pages, *site.pages])
    site.arrange(order, titles)
    folder = settings.root / FOLDER
    stage = Stage(config_file, folder, course, site, [*course.problems, *reporter.messages()])
    stage.sources = sources
    stage.bodies = {src: frontmatter.body_start(text) for src, text in sources.items()}
    return stage


def write(stage: Stage) -> None:
    """The copy of the docs and the config, changing only the files that changed."""
    written = _write_docs(stage, stage.sources)
    _remove_stale(stage.docs, written)
    _write_if_changed(stage.config, _config_text(stage))


def watched(stage: Stage) -> list[Path]:
    """What the course is made of: the config, the docs, the framework, banks and paths."""
    settings = stage.site.settings
    root = settings.root
    return [
        stage.config_file,
        root / settings.docs_dir,
        root / settings.framework_file,
        root / settings.banks_dir,
        root / settings.paths_file,
    ]


def _write_docs(stage: Stage, sources: dict[str, str]) -> set[Path]:
    site, docs = stage.site, stage.docs
    author_docs = site.settings.root / site.settings.docs_dir
    # a new banner is a change to every page
    shown = fingerprint(stage.banner) if stage.banner else ""
    inputs = {src: fingerprint(value) for src, value in site_inputs(site).items()}
    whole = fingerprint(catalogue(site)) + shown  # a generated page may show anything of it
    written: set[Path] = set()

    def write(uri: str, text: str) -> None:
        target = docs / uri
        _write_if_changed(target, text)
        written.add(target)

    for path in _author_files(author_docs):
        uri = path.relative_to(author_docs).as_posix()
        if uri in sources:
            marker = page_marker(uri, inputs.get(uri, "-") + shown)
            write(uri, f"{sources[uri].rstrip()}\n\n{marker}\n")
        else:
            target = docs / uri
            _copy_if_changed(path, target)
            written.add(target)
    intro = site.strings("quiz_page_intro")
    for src, page in site.pages.items():
        text = page.markdown(intro if page.kind == "quiz" else "")
        write(src, f"{text.rstrip()}\n\n{page_marker(src, whole)}\n")
    features = [f for f in BUNDLE_ORDER if f in site.settings.features]
    if site.settings.theme_fixes and "competencies" in features:
        theme_data = stage.course.data.get("theme")
        classic = isinstance(theme_data, dict) and theme_data.get("variant") == "classic"
        fixes = "fixes" if classic else "fixes-zensical"
        features.insert(features.index("competencies") + 1, fixes)
    for uri, text in theme.site_bundles(features).items():
        write(uri, text)
    shim = docs / theme.OFFLINE_SHIM
    _copy_if_changed(theme.asset_path(theme.OFFLINE_SHIM), shim)
    written.add(shim)
    if site.settings.catalogue:
        import json

        text = json.dumps(catalogue(site), ensure_ascii=False, separators=(",", ":"))
        write(site.settings.catalogue, text + "\n")
    return written


def _author_files(folder: Path) -> list[Path]:
    """Every file of the docs folder but hidden ones (MkDocs and Zensical leave them out)."""
    found = []
    for directory, folders, files in os.walk(folder):
        folders[:] = [d for d in folders if not d.startswith(".")]
        found += [Path(directory, f) for f in files if not f.startswith(".")]
    return found


def _config_text(stage: Stage) -> str:
    """The author's config, inherited (Zensical merges it, lists appended), with the copy of
    the docs, Asah's extension and runtime, and Asah's pages in the navigation."""
    site, data = stage.site, stage.course.data
    settings = site.settings
    config: dict[str, Any] = {
        "INHERIT": os.path.relpath(stage.config_file.resolve(), stage.folder),
        "docs_dir": "docs",
        "site_dir": "site",
        "markdown_extensions": ["asah.zensical.extension"],
        "extra_css": [theme.STYLESHEET],
        "extra_javascript": [{"path": theme.SCRIPT, "defer": True}],
    }
    if site.has("search"):  # Asah's search in place of Zensical's (English only, loads early)
        config["plugins"] = {"search": {"enabled": False}}
    theme_data = data.get("theme")
    custom_dir = theme_data.get("custom_dir") if isinstance(theme_data, dict) else None
    if isinstance(custom_dir, str):  # relative to the author's config, not to this one
        config["theme"] = {"custom_dir": str((settings.root / custom_dir).resolve())}
    listed = [p for p in site.pages.values() if p.listed]
    if stage.course.nav is not None:  # after the author's entries, unless listed there
        present = _nav_paths(stage.course.nav)
        config["nav"] = [{p.title: p.src} for p in listed if p.src not in present]
    else:
        hidden = [f"/{p.src}" for p in site.pages.values() if not p.listed]
        own = data.get("not_in_nav") if isinstance(data.get("not_in_nav"), str) else ""
        config["not_in_nav"] = "\n".join([*own.splitlines(), *hidden])
    return "# Made by asah for Zensical: do not edit\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False
    )


def _nav_paths(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav.lstrip("/")}
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return set().union(*(_nav_paths(item) for item in items))


def _plugin_options(data: dict[str, Any], name: str) -> dict[str, Any] | None:
    plugins = data.get("plugins")
    entries = plugins.items() if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        entries = [(p, {}) if isinstance(p, str) else next(iter(p.items())) for p in plugins]
    for key, options in entries:
        if key == name:
            return options if isinstance(options, dict) else {}
    return None


def _write_if_changed(target: Path, text: str) -> None:
    """Write only what changed: Zensical renders again the pages whose files changed."""
    data = text.encode("utf-8")
    try:
        if target.read_bytes() == data:
            return
    except OSError:
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _copy_if_changed(source: Path, target: Path) -> None:
    try:
        theirs, ours = source.stat(), target.stat()
        if theirs.st_size == ours.st_size and theirs.st_mtime_ns == ours.st_mtime_ns:
            return
    except OSError:
        target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def _remove_stale(folder: Path, written: set[Path]) -> None:
    """Files of an earlier preparation the docs no longer have."""
    for directory, _, files in os.walk(folder, topdown=False):
        for name in files:
            path = Path(directory, name)
            if path not in written:
                path.unlink()
        if directory != str(folder) and not os.listdir(directory):
            os.rmdir(directory)
