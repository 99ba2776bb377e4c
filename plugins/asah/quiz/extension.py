"""The `/// quiz` block as a Python-Markdown extension (no MkDocs needed).

    /// quiz | keamanan-informasi/phishing      embed a bank (options may follow: draw: 3)
    ///

    /// quiz                                    an inline quiz: a bank written in the block
    title: Cek cepat
    questions: [...]
    ///

Used alone (e.g. by another static-site generator) it reads banks from `banks_dir` and logs
problems on the `asah.quiz` logger; the `asah/quiz` MkDocs plugin passes its banks, reporter and
page context instead.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from ..core.diagnostics import Location, Reporter, suggest
from ..core.i18n import Strings
from .banks import load_banks
from .model import Bank
from .parse import read_bank, read_block_options
from .render import QuizRenderer

_START = re.compile(r"^/{3,}[ \t]*(?P<name>[A-Za-z][\w-]*)[ \t]*(?:\|[ \t]*(?P<arg>.*?))?[ \t]*$")
_END = re.compile(r"^/{3,}[ \t]*$")
_HEADING = re.compile(r"^(#{1,6})[ \t]")
_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
_MARKUP_STARTS = ("/", "#", "`", "~", " ", "\t")  # the only lines the regexes above can match
_NEAR_MISSES = ("kuis", "quizz", "quis", "qiuz", "kuiz")
log = logging.getLogger("asah.quiz")


@dataclass
class PageContext:
    """Where the Markdown being converted comes from, for ids and messages."""

    path: str = "<markdown>"  # shown in messages
    page_id: str = "page"  # stable id of the page (lesson path), for inline quiz ids
    line_offset: int | None = 0  # file line = body line + offset; None: lines unknown


@dataclass
class QuizSettings:
    banks: dict[str, Bank] = field(default_factory=dict)
    reporter: Reporter | None = None
    renderer_factory: Callable[[], QuizRenderer] | None = None
    competencies: list[str] | None = None
    page: PageContext = field(default_factory=PageContext)
    used: dict[str, list[str]] = field(default_factory=dict)  # bank id → pages embedding it
    # When set, quizzes are left as empty elements (DeferredSlot) and their HTML kept here, to
    # be put in place after the site's search indexed the page: questions stay out of it.
    deferred: dict[str, str] | None = None
    cache: dict[tuple[Any, ...], str] = field(default_factory=dict)
    options_cache: dict[str, dict[str, Any]] = field(default_factory=dict)


def quiz_ids(markdown: str, page_id: str) -> list[str]:
    """Ids of the quizzes a page places: bank ids, and `<page>#<n>` for inline quizzes."""
    ids: list[str] = []
    if "///" not in markdown:
        return ids
    fence: str | None = None
    inline = 0
    for line in markdown.splitlines():
        if not line.startswith(_MARKUP_STARTS):
            continue
        if (match := _FENCE.match(line)) and (fence is None or match["fence"].startswith(fence)):
            fence = None if fence else match["fence"]
        start = None if fence else _START.match(line)
        if start is None or start["name"] != "quiz":
            continue
        arg = (start["arg"] or "").strip()
        if not arg:
            inline += 1
            arg = f"{page_id}#{inline}"
        if arg not in ids:
            ids.append(arg)
    return ids


class QuizPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: QuizExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not any(line.startswith("///") for line in lines):
            return lines  # most pages have no quiz
        out: list[str] = []
        fence: str | None = None
        heading = 1  # the page title is the h1
        inline_count = 0
        block_count = 0
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.startswith(_MARKUP_STARTS):  # prose: neither fence, heading nor block
                out.append(line)
                i += 1
                continue
            if (match := _FENCE.match(line)) and (
                fence is None or match["fence"].startswith(fence)
            ):
                fence = None if fence else match["fence"]
            if not fence and (level := _HEADING.match(line)):
                heading = len(level.group(1))
            start = None if fence else _START.match(line)
            if start is None or start["name"].lower() not in ("quiz", *_NEAR_MISSES):
                out.append(line)
                i += 1
                continue
            where = self.location(i)
            if start["name"] != "quiz":
                self.report(where, f"unknown block '{start['name']}' (did you mean 'quiz'?)")
                out.extend(["", self.stash(self.renderer.error("/// " + start["name"])), ""])
                i += 1
                continue
            end = next((j for j in range(i + 1, len(lines)) if _END.match(lines[j])), None)
            if end is None:
                self.report(where, "quiz block is not closed; expected a line '///' after it")
                out.extend(["", self.stash(self.renderer.error("///")), ""])
                i += 1
                continue
            body = "\n".join(lines[i + 1 : end])
            block_count += 1
            arg = (start["arg"] or "").strip()
            if not arg:
                inline_count += 1
            html = self.block(arg, body, i, inline_count, block_count, min(heading + 1, 6))
            out.extend(["", self.placed(html), ""])
            i = end + 1
        return out

    @property
    def renderer(self) -> QuizRenderer:
        return self.extension.renderer()

    def stash(self, html: str) -> str:
        return self.md.htmlStash.store(html)

    def placed(self, html: str) -> str:
        """The line that stands for a quiz: its HTML in Markdown's stash or, when rendering is
        deferred, a word that DeferredSlot turns into an empty element. A stashed block makes
        Markdown search the whole page twice more: more than the rest of a quiz costs a page."""
        word = self.extension.defer(html)
        return word if word is not None else self.stash(html)

    def location(self, index: int) -> Location:
        page = self.extension.settings.page
        line = index + 1 + page.line_offset if page.line_offset is not None else None
        return Location(page.path, line)

    def report(self, where: Location, message: str) -> None:
        self.extension.report(where, message)

    def block(
        self, arg: str, body: str, index: int, inline_count: int, count: int, level: int
    ) -> str:
        settings = self.extension.settings
        page = settings.page
        offset = (index + 1 + page.line_offset) if page.line_offset is not None else 0
        reporter = Reporter()
        uid = f"asah-quiz-{count}"
        if arg:
            bank = settings.banks.get(arg)
            options = settings.options_cache.get(body)
            if options is None:
                options = read_block_options(body, page.path, reporter, offset)
                if options is not None and not reporter.problems:
                    settings.options_cache[body] = options  # the same options, many lessons
            if bank is None:
                known = suggest(arg, settings.banks)
                reporter.warn(
                    self.location(index),
                    f"unknown quiz bank '{arg}'{known}; expected a file quizzes/{arg}.yml",
                )
            elif bank.draw is None and options and options.get("draw", 0) > len(bank.questions):
                reporter.warn(
                    self.location(index),
                    f"draw {options['draw']} is larger than the bank '{arg}' "
                    f"({len(bank.questions)} questions)",
                )
            quiz_id = arg
        else:
            quiz_id = f"{page.page_id}#{inline_count}"
            bank = read_bank(
                body,
                quiz_id,
                page.path,
                reporter,
                line_offset=offset,
                inline=True,
                competencies=settings.competencies,
            )
            options = {}
        for problem in reporter.problems:
            self.report(problem.location, problem.message)
        if bank is None or options is None or not bank.questions or reporter.problems:
            reason = reporter.problems[0].message if reporter.problems else "no questions"
            return self.renderer.error(reason)
        if not arg:
            return self.renderer.render(bank, quiz_id, uid, level)
        settings.used.setdefault(arg, []).append(page.page_id)
        # the same bank embedded the same way renders the same: once per build
        key = (arg, tuple(sorted(options.items())), uid, level)
        if key not in settings.cache:
            settings.cache[key] = self.renderer.render(
                bank.with_options(options), quiz_id, uid, level
            )
        return settings.cache[key]


_WORD = re.compile(r"asahquiz\d+deferred")


def deferred_slot(word: str) -> str:
    """How the element standing for a deferred quiz is written in the page's HTML."""
    return f'<div data-asah-deferred="{word}"></div>'


