"""The glossary (`site_config/glossary.yml`): terms with their expansion and
synonyms, which search treats as one, optionally extending Asah's built-in ASN glossary.

A course's own entry for a term the built-in glossary also has replaces the built-in one (a
course may spell an expansion its own way); a term written twice in one file is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ..core.diagnostics import Reporter, quote, suggest
from ..core.messages import msg
from ..core.reader import YamlReader
from ..core.reader import load as load_yaml

BUILT_IN = ("asn",)  # what `extends:` may name: data/<name>.yml
KEYS = ("extends", "terms")
TERM_KEYS = ("term", "expansion", "synonyms", "description")


@dataclass(frozen=True)
class Term:
    term: str  # as written in lessons
    expansion: str
    synonyms: tuple[str, ...] = ()
    description: str = ""  # Markdown
    source: str = ""  # "asn" for a built-in term, "" for the course's own

    @property
    def case_sensitive(self) -> bool:
        """Acronyms (any capital letter) are matched as written: `LAN` is not `lan`."""
        return self.term != self.term.lower()

    @property
    def anchor(self) -> str:
        return "term-" + (re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-") or "x")

    def phrases(self) -> list[str]:
        """Every way of saying it: the term, its expansion, its synonyms."""
        return list(dict.fromkeys([self.term, self.expansion, *self.synonyms]))


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def sorted(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: t.term.casefold())


class _Reader(YamlReader):
    def read(self, allow_extends: bool) -> tuple[str, list[Term]]:
        data = self.doc.data
        if data is None:
            return "", []
        if not isinstance(data, dict):
            self.warn(self.at(), "glossary_not_mapping")
            return "", []
        self.unknown_keys(data, KEYS if allow_extends else ("terms",))
        extends = self.extends(data.get("extends")) if allow_extends else ""
        raw_terms = data.get("terms", [])
        if raw_terms is None:
            raw_terms = []
        if not isinstance(raw_terms, list):
            self.warn(self.at("terms"), "glossary_terms_not_list")
            return extends, []
        terms: list[Term] = []
        seen: dict[str, int | None] = {}
        for index, raw in enumerate(raw_terms):
            term = self.term(raw, ("terms", index))
            if term is None:
                continue
            if term.term in seen:
                self.warn(
                    self.at("terms", index, "term"),
                    "term_duplicate",
                    term=quote(term.term),
                    first=seen[term.term],
                )
                continue
            seen[term.term] = self.doc.line("terms", index, "term")
            terms.append(term)
        return extends, terms

    def extends(self, value: Any) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.warn(self.at("extends"), "extends_not_name", kind=quote(value))
            return ""
        if value not in BUILT_IN:
            self.warn(
                self.at("extends"),
                "glossary_unknown",
                name=quote(value),
                hint=suggest(str(value), BUILT_IN),
                allowed=", ".join(BUILT_IN),
            )
            return ""
        return str(value)

    def term(self, raw: Any, key: tuple[Any, ...]) -> Term | None:
        if not isinstance(raw, dict):
            self.warn(self.at(*key), "term_not_mapping")
            return None
        term = (self.text(raw, "term", key, msg("term_missing")) or "").strip()
        if not term:
            if "term" in raw:
                self.warn(self.at(*key, "term"), "term_empty")
            return None
        self.unknown_keys(raw, TERM_KEYS, key, msg("in_term", term=quote(term)))
        expansion = (self.text(raw, "expansion", key) or "").strip()
        if not expansion:
            where = self.at(*key, "expansion") if "expansion" in raw else self.at(*key)
            self.warn(where, "term_no_expansion", term=quote(term))
            return None
        return Term(
            term,
            expansion,
            self.synonyms(raw.get("synonyms"), (*key, "synonyms"), term),
            (self.text(raw, "description", key) or "").strip(),
        )

    def synonyms(self, value: Any, key: tuple[Any, ...], term: str) -> tuple[str, ...]:
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        found: list[str] = []
        for index, item in enumerate(items):
            where = (*key, index) if isinstance(value, list) else key
            if (
                isinstance(item, bool)
                or not isinstance(item, (str, int, float))
                or not str(item).strip()
            ):
                self.warn(self.at(*where), "synonym_not_text", got=quote(item), term=quote(term))
                continue
            found.append(str(item).strip())
        return tuple(found)


def read_glossary(text: str | None, path: str, reporter: Reporter) -> Glossary:
    """The glossary of a course (`text` None: no file, no glossary). A YAML syntax error stops
    the build; other problems are warnings and the entry is left out."""
    if text is None:
        return Glossary()
    doc = load_yaml(text, path, reporter)
    if doc is None:
        return Glossary()
    extends, own = _Reader(doc, path, reporter).read(allow_extends=True)
    if not extends:
        return Glossary(own)
    mine = {t.term for t in own}
    inherited = [t for t in built_in(extends) if t.term not in mine]
    return Glossary([*inherited, *own])


def built_in(name: str) -> list[Term]:
    """A glossary shipped with Asah (data/<name>.yml); its problems are Asah's, so they stop."""
    text = resources.files(__package__).joinpath(f"data/{name}.yml").read_text("utf-8")
    reporter = Reporter()
    doc = load_yaml(text, f"asah/search/data/{name}.yml", reporter)
    terms = _Reader(doc, f"asah/search/data/{name}.yml", reporter).read(False)[1] if doc else []
    if reporter.problems:
        raise ValueError("\n".join(reporter.messages()))
    return [Term(t.term, t.expansion, t.synonyms, t.description, name) for t in terms]
