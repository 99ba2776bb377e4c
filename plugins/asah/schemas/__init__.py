"""JSON Schemas of the files authors write, so an editor completes keys and checks values while
they type: `<name>.schema.json` in this folder, draft-07 (what VS Code's YAML extension reads),
titles and descriptions in Bahasa Indonesia (its hover text). The readers stay the authority;
tests/schemas/ keeps each schema equal to its reader."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

NAMES = ("lesson", "bank", "competencies", "paths", "glossary")

# The files of a course each schema describes, as `yaml.schemas` globs: the YAML extension turns
# `*` into "anything, slashes too" while glob libraries stop at a slash, so banks get both forms.
# Lesson front matter sits inside Markdown, which the YAML extension does not read.
FILES: dict[str, tuple[str, ...]] = {
    "bank": ("quizzes/*.yml", "quizzes/**/*.yml", "quizzes/*.yaml", "quizzes/**/*.yaml"),
    "competencies": ("site_config/competencies.yml",),
    "paths": ("site_config/paths.yml",),
    "glossary": ("site_config/glossary.yml",),
}


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def read(name: str) -> str:
    """The text of one shipped schema (`name` from NAMES)."""
    return resources.files(__package__).joinpath(file_name(name)).read_text("utf-8")


def write(folder: Path) -> list[Path]:
    """Write every schema into `folder` (made when missing), replacing older copies."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NAMES:
        target = folder / file_name(name)
        target.write_bytes(resources.files(__package__).joinpath(file_name(name)).read_bytes())
        written.append(target)
    return written


def vscode_settings(folder: str) -> dict[str, Any]:
    """`.vscode/settings.json` entries that give a course's YAML files their schemas, with the
    schemas in `folder` (relative to the course root, e.g. "site_config/schemas"). YAML 1.1 is
    what Asah reads: the editor then takes `yes`, `no`, `on` and `off` as true or false too."""
    return {
        "yaml.schemas": {
            f"{folder}/{file_name(name)}": list(globs) for name, globs in FILES.items()
        },
        "yaml.yamlVersion": "1.1",
    }
