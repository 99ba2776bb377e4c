"""Settings of the `asah/offline` plugin (mkdocs.yml → plugins → asah/offline)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class OfflineConfig(Config):
    enabled = c.Type(bool, default=True)
    # The installed app's colour ("#rrggbb"); default: the theme palette's primary colour.
    theme_color = c.Type(str, default="")
    # The name under the app's icon; default: the site's name, or its first words that fit.
    short_name = c.Type(str, default="")
