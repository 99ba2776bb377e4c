"""A course's Asah settings, with the defaults that follow the site's language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.messages import available as available_messages

FEATURES = ("competencies", "quiz", "paths", "search", "offline")

# Folders of the generated pages, by site language (any other language: English).
URLS = {
    "id": {
        "competencies": "kompetensi",
        "paths": "jalur",
        "quiz": "kuis",
        "progress": "kemajuan",
        "assessment": "penilaian-diri",
        "glossary": "istilah",
    },
    "en": {
        "competencies": "competencies",
        "paths": "paths",
        "quiz": "quiz",
        "progress": "progress",
        "assessment": "self-assessment",
        "glossary": "glossary",
    },
}
# Fields the progress page may ask the learner for (all optional for the learner), and those
# it asks for by default, by language.
LEARNER_FIELDS = ("name", "nip", "unit", "position", "email")
DEFAULT_LEARNER_FIELDS = {"id": ("name", "nip", "unit", "position"), "en": ("name",)}
# Sites in these languages count JP (jam pelajaran) by default.
JP_LANGUAGES = ("id",)
# The JP a learner aims at in a year, by language, where the site counts JP: a civil servant
# (ASN) develops competencies for at least 20 JP a year (PP 11/2017 as amended by PP 17/2020,
# art. 203). Other languages: no target unless the site sets one.
JP_TARGETS = {"id": 20}
# Languages the messages to authors are written in (setting `messages`): locales/messages/.
MESSAGE_LANGUAGES = available_messages()
# When a lesson counts as completed (`completion`): marked done; or marked done and every quiz
# on its page passed.
COMPLETION = ("marked", "quiz_passed")

# What each plugin's options in mkdocs.yml set, for the plugins and for `asah check` alike:
# option → (the Settings field, "urls.<kind>" for a folder, "" for none; the option's type).
OPTIONS: dict[str, dict[str, tuple[str, type]]] = {
    "competencies": {
        "enabled": ("", bool),
        "framework": ("framework_file", str),
        "minutes_per_jp": ("minutes_per_jp", int),
        "jp": ("jp", bool),
        "url": ("urls.competencies", str),
        "catalogue": ("catalogue", str),
        "theme_fixes": ("theme_fixes", bool),
        "messages": ("messages", str),
    },
    "quiz": {
        "enabled": ("", bool),
        "banks_dir": ("banks_dir", str),
        "site_id": ("site_id", str),
        "solution_after_fail": ("solution_after_fail", bool),
    },
    "paths": {
        "enabled": ("", bool),
        "paths_file": ("paths_file", str),
        "url": ("urls.paths", str),
        "quiz_url": ("urls.quiz", str),
        "progress_url": ("urls.progress", str),
        "assessment_url": ("urls.assessment", str),
        "learner_fields": ("learner_fields", list),
        "completion": ("completion", str),
        "jp_target": ("jp_target", int),
        "organiser": ("organiser", str),
        "activity_type": ("activity_type", str),
    },
    "search": {
        "enabled": ("", bool),
        "glossary": ("glossary_file", str),
        "url": ("urls.glossary", str),
        "abbr": ("abbr", bool),
    },
    "offline": {  # read by the plugin itself (the manifest's look)
        "enabled": ("", bool),
        "theme_color": ("", str),
        "short_name": ("", str),
    },
}


def base_language(language: str | None) -> str:
    return (language or "en").replace("_", "-").split("-")[0].lower()


@dataclass
class Settings:
    """What a build needs to know, from mkdocs.yml (the plugins' settings and the theme)."""

    root: Path  # the folder holding mkdocs.yml; every other path is relative to it
    docs_dir: str = "docs"  # relative to root
    language: str = "en"  # theme.language
    site_name: str = ""
    site_url: str = ""
    site_author: str = ""
    use_directory_urls: bool = True
    features: set[str] = field(default_factory=lambda: set(FEATURES))  # plugins enabled
    framework_file: str = "site_config/competencies.yml"
    minutes_per_jp: int = 45
    jp: bool | None = None  # None: by language
    urls: dict[str, str] = field(default_factory=dict)  # by kind; missing: by language
    catalogue: str = "course.json"
    banks_dir: str = "quizzes"
    paths_file: str = "site_config/paths.yml"
    site_id: str = ""  # keeps learners' records of courses on one host apart; "": derived
    learner_fields: list[str] | None = None  # None: by language
    completion: str = "marked"  # when a lesson counts: one of COMPLETION
    jp_target: int | None = None  # JP a year the learner aims at; None: by language, 0: none
    solution_after_fail: bool = True  # "show the solution" after an attempt that did not pass
    # the learner's activity history (SIASN's course history): who holds the course ("":
    # `site_author`) and its type ("": the interface string `activity_type`)
    organiser: str = ""
    activity_type: str = ""
    theme_fixes: bool = False
    glossary_file: str = "site_config/glossary.yml"
    abbr: bool = True  # a glossary acronym's first use on a page gets <abbr title="expansion">
    messages: str = ""  # language of the messages to authors ("id", "en"); "": the site's
    lms: bool = False  # a package for an LMS (asah package): the record also goes to the LMS

    @property
    def message_language(self) -> str:
        """The language problems are reported in: the `messages` setting, else the site's
        (core/messages.py gives English to a language without messages)."""
        return self.messages or self.base_language

    @property
    def base_language(self) -> str:
        return base_language(self.language)

    def configure(self, feature: str, options: Mapping[str, Any]) -> None:
        """Turn a plugin's feature on with its options (checked); an empty or missing value
        keeps the default."""
        self.features.add(feature)
        for option, (name, _) in OPTIONS[feature].items():
            value = options.get(option)
            if not name or value is None:
                continue
            if name.startswith("urls."):
                if value:
                    self.urls[name[5:]] = value
            else:
                setattr(self, name, value)

    @property
    def counts_jp(self) -> bool:
        return self.jp if self.jp is not None else self.base_language in JP_LANGUAGES

    def url(self, kind: str) -> str:
        """The folder of a kind of generated page (`competencies`, `paths`, `quiz`, …)."""
        given = (self.urls.get(kind) or "").strip("/")
        defaults = URLS.get(self.base_language, URLS["en"])
        return given or defaults[kind]

    @property
    def yearly_jp_target(self) -> int | None:
        """The JP a year the progress page counts toward; None: no target (or no JP)."""
        if not self.counts_jp:
            return None
        target = self.jp_target
        if target is None:
            target = JP_TARGETS.get(self.base_language)
        return target or None

    def fields(self) -> list[str]:
        if self.learner_fields is not None:
            return list(self.learner_fields)
        return list(DEFAULT_LEARNER_FIELDS.get(self.base_language, DEFAULT_LEARNER_FIELDS["en"]))

    def site_key(self) -> str:
        """The id that keeps this course's records apart in the browser."""
        if self.site_id:
            return self.site_id
        source = self.site_url or self.site_name
        slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"^https?://", "", source.lower())).strip("-")
        return slug or "asah"
