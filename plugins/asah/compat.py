"""Living with other MkDocs plugins that change the files of a build.

mkdocs-static-i18n builds the site once per language, with the same configuration: each build
has the pages of one language (`intro.id.md` or `id/intro.md` standing for `intro.md`) and
writes the languages other than the default under `<language>/`. Asah reads each language's
build as a course of its own: a page is known by its language-free path (so prerequisites and
paths are written once, and a learner's records are the same in every language), and the pages
Asah generates go under the same `<language>/` folder as the build's own pages.
"""

from __future__ import annotations

from typing import Any


def page_key(file: Any) -> str:
    """A page's path without its language (i18n's `norm_src_uri`), else its source path."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def language_folder(config: Any) -> str:
    """`<language>/` when this build is one of i18n's builds of a language other than the
    default (its pages are written there), else ''."""
    i18n = config.plugins.get("i18n")
    current = getattr(i18n, "current_language", None)
    default = getattr(i18n, "default_language", None)
    if i18n is None or not current or current == default:
        return ""
    return f"{current}/"
