"""Settings of the `asah/search` plugin (mkdocs.yml → plugins → asah/search)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SearchConfig(Config):
    enabled = c.Type(bool, default=True)
    # The glossary, relative to mkdocs.yml; no file: the built-in ASN glossary on an
    # Indonesian site, none on any other.
    glossary = c.Type(str, default="site_config/glossary.yml")
    # Folder of the glossary page; default istilah/ on an Indonesian site, glossary/ otherwise.
    url = c.Type(str, default="")
    # A glossary acronym's first use on a page gets <abbr title="its expansion">.
    abbr = c.Type(bool, default=True)
