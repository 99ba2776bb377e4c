"""Interface strings, one YAML file per language in `asah/locales/`."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

DEFAULT = "id"


@cache
def _load(language: str) -> dict[str, str]:
    folder = resources.files("asah").joinpath("locales")
    text = folder.joinpath(f"{language}.yml").read_text("utf-8")
    # libyaml when PyYAML has it: the pure-Python parser took 20 ms a file, every build
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def available() -> list[str]:
    folder = resources.files("asah").joinpath("locales")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml"))


class Strings:
    """Strings of one language; falls back to Indonesian for a missing key."""

    def __init__(self, language: str | None) -> None:
        base = (language or DEFAULT).split("-")[0].split("_")[0]
        self.language = base if base in available() else "en"
        self._table = {**_load(DEFAULT), **_load(self.language)}

    def __call__(self, key: str, **values: object) -> str:
        text = self._table[key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        return self(f"{key}_one") if n == 1 else self(key, n=n)

    def prefixed(self, prefix: str) -> dict[str, str]:
        """Strings whose key starts with `prefix`, without it (e.g. for the browser runtime)."""
        return {k[len(prefix) :]: v for k, v in self._table.items() if k.startswith(prefix)}

    def number(self, value: float) -> str:
        text = f"{value:g}"
        return text.replace(".", ",") if self.language == "id" else text
