"""What the MkDocs plugins share: problem reports, author Markdown, dirty rebuilds."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import jinja2
import jinja2.bccache
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .core import fragments
from .core.diagnostics import Reporter, Severity
from .core.rebuild import Fingerprints, merge_search_entries

# on_page_context priority for HTML put in after the search plugin indexed the page (facts
# boxes, quizzes, lists of lessons): it is noise in search results and costs indexing time.
# page.content is a few KB, the whole output tens of KB (the navigation): searching it for
# markers cost more than the rest of what the plugins do per page.
AFTER_SEARCH = -100
_UNFILLED = "_asah_unfilled_content"


def fill_markers(page: Page, replacements: Iterable[tuple[str, str]]) -> None:
    """Put HTML in place of markers in `page.content`, for the page's template only.

    MkDocs keeps every page's content until the build ends: restore_markers() (on_post_page)
    puts the marked version back, or the quizzes alone would keep 20 MB per 1,000 lessons.
    """
    content = page.content
    if content is None:
        return
    if not hasattr(page, _UNFILLED):
        setattr(page, _UNFILLED, content)
    for marker, html in replacements:
        content = content.replace(marker, html, 1)
    page.content = content


def restore_markers(page: Page) -> None:
    unfilled = page.__dict__.pop(_UNFILLED, None)
    if unfilled is not None:
        page.content = unfilled


def report(reporter: Reporter, log: object) -> None:
    """Log each new warning once (so `--strict` counts it); stop when one is fatal."""
    for problem in reporter.take_new():
        if problem.severity is Severity.WARNING:
            log.warning(str(problem))  # type: ignore[attr-defined]
    fatal = reporter.fatal_problems
    if fatal:
        raise PluginError("\n".join(str(p) for p in fatal))


def fragment_markdown(config: MkDocsConfig) -> Callable[[str], str]:
    """Markdown → HTML for author text in data files, with the site's own extensions."""
    md = markdown.Markdown(
        extensions=list(config.markdown_extensions), extension_configs=config.mdx_configs
    )
    fast = fragments.neutral(config.markdown_extensions)

    def convert(text: str) -> str:
        html = fragments.plain_paragraph(text) if fast else None
        return html if html is not None else md.reset().convert(text)

    return convert


class DirtyBuilds:
    """Keeps `mkdocs serve --dirty` (and `build --dirty`) right about pages that depend on more
    than their own Markdown. MkDocs keeps plugin instances across the rebuilds of one `serve`, so
    a plugin makes one of these in `on_startup` and it remembers the previous build."""

    def __init__(self, dirty: bool) -> None:
        self.dirty = dirty
        self._pages = Fingerprints()

    def refresh(self, files: Files, current: Mapping[str, str]) -> None:
        """Remove the output of the pages whose inputs changed, so MkDocs builds them again."""
        for src in self._pages.changed(current):
            file = files.get_file_from_path(src)
            if file is not None and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)


class ServeState:
    """Mixed into Asah's plugins, first: state kept across the rebuilds of one `mkdocs serve`
    (MkDocs keeps plugin instances between them). `rebuilds` tracks dirty builds; `serving` says
    whether caches of unchanged files are worth keeping."""

    rebuilds = DirtyBuilds(dirty=False)
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.rebuilds = DirtyBuilds(dirty)
        self.serving = command == "serve"


def watch_folder(server: LiveReloadServer, folder: Path) -> LiveReloadServer:
    """Rebuild the preview when a file in `folder` (outside docs_dir) changes."""
    if folder.is_dir():
        server.watch(str(folder))
    return server


def merge_dirty_search_index(config: MkDocsConfig) -> None:
    """Material's search keeps the previous index on dirty rebuilds but replaces the entries of
    one page only; Asah rebuilds several (the edited lesson and the generated pages), so replace
    the entries of every rebuilt page. Run before the search plugin's `on_post_build`."""
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    previous = getattr(search, "search_index_prev", None)
    entries = getattr(index, "entries", None)
    old = getattr(previous, "entries", None)
    if not isinstance(entries, list) or not isinstance(old, list) or not entries:
        return
    index.entries = merge_search_entries(old, entries)  # type: ignore[union-attr]
    search.search_index_prev = None  # type: ignore[union-attr]


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept across the rebuilds of `mkdocs serve` (MkDocs makes a new
    Jinja environment for every build; compiling Material's templates again costs most of a
    second on each saved edit). Keyed by template and source checksum, so an edit shows."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
