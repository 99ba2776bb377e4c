"""Reading `mkdocs.yml` without MkDocs: the settings of Asah's plugins, the theme's language, the
docs folder, the nav and the pages — enough to read the course as a build would."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pathspec.gitignore import GitIgnoreSpec

from ..core.diagnostics import suggest
from ..site.navigation import MARKDOWN, sort_key
from ..site.settings import COMPLETION, LEARNER_FIELDS, OPTIONS, Settings

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
        data = yaml.load(path.read_text("utf-8-sig"), Loader=_Loader) or {}
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(
            f"{where}: YAML syntax error: {getattr(error, 'problem', error)}"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str):
        base = load_mkdocs_yml((path.parent / parent).resolve())
        data = _merge(base, data)
    return data


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
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        features=set(),
    )
    problems: list[str] = []
    for name, options in _asah_plugins(data.get("plugins")):
        _apply(settings, name, options, problems)
    folder = root / docs_dir
    if not folder.is_dir():
        raise ConfigError(f"{config_file.name}: docs_dir '{docs_dir}' is not a folder")
    pages = _pages(folder, data)
    return Course(settings, data.get("nav"), pages, problems, data)


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


def _apply(settings: Settings, plugin: str, options: dict[str, Any], problems: list[str]) -> None:
    """Check a plugin's options as MkDocs would, then apply the good ones."""
    known = OPTIONS[plugin]
    if options.get("enabled", True) is False:
        return
    good = {}
    for option, value in options.items():
        if option not in known:
            problems.append(
                f"mkdocs.yml: unknown setting '{option}' of asah/{plugin}"
                f"{suggest(str(option), known)}; expected one of: {', '.join(known)}"
            )
        elif value is None:
            continue
        elif not isinstance(value, known[option][1]) or (
            known[option][1] is int and isinstance(value, bool)
        ):
            kind = known[option][1]
            problems.append(
                f"mkdocs.yml: setting '{option}' of asah/{plugin} must be "
                f"{'a list' if kind is list else kind.__name__}, got {value!r}"
            )
        elif option == "learner_fields" and not set(value) <= set(LEARNER_FIELDS):
            wrong = next(v for v in value if v not in LEARNER_FIELDS)
            problems.append(
                f"mkdocs.yml: learner field {wrong!r} of asah/{plugin} is not one Asah asks; "
                f"expected some of: {', '.join(LEARNER_FIELDS)}"
            )
        elif option == "completion" and value not in COMPLETION:
            problems.append(
                f"mkdocs.yml: unknown value {value!r} of setting 'completion' of asah/{plugin}"
                f"{suggest(value, COMPLETION)}; expected one of: {', '.join(COMPLETION)}"
            )
        elif option == "jp_target" and value < 0:
            problems.append(
                f"mkdocs.yml: setting 'jp_target' of asah/{plugin} must be 0 or more "
                f"(0: no target), got {value!r}"
            )
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
