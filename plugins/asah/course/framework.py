"""Competency frameworks: the built-in ASN framework and a course's `competencies.yml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..core import reader as yaml_reader
from ..core.diagnostics import Location, Reporter, quote, suggest
from ..core.reader import LEVELS, YamlReader

BUILT_IN = {"asn": "asn.yml"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Sites in this language get the built-in ASN framework when they have no framework file.
ASN_LANGUAGE = "id"

TOP_KEYS = ("extends", "name", "levels", "groups")
GROUP_KEYS = ("id", "name", "description", "competencies")
COMPETENCY_KEYS = ("id", "name", "code", "description", "levels")

__all__ = ["LEVELS", "Competency", "Framework", "Group", "load", "load_built_in", "parse"]


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
        return self.index().get(competency_id)

    def ids(self) -> list[str]:
        return list(self.index())

    def index(self) -> dict[str, Competency]:
        """Competencies by id, in framework order (built once: lessons look them up often)."""
        found: dict[str, Competency] | None = self.__dict__.get("_index")
        count = sum(len(g.competencies) for g in self.groups)
        if found is None or len(found) != count:
            found = {c.id: c for c in self.competencies()}
            self.__dict__["_index"] = found
        return found

    def group_of(self, competency_id: str) -> Group | None:
        return next(
            (g for g in self.groups if any(c.id == competency_id for c in g.competencies)), None
        )


@cache
def _built_in_text(name: str) -> str:
    return resources.files(__package__).joinpath("data", BUILT_IN[name]).read_text("utf-8")


def load_built_in(name: str) -> Framework:
    """A framework shipped with Asah; problems in it are bugs, so they raise."""
    reporter = Reporter()
    framework = parse(_built_in_text(name), f"<asah built-in {name}>", reporter)
    if reporter.problems:  # pragma: no cover - guarded by tests
        raise ValueError("\n".join(reporter.messages()))
    return framework


def load(
    text: str | None, path: str, reporter: Reporter, language: str = ASN_LANGUAGE
) -> Framework:
    """The course framework: its file (which may extend a built-in one); without a file, the
    built-in ASN framework on an Indonesian site and no competencies on any other."""
    if text is None:
        return load_built_in("asn") if language == ASN_LANGUAGE else Framework()
    return parse(text, path, reporter)


def parse(text: str, path: str, reporter: Reporter) -> Framework:
    doc = yaml_reader.load(text, path, reporter)
    if doc is None:
        return Framework()
    return _FrameworkReader(doc, path, reporter).framework()


class _FrameworkReader(YamlReader):
    def __init__(self, doc: Any, path: str, reporter: Reporter) -> None:
        super().__init__(doc, path, reporter)
        self.seen: dict[str, Location] = {}

    def framework(self) -> Framework:
        data = {} if self.doc.data is None else self.doc.data
        if not isinstance(data, dict):
            self.reporter.fatal(self.at(), "a competency framework must be a mapping with 'groups'")
            return Framework()
        self.unknown_keys(data, TOP_KEYS)
        framework = self.base(data.get("extends"))
        if isinstance(data.get("name"), str):
            framework.name = data["name"]
        framework.level_labels.update(self.levels(data.get("levels"), ("levels",)))
        groups = data.get("groups")
        if groups is None:
            if "extends" not in data:
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

    def base(self, extends: Any) -> Framework:
        if extends is None:
            return Framework()
        if extends not in BUILT_IN:
            self.reporter.fatal(
                self.at("extends"),
                f"unknown framework {quote(extends)} in 'extends'"
                f"{suggest(str(extends), BUILT_IN)}; expected one of: {', '.join(BUILT_IN)}",
            )
            return Framework()
        framework = load_built_in(extends)
        for competency in framework.competencies():
            self.seen[competency.id] = Location(f"built-in framework '{extends}'")
        return framework

    def group(self, raw: Any, index: int) -> Group | None:
        key = ("groups", index)
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "a group must be a mapping with 'id' and 'name'")
            return None
        self.unknown_keys(raw, GROUP_KEYS, key)
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
            self.warn(self.at(*key, "competencies"), "'competencies' must be a list")
            return group
        for position, item in enumerate(items):
            competency = self.competency(item, (*key, "competencies", position), group_id)
            if competency is not None:
                group.competencies.append(competency)
        return group

    def competency(self, raw: Any, key: tuple[Any, ...], group: str) -> Competency | None:
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "a competency must be a mapping with 'id' and 'name'")
            return None
        self.unknown_keys(raw, COMPETENCY_KEYS, key)
        competency_id = self.identifier(raw.get("id"), (*key, "id"), "competency")
        if competency_id is None:
            return None
        location = self.at(*key)
        if competency_id in self.seen:
            self.reporter.fatal(
                self.at(*key, "id"),
                f"duplicate competency id '{competency_id}' (already defined at "
                f"{self.seen[competency_id]}); competency ids must be unique across the framework",
            )
            return None
        self.seen[competency_id] = location
        name = self.text(raw, "name", key)
        if not name:
            self.warn(location, f"competency '{competency_id}' has no name; expected 'name:'")
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
            self.warn(self.at(*key[:-1]), f"{what} without an id; expected 'id:'")
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.warn(
                self.at(*key),
                f"{what} id {quote(value)} is not valid; expected lowercase letters, digits "
                "and single hyphens (e.g. 'keamanan-informasi')",
            )
            return None
        return value

    def levels(self, raw: Any, key: tuple[Any, ...]) -> dict[int, str]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "'levels' must map each level 1–5 to a description")
            return {}
        result: dict[int, str] = {}
        for level, text in raw.items():
            if not yaml_reader.is_level(level):
                self.warn(
                    self.at_key(*key, level),
                    f"level {quote(level)} is not a level; expected an integer from 1 to 5",
                )
            elif not isinstance(text, str) or not text.strip():
                self.warn(self.at(*key, level), f"level {level} needs a description (text)")
            else:
                result[level] = text
        return result
