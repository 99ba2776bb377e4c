"""A page's searchable text, section by section, from its rendered HTML (the article only).

A section starts at each `h2`/`h3` with an id (the page's top is the section with anchor "").
Left out: elements marked `data-search-exclude` (quizzes and lesson facts on the Zensical
route), scripts, styles, comments (where the MkDocs route keeps quizzes until search is done)
and heading permalinks. A tag scanner rather than an HTML parser: this runs on every page of
every build, and pages come from Python-Markdown, whose output is well formed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S
)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
# fmt: off
_VOID = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
))
# fmt: on
_SKIPPED = frozenset(("script", "style", "template", "svg"))
_SPLIT = frozenset(("h1", "h2", "h3"))
# fmt: off
_INLINE = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
))
# fmt: on


@dataclass
class Section:
    anchor: str  # "" for the top of the page
    heading: str  # "" for the top of the page (its title is the page's)
    text: str


def sections(content: str) -> list[Section]:
    """The sections of an article's HTML, in order; empty sections are left out."""
    found: list[Section] = []
    anchor, heading = "", ""
    text: list[str] = []
    head: list[str] | None = None  # collecting a heading's text
    head_tag, head_id = "", ""
    skip_tag, skip_depth = "", 0
    at = 0

    def close() -> None:
        body = " ".join("".join(text).split())
        if body or heading:
            found.append(Section(anchor, heading, body))
        text.clear()

    for match in _TOKEN.finditer(content):
        start = match.start()
        if not skip_tag and start > at:
            chunk = content[at:start]
            (head if head is not None else text).append(
                html.unescape(chunk) if "&" in chunk else chunk
            )
        at = match.end()
        closing, tag, attrs = match.groups()
        if not tag:  # a comment
            continue
        tag = tag.lower()
        if skip_tag:
            if tag == skip_tag and tag not in _VOID and not attrs.rstrip().endswith("/"):
                skip_depth += -1 if closing else 1
                if skip_depth == 0:
                    skip_tag = ""
            continue
        if not closing and (
            tag in _SKIPPED
            or "data-search-exclude" in attrs
            or ("headerlink" in attrs and tag == "a")
        ):
            if tag not in _VOID and not attrs.rstrip().endswith("/"):
                skip_tag, skip_depth = tag, 1
            continue
        if tag in _SPLIT and not closing:
            id_match = _ID.search(attrs)
            head, head_tag, head_id = [], tag, id_match.group(1) if id_match else ""
            continue
        if head is not None and closing and tag == head_tag:
            title = " ".join("".join(head).split())
            head = None
            if head_tag == "h1":  # the page's title: searched as the title
                continue
            if not head_id:
                text.append(f" {title} ")
                continue
            close()
            anchor, heading = head_id, title
            continue
        if tag not in _INLINE:
            (head if head is not None else text).append(" ")
    if not skip_tag:
        text.append(html.unescape(content[at:]))
    close()
    return found


_ARTICLE = re.compile(r"<article\b[^>]*>")


def article(page: str) -> str:
    """The article of a whole page as the theme wrote it (Material, MaterialX, Zensical)."""
    start = _ARTICLE.search(page)
    if start is None:
        return ""
    end = page.rfind("</article>")
    return page[start.end() : end if end > start.end() else len(page)]
