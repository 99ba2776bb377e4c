"""Settings of the `asah/paths` plugin (mkdocs.yml → plugins → asah/paths)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..site.settings import COMPLETION, LEARNER_FIELDS


class Count(c.Type[int]):
    """A whole number, 0 or more."""

    def __init__(self) -> None:
        super().__init__(int)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 0:
            raise c.ValidationError(f"Expected a whole number, 0 or more, but received: {value!r}")
        return number


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
    # When a lesson counts as completed (progress page, paths, competencies reached, JP):
    # `marked` (the learner marked it done) or `quiz_passed` (marked done, and every quiz on
    # its page passed).
    completion = c.Choice(COMPLETION, default="marked")
    # The JP a year the progress page counts toward ("6 / 20 JP tahun 2026"); default 20 on an
    # Indonesian site, none on others; 0: no target. Only where the site counts JP.
    jp_target = c.Optional(Count())
    # The learner's activity history (SIASN course history) on the progress page and in the
    # backup file: the organiser (default: the site's `site_author`) and the activity's type
    # (default: "E-learning (pelatihan nonklasikal)" / "E-learning").
    organiser = c.Type(str, default="")
    activity_type = c.Type(str, default="")
