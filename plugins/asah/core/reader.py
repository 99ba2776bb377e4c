"""One base for Asah's YAML readers (framework, lesson front matter, paths, quiz banks).

What every reader needs is written here once: where a value was written (`path:line`), YAML
syntax errors and repeated keys, unknown keys with a did-you-mean, text fields, and competency
ids with their levels checked against the framework.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from . import yamldoc
from .diagnostics import Location, Reporter, quote, suggest, warn_duplicate_keys
from .messages import Msg, msg

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
        report(Location(path, error.line), "yaml_error", what=syntax_problem(error))
        return None
    warn_duplicate_keys(doc.duplicate_keys, path, reporter)
    return doc


def syntax_problem(error: yamldoc.YamlSyntaxError) -> Msg:
    """What to check, in plain words (core/yamlerrors.py)."""
    return msg(f"yaml_{error.kind}", **error.values)


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
        competencies: Mapping[str, str] | Collection[str] | None = None,
    ) -> None:
        self.doc, self.path, self.reporter = doc, path, reporter
        # every name a competency may be given by (its id, its code: Framework.names) → its
        # id; None: no framework to check competency ids against
        if competencies is not None and not isinstance(competencies, Mapping):
            competencies = {cid: cid for cid in competencies}  # ids only
        self.known: Mapping[str, str] | None = competencies

    def at(self, *key: Any) -> Location:
        """Where the value at `key` (or its nearest written ancestor) is."""
        return Location(self.path, self.doc.line(*key))

    def at_key(self, *key: Any) -> Location:
        """Where the key of a mapping entry is (for problems with the key itself)."""
        return Location(self.path, self.doc.key_line(*key))

    def warn(self, where: Location, key: str, /, **values: Any) -> None:
        self.reporter.warn(where, key, **values)

    def unknown_keys(
        self, data: dict[Any, Any], allowed: Iterable[str], key: Key = (), where: Msg | str = ""
    ) -> None:
        """`where`: the part the keys are in (`msg("in_question", id=…)`), for the message."""
        allowed = tuple(allowed)
        for name in data:
            if name not in allowed:
                self.warn(
                    self.at_key(*key, name),
                    "unknown_key",
                    key=quote(name),
                    where=where,
                    hint=suggest(str(name), allowed),
                    allowed=", ".join(allowed),
                )

    def text(
        self, data: dict[str, Any], name: str, key: Key = (), required: Msg | None = None
    ) -> str | None:
        """A text field (numbers are taken as text); `required` is the message when missing."""
        value = data.get(name)
        if value is None:
            if required is not None:
                self.warn(self.at(*key), required.key, **dict(required.values))
            return None
        if isinstance(value, bool):
            self.warn(self.at(*key, name), "text_not_boolean", name=name, got=quote(value))
            return None
        if not isinstance(value, (str, int, float)):
            self.warn(self.at(*key, name), "text_expected", name=name, got=quote(value))
            return None
        return str(value)

    def competency_id(self, written: Any) -> str | None:
        """The id of the competency `written` names (its id or its code), or None."""
        if not isinstance(written, str):
            return None
        if self.known is None:
            return written
        return self.known.get(written) or self.known.get(written.upper())

    def competencies(self, raw: Any, key: Key, context: Msg | str = "") -> dict[str, int | None]:
        """`{id: level}` or a list of ids (no level), checked against the framework; a
        competency may be named by its code (`M.04`). `context`: where, for messages."""
        if isinstance(raw, list):
            entries = [(cid, None, (*key, i), False) for i, cid in enumerate(raw)]
        elif isinstance(raw, dict):
            entries = [(cid, level, (*key, cid), True) for cid, level in raw.items()]
        else:
            self.warn(self.at(*key), "competencies_shape", where=context)
            return {}
        result: dict[str, int | None] = {}
        written_as: dict[str, Any] = {}
        for cid, level, where, has_level in entries:
            location = self.at_key(*where) if has_level else self.at(*where)
            found = self.competency_id(cid)
            if found is None:
                self.warn(
                    location,
                    "unknown_competency",
                    id=quote(cid),
                    where=context,
                    hint=suggest(str(cid), self.known or ()),
                )
                continue
            if has_level and not is_level(level):
                self.warn(self.at(*where), "level_range", id=cid, where=context, got=quote(level))
                continue
            if found in result:
                self.warn(location, "competency_twice", id=found, first=written_as[found], then=cid)
                continue
            result[found], written_as[found] = level, cid
        return result

    def flag(self, data: dict[str, Any], name: str, key: Key = ()) -> bool | None:
        """A true/false field; None when absent or not a boolean (reported)."""
        if name not in data:
            return None
        value = data[name]
        if isinstance(value, bool):
            return value
        self.warn(self.at(*key, name), "not_boolean", name=name, got=quote(value))
        return None
