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

_LEFT_ALONE = frozenset(("code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "kbd"))


def acronyms(glossary: Glossary) -> dict[str, str]:
    """Acronym → expansion, for the glossary's case-sensitive terms."""
    return {t.term: t.expansion for t in glossary.terms if t.case_sensitive}


class FirstUse(Treeprocessor):
    def __init__(self, md: Markdown, expansions: Callable[[], dict[str, str]]) -> None:
        super().__init__(md)
        self.expansions = expansions  # read at each page: the glossary of the current build

    def run(self, root: Element) -> None:
        found = self.expansions()
        if not found:
            return
        pattern = re.compile(
            r"(?<![\w-])("
            + "|".join(re.escape(a) for a in sorted(found, key=len, reverse=True))
            + r")(?![\w-])"
        )
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
    for match in pattern.finditer(text):
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

    def extendMarkdown(self, md: Markdown) -> None:
        # after inline patterns (20): the text is final; before the toc (priority 5 or less)
        md.treeprocessors.register(FirstUse(md, self.expansions), "asah_first_use", 9)
