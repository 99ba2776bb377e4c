"""Author-facing problems as `path:line: message`, collected so one build reports them all.
Messages are named by key and worded in the reporter's language (core/messages.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .messages import Messages, Msg, Value, msg


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
    """Collects problems in the order found, worded in the language of `words`; duplicates
    are kept once."""

    words: Messages = field(default_factory=Messages)
    problems: list[Problem] = field(default_factory=list)
    _taken: int = 0

    def warn(self, location: Location, key: str, /, **values: Any) -> None:
        """A problem the build goes on after: message `key` with its `values`."""
        self.add(Problem(location, self.words(key, **values)))

    def fatal(self, location: Location, key: str, /, **values: Any) -> None:
        """A problem that stops the build (once every problem found is reported)."""
        self.add(Problem(location, self.words(key, **values), Severity.FATAL))

    def child(self) -> Reporter:
        """An empty reporter in the same language (to look at one part's problems first)."""
        return Reporter(self.words)

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
        reporter.warn(Location(path, line), "key_twice", key=key, first=first)


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice closest to `word`, if one is close enough."""
    import difflib  # only when there is a problem to report

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def suggest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> Msg | str:
    """` (did you mean 'x'?)` for the closest choice (worded with the message), or ""."""
    found = closest(word, choices, cutoff)
    return msg("did_you_mean", name=found) if found else ""


def quote(value: object) -> Value:
    """An author's value in a message: strings quoted, others as YAML would write them."""
    return Value(value)
