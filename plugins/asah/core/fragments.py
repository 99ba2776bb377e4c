"""Author text in data files (prompts, feedback, descriptions) is Markdown, but most of it is one
plain sentence. Such text needs no parser: it becomes one paragraph, as Markdown would make it.
Running the site's full Markdown on every fragment was most of what quizzes cost a build."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor

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


# Characters inline Markdown could act on: without any of them a short text is only escaped.
_INLINE_SYNTAX = re.compile(r"[*_`\[\]\\!<>&~^=:{}|@]")
_MARKS = re.compile(r"(\*\*|__|\*|`|~~|\\(?=[^\w\s]))")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ONE_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def plain_text(text: str) -> str:
    """A short Markdown text as the words a reader sees: for attributes and <option> labels."""
    return _MARKS.sub("", _LINK.sub(r"\1", text)).strip()


_UNSAFE_URL = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    """No script through a link or image written in a short field."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and _UNSAFE_URL.match(value):
                    element.set(attribute, "#")


def _own(extension: object) -> bool:
    name = extension if isinstance(extension, str) else type(extension).__module__
    return name.startswith("asah.")


class FragmentMarkdown:
    """Author text from data files, rendered with the site's own Markdown extensions (Asah's
    own left out: a description never holds a quiz). Long fields (prompts, feedback,
    descriptions) are Markdown like a page; short fields (option texts, items) are inline
    Markdown in which raw HTML is shown as text."""

    def __init__(self, extensions: Iterable[Any], configs: Mapping[str, Any] | None = None) -> None:
        self._extensions = [e for e in extensions if not _own(e)]
        self._configs = dict(configs or {})
        self._fast = neutral(self._extensions)
        # made when first needed: most author text is plain, and each costs the site's extensions
        self._block: markdown.Markdown | None = None
        self._inline: markdown.Markdown | None = None

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
        text = text.strip()
        if not _INLINE_SYNTAX.search(text):
            return html.escape(text, quote=False)
        if self._inline is None:
            self._inline = self._markdown()
            self._inline.preprocessors.deregister("html_block")
            self._inline.inlinePatterns.deregister("html")
            self._inline.treeprocessors.register(_SafeLinks(self._inline), "asah_safe_links", 0)
        converted = self._inline.reset().convert(text)
        match = _ONE_PARAGRAPH.match(converted)
        return match.group(1) if match and "<p>" not in match.group(1) else converted
