"""Shared fixtures: write a small course into a temp folder and build it with MkDocs."""

from __future__ import annotations

import logging
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

ROOT = Path(__file__).resolve().parent.parent

MINIMAL_CONFIG = """\
site_name: Kursus Uji
docs_dir: content
theme:
  name: material
  language: id
  font: false
plugins:
  - search
  - asah/competencies
  - asah/quiz
markdown_extensions:
  - admonition
  - toc
"""


# the built-in ASN framework and one technical competency: what most build tests need
ASN_AND_ONE = """
extends: asn
groups:
  - id: teknis
    name: Teknis
    competencies:
      - {id: keamanan-informasi, name: Keamanan Informasi}
"""


@dataclass
class BuildResult:
    root: Path
    warnings: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text("utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []
        self.infos: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.WARNING:
            self.infos.append(record.getMessage())
            return
        self.messages.append(record.getMessage())
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")


def build_tree(root: Path, strict: bool = False) -> BuildResult:
    """Build the course at `root` like `mkdocs build`; collect warnings and a stopping error."""
    result = BuildResult(root)
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    except PluginError as error:
        result.error = str(error)
    except Abort as error:
        # MkDocs logs a PluginError's message as an error, then aborts
        result.error = handler.errors[-1] if handler.errors else str(error)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    result.warnings = [m for m in handler.messages if m.startswith("asah")]
    result.infos = [m for m in handler.infos if m.startswith("asah")]
    return result


@pytest.fixture
def course(tmp_path: Path):
    """`course({path: text})` writes a course (with a default mkdocs.yml) and builds it."""

    def make(files: dict[str, str], strict: bool = False) -> BuildResult:
        write_tree(tmp_path, {"mkdocs.yml": MINIMAL_CONFIG, **files})
        return build_tree(tmp_path, strict=strict)

    return make


class _Injections(HTMLParser):
    """Collects what hostile author text could have turned into: handlers, tags, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"{tag}[{name}]" for name, _ in attrs if name.startswith("on")]
        if tag == "img" and ("src", "x") in attrs:
            self.found.append("img[src=x]")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data and "\\u003c" not in data:
            self.found.append("script:alert")


def injections(html: str) -> list[str]:
    parser = _Injections()
    parser.feed(html)
    return parser.found
