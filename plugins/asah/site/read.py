"""Reading a course into its CourseSite: the framework, every page's front matter, the banks,
the quizzes each page places, the learning paths, and the pages Asah generates. Problems go to
the reporter as `path:line` messages; nothing here imports MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core import frontmatter
from ..core.diagnostics import Location, Reporter
from ..core.i18n import Strings
from ..core.rebuild import ReadCache
from ..course import framework as frameworks
from ..course.course import Course, check_prerequisites
from ..course.lessons import PageMeta, read_page
from ..course.paths import read_paths
from ..quiz.banks import load_banks
from ..quiz.blocks import anchor, quiz_places, scanned
from ..quiz.model import Bank
from ..quiz.placement import place_all
from ..search.glossary import Glossary, built_in, read_glossary
from .model import CourseSite
from .navigation import page_url
from .pages import FOLDER, KINDS, GeneratedPage, source_path
from .settings import Settings


@dataclass
class ReadCaches:
    """Author files already read, kept across the rebuilds of a live preview."""

    pages: ReadCache[PageMeta] = field(default_factory=ReadCache)
    banks: ReadCache[Bank | None] = field(default_factory=ReadCache)
    framework: ReadCache[frameworks.Framework] = field(default_factory=ReadCache)


def read_site(
    settings: Settings,
    sources: Mapping[str, str],
    reporter: Reporter,
    caches: ReadCaches | None = None,
    check_quizzes: bool = False,
) -> CourseSite:
    """The course site of `sources` (page source path → its Markdown, in file order).

    With `check_quizzes` every quiz block is checked now (as `asah check` does); otherwise only
    the quiz ids of each page are read, and blocks are checked when the page is rendered.
    """
    strings = Strings(settings.language, "lms" if settings.lms else None)
    framework = _framework(settings, reporter, caches)
    course = Course(framework=framework, minutes_per_jp=settings.minutes_per_jp)
    if settings.minutes_per_jp <= 0:
        reporter.fatal(Location("mkdocs.yml"), "minutes_per_jp_invalid")
    site = CourseSite(settings, strings, course)
    # pages and banks that could not be read have had their message: what refers to them
    # says nothing more (one mistake, one message)
    unreadable = _read_pages(site, sources, reporter, caches)
    check_prerequisites(course, set(sources), settings.docs_dir, reporter, unreadable)
    site.banks = load_banks(
        settings.root / settings.banks_dir,
        settings.banks_dir,
        reporter,
        framework.names(),
        caches.banks if caches else None,
        site.unreadable_banks,
    )
    if site.has("quiz"):
        _read_quizzes(site, sources, reporter, check_quizzes)
    paths_file = settings.root / settings.paths_file
    if paths_file.is_file():
        site.paths = read_paths(
            paths_file.read_text("utf-8"),
            settings.paths_file,
            course,
            set(site.banks),
            settings.docs_dir,
            reporter,
            unreadable,
            site.unreadable_banks,
        )
    if site.has("search"):
        site.glossary = _glossary(settings, reporter)
    site.pages = _generated(site, sources, reporter)
    site.urls = {src: page_url(src, settings.use_directory_urls) for src in [*sources, *site.pages]}
    site.arrange(list(sources), {})
    return site


def _framework(
    settings: Settings, reporter: Reporter, caches: ReadCaches | None
) -> frameworks.Framework:
    file = settings.root / settings.framework_file
    text = file.read_text("utf-8") if file.is_file() else None

    def read(problems: Reporter) -> frameworks.Framework:
        return frameworks.load(text, settings.framework_file, problems, settings.base_language)

    if caches is None:
        return read(reporter)
    key = (text, settings.base_language)
    return caches.framework.read(settings.framework_file, key, reporter, read)


def _glossary(settings: Settings, reporter: Reporter) -> Glossary:
    """The course's glossary; without a file, an Indonesian site gets the built-in ASN one."""
    file = settings.root / settings.glossary_file
    if file.is_file():
        return read_glossary(file.read_text("utf-8-sig"), settings.glossary_file, reporter)
    if settings.base_language == "id":
        return Glossary(built_in("asn"))
    return Glossary()


