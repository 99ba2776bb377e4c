"""Settings of the `asah/competencies` plugin (mkdocs.yml → plugins → asah/competencies)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..site.settings import MESSAGE_LANGUAGES


class CompetenciesConfig(Config):
    enabled = c.Type(bool, default=True)
    # The course's framework, relative to mkdocs.yml. Without the file: the built-in ASN
    # framework on an Indonesian site, no competencies on any other.
    framework = c.Type(str, default="site_config/competencies.yml")
    minutes_per_jp = c.Type(int, default=45)
    # Show and count JP (jam pelajaran); default: on for Indonesian sites.
    jp = c.Optional(c.Type(bool))
    # Folder of the generated pages: <url>/ and <url>/<id>/; default by language
    # (kompetensi/, competencies/).
    url = c.Type(str, default="")
    catalogue = c.Type(str, default="course.json")
    # Fixes to Material's own pages (links underlined in text, footer and search-result
    # contrast, a name for the search dialog); off by default: they change pages Asah did not
    # make.
    theme_fixes = c.Type(bool, default=False)
    # The language of Asah's messages to authors (problems in the course): `id` or `en`;
    # default: the site's language (English for a language other than these).
    messages = c.Optional(c.Choice(MESSAGE_LANGUAGES))
