"""Author text in data files (prompts, feedback, descriptions) is Markdown, but most of it is one
plain sentence. Such text needs no parser: it becomes one paragraph, as Markdown would make it.
Running the site's full Markdown on every fragment was most of what quizzes cost a build."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
