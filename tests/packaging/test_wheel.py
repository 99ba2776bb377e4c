"""The package as users get it: `python -m build` makes the sdist and, from it, the wheel; the
wheel holds every file of the package (templates, schemas, locales, the browser runtime), and,
installed into a fresh virtual environment the way a course repository's CI installs it, makes a
course with `asah init` that checks clean and builds `--strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from asah.cli import main

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "plugins" / "asah"
# what must ship besides the Python modules, by folder of the package
DATA = ["scaffold", "schemas", "locales", "templates", "theme/assets", "course/data", "search/data"]


def package_files() -> set[str]:
    """The package's files on disk, as the wheel names them (`asah/...`)."""
    return {
        "asah/" + p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[str]]:
    """The wheel and the sdist `python -m build` makes, and the package's files before it."""
    before = package_files()
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = out.glob("asah-*-py3-none-any.whl")
    (sdist,) = out.glob("asah-*.tar.gz")
    return wheel, sdist, before


def test_the_wheel_holds_templates_schemas_locales_and_the_runtime(dist):
    wheel, _, before = dist
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in DATA:
        wanted = {name for name in before if name.startswith(f"asah/{folder}/")}
        if folder == "schemas" and not wanted:
            continue  # a package without schemas
        assert wanted, folder
        assert wanted <= names, sorted(wanted - names)[:10]
    assert {name for name in before if name.endswith(".py")} <= names
    assert {
        "asah/scaffold/course/dot-github/workflows/kursus.yml",
        "asah/scaffold/course/dot-gitlab-ci.yml",
        "asah/scaffold/course/dot-gitignore",
        "asah/scaffold/new/lesson.md",
        "asah/locales/id.yml",
        "asah/locales/en.yml",
    } <= names
    assert any(n.startswith("asah/theme/assets/asah/") and n.endswith(".js") for n in names)
    assert any(n.startswith("asah/theme/assets/asah/") and n.endswith(".css") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode("utf-8")
    assert "asah = asah.cli:main" in text and "asah/quiz = asah.quiz.plugin:QuizPlugin" in text


def test_the_sdist_holds_what_the_wheel_is_built_from(dist):
    wheel, sdist, _ = dist
    with tarfile.open(sdist) as archive:
        top = archive.getnames()[0].split("/")[0]
        names = {name.removeprefix(f"{top}/") for name in archive.getnames()}
    assert {"pyproject.toml", "README.md"} <= names
    in_wheel = {n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("asah/")}
    assert {f"plugins/{name}" for name in in_wheel} <= names


@pytest.mark.slow
def test_a_fresh_venv_installs_the_wheel_and_builds_a_new_course(dist, tmp_path: Path, capsys):
    """Slow: installs the wheel's dependencies (MkDocs, Material, ...) from the package index.

    The install line is the one a course repository's CI runs, `pip install -r
    requirements.txt`, with the wheel kept in the repository (`vendor/`)."""
    wheel, _, _ = dist
    first = tmp_path / "kursus vendor"
    line = f"./vendor/{wheel.name}[material]"
    assert main(["init", str(first), "--requirement", line]) == 0
    capsys.readouterr()
    (first / "vendor").mkdir()
    shutil.copy(wheel, first / "vendor")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python, scripts = venv / "bin" / "python", venv / "bin"
    environment = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")
    } | {"NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def run(*command: str | Path, cwd: Path, timeout: int = 120) -> str:
        done = subprocess.run(
            [str(c) for c in command],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done.stdout

    run(python, "-m", "pip", "install", "-q", "-r", "requirements.txt", cwd=first, timeout=900)
    where = run(python, "-c", "import asah; print(asah.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv)  # the wheel's files, not this checkout's
    course = tmp_path / "Kursus baru Ñandú"
    run(scripts / "asah", "init", course.name, cwd=tmp_path)
    assert run(scripts / "asah", "check", cwd=course) == ""
    run(scripts / "mkdocs", "build", "--strict", cwd=course)
    assert (course / "site/komunikasi-kerja/email-dinas/index.html").is_file()
    assert list((course / "site/assets/asah").rglob("*.js"))  # the browser runtime
    if any((PACKAGE / "schemas").glob("*.schema.json")):
        assert list((course / "site_config/schemas").glob("*.schema.json"))
