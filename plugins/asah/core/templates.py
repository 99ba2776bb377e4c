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
    """Templates compiled once, kept in Asah's `templates/__pycache__` as Python keeps bytecode:
    Asah's own (compiling took more than the rest of the framework page) and the theme's
    (MkDocs makes a new Jinja environment for every build, and compiling Material's templates
    took 1.4 G instructions, a third of a second, on every build). A copy is used only for the
    same template, source and environment settings (the code Jinja makes depends on them).
    Nothing is kept where nothing can be written (a read-only installation): the templates are
    compiled at every build there."""

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        return super().get_bucket(environment, f"{name}|{_settings(environment)}", filename, source)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _settings(env: jinja2.Environment) -> str:
    """What the code Jinja compiles a template to depends on, besides the template's source."""

    def named(value: object) -> object:
        return value if isinstance(value, (bool, str, type(None))) else _name(value)

    return repr(
        (
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.is_async,
            named(env.autoescape),
            named(env.finalize),
            _name(env.code_generator_class),
            sorted(env.extensions),
        )
    )


def _name(value: object) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value))}"


def keep_compiled(env: jinja2.Environment) -> bool:
    """Keep `env`'s compiled templates (a theme's) between builds, unless a plugin keeps them
    already; False where Asah's folder cannot be written."""
    if env.bytecode_cache is not None:
        return True
    cache = _bytecode_cache()
    if cache is None:
        return False
    env.bytecode_cache = cache
    return True


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
