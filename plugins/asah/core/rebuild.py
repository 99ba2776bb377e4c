"""Dirty rebuilds (`mkdocs serve --dirty`): which pages were made from inputs that changed.

MkDocs' dirty build writes a page again only when its Markdown is newer than its output. A
lesson's output also depends on other files (the banks it embeds, the titles of its
prerequisites, the paths it is on), so each plugin fingerprints those inputs per page and has the
pages whose fingerprint changed since the previous build of the same process rebuilt.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

from .diagnostics import Problem, Reporter, Severity

T = TypeVar("T")


def fingerprint(value: object) -> str:
    """A stable digest of plain data (dicts, lists, strings, numbers; anything else by repr)."""
    text = json.dumps(value, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Fingerprints:
    """The fingerprint of each page at the previous build, kept across the builds of a process."""

    def __init__(self) -> None:
        self._last: dict[str, str] | None = None

    def changed(self, current: Mapping[str, str]) -> set[str]:
        """Pages whose fingerprint differs from the previous build's (all of them on the first
        build: nothing is known about output left by another process); remembers `current`."""
        last, self._last = self._last, dict(current)
        if last is None:
            return set(current)
        return {page for page, value in current.items() if last.get(page) != value}


def page_of(location: str) -> str:
    """The page part of a search index location (`a/b/#section` → `a/b/`)."""
    return location.split("#", 1)[0]


def merge_search_entries(
    previous: list[dict[str, object]], rebuilt: list[dict[str, object]]
) -> list[dict[str, object]]:
    """The search entries of a dirty build: those of the rebuilt pages replace their old ones."""
    pages = {page_of(str(entry.get("location", ""))) for entry in rebuilt}
    kept = [e for e in previous if page_of(str(e.get("location", ""))) not in pages]
    return kept + rebuilt


class ReadCache(Generic[T]):
    """Results of reading author files, kept across the rebuilds of `mkdocs serve`: a file whose
    text (and the settings it is read with) did not change is not parsed again, and its
    problems are reported again, so every rebuild still lists them all. A file with a problem
    that would stop a build gives its last good reading instead, so the preview goes on showing
    what it made (the problem is reported all the same)."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[object, T, list[Problem]]] = {}
        self._good: dict[str, T] = {}  # each file's last reading without such a problem

    def read(
        self, name: str, key: object, reporter: Reporter, compute: Callable[[Reporter], T]
    ) -> T:
        key = (key, reporter.words.language)  # its problems are worded in that language
        hit = self._entries.get(name)
        if hit is None or hit[0] != key:
            own = reporter.child()
            hit = (key, compute(own), list(own.problems))
            self._entries[name] = hit
        for problem in hit[2]:
            reporter.add(problem)
        value = hit[1]
        if any(p.severity is Severity.FATAL for p in hit[2]):
            value = self._good.get(name, value)
        else:
            self._good[name] = value
        return copy.deepcopy(value)  # callers complete what they read (titles, quizzes)
