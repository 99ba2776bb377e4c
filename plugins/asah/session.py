"""One build's shared state for Asah's MkDocs plugins: the course site, read once, and what the
plugins do together. Every plugin gets it through `session(config)`; no plugin reads another's
attributes or settings. Each plugin says in `on_config` which feature it turns on and with what
settings, so the course site is complete (`course.json` included) whichever plugins are on."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .compat import language_folder, page_key
from .core import frontmatter
from .core.diagnostics import Reporter, Severity
from .core.fragments import FragmentMarkdown
from .core.messages import Messages
from .core.rebuild import Fingerprints, fingerprint
from .page_html import PageHtml
from .preview import banner as preview
from .site.catalogue import catalogue
from .site.inputs import site_inputs
from .site.model import CourseSite
from .site.pages import LISTED, GeneratedPage
from .site.read import ReadCaches, read_site
from .site.settings import Settings

log = get_plugin_logger(__name__)
_SESSIONS: dict[int, BuildSession] = {}


def session(config: MkDocsConfig, memory: ServeMemory | None = None) -> BuildSession:
    """The session of the build that `config` belongs to. Plugins call it with their `memory`
    in `on_config`, which starts a new session when the last one has been used: a plugin such
    as mkdocs-static-i18n builds again with the same configuration."""
    found = _SESSIONS.get(id(config))
    if found is None or (memory is not None and found.used):
        if found is None:
            weakref.finalize(config, _SESSIONS.pop, id(config), None)
        found = _SESSIONS[id(config)] = BuildSession(config, memory or ServeMemory())
    return found


class ServeMemory:
    """What a plugin keeps across the rebuilds of one `mkdocs serve` (MkDocs keeps plugin
    instances between them): author files already read, and the inputs of every page at the
    previous build, so a dirty build rebuilds the pages an edit affects."""

    def __init__(self, serving: bool = False, dirty: bool = False) -> None:
        self.serving, self.dirty = serving, dirty
        self.caches = ReadCaches() if serving else None
        self.inputs = Fingerprints()  # of each page's inputs at the previous build
        self.banner = ""  # the problems shown on the preview's pages at the previous build


class AfterSearch:
    """HTML that goes into a page after the search plugin indexed it: lesson facts, quizzes,
    levels and lists of lessons are noise in search results, and indexing them cost more than
    making them. A renderer leaves a slot (an HTML comment, which search skips) with the HTML
    to put there; `fill` puts it into `page.content` for the page's template, and `restore`
    puts the slots back once the page is written, as MkDocs keeps every page's content until
    the build ends (the quizzes alone would keep 20 MB per 1,000 lessons)."""

    def __init__(self) -> None:
        self._waiting: dict[str, list[tuple[str, str | Callable[[], str]]]] = {}
        self._unfilled: dict[str, str] = {}

    def slot(self, page: Page, html: str | Callable[[], str]) -> str:
        waiting = self._waiting.setdefault(page.file.src_uri, [])
        marker = f"<!-- asah:after-search:{len(waiting)} -->"
        waiting.append((marker, html))
        return marker

    def fill(self, page: Page) -> None:
        waiting = self._waiting.pop(page.file.src_uri, None)
        if not waiting or page.content is None:
            return
        content = self._unfilled[page.file.src_uri] = page.content
        for marker, html in waiting:
            content = content.replace(marker, html() if callable(html) else html, 1)
        page.content = content

    def restore(self, page: Page) -> None:
        unfilled = self._unfilled.pop(page.file.src_uri, None)
        if unfilled is not None:
            page.content = unfilled


class BuildSession:
    def __init__(self, config: MkDocsConfig, memory: ServeMemory) -> None:
        root = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir).resolve()
        self.config, self.memory = config, memory
        self.settings = Settings(
            root=root,
            docs_dir=docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs),
            site_name=config.site_name,
            site_url=config.site_url or "",
            site_author=config.site_author or "",
            use_directory_urls=config.use_directory_urls,
            features=set(),
        )
        self.folder = ""  # where this build writes its pages (a language's folder, compat.py)
        self.reporter = Reporter()
        self.after_search = AfterSearch()
        self.site: CourseSite | None = None
        self._bodies: dict[str, frontmatter.BodyStart] = {}
        # each page's file as read at on_files, until MkDocs reads the page
        self._sources: dict[str, str] = {}
        self._handed: dict[str, dict[str, Any]] = {}
        sources = config.plugins.events.get("page_read_source", [])
        self._hand_over = all(type(m.__self__).__module__.startswith("asah.") for m in sources)
        self._arranged = self._finished = False
        self._fragments: FragmentMarkdown | None = None
        self._page_html: PageHtml | None = None
        self._banner: str | None = None

    @property
    def used(self) -> bool:
        return self.site is not None

    def configure(self, feature: str, options: Mapping[str, Any]) -> None:
        """A plugin turns its feature on, with its options from mkdocs.yml (settings.OPTIONS)."""
        self.settings.configure(feature, options)

    # -- the course site ---------------------------------------------------------------------

    def read(self, files: Files) -> CourseSite:
        """The course site, read at the first plugin's `on_files` (after other plugins changed
        the files: see READ_AFTER)."""
        if self.site is None:
            # the language may have been set by another plugin's on_config (i18n)
            self.settings.language = str(self.config.theme.get("language") or "en")
            lms = self.config.plugins.get("asah/lms")
            self.settings.lms = bool(lms is not None and lms.config.get("enabled", True))
            self.reporter.words = Messages(self.settings.message_language)
            self.folder = language_folder(self.config)
            sources = {
                page_key(f): f.content_string
                for f in files.documentation_pages()
                if f.generated_by is None
            }
            self._bodies = {src: frontmatter.body_start(text) for src, text in sources.items()}
            if self._hand_over:
                self._sources = dict(sources)
            self.site = read_site(self.settings, sources, self.reporter, self.memory.caches)
            if self.site.strings.missing:
                language = self.site.strings.requested
                log.info(
                    f"no interface strings for language '{language}': Asah's pages are in English "
                    f"(a translation is one file, plugins/asah/locales/{language}.yml: see "
                    "docs/locales.md)"
                )
            self.report()
        return self.site

    # -- the front matter, read once -------------------------------------------------------

    def page_source(self, page: Page) -> str | None:
        """The page's Markdown for MkDocs to read (on_page_read_source): the text Asah read for
        the course site (the file is not read twice), without the front matter Asah has read
        already: MkDocs parses it again otherwise, which cost more than any other step Asah
        adds to a lesson. `page_meta` gives it back. Only when no other plugin changes
        sources, and not for a file a plugin has put other content into since."""
        if not self._hand_over or self.site is None:
            return None
        key = self.key(page.file)
        source = self._sources.pop(key, None)
        if source is None or page.file.abs_src_path is None:
            return None
        start = self._bodies.get(key)
        if start is None or key not in self.site.front_matter or "\r" in source:
            return source  # as MkDocs reads it: it reads any meta-data in it itself
        self._handed[key] = self.site.front_matter.pop(key)
        # the blank first line keeps MkDocs from reading MultiMarkdown meta-data in the body
        return "\n" + source[start.source_length - start.length :]

    def page_meta(self, page: Page) -> None:
        """Give the page the front matter taken out of its source (before any plugin's
        on_page_markdown reads it)."""
        data = self._handed.pop(self.key(page.file), None)
        if data is not None and not page.meta:
            page.meta = data

    def body_start(self, src: str) -> frontmatter.BodyStart | None:
        """Where the Markdown MkDocs hands to plugins starts in a page's file (for lines)."""
        return self._bodies.get(src)

    def key(self, file: File) -> str:
        """The course site's name for a page of the build."""
        key = page_key(file)
        if self.folder and file.generated_by is not None and key.startswith(self.folder):
            return key[len(self.folder) :]  # one of Asah's pages of this language
        return key

    def generated(self, page: Page) -> GeneratedPage | None:
        return self.site.pages.get(self.key(page.file)) if self.site else None

    def add_pages(self, files: Files, feature: str) -> None:
        """Add the feature's generated pages to the build. In an automatic navigation MkDocs
        lists the overview pages; an explicit `nav` gets them in `arrange`."""
        site = self.read(files)
        automatic = self.config.nav is None
        for page in site.pages.values():
            if page.feature != feature:
                continue
            listed = page.listed and automatic
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            intro = site.strings("quiz_page_intro") if page.kind == "quiz" else ""
            file = File.generated(
                self.config,
                self.folder + page.src,
                content=page.markdown(intro),
                inclusion=inclusion,
            )
            file.generated_by = f"asah/{feature}"
            files.append(file)

    def arrange(self, nav: Navigation, files: Files) -> CourseSite:
        """Once the navigation is known: lessons in its order, named by it, with the URLs
        MkDocs gives; generated pages named in the site's language even in an automatic nav."""
        site = self.read(files)
        if not self._arranged:
            self._arranged = True
            site.urls.update({self.key(f): f.url for f in files.documentation_pages()})
            titles = {self.key(p.file): p.title for p in nav.pages if p.title}
            site.arrange([self.key(p.file) for p in nav.pages], titles)
            if self.config.nav is None:
                _name_generated_sections(nav.items, self)
            else:
                self._list_generated(nav, files, site)
            if self.memory.dirty:
                self._refresh_dirty(files, site)
        return site

    def _list_generated(self, nav: Navigation, files: Files, site: CourseSite) -> None:
        """Add the overview pages to an explicit navigation, after what the author listed,
        unless the author listed them."""
        present = {self.key(p.file) for p in nav.pages}
        listed = [p for p in site.pages.values() if p.listed and p.src not in present]
        listed.sort(key=lambda p: LISTED.index(p.kind))
        for generated in listed:
            file = files.get_file_from_path(self.folder + generated.src)
            page = file.page if file is not None else None
            if page is None:
                continue
            page.title = generated.title
            if nav.pages:
                nav.pages[-1].next_page, page.previous_page = page, nav.pages[-1]
            nav.items.append(page)
            nav.pages.append(page)

    def _refresh_dirty(self, files: Files, site: CourseSite) -> None:
        """Remove the output of pages whose inputs (beyond their own file) changed since the
        previous build, so that MkDocs' dirty build makes them again."""
        current = {src: fingerprint(inputs) for src, inputs in site_inputs(site).items()}
        for src in self.memory.inputs.changed(current):
            file = files.get_file_from_path(self.folder + src) or files.get_file_from_path(src)
            if file is not None and Path(file.abs_dest_path).is_file():
                Path(file.abs_dest_path).unlink()

    def page_html(self) -> PageHtml:
        """What Asah puts into pages (page_html.py), made once per build."""
        if self._page_html is None:
            self._page_html = PageHtml(self.read_site(), self.fragments().block)
        return self._page_html

    def read_site(self) -> CourseSite:
        assert self.site is not None, "the course site is read at on_files"
        return self.site

    def fragments(self) -> FragmentMarkdown:
        """Author Markdown from data files, with the site's own extensions."""
        if self._fragments is None:
            self._fragments = FragmentMarkdown(
                self.config.markdown_extensions, self.config.mdx_configs
            )
        return self._fragments

    # -- problems and the end of the build ---------------------------------------------------

    def report(self) -> None:
        """Log each new warning once (so `--strict` counts it); stop when one is fatal. The
        live preview never stops: it logs them and shows them on every page (`in_preview`)."""
        for problem in self.reporter.take_new():
            if problem.severity is Severity.WARNING:
                log.warning(str(problem))
            elif self.memory.serving:
                log.error(str(problem))
        fatal = self.reporter.fatal_problems
        if fatal and not self.memory.serving:
            raise PluginError("\n".join(str(p) for p in fatal))

    def in_preview(self, output: str) -> str:
        """A page of `mkdocs serve` with the course's problems on top; a build's as it is."""
        if not self.memory.serving or self.site is None:
            return output
        return preview.put(output, self._preview_banner())

    def _preview_banner(self) -> str:
        # made at the first page written: every page's problems are known by then
        if self._banner is None:
            self._banner = preview.render(self.reporter.problems, self.read_site().strings)
        return self._banner

    def _refresh_preview(self) -> None:
        """A dirty build writes only the pages that changed: the others get the new banner."""
        shown = self._preview_banner()
        if self.memory.dirty and shown != self.memory.banner:
            preview.put_in_folder(Path(self.config.site_dir) / self.folder, shown)
        self.memory.banner = shown

    def finish(self) -> None:
        """Write `course.json` (once, whichever plugin gets here first)."""
        if self._finished or self.site is None:
            return
        self._finished = True
        if self.memory.serving:
            self._refresh_preview()
        if self.memory.dirty:
            _merge_dirty_search_index(self.config)
        name = self.settings.catalogue
        if not name:
            return
        target = Path(self.config.site_dir) / self.folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # compact: the C encoder (indent falls back to Python, 3× slower), 20 % smaller
        text = json.dumps(catalogue(self.site), ensure_ascii=False, separators=(",", ":"))
        target.write_text(text + "\n", "utf-8")


