"""ProperDocs + MaterialX (`asah[materialx]`, in `.venv-materialx` made by setup.sh --test): no
mkdocs-material pulled in, `pip check` clean, the example course and a course unlike ours build
strict with every feature, and bad input gives the same messages as the other engines."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.engines.test_zensical import BAD, asah, english_files

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv-materialx" / "bin" / "python"


def materialx(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    if not PYTHON.is_file():
        pytest.fail("no .venv-materialx: run scripts/setup.sh --test")
    return subprocess.run(
        [str(PYTHON), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def test_installed_without_mkdocs_material_and_without_conflicts():
    listed = materialx("-m", "pip", "list", "--format", "json", "--disable-pip-version-check")
    names = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert {"properdocs", "mkdocs-materialx", "asah"} <= names
    assert "mkdocs-material" not in names
    check = materialx("-m", "pip", "check", "--disable-pip-version-check")
    assert check.returncode == 0, check.stdout


def test_the_example_course_builds_strict(tmp_path: Path):
    result = materialx("-m", "asah.cli", "build", "-f", "mkdocs-materialx.yml", "-d", str(tmp_path))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "keamanan-informasi/phishing/index.html").read_text("utf-8")
    assert "ProperDocs 1.6" in html and "mkdocs-materialx-10" in html  # the generator
    assert 'data-asah-quiz="keamanan-informasi/phishing"' in html
    assert "45 menit &#183; 1 JP" in html and "data-asah-done=" in html
    # the theme's own words in the site's language, through MaterialX's templates
    assert 'aria-label="Kepala halaman"' in html and "Dibuat dengan" in html
    for page in ("kompetensi", "jalur/aman-digital", "kemajuan", "penilaian-diri"):
        assert (tmp_path / page / "index.html").is_file(), page
    course = json.loads((tmp_path / "course.json").read_text("utf-8"))
    assert course["lessons"] and course["paths"] and course["banks"]


def test_a_course_unlike_ours(tmp_path: Path):
    files = english_files()
    files["mkdocs.yml"] = files["mkdocs.yml"].replace("name: material", "name: materialx")
    write_tree(tmp_path, files)
    result = materialx("-m", "asah.cli", "build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    intro = (tmp_path / "site/week1/intro/index.html").read_text("utf-8")
    assert len(re.findall(r'data-asah-quiz="', intro)) == 7
    path = (tmp_path / "site/paths/first-week/index.html").read_text("utf-8")
    assert ">Getting started</a>" in path


def test_the_same_messages_as_the_other_engines(tmp_path: Path):
    files = {**english_files(), **BAD}
    files["mkdocs.yml"] = files["mkdocs.yml"].replace("name: material", "name: materialx")
    write_tree(tmp_path, files)
    expected = [line for line in asah("check", cwd=tmp_path).stdout.splitlines() if line]
    assert len(expected) == 2
    result = materialx("-m", "asah.cli", "build", cwd=tmp_path)
    assert result.returncode == 1
    for line in expected:
        assert line in result.stderr
    assert "Traceback" not in result.stderr