class DeferredSlot(BlockProcessor):
    """A deferred quiz's word, alone in its block, as an empty element: no inline patterns run
    on it (a paragraph would go through all of them) and nothing is stashed."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("asahquiz") and _WORD.fullmatch(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "div", {"data-asah-deferred": blocks.pop(0)})


class QuizExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "banks_dir": ["quizzes", "Folder of the quiz banks (standalone use)"],
            "language": ["id", "Interface language: id or en"],
            "site": ["", "Site id used to keep learners' results apart"],
        }
        super().__init__(**kwargs)
        self.settings = QuizSettings()
        self._renderer: QuizRenderer | None = None
        self._standalone_loaded = False

    def renderer(self) -> QuizRenderer:
        if self.settings.renderer_factory is not None:
            return self.settings.renderer_factory()
        if self._renderer is None:
            child = Markdown(extensions=["tables", "attr_list", "md_in_html"])
            self._renderer = QuizRenderer(
                Strings(self.getConfig("language")),
                lambda text: child.reset().convert(text),
                self.getConfig("site"),
            )
        return self._renderer

    def defer(self, html: str) -> str | None:
        """A word to stand for the quiz until its HTML is put in place, when it is deferred."""
        deferred = self.settings.deferred
        if deferred is None:
            return None
        word = f"asahquiz{len(deferred)}deferred"  # letters and digits: no syntax touches it
        deferred[word] = html
        return word

    def report(self, where: Location, message: str) -> None:
        if self.settings.reporter is not None:
            self.settings.reporter.warn(where, message)
        else:
            log.warning("%s: %s", where, message)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if self.settings.reporter is None and not self._standalone_loaded:
            folder = Path(self.getConfig("banks_dir"))
            reporter = Reporter()
            self.settings.banks = load_banks(folder, folder.as_posix(), reporter)
            for problem in reporter.problems:
                log.warning("%s", problem)
            self._standalone_loaded = True
        # After whitespace normalising (30, which strips stash markers) and before fenced code
        # (25) and HTML blocks (20), so lines are still the author's.
        md.preprocessors.register(QuizPreprocessor(md, self), "asah_quiz", 29)
        if self.settings.deferred is not None:
            md.parser.blockprocessors.register(DeferredSlot(md.parser), "asah_quiz_slot", 200)


def makeExtension(**kwargs: Any) -> QuizExtension:
    return QuizExtension(**kwargs)