def _name_generated_sections(items: list[Any], build: BuildSession) -> None:
    """An automatic nav makes a folder a section named after the folder (`Kompetensi`, `Self
    assessment`). A section that holds nothing but one of Asah's overview pages becomes that
    page, titled in the site's language: one link, as an explicit nav would have it (a
    section costs Material several times more to draw on every page)."""
    for index, item in enumerate(items):
        if not isinstance(item, Section):
            continue
        only = item.children[0] if len(item.children) == 1 else None
        generated = build.generated(only) if isinstance(only, Page) else None
        if generated is not None and generated.listed:
            only.title, only.parent = generated.title, item.parent
            items[index] = only
            continue
        for child in item.children:
            generated = build.generated(child) if isinstance(child, Page) else None
            if generated is not None and generated.listed:
                item.title = child.title = generated.title
        _name_generated_sections(item.children, build)


def _merge_dirty_search_index(config: MkDocsConfig) -> None:
    """Material's search keeps the previous index on dirty rebuilds but replaces the entries of
    one page only; Asah rebuilds several (the edited lesson and the generated pages), so replace
    the entries of every rebuilt page. Runs before the search plugin's `on_post_build`."""
    from .core.rebuild import merge_search_entries

    search = config.plugins.get("material/search") or config.plugins.get("materialx/search")
    index = getattr(search, "search_index", None)
    previous = getattr(search, "search_index_prev", None)
    entries = getattr(index, "entries", None)
    old = getattr(previous, "entries", None)
    if not isinstance(entries, list) or not isinstance(old, list) or not entries:
        return
    index.entries = merge_search_entries(old, entries)  # type: ignore[union-attr]
    search.search_index_prev = None  # type: ignore[union-attr]
