"""Front matter of a Markdown page, read with line numbers (same delimiters as MkDocs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import yamldoc

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass
class FrontMatter:
    doc: yamldoc.YamlDoc  # lines are file lines
    body_line: int  # file line where the Markdown body starts
    body: str  # the Markdown after it


def read(source: str) -> FrontMatter | None:
    """Front matter of `source`, or None when it has none.

    Raises yamldoc.YamlSyntaxError (with the file line) when the block is not valid YAML.
    """
    if "\r" in source:  # a search, not a copy of every page
        source = source.replace("\r\n", "\n")
    match = _FRONT_MATTER.match(source)
    if not match:
        return None
    doc = yamldoc.load(match.group(1), line_offset=1)
    return FrontMatter(doc, match.group(0).count("\n") + 1, source[match.end() :])


@dataclass(frozen=True)
class BodyStart:
    """Where the Markdown that MkDocs hands to plugins starts in a page's source."""

    line_offset: int  # body line n is file line n + line_offset
    length: int  # characters of that Markdown
    source_length: int

    def offset_for(self, markdown: str) -> int | None:
        """Line offset of `markdown`, or None when another plugin rewrote it (lines unknown)."""
        if len(markdown) == self.length:
            return self.line_offset
        if len(markdown) == self.source_length:
            return 0  # MkDocs left the front matter in (it is not a mapping)
        return None


def body_start(source: str) -> BodyStart:
    """MkDocs strips the front matter and the blank lines after it (mkdocs.utils.meta)."""
    match = _FRONT_MATTER.match(source)
    body = source[match.end() :].lstrip("\n") if match else source
    skipped = len(source) - len(body)
    return BodyStart(source.count("\n", 0, skipped), len(body), len(source))
