"""Settings of the `asah/quiz` plugin (mkdocs.yml → plugins → asah/quiz)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class QuizConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folder of the banks, relative to mkdocs.yml; quizzes/siber/dasar.yml is bank siber/dasar.
    banks_dir = c.Type(str, default="quizzes")
    # Keeps learners' results of this course apart from other courses on the same host;
    # default: derived from site_url, else site_name.
    site_id = c.Type(str, default="")
    # "Tampilkan jawaban" after an attempt that did not pass; off: only once the quiz is passed
    # (without JavaScript the answers can always be revealed).
    solution_after_fail = c.Type(bool, default=True)