def _read_pages(
    site: CourseSite, sources: Mapping[str, str], reporter: Reporter, caches: ReadCaches | None
) -> set[str]:
    """Every page's front matter; the lessons go into the course (and the front matter of every
    page into `site.front_matter`). Returns the pages whose front matter could not be read."""
    settings, framework = site.settings, site.course.framework
    key = (repr(framework), settings.minutes_per_jp, settings.docs_dir)
    unreadable = set()
    for src, source in sources.items():
        shown = f"{settings.docs_dir}/{src}"

        def read(
            problems: Reporter, src: str = src, shown: str = shown, text: str = source
        ) -> PageMeta:
            return read_page(src, shown, text, framework, settings.minutes_per_jp, problems)

        if caches is None:
            meta = read(reporter)
        else:
            meta = caches.pages.read(shown, (source, key), reporter, read)
        if meta.lesson is not None:
            site.course.lessons[src] = meta.lesson
        if meta.data is not None:
            site.front_matter[src] = meta.data
        if meta.unreadable:
            unreadable.add(src)
    return unreadable


def _read_quizzes(
    site: CourseSite, sources: Mapping[str, str], reporter: Reporter, check: bool
) -> None:
    settings = site.settings
    known = site.course.framework.names()
    options: dict[object, object] = {}
    for src, source in sources.items():
        if "///" not in source:
            continue
        places: dict[str, str]  # quiz id → the element id of its first block
        start = frontmatter.body_start(source)
        found = scanned(source[start.source_length - start.length :])
        if not check:
            # found once: the page's Markdown, when it is rendered, takes these blocks
            site.scanned[src] = found
            places = quiz_places(found.blocks, src)
        else:
            shown = f"{settings.docs_dir}/{src}"
            placed = place_all(
                found.blocks,
                src,
                shown,
                site.banks,
                known,
                reporter,
                start.line_offset,
                options,
                site.unreadable_banks,
            )
            site.placed[src] = placed
            places = {}  # numbered as the Markdown extension numbers the blocks
            for position, p in enumerate(placed, 1):
                if p.quiz_id and p.bank:
                    places.setdefault(p.quiz_id, anchor(position))
        if places:
            site.quizzes[src] = places


def _generated(
    site: CourseSite, sources: Mapping[str, str], reporter: Reporter
) -> dict[str, GeneratedPage]:
    """The pages Asah adds: only those with something on them, of the features enabled."""
    settings, t, course = site.settings, site.strings, site.course
    wanted: list[GeneratedPage] = []

    def add(kind: str, key: str = "", title: str = "") -> None:
        _, title_key, description_key = KINDS[kind]
        folder = settings.url(FOLDER[kind])
        wanted.append(
            GeneratedPage(
                source_path(folder, key),
                kind,
                key,
                title or t(title_key),
                t(description_key) if description_key else "",
            )
        )

    competencies = course.framework.competencies()
    if site.has("competencies") and competencies:
        add("framework")
        for competency in competencies:
            add("competency", competency.id, competency.name)
    if site.has("paths"):
        if site.paths:
            add("paths")
        for path in site.paths:
            add("path", path.id, path.title)
        steps = {s.ref for p in site.paths for s in p.steps if s.kind == "quiz"}
        embedded = {quiz_id for ids in site.quizzes.values() for quiz_id in ids}
        if site.has("quiz"):
            for bank_id in sorted(steps - embedded):
                add("quiz", bank_id, site.banks[bank_id].title or bank_id)
        if course.lessons or site.banks:
            add("progress")
        levels = (
            level for lesson in course.lessons.values() for level in lesson.competencies.values()
        )
        if any(levels):
            add("assessment")
    if site.has("search") and site.glossary:
        add("glossary")
    pages: dict[str, GeneratedPage] = {}
    for page in wanted:
        if page.src in sources:
            reporter.fatal(
                Location(f"{settings.docs_dir}/{page.src}"),
                "page_generated_here",
                plugin=f"asah/{page.feature}",
                folder=page.src.rsplit("/", 1)[0],
            )
            continue
        pages[page.src] = page
    return pages


def docs_sources(docs_dir: Path, pages: list[str]) -> dict[str, str]:
    """The Markdown of pages (source paths relative to `docs_dir`), read as UTF-8."""
    return {src: (docs_dir / src).read_text("utf-8-sig") for src in pages}
