"""Settings of the `asah/lms` plugin, which `asah package` turns on for a package's build."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

STANDARDS = ("scorm12", "cmi5")


class LmsConfig(Config):
    enabled = c.Type(bool, default=True)
    # The LMS standard the runtime speaks.
    standard = c.Choice(STANDARDS, default="scorm12")
    # One learning path's id: the package reports that path; "": the whole course.
    path = c.Type(str, default="")
