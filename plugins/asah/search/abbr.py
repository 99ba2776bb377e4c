"""A glossary acronym's first use on a page becomes `<abbr title="expansion">`, so a reader
(and a screen reader) learns what `TTE` stands for where it first appears. Code, links,
headings and existing abbreviations are left alone. A Markdown extension, so the MkDocs
plugins and the Zensical route share it."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .glossary import Glossary
from .patterns import alternation, standalone

_LEFT_ALONE = frozenset(("code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "kbd"))


def acronyms(glossary: Glossary) -> dict[str, str]:
    """Acronym → expansion, for the glossary's case-sensitive terms."""
    return {t.term: t.expansion for t in glossary.terms if t.case_sensitive}


class FirstUse(Treeprocessor):
    def __init__(self, md: Markdown, extension: FirstUseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: Element) -> None:
        found = self.extension.expansions()  # the glossary of the current build
        pattern = self.extension.pattern(found)
        # most pages are told at once that they hold none (the text joined, one search)
        if pattern is not None and next(standalone(pattern, "\n".join(root.itertext())), None):
            _walk(root, pattern, found, set())


def _walk(parent: Element, pattern: re.Pattern[str], found: dict[str, str], seen: set[str]) -> None:
    if parent.text and not isinstance(parent.text, AtomicString):
        parent.text = _mark(parent, -1, parent.text, pattern, found, seen)
    for child in list(parent):
        if child.tag not in _LEFT_ALONE:
            _walk(child, pattern, found, seen)
        if child.tail and not isinstance(child.tail, AtomicString):
            child.tail = _mark(parent, list(parent).index(child), child.tail, pattern, found, seen)


def _mark(
    parent: Element,
    after: int,
    text: str,
    pattern: re.Pattern[str],
    found: dict[str, str],
    seen: set[str],
) -> str:
    """Wrap the first unseen acronym of `text` (which follows child `after` of `parent`, -1 for
    the parent's own text); returns what stays in place of `text`."""
    for match in standalone(pattern, text):
        term = match.group(1)
        if term in seen:
            continue
        seen.add(term)
        abbr = Element("abbr", {"title": found[term]})
        abbr.text = AtomicString(term)
        abbr.tail = text[match.end() :]
        parent.insert(after + 1, abbr)
        # the rest may hold another acronym seen for the first time
        abbr.tail = _mark(parent, after + 1, abbr.tail, pattern, found, seen)
        return text[: match.start()]
    return text


class FirstUseExtension(Extension):
    def __init__(self, expansions: Callable[[], dict[str, str]]) -> None:
        super().__init__()
        self.expansions = expansions
        self._made: tuple[dict[str, str], re.Pattern[str] | None] | None = None

    def pattern(self, found: dict[str, str]) -> re.Pattern[str] | None:
        """The acronyms' pattern, made once per glossary (Markdown is made anew for each page,
        this extension once per build)."""
        if self._made is None or self._made[0] is not found:
            self._made = (found, alternation(found, "(", r")(?![\w-])"))
        return self._made[1]

    def extendMarkdown(self, md: Markdown) -> None:
        # after inline patterns (20): the text is final; before the toc (priority 5 or less)
        md.treeprocessors.register(FirstUse(md, self), "asah_first_use", 9)
