"""Competency frameworks: the built-in ASN framework and a course's `competencies.yml`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..core import reader as yaml_reader
from ..core.diagnostics import Location, Reporter, quote, suggest
from ..core.messages import Msg, msg
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
    # False when its file could not be read (reported): competency ids are then not checked,
    # as every lesson would be told its competencies are unknown
    readable: bool = True

    def competencies(self) -> list[Competency]:
        return [c for g in self.groups for c in g.competencies]

    def get(self, competency_id: str) -> Competency | None:
        return self.index().get(competency_id)

    def ids(self) -> list[str]:
        return list(self.index())

    def names(self) -> dict[str, str] | None:
        """Every name a competency may be given by in a lesson, bank or path: its id and its
        code (`M.04`, also in capitals), each → the id; an id wins over another's code, and a
        code two competencies share names neither. None when the framework could not be read
        (nothing to check against)."""
        if not self.readable:
            return None
        found = self.__dict__.get("_names")
        if found is not None and found[0] == len(self.index()):
            return found[1]
        codes: dict[str, list[str]] = {}
        for competency in self.competencies():
            if competency.code:
                for code in dict.fromkeys([competency.code, competency.code.upper()]):
                    codes.setdefault(code, []).append(competency.id)
        names = {code: ids[0] for code, ids in codes.items() if len(set(ids)) == 1}
        names.update({cid: cid for cid in self.index()})
        self.__dict__["_names"] = (len(self.index()), names)
        return names

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
        return Framework(readable=False)
    return _FrameworkReader(doc, path, reporter).framework()


class _FrameworkReader(YamlReader):
    def __init__(self, doc: Any, path: str, reporter: Reporter) -> None:
        super().__init__(doc, path, reporter)
        self.seen: dict[str, Location | Msg] = {}  # where each id was defined

    def framework(self) -> Framework:
        data = {} if self.doc.data is None else self.doc.data
        if not isinstance(data, dict):
            self.reporter.fatal(self.at(), "framework_not_mapping")
            return Framework(readable=False)
        self.unknown_keys(data, TOP_KEYS)
        framework = self.base(data.get("extends"))
        if isinstance(data.get("name"), str):
            framework.name = data["name"]
        framework.level_labels.update(self.levels(data.get("levels"), ("levels",)))
        groups = data.get("groups")
        if groups is None:
            if "extends" not in data:
                self.reporter.fatal(self.at(), "framework_no_groups")
                framework.readable = False
            return framework
        if not isinstance(groups, list):
            self.reporter.fatal(self.at("groups"), "groups_not_list")
            framework.readable = False
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
        if not isinstance(extends, str):
            self.reporter.fatal(self.at("extends"), "extends_not_name", kind=quote(extends))
            return Framework(readable=False)
        if extends not in BUILT_IN:
            self.reporter.fatal(
                self.at("extends"),
                "unknown_framework",
                name=quote(extends),
                hint=suggest(str(extends), BUILT_IN),
                allowed=", ".join(BUILT_IN),
            )
            return Framework(readable=False)
        framework = load_built_in(extends)
        for competency in framework.competencies():
            self.seen[competency.id] = msg("built_in_framework", name=extends)
        return framework

    def group(self, raw: Any, index: int) -> Group | None:
        key = ("groups", index)
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "group_not_mapping")
            return None
        self.unknown_keys(raw, GROUP_KEYS, key)
        group_id = self.identifier(raw.get("id"), (*key, "id"), "group_no_id", "group_id_invalid")
        if group_id is None:
            return None
        group = Group(
            id=group_id,
            name=self.text(raw, "name", key) or "",
            description=self.text(raw, "description", key) or "",
        )
        items = raw.get("competencies") or []
        if not isinstance(items, list):
            self.warn(self.at(*key, "competencies"), "group_competencies_not_list")
            return group
        for position, item in enumerate(items):
            competency = self.competency(item, (*key, "competencies", position), group_id)
            if competency is not None:
                group.competencies.append(competency)
        return group

    def competency(self, raw: Any, key: tuple[Any, ...], group: str) -> Competency | None:
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "competency_not_mapping")
            return None
        self.unknown_keys(raw, COMPETENCY_KEYS, key)
        competency_id = self.identifier(
            raw.get("id"), (*key, "id"), "competency_no_id", "competency_id_invalid"
        )
        if competency_id is None:
            return None
        location = self.at(*key)
        if competency_id in self.seen:
            self.reporter.fatal(
                self.at(*key, "id"),
                "competency_duplicate",
                id=competency_id,
                first=self.seen[competency_id],
            )
            return None
        self.seen[competency_id] = location
        name = self.text(raw, "name", key)
        if not name:
            self.warn(location, "competency_no_name", id=competency_id)
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

    def identifier(
        self, value: Any, key: tuple[Any, ...], missing: str, invalid: str
    ) -> str | None:
        """An id; `missing` and `invalid` are the messages when it is not there or not one."""
        if value is None:
            self.warn(self.at(*key[:-1]), missing)
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.warn(self.at(*key), invalid, id=quote(value))
            return None
        return value

    def levels(self, raw: Any, key: tuple[Any, ...]) -> dict[int, str]:
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "levels_not_mapping")
            return {}
        result: dict[int, str] = {}
        for level, text in raw.items():
            if not yaml_reader.is_level(level):
                self.warn(self.at_key(*key, level), "level_not_level", got=quote(level))
            elif not isinstance(text, str) or not text.strip():
                self.warn(self.at(*key, level), "level_no_description", n=level)
            else:
                result[level] = text
        return result
