"""Settings of the `asah/competencies` plugin (mkdocs.yml → plugins → asah/competencies)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CompetenciesConfig(Config):
    enabled = c.Type(bool, default=True)
    # The course's framework, relative to mkdocs.yml; without the file the built-in ASN one.
    framework = c.Type(str, default="site_config/competencies.yml")
    minutes_per_jp = c.Type(int, default=45)
    # Folder of the generated pages: <url>/ (the framework) and <url>/<id>/ (one competency).
    url = c.Type(str, default="kompetensi")
    catalogue = c.Type(str, default="course.json")
    # Accessibility fixes for Material's defaults and Asah's stylesheet.
    theme_fixes = c.Type(bool, default=True)
