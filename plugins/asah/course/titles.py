"""A page's title as Asah names it: its `nav:` title, its front-matter `title`, its first `#`
heading outside code blocks, its file name — in that order (the first two are known later, from
the navigation and the front matter; this module finds the last two in the Markdown)."""

from __future__ import annotations

import posixpath
import re

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_ATX_H1 = re.compile(r"^[ \t]{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r"^[ \t]{0,3}=+[ \t]*$")
_ATTRS = re.compile(r"[ \t]*\{[^}]*\}[ \t]*$")  # attr_list: `# Title {#id .class}`
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|\*|`|~~)")


def first_heading(markdown: str) -> str | None:
    """The text of the first level-1 heading (`# …` or `…` over `===`), outside fenced code."""
    if "#" not in markdown and "=" not in markdown:
        return None
    fence: str | None = None
    previous = ""
    for line in markdown.splitlines():
        if match := _FENCE.match(line):
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            previous = ""
            continue
        if fence is not None:
            continue
        if match := _ATX_H1.match(line):
            return plain(match.group(1)) or None
        if previous.strip() and _SETEXT_H1.match(line) and not previous.startswith(("    ", "\t")):
            return plain(previous.strip()) or None
        previous = line
    return None


def plain(text: str) -> str:
    """Heading Markdown as the text a reader sees (links, emphasis and code marks removed)."""
    text = _ATTRS.sub("", text)
    text = _LINK.sub(r"\1", text)
    return _MARKS.sub("", text).strip()


def from_file_name(src_path: str) -> str:
    """A title made from the file name, as MkDocs makes one (`data-pribadi.md` → `Data pribadi`;
    an index page is named after its folder)."""
    stem = posixpath.splitext(posixpath.basename(src_path))[0]
    if stem in ("index", "README"):
        folder = posixpath.basename(posixpath.dirname(src_path))
        stem = folder or "Home"
    title = stem.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title
