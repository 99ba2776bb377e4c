"""Short author fields — option texts, order items, match sides, category names and items — as
inline Markdown: code spans, emphasis and links render; raw HTML is shown as text; nothing can
run script. One rule for every place such a text shows (the question, its solution and
feedback, print, `<option>` lists and `aria-label`s, which take `inline_text`): the browser
runtime never builds them from data, it moves the elements made here.

Python-Markdown's core syntax only, whatever the site's `markdown_extensions` are: an extension
such as `attr_list` would let a short field add attributes (`*x*{onclick=...}`), and block
syntax (`1. ...`, `# ...`) has no place in a label. Images are not shown: `![alt](src)` is its
alt text. A link's address may be relative or use http(s), mailto or tel; any other scheme
(`javascript:`, also hidden behind character references, tabs or Markdown escapes) leaves the
link's text without a link. Both are reported where the field is read (`short_field` in
quiz/types/base.py): nothing an author writes is dropped unsaid.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from typing import NamedTuple

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# what inline Markdown makes, with the attributes each may keep
_ALLOWED = {"p": (), "a": ("href", "title"), "code": (), "em": (), "strong": (), "span": ()}
# block syntax is text here: only paragraphs (and the blank lines between them) are parsed
_BLOCKS = (
    "indent",
    "code",
    "hashheader",
    "setextheader",
    "hr",
    "olist",
    "ulist",
    "quote",
    "reference",
)
# characters Python-Markdown's inline syntax starts with, and control characters (tabs, line
# breaks; Markdown's own markers are removed): without any, a text is only escaped
_SYNTAX = re.compile(r"[`*_\[\]\\!<>&\x00-\x1f]")
_PLACEHOLDER = re.compile(f"{STX}(\\d+){ETX}")
# browsers drop tabs and line breaks anywhere in a URL, and controls and spaces at its ends
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def safe_url(url: str) -> bool:
    """Whether a link's address can run nothing: relative, or an allowed scheme. Judged on the
    address fully decoded (character references in any depth, Markdown's escapes), as a
    browser might read it once it drops tabs and line breaks."""
    value = _PLACEHOLDER.sub(lambda m: chr(int(m.group(1))), url.replace(AMP_SUBSTITUTE, "&"))
    while True:
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    scheme = _SCHEME.match(_INVISIBLE.sub("", value).lower())
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


class _Sanitise(Treeprocessor):
    """Last of the tree processors: images become their alt text, unsafe links their text,
    and no element keeps an attribute it should not have."""

    images: list[str]  # alt texts, as found in the text being converted
    links: list[str]  # addresses of links left out

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element is root:
                continue
            if element.tag == "img":
                alt = element.get("alt", "")
                self.images.append(alt)
                element.attrib.clear()
                element.tag, element.text = "span", alt
            elif element.tag == "a" and not safe_url(element.get("href", "")):
                self.links.append(element.get("href", ""))
                element.attrib.clear()
                element.tag = "span"
            allowed = _ALLOWED.get(element.tag)
            if allowed is None:  # nothing in core inline Markdown makes one: never pass it
                element.tag = "span"
                allowed = ()
            for name in [n for n in element.attrib if n not in allowed]:
                del element.attrib[name]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


class Inline(NamedTuple):
    html: str  # for element content
    text: str  # the words a reader sees: for `<option>` and attributes (escape it there)
    images: tuple[str, ...]  # alt texts of images written in it (shown as text)
    links: tuple[str, ...]  # addresses of links not made (unsafe scheme), for messages


class InlineMarkdown:
    def __init__(self) -> None:
        md = markdown.Markdown()  # core syntax: no extension of the site's
        md.preprocessors.deregister("html_block")
        for name in _BLOCKS:
            md.parser.blockprocessors.deregister(name)
        md.inlinePatterns.deregister("html")  # `<b>` is text
        self._sanitise = _Sanitise(md)
        md.treeprocessors.register(self._sanitise, "asah_sanitise", -10)
        self._md = md

    def render(self, text: str) -> Inline:
        line = _LINE_BREAKS.sub(" ", str(text).strip())  # a short field is one line
        if not _SYNTAX.search(line):
            return Inline(html.escape(line, quote=False), line, (), ())
        self._sanitise.images, self._sanitise.links = [], []
        converted = self._md.reset().convert(line)
        if converted.startswith("<p>") and converted.endswith("</p>"):
            converted = converted[3:-4]
        words = _Text()
        words.feed(converted)
        words.close()
        sanitised = self._sanitise
        return Inline(
            converted, "".join(words.parts), tuple(sanitised.images), tuple(sanitised.links)
        )


_RENDERER = InlineMarkdown()


@functools.lru_cache(maxsize=4096)
def render_inline(text: str) -> Inline:
    """A short field as inline HTML and as text (the same every build; cached: a text shows
    in its question and in its solution)."""
    return _RENDERER.render(text)


def inline_html(text: str) -> str:
    return render_inline(text).html


def inline_text(text: str) -> str:
    return render_inline(text).text
