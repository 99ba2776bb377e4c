"""An example of the guide, copied into an editor that checks files with Asah's JSON Schemas, is
marked valid there too: every YAML example and every lesson's front matter against its schema."""

from __future__ import annotations

import json
from fnmatch import fnmatch

import pytest
import yaml
from jsonschema import Draft7Validator

from asah import schemas
from tests.guide import guide


def _schema_of(path: str) -> str | None:
    if path.startswith("content/") and path.endswith(".md"):
        return "lesson"
    for name, patterns in schemas.FILES.items():
        if any(fnmatch(path, pattern) for pattern in patterns):
            return name
    return None


def _data(path: str, text: str) -> object:
    if path.endswith(".md"):
        if not text.startswith("---\n"):
            return None  # an ordinary page without front matter
        text = text[4:].split("\n---\n", 1)[0]
    # as an editor sees YAML: keys are text (`1:` is "1")
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_every_example_is_valid_for_its_schema(language):
    checked = set()
    for path, text in guide.course_files(language).items():
        name = _schema_of(path)
        data = _data(path, text) if name else None
        if data is None:
            continue
        validator = Draft7Validator(json.loads(schemas.read(name)))
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)
        ]
        assert errors == [], path
        checked.add(name)
    assert checked == {"lesson", "bank", "competencies", "paths", "glossary"}
