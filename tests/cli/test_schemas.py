"""`asah schemas DIR`: the package's schemas, written into a course after an upgrade; its
messages in the course's message language (English without a mkdocs.yml)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from asah import schemas
from asah.cli import main
from asah.cli.schemas import write_schemas
from asah.core.messages import Messages


def test_the_schemas_are_package_data():
    folder = resources.files("asah").joinpath("schemas")
    names = {p.name for p in folder.iterdir() if p.name.endswith(".schema.json")}
    assert names == {schemas.file_name(n) for n in schemas.NAMES}
    for name in schemas.NAMES:
        assert json.loads(schemas.read(name))["title"]


def test_writes_every_schema_into_a_new_folder(tmp_path):
    target = tmp_path / "kursus saya" / "site_config" / "schemas"
    out, err = io.StringIO(), io.StringIO()
    assert write_schemas(str(target), out, err) == 0
    assert err.getvalue() == ""
    assert sorted(p.name for p in target.iterdir()) == sorted(
        schemas.file_name(n) for n in schemas.NAMES
    )
    for name in schemas.NAMES:
        assert (target / schemas.file_name(name)).read_text("utf-8") == schemas.read(name)
    assert out.getvalue().splitlines() == [
        f"asah schemas: wrote {(target / schemas.file_name(n)).as_posix()}" for n in schemas.NAMES
    ]


def test_replaces_older_copies_and_leaves_other_files(tmp_path):
    (tmp_path / "bank.schema.json").write_text("{}", "utf-8")
    (tmp_path / "milik-kursus.json").write_text("{}", "utf-8")
    assert main(["schemas", str(tmp_path)]) == 0
    assert (tmp_path / "bank.schema.json").read_text("utf-8") == schemas.read("bank")
    assert (tmp_path / "milik-kursus.json").read_text("utf-8") == "{}"


def test_a_file_instead_of_a_folder_is_one_line_and_status_2(tmp_path):
    target = tmp_path / "skema"
    target.write_text("", "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert write_schemas(str(target), out, err) == 2
    assert out.getvalue() == ""
    assert err.getvalue() == (
        f"asah schemas: {target} is a file; expected a folder, e.g. site_config/schemas\n"
    )


def test_a_folder_it_cannot_make_is_one_line_and_status_2(tmp_path):
    (tmp_path / "berkas").write_text("", "utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert write_schemas(str(tmp_path / "berkas" / "skema"), out, err) == 2
    assert err.getvalue().startswith(
        f"asah schemas: cannot write to {tmp_path / 'berkas' / 'skema'}: "
    )
    assert len(err.getvalue().splitlines()) == 1


INDONESIAN = "site_name: Kursus\ntheme:\n  name: material\n  language: id\n"


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(["schemas", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def test_an_indonesian_course_gets_indonesian_messages(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text(INDONESIAN, "utf-8")
    status, out, err = run(capsys, "site_config/schemas")
    assert (status, err) == (0, [])
    assert out == [
        f"asah schemas: site_config/schemas/{schemas.file_name(n)} ditulis" for n in schemas.NAMES
    ]
    Path("skema").write_text("", "utf-8")
    assert run(capsys, "skema") == (
        2,
        [],
        ["asah schemas: skema adalah file; diharapkan folder, misalnya site_config/schemas"],
    )
    status, _, err = run(capsys, "skema/baru")
    assert status == 2 and len(err) == 1
    assert err[0].startswith("asah schemas: tidak dapat menulis ke skema/baru: ")


@pytest.mark.parametrize(
    "config",
    [
        "site_name: Course\ntheme:\n  name: material\n  language: en\n",
        "site_name: Course\ntheme: material\n",  # no language: English, as MkDocs
        INDONESIAN + "plugins:\n  - asah/competencies:\n      messages: en\n",
    ],
)
def test_an_english_course_gets_english_messages(tmp_path, capsys, monkeypatch, config):
    monkeypatch.chdir(tmp_path)
    Path("mkdocs.yml").write_text(config, "utf-8")
    Path("skema").write_text("", "utf-8")
    assert run(capsys, "skema") == (
        2,
        [],
        ["asah schemas: skema is a file; expected a folder, e.g. site_config/schemas"],
    )


def test_the_language_of_another_config_file_or_of_a_broken_one(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kursus").mkdir()
    (tmp_path / "kursus/mkdocs.yml").write_text(INDONESIAN, "utf-8")
    status, out, _ = run(capsys, "skema", "-f", "kursus/mkdocs.yml")
    assert status == 0 and out[0].endswith(" ditulis")
    # a mkdocs.yml that does not parse still names its language
    Path("mkdocs.yml").write_text(INDONESIAN + "nav: [\n", "utf-8")
    status, out, _ = run(capsys, "skema")
    assert status == 0 and out[0].endswith(" ditulis")
    # without one the schemas are still written, with messages in English
    status, out, _ = run(capsys, "skema", "-f", "tidak-ada.yml")
    assert status == 0 and out[0] == f"asah schemas: wrote skema/{schemas.file_name('lesson')}"


def test_write_schemas_words_its_messages_in_the_language_given(tmp_path):
    out = io.StringIO()
    assert write_schemas(str(tmp_path), out, io.StringIO(), Messages("id")) == 0
    assert out.getvalue().splitlines()[0] == (
        f"asah schemas: {(tmp_path / schemas.file_name('lesson')).as_posix()} ditulis"
    )


def test_the_command_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "asah.cli", "schemas", "site_config/schemas"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "wrote site_config/schemas/bank.schema.json" in done.stdout
    assert (tmp_path / "site_config" / "schemas" / "lesson.schema.json").is_file()
    missing = subprocess.run(
        [sys.executable, "-m", "asah.cli", "schemas"], capture_output=True, text=True, check=False
    )
    assert missing.returncode == 2 and "DIR" in missing.stderr


def test_editor_settings_map_each_kind_of_file_to_its_schema():
    settings = schemas.vscode_settings("site_config/schemas")
    mapping = settings["yaml.schemas"]
    assert mapping["site_config/schemas/bank.schema.json"][:2] == [
        "quizzes/*.yml",
        "quizzes/**/*.yml",
    ]
    assert mapping["site_config/schemas/paths.schema.json"] == ["site_config/paths.yml"]
    assert "site_config/schemas/lesson.schema.json" not in mapping  # Markdown: not read
    assert settings["yaml.yamlVersion"] == "1.1"
