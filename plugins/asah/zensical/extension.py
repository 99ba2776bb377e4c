"""The Markdown extension through which Zensical renders Asah's pages (Zensical runs
Python-Markdown extensions, not plugins). `asah build --engine zensical` makes the course site
(stage.py), sets it here with `activate`, and runs Zensical in the same process; for each page
this extension reads the page's marker, renders its quizzes, and puts in the HTML that
page_html.py makes for it — the same as the MkDocs plugins put in. That HTML is marked
`data-search-exclude`, which keeps it out of Zensical's search as the MkDocs route does."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..core.diagnostics import Reporter
from ..core.fragments import FragmentMarkdown
from ..core.messages import Messages
from ..core.urls import Links
from ..page_html import PageHtml, after_heading
from ..quiz.extension import PageContext, QuizExtension, QuizSettings, put_deferred
from ..quiz.render import QuizRenderer
from ..search.abbr import FirstUseExtension, acronyms
from .stage import Stage

_MARKER = re.compile(r"<!-- asah:page (\S+) \S+ -->")


@dataclass
class Active:
    """The course being built, shared by every page Zensical renders."""

    stage: Stage
    fragments: FragmentMarkdown
    html: PageHtml = field(init=False)
    renderer: QuizRenderer = field(init=False)
    reporter: Reporter = field(default_factory=Reporter)  # problems found while rendering
    options_cache: dict[object, object] = field(default_factory=dict)
    first_use: FirstUseExtension = field(init=False)  # acronyms explained (one per build)

    def __post_init__(self) -> None:
        site = self.stage.site
        self.reporter.words = Messages(site.settings.message_language)
        self.html = PageHtml(site, self.fragments.block)
        found = acronyms(site.glossary)
        self.first_use = FirstUseExtension(lambda: found)
        self.renderer = QuizRenderer(
            site.strings,
            self.fragments.block,
            self.fragments.inline,
            site=site.settings.site_key(),
            language=site.strings.language,
            solution_after_fail=site.settings.solution_after_fail,
        )


_active: Active | None = None


def activate(stage: Stage, extensions: list[Any], configs: dict[str, Any]) -> Active:
    """Make `stage` the course the extension renders (`extensions` and `configs`: the site's
    Markdown extensions, for author text in data files)."""
    global _active
    _active = Active(stage, FragmentMarkdown(extensions, configs))
    return _active


def active() -> Active | None:
    return _active


def excluded(html: str) -> str:
    """HTML that stays out of the search index."""
    return f"<div data-search-exclude>{html}</div>" if html else ""


class _ReadMarker(Preprocessor):
    """Take the page's marker off its last line and set the page for the quizzes."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        end = len(lines)
        while end and not lines[end - 1].strip():
            end -= 1
        match = _MARKER.fullmatch(lines[end - 1].strip()) if end else None
        if match is None:
            return lines
        key = self.page.key = match.group(1)
        body = self.page.active.stage.bodies.get(key)
        kept = lines[: end - 1]
        while kept and not kept[-1].strip():
            kept.pop()
        docs = self.page.active.stage.site.settings.docs_dir
        self.page.quiz.page = PageContext(
            path=f"{docs}/{key}",
            page_id=key,
            line_offset=body.offset_for("\n".join(kept)) if body else 0,
        )
        return kept


class _PutHtml(Postprocessor):
    """Quizzes into their slots; a generated page's body; a lesson's facts and end."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        if self.page.key is None or not self.page.whole:
            return text  # a heading's text, for the table of contents
        return self.page.active.stage.banner + self._put(text)

    def _put(self, text: str) -> str:
        page, key = self.page, self.page.key
        assert key is not None
        active = page.active
        site = active.stage.site
        text = put_deferred(text, page.quiz, excluded, site.strings, active.reporter)
        links = Links(site.url(key))
        generated = site.pages.get(key)
        if generated is not None:
            body = active.html.generated(generated, links, excluded)
            if body is None:  # a quiz page: its quiz, and its place in paths
                return text + excluded(active.html.lesson_end(key, links) or "")
            return body
        facts = active.html.lesson_facts(key, links)
        if facts:
            text = after_heading(text, excluded(facts))
        end = active.html.lesson_end(key, links)
        return text + excluded(end or "")


class _Whole(Treeprocessor):
    """After the last tree step, postprocessors run on the whole page (before it, `toc` runs
    them on each heading's text)."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: Element) -> None:
        self.page.whole = True


@dataclass
class PageState:
    active: Active
    quiz: QuizSettings
    key: str | None = None
    whole: bool = False  # the postprocessors run on the whole page


class AsahExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        current = _active
        if current is None:
            return  # Zensical run without `asah build`: the pages as they are written
        md.registerExtension(self)
        site = current.stage.site
        quiz = QuizExtension()
        quiz.settings = QuizSettings(
            banks=site.banks,
            reporter=current.reporter,
            renderer=current.renderer,
            competencies=site.course.framework.names(),
            unreadable_banks=site.unreadable_banks,
            deferred={},
            options_cache=current.options_cache,
        )
        page = PageState(current, quiz.settings)
        if site.has("quiz"):
            quiz.extendMarkdown(md)
        if site.has("search") and site.settings.abbr:
            current.first_use.extendMarkdown(md)
        md.preprocessors.register(_ReadMarker(md, page), "asah_page", 29.5)
        md.treeprocessors.register(_Whole(md, page), "asah_whole", -100)
        md.postprocessors.register(_PutHtml(md, page), "asah_html", 5)


def makeExtension(**kwargs: Any) -> AsahExtension:
    return AsahExtension(**kwargs)
