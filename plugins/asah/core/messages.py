"""Messages to authors (`path:line: message`), written once per language in
`asah/locales/messages/<language>.yml`: Bahasa Indonesia and English. Code names a message by
its key; the reporter words it in the course's message language (the `messages` setting, else
the site's language; English for a language without a file).

A message's values may be pieces still to be worded (`Msg`, such as a did-you-mean or the
place a problem is in) and author values (`Value`, quoted as YAML would write them), worded in
the same language when the message is."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from . import packaged

FALLBACK = "en"


@cache
def _load(language: str) -> dict[str, str]:
    return packaged.load("asah", "locales", "messages", f"{language}.yml")


@cache
def available() -> tuple[str, ...]:
    folder = resources.files("asah").joinpath("locales", "messages")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml")))


def language_of(choice: str | None) -> str:
    """The message language for a `messages` setting or a site language (`id-ID` → `id`)."""
    wanted = (choice or FALLBACK).replace("_", "-").split("-")[0].lower()
    return wanted if wanted in available() else FALLBACK


@dataclass(frozen=True)
class Msg:
    """A message, or a piece of one, not yet worded: a key and its values."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:  # outside a reporter (e.g. an exception): English
        return english(self)


def msg(key: str, **values: Any) -> Msg:
    return Msg(key, tuple(values.items()))


@dataclass(frozen=True)
class Value:
    """An author's value shown in a message: text quoted, others as YAML writes them."""

    value: Any

    def __str__(self) -> str:
        return english(self)


class Messages:
    """The messages of one language; a key missing from it falls back to English."""

    def __init__(self, language: str | None = None) -> None:
        self.language = language_of(language)

    @cached_property
    def _table(self) -> dict[str, str]:
        # read at the first message: a build without a problem needs none
        return {**_load(FALLBACK), **_load(self.language)}

    def __call__(self, key: str, /, **values: Any) -> str:
        text = self._table[key]
        if not values:
            return text
        return text.format(**{name: self.word(value) for name, value in values.items()})

    def word(self, value: Any) -> str:
        """A value as it goes into a message."""
        if isinstance(value, Msg):
            return self(value.key, **dict(value.values))
        if isinstance(value, Value):
            return self._quote(value.value)
        return str(value)

    def _quote(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if value is None:
            return self("value_nothing")
        if isinstance(value, str):
            return f"'{value}'"
        if isinstance(value, list):
            return self("value_list")
        if isinstance(value, dict):
            return self("value_mapping")
        return str(value)


@cache
def _english() -> Messages:
    return Messages(FALLBACK)


def english(value: Any) -> str:
    return _english().word(value)
