"""Settings of the `asah/paths` plugin (mkdocs.yml → plugins → asah/paths)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..site.settings import LEARNER_FIELDS


class PathsConfig(Config):
    enabled = c.Type(bool, default=True)
    # The learning paths, relative to mkdocs.yml; no file: no paths (progress pages remain).
    paths_file = c.Type(str, default="site_config/paths.yml")
    # Folders of the generated pages; default by language (jalur/, kuis/, kemajuan/,
    # penilaian-diri/ on an Indonesian site; paths/, quiz/, progress/, self-assessment/).
    url = c.Type(str, default="")
    quiz_url = c.Type(str, default="")
    progress_url = c.Type(str, default="")
    assessment_url = c.Type(str, default="")
    # What the progress page asks the learner; default name, NIP, unit and position on an
    # Indonesian site, name on any other.
    learner_fields = c.Optional(c.ListOfItems(c.Choice(LEARNER_FIELDS)))
