"""The `/// quiz` block as a Python-Markdown extension (no MkDocs needed).

    /// quiz | keamanan-informasi/phishing      embed a bank (options may follow: draw: 3)
    ///

    /// quiz                                    an inline quiz: a bank written in the block
    title: Cek cepat
    questions: [...]
    ///

Blocks are found wherever an author may write one (quiz/blocks.py). Used alone (e.g. by another
static-site generator) the extension reads banks from `banks_dir` and logs problems on the
`asah.quiz` logger; the `asah/quiz` MkDocs plugin passes the course's banks, its reporter and
the page being converted instead.
"""

from __future__ import annotations

import html as html_text
import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from ..core.diagnostics import Reporter
from ..core.fragments import FragmentMarkdown
from ..core.i18n import Strings
from ..core.messages import Messages
from .banks import load_banks
from .blocks import ScannedText, anchor, scan
from .model import Bank
from .placement import PagePlacer
from .render import QuizRenderer

log = logging.getLogger("asah.quiz")


@dataclass
class PageContext:
    """Where the Markdown being converted comes from, for ids and messages."""

    path: str = "<markdown>"  # shown in messages
    page_id: str = "page"  # stable id of the page (lesson path), for inline quiz ids
    line_offset: int | None = 0  # file line = body line + offset; None: lines unknown
    scanned: ScannedText | None = None  # its Markdown and blocks as read with the course


@dataclass
class QuizSettings:
    banks: dict[str, Bank] = field(default_factory=dict)
    unreadable_banks: set[str] = field(default_factory=set)  # bank files that are not YAML
    reporter: Reporter | None = None
    renderer: QuizRenderer | None = None
    competencies: Mapping[str, str] | None = None  # competency names (ids, codes) → ids
    page: PageContext = field(default_factory=PageContext)
    # When set, quizzes are left as empty elements (DeferredSlot) and their HTML kept here, to
    # be put in place after the site's search indexed the page: questions stay out of it.
    deferred: dict[str, str] | None = None
    # where each deferred quiz was written, to say so when it could not be placed
    deferred_at: dict[str, Any] = field(default_factory=dict)
    options_cache: dict[object, object] = field(default_factory=dict)  # the same, many pages


class QuizPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: QuizExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not any("///" in line for line in lines):
            return lines  # most pages have no quiz
        settings = self.extension.settings
        page = settings.page
        known = page.scanned.blocks_of(lines) if page.scanned is not None else None
        blocks = known if known is not None else scan(lines)
        if not blocks:
            return lines
        reporter = Reporter(self.extension.words())
        placer = PagePlacer(
            page.page_id,
            page.path,
            settings.banks,
            settings.competencies,
            reporter,
            page.line_offset,
            settings.options_cache,
            settings.unreadable_banks,
        )
        renderer = self.extension.renderer()
        out: list[str] = []
        position = 0
        for count, block in enumerate(blocks, 1):
            out.extend(lines[position : block.start])
            position = (block.end if block.end is not None else block.start) + 1
            placed = placer.place(block)
            if placed.bank is not None and placed.quiz_id is not None:
                level = min(block.heading + 1, 6)
                html = renderer.render(placed.bank, placed.quiz_id, anchor(count), level)
                line = self.placed(html, placed.location)
            else:
                line = self.stash(renderer.error(placed.error))
            blank = block.prefix.rstrip()
            # a blank line before it when text of its own container precedes it, not after a
            # container's first line (`=== "Tab"` must be followed by its content)
            if out and out[-1].strip(" >") and out[-1].startswith(block.prefix):
                out.append(blank)
            out.extend([block.prefix + line, blank])
        out.extend(lines[position:])
        self.extension.report(reporter)
        return out

    def stash(self, html: str) -> str:
        return self.md.htmlStash.store(html)

    def placed(self, html: str, location: Any) -> str:
        """The line that stands for a quiz: its HTML in Markdown's stash or, when rendering is
        deferred, a word that DeferredSlot turns into an empty element. A stashed block makes
        Markdown search the whole page twice more: more than the rest of a quiz costs a page."""
        word = self.extension.defer(html, location)
        return word if word is not None else self.stash(html)


