"""One base for Asah's YAML readers (framework, lesson front matter, paths, quiz banks).

What every reader needs is written here once: where a value was written (`path:line`), YAML
syntax errors and repeated keys, unknown keys with a did-you-mean, text fields, and competency
ids with their levels checked against the framework.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from . import yamldoc
from .diagnostics import Location, Reporter, quote, suggest, warn_duplicate_keys

LEVELS = (1, 2, 3, 4, 5)
Key = tuple[Any, ...]


def load(
    text: str, path: str, reporter: Reporter, *, line_offset: int = 0, fatal: bool = True
) -> yamldoc.YamlDoc | None:
    """Parse a YAML document; a syntax error is reported (fatal or a warning) and gives None.
    A key written twice is reported, since YAML would keep only its last value."""
    try:
        doc = yamldoc.load(text, line_offset=line_offset)
    except yamldoc.YamlSyntaxError as error:
        report = reporter.fatal if fatal else reporter.warn
        report(Location(path, error.line), f"YAML syntax error: {error.message}")
        return None
    warn_duplicate_keys(doc.duplicate_keys, path, reporter)
    return doc


def is_level(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in LEVELS


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class YamlReader:
    """Reads one YAML document; problems go to `reporter` with the line of the value."""

    def __init__(
        self,
        doc: yamldoc.YamlDoc,
        path: str,
        reporter: Reporter,
        competencies: Collection[str] | None = None,
    ) -> None:
        self.doc, self.path, self.reporter = doc, path, reporter
        self.known = competencies  # None: no framework to check competency ids against

    def at(self, *key: Any) -> Location:
        """Where the value at `key` (or its nearest written ancestor) is."""
        return Location(self.path, self.doc.line(*key))

    def at_key(self, *key: Any) -> Location:
        """Where the key of a mapping entry is (for problems with the key itself)."""
        return Location(self.path, self.doc.key_line(*key))

    def warn(self, where: Location, message: str) -> None:
        self.reporter.warn(where, message)

    def unknown_keys(
        self, data: dict[Any, Any], allowed: Iterable[str], key: Key = (), where: str = ""
    ) -> None:
        allowed = tuple(allowed)
        inside = f" in {where}" if where else ""
        for name in data:
            if name not in allowed:
                self.warn(
                    self.at_key(*key, name),
                    f"unknown key {quote(name)}{inside}{suggest(str(name), allowed)}; "
                    f"expected one of: {', '.join(allowed)}",
                )

    def text(
        self, data: dict[str, Any], name: str, key: Key = (), required: str = ""
    ) -> str | None:
        """A text field (numbers are taken as text); `required` is the message when missing."""
        value = data.get(name)
        if value is None:
            if required:
                self.warn(self.at(*key), required)
            return None
        if isinstance(value, bool):
            self.warn(
                self.at(*key, name),
                f"'{name}' must be text, got {quote(value)} (YAML reads yes/no/true/false "
                "without quotes as true or false: put the text in quotes)",
            )
            return None
        if not isinstance(value, (str, int, float)):
            self.warn(self.at(*key, name), f"'{name}' must be text, got {quote(value)}")
            return None
        return str(value)

    def competencies(self, raw: Any, key: Key, context: str = "") -> dict[str, int | None]:
        """`{id: level}` or a list of ids (no level), checked against the framework."""
        inside = f" {context}" if context else ""
        if isinstance(raw, list):
            entries = [(cid, None, (*key, i), False) for i, cid in enumerate(raw)]
        elif isinstance(raw, dict):
            entries = [(cid, level, (*key, cid), True) for cid, level in raw.items()]
        else:
            self.warn(
                self.at(*key),
                f"'competencies'{inside} must map competency ids to levels 1–5 "
                "(e.g. 'keamanan-informasi: 2') or list competency ids",
            )
            return {}
        result: dict[str, int | None] = {}
        for cid, level, where, has_level in entries:
            location = self.at_key(*where) if has_level else self.at(*where)
            if not isinstance(cid, str) or (self.known is not None and cid not in self.known):
                known = self.known or ()
                self.warn(
                    location,
                    f"unknown competency {quote(cid)}{inside}{suggest(str(cid), known)}",
                )
                continue
            if has_level and not is_level(level):
                self.warn(
                    self.at(*where),
                    f"level of '{cid}'{inside} must be an integer from 1 to 5, got {quote(level)}",
                )
                continue
            result[cid] = level
        return result

    def flag(self, data: dict[str, Any], name: str, key: Key = ()) -> bool | None:
        """A true/false field; None when absent or not a boolean (reported)."""
        if name not in data:
            return None
        value = data[name]
        if isinstance(value, bool):
            return value
        self.warn(self.at(*key, name), f"{name} must be true or false, got {quote(value)}")
        return None
