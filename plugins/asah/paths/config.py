"""Settings of the `asah/paths` plugin (mkdocs.yml → plugins → asah/paths)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PathsConfig(Config):
    enabled = c.Type(bool, default=True)
    # The learning paths, relative to mkdocs.yml; no file: no paths (progress pages remain).
    paths_file = c.Type(str, default="site_config/paths.yml")
    # Folders of the generated pages.
    url = c.Type(str, default="jalur")
    quiz_url = c.Type(str, default="kuis")
    progress_url = c.Type(str, default="kemajuan")
    assessment_url = c.Type(str, default="penilaian-diri")
