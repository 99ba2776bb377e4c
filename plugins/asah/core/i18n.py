"""Interface strings, one YAML file per language in `asah/locales/` (docs/locales.md says how
to add one). A language without a file gets the English interface."""

from __future__ import annotations

from functools import cache
from importlib import resources

from . import packaged
from .numbers import format_number

FALLBACK = "en"


@cache
def _load(language: str) -> dict[str, str]:
    return packaged.load("asah", "locales", f"{language}.yml")


@cache
def available() -> tuple[str, ...]:
    folder = resources.files("asah").joinpath("locales")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml")))


def base(language: str | None) -> str:
    return (language or FALLBACK).replace("_", "-").split("-")[0].lower()


class Strings:
    """Strings of one language; a key missing from it falls back to English. With a
    `variant` (`lms`: a package for an LMS), a key written `<key>_<variant>` stands for `<key>`:
    where a text says where the learner's record goes."""

    def __init__(self, language: str | None, variant: str | None = None) -> None:
        wanted = base(language)
        self.requested = wanted
        self.language = wanted if wanted in available() else FALLBACK
        own = _load(self.language)
        self._table = {**_load(FALLBACK), **own}
        if variant:
            suffix = f"_{variant}"
            variants = [key for key in self._table if key.endswith(suffix)]
            for key in variants:
                plain = key[: -len(suffix)]
                # an English variant never replaces the language's own text
                if key in own or plain not in own:
                    self._table[plain] = self._table[key]
        self._prefixed: dict[str, dict[str, str]] = {}

    @property
    def missing(self) -> bool:
        """True when the site's language has no strings (and gets English)."""
        return self.requested != self.language

    def __call__(self, key: str, **values: object) -> str:
        text = self._table[key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        return self(f"{key}_one") if n == 1 else self(key, n=n)

    def prefixed(self, prefix: str) -> dict[str, str]:
        """Strings whose key starts with `prefix`, without it (e.g. for the browser runtime).
        Looked up once per prefix: every quiz carries the quiz runtime's strings."""
        found = self._prefixed.get(prefix)
        if found is None:
            table = self._table.items()
            found = {k[len(prefix) :]: v for k, v in table if k.startswith(prefix)}
            self._prefixed[prefix] = found
        return dict(found)

    def number(self, value: float) -> str:
        return format_number(value, self.language)
