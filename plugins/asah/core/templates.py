"""What every renderer shares: Asah's Jinja templates (autoescaped) and author Markdown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from .i18n import Strings


@dataclass
class TemplateRenderer:
    strings: Strings
    markdown: Callable[[str], str]  # author Markdown → HTML, with the site's extensions

    def __post_init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("asah", "templates"),
            autoescape=True,
            auto_reload=False,  # templates ship with the package: no stat() per render
        )
        self.env.globals["t"] = self.strings

    def md(self, text: str) -> Markup:
        return Markup(self.markdown(text)) if text else Markup("")
