"""`asah init DIR`: a new course repository that checks clean and builds `--strict` at once, in a
folder with spaces and non-ASCII letters; a folder in use is refused with one line. The course is
Indonesian, and so are the command's messages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from asah import schemas
from asah.cli import main, scaffold
from asah.cli.check import check
from asah.cli.config import read_course_config
from asah.core.diagnostics import Reporter
from asah.course.framework import load_built_in
from asah.site.navigation import from_nav
from asah.site.read import docs_sources, read_site
from tests.conftest import build_tree

FILES = [
    ".github/workflows/kursus.yml",
    ".gitignore",
    ".gitlab-ci.yml",
    "README.md",
    "content/index.md",
    "content/komunikasi-kerja/email-dinas.md",
    "content/komunikasi-kerja/index.md",
    "content/komunikasi-kerja/rapat-efektif.md",
    "mkdocs-offline.yml",
    "mkdocs.yml",
    "quizzes/komunikasi-kerja.yml",
    "requirements.txt",
    "site_config/competencies.yml",
    "site_config/glossary.yml",
    "site_config/paths.yml",
]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err.splitlines()


def make(root: Path, *args: str) -> Path:
    """A course made by `asah init` (outside pytest's output capture)."""
    assert main(["init", str(root), *args]) == 0
    return root


@pytest.fixture
def made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    course = make(tmp_path / "Kursus Ñandú dan Pengadaan")
    capsys.readouterr()
    return course


def test_a_new_course_checks_clean_and_builds_strict(made: Path):
    written = sorted(p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file())
    assert set(FILES) <= set(written)
    out, err = io.StringIO(), io.StringIO()
    assert check(str(made / "mkdocs.yml"), out, err) == 0, out.getvalue() + err.getvalue()
    built = build_tree(made, strict=True)
    assert built.error is None and built.warnings == []
    assert (made / "site/komunikasi-kerja/email-dinas/index.html").is_file()
    assert (made / "site/jalur/komunikasi-efektif/index.html").is_file()


def test_the_course_has_real_lessons_a_bank_and_a_path(made: Path):
    course = read_course_config(made / "mkdocs.yml")
    settings = course.settings
    reporter = Reporter()
    site = read_site(
        settings, docs_sources(made / "content", course.pages), reporter, check_quizzes=True
    )
    site.arrange(*from_nav(course.nav, [*course.pages, *site.pages]))
    assert reporter.messages() == []
    lessons = site.course.lessons
    assert list(lessons) == [
        "komunikasi-kerja/email-dinas.md",
        "komunikasi-kerja/rapat-efektif.md",
    ]
    built_in = set(load_built_in("asn").ids())
    for lesson in lessons.values():
        assert set(lesson.competencies) & built_in  # competencies of the ASN framework
        assert lesson.minutes and lesson.objectives and lesson.description
    # one lesson holds its own quiz, the other places the bank
    assert lessons["komunikasi-kerja/rapat-efektif.md"].quizzes == ["komunikasi-kerja"]
    assert lessons["komunikasi-kerja/email-dinas.md"].quizzes
    bank = site.banks["komunikasi-kerja"]
    assert len({q.type for q in bank.questions}) >= 3
    assert [p.id for p in site.paths] == ["komunikasi-efektif"]
    framework = yaml.safe_load((made / "site_config/competencies.yml").read_text("utf-8"))
    assert framework["extends"] == "asn"  # the built-in framework, extended


def test_the_configuration_names_the_site_and_keeps_the_readme_settings(made: Path):
    config = yaml.safe_load((made / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == "Kursus Ñandú dan Pengadaan"
    assert config["docs_dir"] == "content"
    assert config["theme"] == {
        "name": "material",
        "language": "id",
        "font": False,
        "features": ["navigation.indexes", "navigation.footer"],
    }
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names == ["asah/search", "asah/competencies", "asah/quiz", "asah/paths", "asah/offline"]
    assert config["nav"][1] == {
        "Komunikasi Kerja yang Efektif": [
            "komunikasi-kerja/index.md",
            "komunikasi-kerja/email-dinas.md",
            "komunikasi-kerja/rapat-efektif.md",
        ]
    }
    ignored = (made / ".gitignore").read_text("utf-8").split()
    assert {"site/", "site-offline/", ".venv/", ".asah/", "__pycache__/"} <= set(ignored)
    readme = (made / "README.md").read_text("utf-8")
    assert readme.startswith("# Kursus Ñandú dan Pengadaan\n")
    for command in ("asah serve", "asah check", "pip install -r requirements.txt"):
        assert command in readme


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("Kursus: Pengadaan # 2026", "a"),
        ("Kursus \"PBJ\" 'Dasar'", "b"),
        ("yes", "c"),  # a word YAML would read as true
    ],
)
def test_any_site_name_is_written_as_yaml_reads_it_back(tmp_path: Path, name: str, folder: str):
    course = make(tmp_path / folder, "--name", name)
    assert yaml.safe_load((course / "mkdocs.yml").read_text("utf-8"))["site_name"] == name
    assert check(str(course / "mkdocs.yml"), io.StringIO(), io.StringIO()) == 0


def test_the_site_name_comes_from_the_folder(tmp_path: Path):
    assert (
        scaffold.site_name_from(tmp_path / "kursus-pengadaan_barang") == "Kursus pengadaan barang"
    )
    assert scaffold.site_name_from(tmp_path / "Kursus PBJ") == "Kursus PBJ"


def test_an_empty_folder_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "kosong").mkdir()
    status, out, err = run(["init", str(tmp_path / "kosong")], capsys)
    assert status == 0 and err == []
    assert "asah serve" in out and (tmp_path / "kosong/mkdocs.yml").is_file()