_WORD = re.compile(r"asahquiz\d+deferred")


def deferred_slot(word: str) -> str:
    """How the element standing for a deferred quiz is written in the page's HTML."""
    return f'<div data-asah-deferred="{word}"></div>'


def put_deferred(
    html: str,
    settings: QuizSettings,
    place: Callable[[str], str],
    strings: Strings,
    reporter: Reporter,
) -> str:
    """Put each deferred quiz of a converted page where its slot is (`place` takes the quiz's
    HTML and gives what goes there); a quiz whose slot is not in the page ended up in code or
    in text: a problem at its block's line, and a message where its word is shown."""
    for word, quiz in (settings.deferred or {}).items():
        slot = deferred_slot(word)
        if slot in html:
            html = html.replace(slot, place(quiz), 1)
            continue
        reporter.warn(settings.deferred_at[word], "quiz_not_placed")
        reason = reporter.words("quiz_not_placed")
        html = html.replace(word, html_text.escape(strings("quiz_error", reason=reason)))
    return html


class DeferredSlot(BlockProcessor):
    """A deferred quiz's word, alone in its block, as an empty element: no inline patterns run
    on it (a paragraph would go through all of them) and nothing is stashed."""

    def test(self, parent: etree.Element, block: str) -> bool:
        # inside a block quote the word comes with the blank lines around it
        return "asahquiz" in block and _WORD.fullmatch(block.strip()) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "div", {"data-asah-deferred": blocks.pop(0).strip()})


class QuizExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "banks_dir": ["quizzes", "Folder of the quiz banks (standalone use)"],
            "language": ["id", "Interface language: id or en"],
            "site": ["", "Site id used to keep learners' results apart"],
        }
        super().__init__(**kwargs)
        self.settings = QuizSettings()
        self._standalone_loaded = False

    def renderer(self) -> QuizRenderer:
        if self.settings.renderer is None:
            fragments = FragmentMarkdown(["tables", "attr_list", "md_in_html"])
            language = self.getConfig("language")
            self.settings.renderer = QuizRenderer(
                Strings(language),
                fragments.block,
                fragments.inline,
                site=self.getConfig("site"),
                language=Strings(language).language,
            )
        return self.settings.renderer

    def defer(self, html: str, location: Any) -> str | None:
        """A word to stand for the quiz until its HTML is put in place, when it is deferred."""
        deferred = self.settings.deferred
        if deferred is None:
            return None
        word = f"asahquiz{len(deferred)}deferred"  # letters and digits: no syntax touches it
        deferred[word] = html
        self.settings.deferred_at[word] = location
        return word

    def words(self) -> Messages:
        """The language of messages: the course's, or (used alone) the extension's."""
        if self.settings.reporter is not None:
            return self.settings.reporter.words
        return Messages(self.getConfig("language"))

    def report(self, problems: Reporter) -> None:
        for problem in problems.problems:
            if self.settings.reporter is not None:
                self.settings.reporter.add(problem)
            else:
                log.warning("%s", problem)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if self.settings.reporter is None and not self._standalone_loaded:
            folder = Path(self.getConfig("banks_dir"))
            reporter = Reporter(self.words())
            self.settings.banks = load_banks(folder, folder.as_posix(), reporter)
            self.report(reporter)
            self._standalone_loaded = True
        # After whitespace normalising (30, which strips stash markers) and before fenced code
        # (25) and HTML blocks (20), so lines are still the author's.
        md.preprocessors.register(QuizPreprocessor(md, self), "asah_quiz", 29)
        if self.settings.deferred is not None:
            md.parser.blockprocessors.register(DeferredSlot(md.parser), "asah_quiz_slot", 200)


def makeExtension(**kwargs: Any) -> QuizExtension:
    return QuizExtension(**kwargs)
