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


def read(source: str) -> FrontMatter | None:
    """Front matter of `source`, or None when it has none.

    Raises yamldoc.YamlSyntaxError (with the file line) when the block is not valid YAML.
    """
    source = source.replace("\r\n", "\n")
    match = _FRONT_MATTER.match(source)
    if not match:
        return None
    doc = yamldoc.load(match.group(1), line_offset=1)
    return FrontMatter(doc=doc, body_line=match.group(0).count("\n") + 1)


def body_offset(source: str, markdown: str) -> int | None:
    """Lines before `markdown` in `source` (body line n is file line n + offset).

    None when another plugin rewrote the Markdown so lines no longer correspond.
    """
    source = source.replace("\r\n", "\n")
    markdown = markdown.replace("\r\n", "\n")
    if not source.endswith(markdown):
        return None
    return source[: len(source) - len(markdown)].count("\n")