def test_the_output_says_what_comes_next_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(scaffold, "installed_requirement", lambda: ("asah[material]==9.9.9", False))
    folder = tmp_path / "kursus baru"
    status, out, err = run(["init", str(folder)], capsys)
    assert (status, err) == (0, [])
    assert out.splitlines() == [
        f"asah init: kursus baru di {folder}",
        "asah init: requirements.txt memasang 'asah[material]==9.9.9' dari indeks paket; bila "
        "indeks itu tidak memuat asah, tulis di sana baris yang memasangnya (alamat Git atau "
        "file wheel di vendor/), lihat komentar di requirements.txt",
        "selanjutnya:",
        f"  cd '{folder}'",
        "  asah serve    # pratinjau langsung di http://127.0.0.1:8000",
        "  asah check    # semua masalah konten, sebagai path:baris: pesan",
    ]
    # a requirement that names where Asah comes from needs no note
    status, out, _ = run(["init", str(tmp_path / "b"), "--requirement", "asah @ git+x"], capsys)
    assert status == 0 and "indeks paket" not in out and out.splitlines()[1] == "selanjutnya:"


@pytest.mark.parametrize("inside", ["catatan.txt", ".git/config"])
def test_a_folder_in_use_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], inside: str
):
    folder = tmp_path / "kursus lama"
    (folder / inside).parent.mkdir(parents=True, exist_ok=True)
    (folder / inside).write_text("milik penulis\n", "utf-8")
    status, out, err = run(["init", str(folder)], capsys)
    assert status == 2 and out == ""
    assert err == [
        f"asah init: {folder} tidak kosong; berikan folder baru atau folder kosong (asah init "
        "tidak pernah menimpa file)"
    ]
    assert sorted(p.name for p in folder.rglob("*")) == sorted(Path(inside).parts)


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    file = tmp_path / "berkas"
    file.write_text("x", "utf-8")
    cases = {
        (str(file),): (
            f"asah init: {file} sudah ada dan bukan folder; berikan folder baru atau folder kosong"
        ),
        (str(tmp_path / "a"), "--name", "  "): (
            "asah init: situs memerlukan nama satu baris: berikan dengan --name, misalnya "
            "--name 'Kursus Saya'"
        ),
        (str(tmp_path / "b"), "--requirement", "asah\nrm -rf /"): (
            "asah init: --requirement harus berupa satu baris requirement pip"
        ),
    }
    for args, message in cases.items():
        status, out, err = run(["init", *args], capsys)
        assert (status, out, err) == (2, "", [message])
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_the_requirement_installs_asah_in_ci(tmp_path: Path):
    line = "asah[material] @ git+https://git.example.go.id/bangkom/asah.git@v0.1.0"
    course = make(tmp_path / "k", "--requirement", line)
    lines = (course / "requirements.txt").read_text("utf-8").splitlines()
    assert lines[-1] == line
    assert all(row.startswith("#") for row in lines[:-1])


class _Installed:
    version = "9.9.9"

    def __init__(self, recorded: dict | None) -> None:
        self.recorded = recorded

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return json.dumps(self.recorded) if self.recorded is not None else None


@pytest.mark.parametrize(
    ("recorded", "line", "known"),
    [
        (
            {"url": "https://example.org/asah.git", "vcs_info": {"vcs": "git", "commit_id": "abc"}},
            "asah[material] @ git+https://example.org/asah.git@abc",
            True,
        ),
        (
            {"url": "https://example.org/asah-0.1.0-py3-none-any.whl", "archive_info": {}},
            "asah[material] @ https://example.org/asah-0.1.0-py3-none-any.whl",
            True,
        ),
        # a local wheel or checkout means nothing on a CI machine: the package index's name
        ({"url": "file:///tmp/asah-0.1.0-py3-none-any.whl", "archive_info": {}}, None, False),
        ({"url": "file:///work/asah", "dir_info": {"editable": True}}, None, False),
        (None, None, False),  # installed from the package index
    ],
)
def test_the_requirement_names_where_asah_came_from(
    monkeypatch: pytest.MonkeyPatch, recorded: dict | None, line: str | None, known: bool
):
    monkeypatch.setattr(scaffold.metadata, "distribution", lambda name: _Installed(recorded))
    expected = line or "asah[material]==9.9.9"
    assert scaffold.installed_requirement() == (expected, known)


def test_editors_get_the_schemas(made: Path):
    for name in schemas.NAMES:
        copy = made / f"site_config/schemas/{name}.schema.json"
        assert copy.read_text("utf-8") == schemas.read(name)
    settings = json.loads((made / ".vscode/settings.json").read_text("utf-8"))
    assert settings == schemas.vscode_settings("site_config/schemas")
    assert json.loads((made / ".vscode/extensions.json").read_text("utf-8")) == {
        "recommendations": ["redhat.vscode-yaml"]
    }
    for file, name in [
        ("quizzes/komunikasi-kerja.yml", "bank"),
        ("site_config/competencies.yml", "competencies"),
        ("site_config/paths.yml", "paths"),
        ("site_config/glossary.yml", "glossary"),
    ]:
        first = (made / file).read_text("utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), file
        target = ((made / file).parent / first.removeprefix(prefix)).resolve()
        assert target == (made / f"site_config/schemas/{name}.schema.json").resolve()


def test_the_command_runs_as_installed(tmp_path: Path):
    target = tmp_path / "kursus baru"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "asah.cli", "init", str(target)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"asah init: kursus baru di {target}"
    again = subprocess.run(
        [sys.executable, "-m", "asah.cli", "init", str(target)], capture_output=True, text=True
    )
    assert again.returncode == 2 and len(again.stderr.splitlines()) == 1
