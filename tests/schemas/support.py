"""Shared by the schema tests: the shipped schemas, validation as an editor sees a YAML file, and
the modeline that points a file at its schema."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator, FormatChecker

from asah import schemas

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "plugins" / "asah" / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads(schemas.read(name))


@cache
def validator(name: str) -> Draft7Validator:
    # `format: regex` is checked with Python's `re`, which is what the text type's reader uses
    return Draft7Validator(schema(name), format_checker=FormatChecker())


def as_editor_sees(data: Any) -> Any:
    """YAML data as JSON, which is what a schema describes: keys are text (`1:` is "1") and
    dates are text."""
    return json.loads(json.dumps(data, default=str))


def schema_errors(name: str, data: Any) -> list[str]:
    errors = validator(name).iter_errors(as_editor_sees(data))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def modeline(text: str) -> str | None:
    """The schema a file's first line points to, if it has the line."""
    match = MODELINE.match(text.split("\n", 1)[0])
    return match.group(1) if match else None
