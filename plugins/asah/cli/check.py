"""`asah check`: every content problem a build would report, without rendering HTML — the course
model read straight from the files, MkDocs not involved."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..core.diagnostics import Reporter
from ..core.messages import Messages
from ..site.navigation import from_nav
from ..site.read import docs_sources, read_site
from .config import ConfigError, read_course_config


def check(config_file: str, out: TextIO, err: TextIO) -> int:
    path = Path(config_file)
    try:
        course = read_course_config(path)
    except ConfigError as error:
        print(f"asah check: {error}", file=err)
        return 2
    settings = course.settings
    reporter = Reporter(Messages(settings.message_language))
    sources = docs_sources(settings.root / settings.docs_dir, course.pages)
    site = read_site(settings, sources, reporter, check_quizzes=True)
    order, titles = from_nav(course.nav, [*course.pages, *site.pages])
    site.arrange(order, titles)
    problems = [*course.problems, *reporter.messages()]
    for problem in problems:
        print(problem, file=out)
    return 1 if problems else 0
