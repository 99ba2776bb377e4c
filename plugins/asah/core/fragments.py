"""Author text in data files (prompts, feedback, descriptions) is Markdown, but most of it is one
plain sentence. Such text needs no parser: it becomes one paragraph, as Markdown would make it.
Running the site's full Markdown on every fragment was most of what quizzes cost a build."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import markdown

from .inline import inline_html

# One line that starts with a letter and holds no character any Markdown syntax starts with.
_PLAIN = re.compile(r"[^\W\d_][^\n\t*_`\[\]<>&#|\\!~^=:{}@$+]*")
# Extensions that leave such a line alone; with any other, every fragment goes to the parser.
NEUTRAL_EXTENSIONS = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "fenced_code",
        "footnotes",
        "md_in_html",
        "meta",
        "sane_lists",
        "tables",
        "toc",
        "pymdownx.betterem",
        "pymdownx.blocks.admonition",
        "pymdownx.blocks.details",
        "pymdownx.blocks.html",
        "pymdownx.blocks.tab",
        "pymdownx.details",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.superfences",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
    }
)


def neutral(extensions: Iterable[object]) -> bool:
    """True when none of the extensions changes plain text (Asah's own only add blocks)."""
    for extension in extensions:
        name = extension if isinstance(extension, str) else type(extension).__module__
        if name not in NEUTRAL_EXTENSIONS and not name.startswith("asah."):
            return False
    return True


def plain_paragraph(text: str) -> str | None:
    """`<p>text</p>` when `text` is one plain line, else None (it needs the parser)."""
    line = text.strip()
    if line and "  " not in line and _PLAIN.fullmatch(line):
        return f"<p>{line}</p>"
    return None


def _own(extension: object) -> bool:
    name = extension if isinstance(extension, str) else type(extension).__module__
    return name.startswith("asah.")


class FragmentMarkdown:
    """Author text from data files. Long fields (prompts, feedback, descriptions) are Markdown
    like a page, rendered with the site's own Markdown extensions (Asah's own left out: a
    description never holds a quiz); short fields (option texts, items) are inline Markdown
    in which raw HTML is shown as text, the same on every site (core/inline.py)."""

    def __init__(self, extensions: Iterable[Any], configs: Mapping[str, Any] | None = None) -> None:
        self._extensions = [e for e in extensions if not _own(e)]
        self._configs = dict(configs or {})
        self._fast = neutral(self._extensions)
        # made when first needed: most author text is plain, and each costs the site's extensions
        self._block: markdown.Markdown | None = None

    def _markdown(self) -> markdown.Markdown:
        return markdown.Markdown(extensions=self._extensions, extension_configs=self._configs)

    def block(self, text: str) -> str:
        found = plain_paragraph(text) if self._fast else None
        if found is not None:
            return found
        if self._block is None:
            self._block = self._markdown()
        return self._block.reset().convert(text)

    def inline(self, text: str) -> str:
        return inline_html(text)
