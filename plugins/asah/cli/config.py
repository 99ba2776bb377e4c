"""Reading `mkdocs.yml` without MkDocs: the settings of Asah's plugins, the theme's language, the
docs folder, the nav and the pages — enough to read the course as a build would."""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pathspec.gitignore import GitIgnoreSpec

from ..core.diagnostics import Reporter, suggest
from ..core.messages import Messages
from ..core.reader import syntax_problem
from ..core.yamldoc import YamlSyntaxError
from ..core.yamlerrors import explain
from ..site.model import CourseSite
from ..site.navigation import MARKDOWN, from_nav, sort_key
from ..site.read import docs_sources, read_site
from ..site.settings import (
    COMPLETION,
    LEARNER_FIELDS,
    MESSAGE_LANGUAGES,
    OPTIONS,
    Settings,
    base_language,
)

# settings whose value is one of a few words
CHOICES = {"completion": COMPLETION, "messages": MESSAGE_LANGUAGES}

# what MkDocs leaves out of the docs without being told (`exclude_docs` adds to it)
DEFAULT_EXCLUDES = (".*", "/templates/")


class ConfigError(Exception):
    """mkdocs.yml cannot be read: the command cannot run (exit status 2)."""


class _Loader(yaml.SafeLoader):
    """The safe loader, taking the tags MkDocs configurations use (`!ENV`, `!relative`,
    `!!python/name:…`) as their plain value instead of failing on them."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "!ENV":  # !ENV NAME or !ENV [NAME, default]
            return os.environ.get(str(value))
        return value
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node, deep=True)
        if suffix == "!ENV":
            found = next((os.environ[n] for n in items[:-1] if n in os.environ), None)
            return found if found is not None else (items[-1] if items else None)
        return items
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def load_mkdocs_yml(path: Path) -> dict[str, Any]:
    """The configuration as a mapping, with `INHERIT:` merged like MkDocs does."""
    try:
        text = path.read_text("utf-8-sig")
    except OSError as error:
        words = Messages()  # the course's language is not known: English, as MkDocs' default
        raise ConfigError(words("config_unreadable", path=path, reason=error.strerror)) from None
    words = Messages(_language_written(text))
    try:
        data = yaml.load(text, Loader=_Loader) or {}
    except yaml.MarkedYAMLError as error:
        found = explain(error, text)
        where = f"{path}:{found.line + 1}" if found.line is not None else str(path)
        what = syntax_problem(YamlSyntaxError(None, "", found.kind, found.values))
        raise ConfigError(f"{where}: {words('yaml_error', what=what)}") from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        what = syntax_problem(YamlSyntaxError(None, str(error)))
        raise ConfigError(f"{path}: {words('yaml_error', what=what)}") from None
    if not isinstance(data, dict):
        raise ConfigError(words("config_not_mapping", path=path))
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        base = load_mkdocs_yml((path.parent / parent).resolve())
        data = _merge(base, data)
    return data


def _language_written(text: str) -> str:
    """The message language a configuration names (`messages:`, else `language:`), found in its
    text, for problems found before it can be read; English when it names none, as a site
    without `theme.language` is English."""
    for key in ("messages", "language"):
        found = re.search(rf"^\s*{key}:\s*['\"]?([A-Za-z_-]+)", text, re.MULTILINE)
        if found:
            return found.group(1)
    return "en"


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: mappings merge key by key, anything else (lists too) is replaced."""
    result = dict(base)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merge(result[key], value)
        else:
            result[key] = value
    return result


@dataclass
class Course:
    settings: Settings
    nav: Any  # the `nav:` of mkdocs.yml, or None
    pages: list[str]  # Markdown pages, relative to the docs folder, in MkDocs' file order
    problems: list[str]  # problems with Asah's settings in mkdocs.yml
    data: dict[str, Any]  # the whole configuration, INHERIT merged


def read_course_config(config_file: Path) -> Course:
    data = load_mkdocs_yml(config_file)
    root = config_file.resolve().parent
    theme = data.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    docs_dir = str(data.get("docs_dir") or "docs")
    settings = Settings(
        root=root,
        docs_dir=docs_dir,
        language=str(language or "en"),
        site_name=str(data.get("site_name") or ""),
        site_url=str(data.get("site_url") or ""),
        site_author=str(data.get("site_author") or ""),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        features=set(),
    )
    problems: list[str] = []
    plugins = _asah_plugins(data.get("plugins"))
    words = Messages(_message_language(data))
    for name, options in plugins:
        _apply(settings, name, options, problems, words)
    folder = root / docs_dir
    if not folder.is_dir():
        raise ConfigError(words("config_no_docs", path=config_file.name, docs=docs_dir))
    pages = _pages(folder, data)
    return Course(settings, data.get("nav"), pages, problems, data)


