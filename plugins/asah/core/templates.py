"""What every renderer shares: Asah's Jinja templates (autoescaped) and author Markdown."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache
from markupsafe import Markup

from .i18n import Strings
from .inline import inline_html


def narrow(html: str) -> str:
    """HTML in ASCII: every other character (dashes, arrows, "·") as a character reference.

    Material's pages of a course written in ASCII are ASCII. One other character in a fragment
    makes Python hold the whole page it lands in at one byte a character with the slow path
    of the UTF-8 encoder, and beyond Latin-1 at two or four bytes: on such a course, our "·"
    and quiz arrows cost more build time than rendering the quizzes. The browser shows the
    same text. Not for the content of <script> or <style>.
    """
    return html if html.isascii() else html.encode("ascii", "xmlcharrefreplace").decode("ascii")


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Asah's templates compiled once, kept beside them as Python keeps bytecode: compiling
    took more than the rest of the framework page. Nothing is kept where nothing can be
    written (a read-only installation): the templates are compiled at every build there."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    folder = Path(__file__).resolve().parent.parent / "templates" / "__pycache__"
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder), "%s.jinja")


@dataclass
class TemplateRenderer:
    strings: Strings
    markdown: Callable[[str], str]  # author Markdown → HTML, with the site's extensions
    # a short field (option text, item) → inline HTML in which raw HTML is text
    inline_markdown: Callable[[str], str] = inline_html

    @functools.cached_property
    def env(self) -> jinja2.Environment:
        """Asah's templates (made when a renderer first needs one: pages made once a build use
        templates, what is made for every lesson is made in Python)."""
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("asah", "templates"),
            autoescape=True,
            auto_reload=False,  # templates ship with the package: no stat() per render
            bytecode_cache=_bytecode_cache(),
        )
        env.globals["t"] = self.strings
        return env

    def md(self, text: str) -> Markup:
        return Markup(self.markdown(text)) if text else Markup("")

    def inline(self, text: str) -> Markup:
        return Markup(self.inline_markdown(text)) if text else Markup("")
