"""Every file of the example course, and every course template, is valid against its schema;
every `# yaml-language-server: $schema=` line points to a schema that exists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from asah import schemas
from asah.cli import main
from asah.core import frontmatter

from .support import ROOT, SCHEMA_DIR, modeline, schema, schema_errors

SCAFFOLD = ROOT / "plugins" / "asah" / "scaffold" / "course"
SKIPPED = {".git", ".venv", "node_modules", "site", "__pycache__"}


def _files(folder: Path, *patterns: str) -> list[Path]:
    return sorted(p for pattern in patterns for p in folder.glob(pattern) if p.is_file())


def _course_files(course: Path) -> list[tuple[Path, str]]:
    """(file, schema name) for the YAML files of a course."""
    banks = [(p, "bank") for p in _files(course / "quizzes", "**/*.yml", "**/*.yaml")]
    config = [
        (course / "site_config" / f"{name}.yml", name)
        for name in ("competencies", "paths", "glossary")
        if (course / "site_config" / f"{name}.yml").is_file()
    ]
    return banks + config


def _front_matter(path: Path) -> object:
    front = frontmatter.read(path.read_text("utf-8"))
    return None if front is None else front.doc.data


EXAMPLE = _course_files(ROOT)
PAGES = _files(ROOT / "content", "**/*.md")


def _id(item: object) -> str:
    path = item[0] if isinstance(item, tuple) else item
    return Path(path).relative_to(ROOT).as_posix()


@pytest.mark.parametrize("name", schemas.NAMES)
def test_each_schema_is_draft_07_and_titled(name):
    found = schema(name)
    Draft7Validator.check_schema(found)
    assert found["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert found["title"] and found["description"]
    assert (SCHEMA_DIR / schemas.file_name(name)).read_text("utf-8") == schemas.read(name)


def test_the_example_course_has_every_kind_of_file():
    kinds = {name for _, name in EXAMPLE}
    assert kinds == {"bank", "competencies", "paths", "glossary"}
    assert sum(1 for p in PAGES if isinstance(_front_matter(p), dict)) > 20


@pytest.mark.parametrize(("path", "name"), EXAMPLE, ids=[_id(e) for e in EXAMPLE])
def test_example_yaml_file_is_valid(path, name):
    assert schema_errors(name, yaml.safe_load(path.read_text("utf-8"))) == []


@pytest.mark.parametrize("path", PAGES, ids=[_id(p) for p in PAGES])
def test_example_front_matter_is_valid(path):
    data = _front_matter(path)
    if data is not None:
        assert schema_errors("lesson", data) == []


@pytest.mark.parametrize(("path", "name"), EXAMPLE, ids=[_id(e) for e in EXAMPLE])
def test_example_yaml_file_names_its_schema_on_its_first_line(path, name):
    target = modeline(path.read_text("utf-8"))
    expected = Path(os.path.relpath(SCHEMA_DIR / schemas.file_name(name), path.parent))
    assert target == expected.as_posix()


def _repository_yaml() -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in SKIPPED and not d.startswith(".")]
        found += [Path(folder, f) for f in files if f.endswith((".yml", ".yaml"))]
    return sorted(found)


def test_every_schema_line_points_to_a_schema_that_exists():
    names = {schemas.file_name(n) for n in schemas.NAMES}
    checked = 0
    for path in _repository_yaml():
        target = modeline(path.read_text("utf-8"))
        if target is None or "{{" in target:  # a template fills it in
            continue
        resolved = (path.parent / target).resolve()
        assert resolved.is_file(), f"{_id(path)}: {target} does not exist"
        assert resolved.name in names, f"{_id(path)}: {target} is not one of Asah's schemas"
        checked += 1
    assert checked >= len(EXAMPLE)


# -- the templates of `asah init` ------------------------------------------------------------


def _templates() -> list[tuple[Path, str]]:
    if not SCAFFOLD.is_dir():
        return []
    files = _course_files(SCAFFOLD)
    files += [(p, "lesson") for p in _files(SCAFFOLD / "content", "**/*.md")]
    return [(p, name) for p, name in files if "{{" not in p.read_text("utf-8")]


TEMPLATES = _templates()


@pytest.mark.skipif(not TEMPLATES, reason="no course templates in this version")
@pytest.mark.parametrize(("path", "name"), TEMPLATES, ids=[_id(t) for t in TEMPLATES])
def test_course_template_is_valid(path, name):
    data = _front_matter(path) if name == "lesson" else yaml.safe_load(path.read_text("utf-8"))
    assert data is not None
    assert schema_errors(name, data) == []


def test_a_course_made_by_asah_init_and_new_is_valid_against_its_copy_of_the_schemas(
    tmp_path, monkeypatch
):
    """The templates as the commands fill them in: `asah init`, then one file of each kind
    from `asah new`."""
    course = tmp_path / "kursus baru"
    assert main(["init", str(course), "--requirement", "asah"]) == 0
    monkeypatch.chdir(course)
    for command in (
        ["lesson", "content/modul-baru/pelajaran-baru.md"],
        ["bank", "latihan/baru"],
        ["path", "jalur-baru"],
    ):
        assert main(["new", *command]) == 0, command
    assert (course / "quizzes" / "latihan" / "baru.yml").is_file()
    files = _course_files(course)
    assert {name for _, name in files} >= {"bank", "competencies", "paths"}
    for path, name in files:
        target = modeline(path.read_text("utf-8"))
        assert target is not None, path
        copy = (path.parent / target).resolve()
        assert copy == (course / "site_config" / "schemas" / schemas.file_name(name)).resolve()
        assert copy.read_text("utf-8") == schemas.read(name)
        assert schema_errors(name, yaml.safe_load(path.read_text("utf-8"))) == [], path
    for page in _files(course / "content", "**/*.md"):
        data = _front_matter(page)
        if data is not None:
            assert schema_errors("lesson", data) == [], page