def read_course_site(
    config_file: Path, check_quizzes: bool = False
) -> tuple[Course, CourseSite, Reporter]:
    """The course of `config_file` read straight from its files, MkDocs not involved, arranged
    as its navigation says; its problems worded in the course's message language."""
    course = read_course_config(config_file)
    settings = course.settings
    reporter = Reporter(Messages(settings.message_language))
    sources = docs_sources(settings.root / settings.docs_dir, course.pages)
    site = read_site(settings, sources, reporter, check_quizzes=check_quizzes)
    order, titles = from_nav(course.nav, [*course.pages, *site.pages])
    site.arrange(order, titles)
    return course, site, reporter


def _message_language(data: dict[str, Any]) -> str:
    """The language a configuration's messages are in: the `messages` setting of
    asah/competencies, else the theme's language; English when it names none."""
    chosen = dict(_asah_plugins(data.get("plugins"))).get("competencies", {}).get("messages")
    if chosen in MESSAGE_LANGUAGES:
        return str(chosen)
    theme = data.get("theme")
    return base_language(str(theme.get("language") or "") if isinstance(theme, dict) else None)


def message_language(config_file: Path) -> str:
    """The message language of a command that needs nothing else from the course (`asah
    schemas`), picked as `asah check` picks it; English without a config file, and the language
    its text names when it cannot be read."""
    if not config_file.is_file():
        return "en"
    try:
        return _message_language(load_mkdocs_yml(config_file))
    except ConfigError:
        try:
            return _language_written(config_file.read_text("utf-8-sig"))
        except (OSError, ValueError):
            return "en"


def _asah_plugins(plugins: Any) -> list[tuple[str, dict[str, Any]]]:
    entries: list[tuple[str, Any]] = []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, str):
                entries.append((item, {}))
            elif isinstance(item, dict):
                entries.extend(item.items())
    found = []
    for name, options in entries:
        if isinstance(name, str) and name.startswith("asah/") and name[5:] in OPTIONS:
            found.append((name[5:], options if isinstance(options, dict) else {}))
    return found


def _apply(
    settings: Settings,
    plugin: str,
    options: dict[str, Any],
    problems: list[str],
    words: Messages,
) -> None:
    """Check a plugin's options as MkDocs would, then apply the good ones."""
    known = OPTIONS[plugin]
    if options.get("enabled", True) is False:
        return
    good = {}

    def problem(key: str, **values: Any) -> None:
        problems.append(f"mkdocs.yml: {words(key, plugin=f'asah/{plugin}', **values)}")

    for option, value in options.items():
        if option not in known:
            hint = suggest(str(option), known)
            problem("setting_unknown", option=option, hint=hint, allowed=", ".join(known))
        elif value is None:
            continue
        elif not isinstance(value, known[option][1]) or (
            known[option][1] is int and isinstance(value, bool)
        ):
            kind = known[option][1]
            expected = "setting_kind_" + {list: "list", int: "int", bool: "bool"}.get(kind, "str")
            problem("setting_wrong_kind", option=option, kind=words(expected), got=repr(value))
        elif option == "learner_fields" and not set(value) <= set(LEARNER_FIELDS):
            wrong = next(v for v in value if v not in LEARNER_FIELDS)
            problem("learner_field_unknown", field=repr(wrong), allowed=", ".join(LEARNER_FIELDS))
        elif option in CHOICES and value not in CHOICES[option]:
            allowed = CHOICES[option]
            hint = suggest(str(value), allowed)
            problem(
                "setting_value_unknown",
                option=option,
                value=repr(value),
                hint=hint,
                allowed=", ".join(allowed),
            )
        elif option == "jp_target" and value < 0:
            problem("jp_target_negative", got=repr(value))
        else:
            good[option] = value
    settings.configure(plugin, good)


def _pages(folder: Path, data: dict[str, Any]) -> list[str]:
    """The pages a build reads: not excluded (`exclude_docs`) and not drafts (`draft_docs`),
    matched as MkDocs matches them (gitignore patterns, with pathspec)."""
    patterns = [*DEFAULT_EXCLUDES]
    for key in ("exclude_docs", "draft_docs"):
        if isinstance(data.get(key), str):
            patterns += data[key].splitlines()
    left_out = GitIgnoreSpec.from_lines(patterns)
    pages = []
    for path in folder.rglob("*"):
        if path.suffix.lower() not in MARKDOWN or not path.is_file():
            continue
        src = path.relative_to(folder).as_posix()
        if not left_out.match_file(src):
            pages.append(src)
    return sorted(pages, key=sort_key)


def add_config_option(parser: argparse.ArgumentParser, purpose: str = "") -> None:
    """`-f/--config-file`, taken by every command that reads a course, as `mkdocs` takes it."""
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        metavar="CONFIG",
        help=f"{purpose}default: mkdocs.yml",
    )
