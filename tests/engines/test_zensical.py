"""The Zensical route (`asah build|serve --engine zensical`): the same course, pages and
messages as the MkDocs route, and no author file written."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builds.test_course_shapes import BANK, CLEANING, english_files
from tests.conftest import write_tree
from tests.serving import edit, serving, wait_for

ROOT = Path(__file__).resolve().parents[2]
ASAH = [sys.executable, "-m", "asah.cli"]
ZENSICAL_SERVE = [*ASAH, "serve", "--engine", "zensical"]


def asah(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ASAH, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> tuple[Path, Path]:
    """The example course built on both engines: (zensical site, mkdocs site)."""
    out = tmp_path_factory.mktemp("engines")
    before = tree_digest(ROOT / "content")
    zensical = asah("build", "--engine", "zensical", "-d", str(out / "zensical"))
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    assert tree_digest(ROOT / "content") == before  # no author file written
    mkdocs = asah("build", "-d", str(out / "mkdocs"))
    assert mkdocs.returncode == 0, mkdocs.stdout + mkdocs.stderr
    return out / "zensical", out / "mkdocs"


def test_the_same_course_json_on_both_engines(example):
    zensical, mkdocs = example
    assert json.loads((zensical / "course.json").read_text("utf-8")) == json.loads(
        (mkdocs / "course.json").read_text("utf-8")
    )


def test_every_generated_page_and_bundle_is_built(example):
    zensical, mkdocs = example
    made = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("index.html"))
    for page in made:  # every page MkDocs makes, Zensical makes
        assert (zensical / page).is_file(), page
    for bundle in ("asah.js", "quiz.js", "lesson.js", "paths.js", "apps/progress.js"):
        assert (zensical / "assets/asah" / bundle).read_text("utf-8") == (
            mkdocs / "assets/asah" / bundle
        ).read_text("utf-8")
    # the same stylesheet, but for the fixes to the theme's own pages (theme_fixes), which
    # differ: Zensical's footer is light, Material's dark
    css = (zensical / "assets/asah/asah.css").read_text("utf-8")
    assert ".md-copyright" not in css and ".md-nav__link--active" in css
    assert ".md-copyright" in (mkdocs / "assets/asah/asah.css").read_text("utf-8")


def test_lessons_get_facts_quizzes_and_their_end_out_of_search(example):
    zensical, _ = example
    html = (zensical / "keamanan-informasi/phishing/index.html").read_text("utf-8")
    assert 'data-asah-quiz="keamanan-informasi/phishing"' in html
    assert 'class="asah-lesson"' in html and "45 menit &#183; 1 JP" in html
    assert "data-asah-done=" in html and "Langkah 3 dari 7" in html
    assert "/// quiz" not in html and "<!-- asah:page" not in html
    # the facts box follows the title, inside the page body, not in the table of contents
    assert re.search(r"</h1>\s*<div( data-search-exclude)?><section class=\"asah-lesson\"", html)
    # Asah's search index in place of Zensical's (whose own is off): the lesson's text, without
    # the facts, the quiz or the lesson's end
    assert json.loads((zensical / "search.json").read_text("utf-8")).get("items", []) == []
    pages = "".join(p.read_text("utf-8") for p in (zensical / "search/p").glob("*.js"))
    assert "Tandai selesai" not in pages and "Periksa jawaban" not in pages
    assert "Mengenali Email Phishing" in pages and "tanda-tanda-pesan-phishing" in pages


def test_an_installable_app_that_saves_paths_on_both_engines(example):
    zensical, mkdocs = example
    for site in (zensical, mkdocs):
        for name in ("asah-sw.js", "asah-offline.html", "manifest.webmanifest"):
            assert (site / name).is_file(), (site, name)
        page = (site / "jalur/aman-digital/index.html").read_text("utf-8")
        assert '<link rel="manifest" href="../../manifest.webmanifest" data-asah-worker=' in page
        assert 'data-asah-offline-path="aman-digital"' in page
        # the theme's header and footer in the site's language
        lesson = (site / "literasi-digital/pengantar/index.html").read_text("utf-8")
        assert 'aria-label="Kaki halaman"' in lesson and 'aria-label="Kepala halaman"' in lesson
        assert "Dibuat dengan" in lesson and "Made with" not in lesson
    data = [json.loads((site / "asah-offline.json").read_text("utf-8")) for site in example]
    assert data[0]["paths"] == data[1]["paths"] and data[0]["pages"] == data[1]["pages"]


def test_a_course_unlike_ours(tmp_path: Path):
    """English, titled in nav:, quizzes in collapsibles, admonitions, tabs, quotes, details."""
    write_tree(tmp_path, english_files())
    result = asah("build", "--engine", "zensical", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    intro = (site / "week1/intro/index.html").read_text("utf-8")
    quizzes = re.findall(r'data-asah-quiz="([^"]+)"', intro)
    assert quizzes == [f"week1/intro.md#{n}" for n in range(1, 4)] + ["basics"] + [
        f"week1/intro.md#{n}" for n in range(4, 7)
    ]
    assert "/// quiz | not-a-quiz" in intro  # the example in a code block stays an example
    assert "90 minutes" in intro and "JP" not in intro
    path = (site / "paths/first-week/index.html").read_text("utf-8")
    assert ">Getting started</a>" in path and ">Cleaning data</a>" in path
    assert (site / "competencies/data-cleaning/index.html").is_file()
    assert not (site / "kompetensi").exists()
    # the nav lists the overview pages once, in English, after the author's entries
    home = (site / "index.html").read_text("utf-8")
    assert "Learning paths" in home and "My progress" in home
    assert not list(tmp_path.glob("docs/**/asah*"))  # nothing written into the author's docs


BAD = {
    "docs/week1/cleaning.md": CLEANING.replace("data-cleaning: 2", "data-clean: 2"),
    "quizzes/basics.yml": BANK.replace("type: single", "type: singel"),
}


def test_the_same_messages_and_exit_status_as_mkdocs_and_check(tmp_path: Path):
    write_tree(tmp_path, {**english_files(), **BAD})
    check = asah("check", cwd=tmp_path)
    zensical = asah("build", "--engine", "zensical", cwd=tmp_path)
    assert not (tmp_path / "site").exists()  # nothing built from a course with problems
    mkdocs = asah("build", cwd=tmp_path)
    assert check.returncode == zensical.returncode == mkdocs.returncode == 1
    expected = [line for line in check.stdout.splitlines() if line]
    assert any(line.startswith("docs/week1/cleaning.md:2: ") for line in expected)
    assert any(line.startswith("quizzes/basics.yml:") for line in expected)
    assert [line for line in zensical.stdout.splitlines() if line] == expected
    for line in expected:
        assert line in mkdocs.stderr  # MkDocs logs them as warnings, then stops (--strict)
    assert "Traceback" not in zensical.stdout + zensical.stderr


def test_a_broken_config_is_a_usage_error(tmp_path: Path):
    write_tree(tmp_path, {"mkdocs.yml": "site_name: [unclosed\n", "docs/index.md": "# A\n"})
    result = asah("build", "--engine", "zensical", cwd=tmp_path)
    assert result.returncode == 2
    assert "mkdocs.yml:1: YAML syntax error: the '[' opened on this line" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_reloads_on_lesson_bank_framework_and_paths_edits(tmp_path: Path):
    write_tree(tmp_path, english_files())
    with serving(tmp_path, command=ZENSICAL_SERVE, keep_output=True) as served:
        base = served.url
        wait_for(f"{base}/week1/intro/", "What is")
        lesson = tmp_path / "docs/week1/reshaping.md"
        edit(lesson, "Text.", "Edited text.", f"{base}/week1/reshaping/")
        bank = tmp_path / "quizzes/basics.yml"
        edit(bank, "What is *pandas*?", "Which is pandas?", f"{base}/week1/intro/")
        framework = tmp_path / "competencies.yml"
        edit(
            framework,
            "name: Data cleaning",
            "name: Tidy data",
            f"{base}/week1/cleaning/",
            "Tidy data",
        )
        paths = tmp_path / "paths.yml"
        edit(paths, "title: First week", "title: Week one", f"{base}/week1/reshaping/", "Week one")
        # a content error is shown where the preview runs; the last good preview stays
        bank.write_text(bank.read_text("utf-8").replace("type: single", "type: singel"), "utf-8")
        served.printed("quizzes/basics.yml:")
        wait_for(f"{base}/week1/intro/", "Which is")
    assert "quizzes/basics.yml:" in served.output and "Traceback" not in served.output
    assert not list((tmp_path / "docs").rglob("asah*"))


def test_zensical_not_installed_is_said_plainly(tmp_path: Path):
    write_tree(tmp_path, english_files())
    blocker = tmp_path / "blocker"
    (blocker / "zensical").mkdir(parents=True)
    (blocker / "zensical" / "__init__.py").write_text("raise ImportError('no zensical')\n")
    result = subprocess.run(
        [*ASAH, "build", "--engine", "zensical"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(blocker), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 2
    assert "pip install 'asah[zensical]'" in result.stderr
    shutil.rmtree(blocker)
