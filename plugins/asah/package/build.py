"""Build the course for a package, as the offline copy is built (`use_directory_urls: false`:
every link a relative link to a file, so the site runs in an LMS's frame from wherever the LMS
serves it), with `asah/lms` on and `asah/offline` off (a service worker has no place in an
LMS's frame). The author's config is read where it is, so its relative paths hold, and nothing
is written beside it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, TextIO

import yaml

from ..cli.config import ConfigError, load_mkdocs_yml, read_course_config

LEFT_OUT = ("asah/offline", "asah/lms")  # the package's build sets asah/lms itself


class BuildFailed(Exception):
    """The course has problems (exit status 1); they were printed as the build logged them."""


class UsageError(Exception):
    """The command was used wrongly (exit status 2)."""


def path_ids(config_file: Path) -> list[str] | None:
    """The ids of the course's learning paths, read before the build so that a wrong `--path`
    is told at once; None when the paths file cannot be read here (the build says why)."""
    try:
        course = read_course_config(config_file)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    settings = course.settings
    if "paths" not in settings.features:
        return []
    try:
        data = yaml.safe_load((settings.root / settings.paths_file).read_text("utf-8-sig"))
    except FileNotFoundError:
        return []
    except (OSError, yaml.YAMLError):
        return None
    entries = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return None
    return [str(e["id"]) for e in entries if isinstance(e, dict) and "id" in e]


def plugins_for_package(plugins: Any, standard: str, path: str) -> list[Any]:
    """The author's plugins (list or mapping, as mkdocs.yml allows), less the offline app, plus
    the LMS runtime."""
    entries: list[Any] = []
    if isinstance(plugins, dict):
        entries = [{name: options} for name, options in plugins.items()]
    elif isinstance(plugins, list):
        entries = list(plugins)
    kept = [entry for entry in entries if _name(entry) not in LEFT_OUT]
    return [*kept, {"asah/lms": {"standard": standard, "path": path}}]


def _name(entry: Any) -> str:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return ""


class _Problems(logging.Formatter):
    """Asah's problems as `path:line: message`, as every `asah` command prints them; MkDocs'
    own (a broken link) as MkDocs prints them."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.name.startswith("mkdocs.plugins.asah"):
            return message.removeprefix("asah: ")
        return f"{record.levelname:<7} -  {message}"


def build_site(config_file: Path, site_dir: Path, standard: str, path: str, err: TextIO) -> None:
    """Build strictly into `site_dir`; MkDocs' messages go to `err`."""
    try:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError, PluginError
    except ImportError:
        raise UsageError("install an engine: pip install 'asah[material]'") from None
    from .plugin import UnknownPathError

    data = load_mkdocs_yml(config_file)
    handler = logging.StreamHandler(err)
    handler.setFormatter(_Problems())
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(
            str(config_file),
            site_dir=str(site_dir),
            use_directory_urls=False,
            plugins=plugins_for_package(data.get("plugins"), standard, path),
            strict=True,
        )
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    except UnknownPathError as error:
        raise UsageError(str(error)) from None
    except (Abort, ConfigurationError, PluginError) as error:
        raise BuildFailed(str(error)) from None
    finally:
        logger.removeHandler(handler)
