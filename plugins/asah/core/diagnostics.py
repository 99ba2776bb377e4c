"""Author-facing problems as `path:line: message`, collected so one build reports them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Severity(Enum):
    WARNING = "warning"  # the build goes on; `--strict` fails
    FATAL = "fatal"  # the build cannot mean anything; stops after all problems are reported


@dataclass(frozen=True)
class Location:
    path: str  # relative to the folder holding mkdocs.yml
    line: int | None = None  # 1-based

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class Reporter:
    """Collects problems in the order found; duplicates are kept once."""

    problems: list[Problem] = field(default_factory=list)
    _taken: int = 0

    def warn(self, location: Location, message: str) -> None:
        self.add(Problem(location, message))

    def fatal(self, location: Location, message: str) -> None:
        self.add(Problem(location, message, Severity.FATAL))

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    @property
    def fatal_problems(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.FATAL]

    def take_new(self) -> list[Problem]:
        """Problems added since the last call (to log each once)."""
        new, self._taken = self.problems[self._taken :], len(self.problems)
        return new

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems]


def warn_duplicate_keys(
    duplicates: Iterable[tuple[int, str, int]], path: str, reporter: Reporter
) -> None:
    """YAML keeps only the last of a repeated key: say so instead of dropping one silently."""
    for line, key, first in duplicates:
        reporter.warn(Location(path, line), f"key '{key}' appears twice (first at line {first})")


def suggest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """` (did you mean 'x'?)` for the closest choice, or an empty string."""
    import difflib  # only when there is a problem to report

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def quote(value: object) -> str:
    """Show an author's value in a message: strings quoted, others as YAML would write them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return str(value)
