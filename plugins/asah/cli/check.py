"""`asah check`: every content problem a build would report, without rendering HTML — the course
model read straight from the files, MkDocs not involved."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from .config import ConfigError, read_course_site


def check(config_file: str, out: TextIO, err: TextIO) -> int:
    path = Path(config_file)
    try:
        course, _, reporter = read_course_site(path, check_quizzes=True)
    except ConfigError as error:
        print(f"asah check: {error}", file=err)
        return 2
    problems = [*course.problems, *reporter.messages()]
    for problem in problems:
        print(problem, file=out)
    return 1 if problems else 0
