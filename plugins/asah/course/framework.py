"""Competency frameworks: the built-in ASN framework and a course's `competencies.yml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..core import yamldoc
from ..core.diagnostics import Location, Reporter, quote, suggest, warn_duplicate_keys

LEVELS = (1, 2, 3, 4, 5)
BUILT_IN = {"asn": "asn.yml"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_TOP_KEYS = ("extends", "name", "levels", "groups")
_GROUP_KEYS = ("id", "name", "description", "competencies")
_COMPETENCY_KEYS = ("id", "name", "code", "description", "levels")


@dataclass
class Competency:
    id: str
    name: str
    group: str
    code: str | None = None
    description: str = ""  # Markdown
    levels: dict[int, str] = field(default_factory=dict)  # Markdown per level
    location: Location | None = None


@dataclass
class Group:
    id: str
    name: str
    description: str = ""
    competencies: list[Competency] = field(default_factory=list)


@dataclass
class Framework:
    name: str = ""
    level_labels: dict[int, str] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)

    def competencies(self) -> list[Competency]:
        return [c for g in self.groups for c in g.competencies]

    def get(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies() if c.id == competency_id), None)

    def ids(self) -> list[str]:
        return [c.id for c in self.competencies()]


def load_built_in(name: str) -> Framework:
    """A framework shipped with Asah; problems in it are bugs, so they raise."""
    text = resources.files(__package__).joinpath("data", BUILT_IN[name]).read_text("utf-8")
    reporter = Reporter()
    framework = parse(text, f"<asah built-in {name}>", reporter)
    if reporter.problems:  # pragma: no cover - guarded by tests
        raise ValueError("\n".join(reporter.messages()))
    return framework


def load(text: str | None, path: str, reporter: Reporter) -> Framework:
    """The course framework: built-in ASN without a file, else the file (maybe extending)."""
    if text is None:
        return load_built_in("asn")
    return parse(text, path, reporter)


def parse(text: str, path: str, reporter: Reporter) -> Framework:
    try:
        doc = yamldoc.load(text)
    except yamldoc.YamlSyntaxError as error:
        reporter.fatal(Location(path, error.line), f"YAML syntax error: {error.message}")
        return Framework()
    return _Parser(doc, path, reporter).framework()


class _Parser:
    def __init__(self, doc: yamldoc.YamlDoc, path: str, reporter: Reporter) -> None:
        self.doc, self.path, self.reporter = doc, path, reporter
        self.seen: dict[str, Location] = {}

    def at(self, *key: Any) -> Location:
        return Location(self.path, self.doc.line(*key))

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], *key: Any) -> None:
        for name in data:
            if name not in allowed:
                expected = ", ".join(allowed)
                self.reporter.warn(
                    Location(self.path, self.doc.key_line(*key, name)),
                    f"unknown key {quote(name)}{suggest(str(name), allowed)}; expected one of: "
                    f"{expected}",
                )

    def framework(self) -> Framework:
        data = self.doc.data
        warn_duplicate_keys(self.doc.duplicate_keys, self.path, self.reporter)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.reporter.fatal(self.at(), "a competency framework must be a mapping with 'groups'")
            return Framework()
        self.unknown_keys(data, _TOP_KEYS)
        framework = Framework()
        extends = data.get("extends")
        if extends is not None:
            if extends in BUILT_IN:
                framework = load_built_in(extends)
                for competency in framework.competencies():
                    self.seen[competency.id] = Location(f"built-in framework '{extends}'")
            else:
                self.reporter.fatal(
                    self.at("extends"),
                    f"unknown framework {quote(extends)} in 'extends'"
                    f"{suggest(str(extends), BUILT_IN)}; expected one of: {', '.join(BUILT_IN)}",
                )
        if isinstance(data.get("name"), str):
            framework.name = data["name"]
        framework.level_labels.update(self.levels(data.get("levels"), ("levels",)))
        groups = data.get("groups")
        if groups is None:
            if extends is None:
                self.reporter.fatal(
                    self.at(), "the framework defines no groups; expected 'groups:'"
                )
            return framework
        if not isinstance(groups, list):
            self.reporter.fatal(self.at("groups"), "'groups' must be a list of groups")
            return framework
        for index, raw in enumerate(groups):
            group = self.group(raw, index)
            if group is None:
                continue
            existing = next((g for g in framework.groups if g.id == group.id), None)
            if existing is None:
                framework.groups.append(group)
            else:  # extending a built-in group adds to it
                existing.competencies.extend(group.competencies)
                existing.name = group.name or existing.name
                existing.description = group.description or existing.description
        return framework

    def group(self, raw: Any, index: int) -> Group | None:
        key = ("groups", index)
        if not isinstance(raw, dict):
            self.reporter.warn(self.at(*key), "a group must be a mapping with 'id' and 'name'")
            return None
        self.unknown_keys(raw, _GROUP_KEYS, *key)
        group_id = self.identifier(raw.get("id"), (*key, "id"), "group")
        if group_id is None:
            return None
        group = Group(
            id=group_id,
            name=self.text(raw, "name", key) or "",
            description=self.text(raw, "description", key) or "",
        )
        items = raw.get("competencies") or []
        if not isinstance(items, list):
            self.reporter.warn(self.at(*key, "competencies"), "'competencies' must be a list")
            return group
        for position, item in enumerate(items):
            competency = self.competency(item, (*key, "competencies", position), group_id)
            if competency is not None:
                group.competencies.append(competency)
        return group

    def competency(self, raw: Any, key: tuple[Any, ...], group: str) -> Competency | None:
        if not isinstance(raw, dict):
            self.reporter.warn(self.at(*key), "a competency must be a mapping with 'id' and 'name'")
            return None
        self.unknown_keys(raw, _COMPETENCY_KEYS, *key)
        competency_id = self.identifier(raw.get("id"), (*key, "id"), "competency")
        if competency_id is None:
            return None
        location = self.at(*key)
        if competency_id in self.seen:
            first = self.seen[competency_id]
            self.reporter.fatal(
                self.at(*key, "id"),
                f"duplicate competency id '{competency_id}' (already defined at {first}); "
                "competency ids must be unique across the framework",
            )
            return None
        self.seen[competency_id] = location
        name = self.text(raw, "name", key)
        if not name:
            self.reporter.warn(
                location, f"competency '{competency_id}' has no name; expected 'name:'"
            )
        code = raw.get("code")
        return Competency(
            id=competency_id,
            name=name or competency_id,
            group=group,
            code=str(code) if code is not None else None,
            description=self.text(raw, "description", key) or "",
            levels=self.levels(raw.get("levels"), (*key, "levels")),
            location=location,
        )

    def identifier(self, value: Any, key: tuple[Any, ...], what: str) -> str | None:
        if value is None:
            self.reporter.warn(self.at(*key[:-1]), f"{what} without an id; expected 'id:'")
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.reporter.warn(
                self.at(*key),
                f"{what} id {quote(value)} is not valid; expected lowercase letters, digits "
                "and single hyphens (e.g. 'keamanan-informasi')",
            )
            return None
        return value

    def text(self, raw: dict[str, Any], name: str, key: tuple[Any, ...]) -> str | None:
        value = raw.get(name)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
        self.reporter.warn(self.at(*key, name), f"'{name}' must be text, got {quote(value)}")
        return None

    def levels(self, raw: Any, key: tuple[Any, ...]) -> dict[int, str]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.reporter.warn(self.at(*key), "'levels' must map each level 1–5 to a description")
            return {}
        result: dict[int, str] = {}
        for level, text in raw.items():
            if isinstance(level, bool) or level not in LEVELS:
                self.reporter.warn(
                    Location(self.path, self.doc.key_line(*key, level)),
                    f"level {quote(level)} is not a level; expected an integer from 1 to 5",
                )
            elif not isinstance(text, str) or not text.strip():
                self.reporter.warn(
                    self.at(*key, level), f"level {level} needs a description (text)"
                )
            else:
                result[level] = text
        return result
