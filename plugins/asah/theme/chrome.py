"""The theme's header and footer names and its "Made with" credit in the site's language, put
into the theme's own templates before any page is drawn.

Material's translations leave these words in English for some languages (Indonesian among
them). Editing every written page (`chrome_in_language`) copies each page twice; giving Jinja
the theme's language partial and credit with the site's words costs nothing per page. The
templates are taken from the theme's own loader, so a course that overrides them in its
`custom_dir` keeps its version (changed the same way). The Zensical route, which renders no
Jinja of Asah's, changes its written pages instead (`chrome_in_language`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import jinja2

from . import CHROME_LABELS, CREDIT

CREDIT_TEMPLATE = "partials/copyright.html"
# the credit is plain text followed by the theme's link
_CREDIT = re.compile(re.escape(CREDIT) + r"(?=\s*<a )")


def _literal(text: str) -> str:
    """A Jinja string literal of `text`, safe in an HTML attribute."""
    return '"' + html.escape(text).replace("\\", "\\\\") + '"'


def language_partial(source: str, header: str, footer: str) -> str:
    """The theme's translation file with its English header and footer names replaced."""
    for (_, english), label in zip(CHROME_LABELS, (header, footer), strict=True):
        if label == english:
            continue
        key = english.lower()  # Material's keys: "header", "footer"
        written = rf'("{key}"\s*:\s*)"{english}"'
        new = _literal(label)
        source = re.sub(written, lambda m, new=new: m.group(1) + new, source, count=1)
    return source


def credit_partial(source: str, made_with: str) -> str:
    """The theme's copyright partial with its "Made with" in the site's language."""
    if made_with == CREDIT:
        return source
    return _CREDIT.sub(lambda _: html.escape(made_with, quote=False), source, 1)


class ChromeLoader(jinja2.BaseLoader):
    """Answers for the two templates it changes, from the theme's `loader`; for every other
    template (and when its change finds nothing to change) the loader after it answers."""

    def __init__(
        self, loader: jinja2.BaseLoader, language: str, header: str, footer: str, made_with: str
    ) -> None:
        self.loader = loader
        self.changes: dict[str, Callable[[str], str]] = {
            f"partials/languages/{language}.html": lambda s: language_partial(s, header, footer),
            CREDIT_TEMPLATE: lambda s: credit_partial(s, made_with),
        }

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        change = self.changes.get(template)
        if change is None:
            raise jinja2.TemplateNotFound(template)
        source, _, uptodate = self.loader.get_source(environment, template)
        changed = change(source)
        if changed == source:
            raise jinja2.TemplateNotFound(template)
        # no file name: this source is not the file's, and a compiled copy kept under the
        # file's name would take turns with the theme's own (Material's search reads it unchanged)
        return changed, None, uptodate

    def list_templates(self) -> list[str]:
        return []  # the theme's loader, after this one, lists them


def use_site_words(
    env: jinja2.Environment, language: str, header: str, footer: str, made_with: str
) -> None:
    """Make `env` draw the header, footer and credit with the site's words."""
    loader = env.loader
    if loader is None:
        return
    if isinstance(loader, jinja2.ChoiceLoader) and any(
        isinstance(choice, ChromeLoader) for choice in loader.loaders
    ):
        return  # done for this environment already
    env.loader = jinja2.ChoiceLoader(
        [ChromeLoader(loader, language, header, footer, made_with), loader]
    )
