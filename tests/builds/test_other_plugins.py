"""Asah beside plugins courses often use: mkdocs-static-i18n, awesome-nav, Material's tags and
blog, and macros. Each build is strict, in any plugin order the plugin allows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import build_tree, write_tree

BASE = """\
site_name: Data Skills
docs_dir: docs
theme:
  name: material
  language: en
  font: false
plugins:
  - search
{others}
  - asah/competencies:
      framework: competencies.yml
  - asah/quiz
  - asah/paths:
      paths_file: paths.yml
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
"""
FILES = {
    "competencies.yml": (
        "groups:\n  - id: data\n    name: Data\n    competencies:\n"
        "      - {id: data-cleaning, name: Data cleaning}\n"
    ),
    "paths.yml": "paths:\n  - {id: start, title: Start, steps: [intro.md, cleaning.md]}\n",
    "quizzes/basics.yml": (
        "title: Basics\nquestions:\n  - {id: q, type: truefalse, prompt: True?, answer: true}\n"
    ),
    "docs/index.md": "# Home\n",
    "docs/intro.md": (
        "---\ncompetencies: {data-cleaning: 1}\n---\n# Introduction\n\n"
        '??? question "Exercise"\n    /// quiz | basics\n    ///\n'
    ),
    "docs/cleaning.md": (
        "---\ncompetencies: {data-cleaning: 2}\nprerequisites: [intro.md]\n---\n# Cleaning\n"
    ),
}


def build(root: Path, others: str, **files: str):
    write_tree(root, {"mkdocs.yml": BASE.format(others=others), **FILES, **files})
    return build_tree(root, strict=True)


def assert_asah_works(site: Path, prefix: str = "", competencies: str = "competencies"):
    lesson = (site / prefix / "cleaning" / "index.html").read_text("utf-8")
    assert 'data-asah-competency="data-cleaning"' in lesson
    assert '<a href="../intro/">Introduction</a>' in lesson  # prerequisite, titled
    intro = (site / prefix / "intro" / "index.html").read_text("utf-8")
    assert 'data-asah-quiz="basics"' in intro
    assert (site / prefix / competencies / "data-cleaning" / "index.html").exists()
    data = json.loads((site / prefix / "course.json").read_text("utf-8"))
    titles = {lesson["path"]: lesson["title"] for lesson in data["lessons"]}
    assert titles == {"intro.md": "Introduction", "cleaning.md": "Cleaning"}
    assert [p["id"] for p in data["paths"]] == ["start"] and data["banks"][0]["id"] == "basics"


I18N = """\
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: id, name: Bahasa Indonesia, build: true}"""


ASAH = """\
  - asah/competencies:
      framework: competencies.yml
  - asah/quiz
  - asah/paths:
      paths_file: paths.yml"""


@pytest.mark.parametrize("order", ["i18n first", "i18n last"])
def test_i18n_builds_each_language_with_its_own_pages(tmp_path: Path, order: str):
    config = BASE.format(others=I18N)
    if order == "i18n last":
        config = config.replace(I18N + "\n" + ASAH, ASAH + "\n" + I18N)
    assert config.index("i18n") != BASE.format(others=I18N).index("i18n") or order == "i18n first"
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": config,
            **FILES,
            "docs/cleaning.id.md": (
                "---\ncompetencies: {data-cleaning: 2}\nprerequisites: [intro.md]\n---\n"
                "# Membersihkan\n"
            ),
        },
    )
    result = build_tree(tmp_path, strict=True)
    assert result.error is None, result.warnings
    assert_asah_works(result.site)
    # the Indonesian build: its own pages under id/, in Indonesian, with the same lesson ids
    indonesian = (result.site / "id" / "cleaning" / "index.html").read_text("utf-8")
    assert "Membersihkan" in indonesian and "Kompetensi</dt>" in indonesian
    # the theme's own words in each build's language
    assert 'aria-label="Kepala halaman"' in indonesian
    english = (result.site / "cleaning" / "index.html").read_text("utf-8")
    assert 'aria-label="Header"' in english and "Kepala halaman" not in english
    assert 'href="../../id/kompetensi/data-cleaning/#level-2"' in indonesian
    assert 'data-asah-done="cleaning.md"' in indonesian
    assert (result.site / "id" / "kemajuan" / "index.html").exists()
    data = json.loads((result.site / "id" / "course.json").read_text("utf-8"))
    cleaning = next(lesson for lesson in data["lessons"] if lesson["path"] == "cleaning.md")
    assert data["language"] == "id" and cleaning["title"] == "Membersihkan"
    assert cleaning["url"] == "id/cleaning/"


def test_awesome_nav(tmp_path: Path):
    result = build(
        tmp_path, "  - awesome-nav", **{"docs/.nav.yml": "nav:\n  - intro.md\n  - '*'\n"}
    )
    assert result.error is None, result.warnings
    assert_asah_works(result.site)
    home = result.page("")
    labels = re.findall(
        r'class="md-nav__link[^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*<', home
    )
    assert labels[0] == "Introduction"
    assert {"Competency framework", "Learning paths", "My progress", "Self-assessment"} <= set(
        labels
    )


def test_material_tags_and_blog(tmp_path: Path):
    result = build(
        tmp_path,
        "  - tags\n  - blog",
        **{
            "docs/cleaning.md": FILES["docs/cleaning.md"].replace(
                "---\ncompetencies", "---\ntags: [data]\ncompetencies"
            ),
            "docs/blog/index.md": "# Blog\n",
            "docs/blog/posts/hello.md": "---\ndate: 2026-11-01\n---\n# Hello\n\nA post.\n",
        },
    )
    assert result.error is None, result.warnings
    assert_asah_works(result.site)
    assert 'class="md-tag' in result.page("cleaning")
    assert (result.site / "blog" / "2026" / "11" / "01" / "hello" / "index.html").exists()


def test_macros(tmp_path: Path):
    result = build(
        tmp_path,
        "  - macros",
        **{"docs/cleaning.md": FILES["docs/cleaning.md"] + "\nOn {{ config.site_name }}.\n"},
    )
    assert result.error is None, result.warnings
    assert_asah_works(result.site)
    assert "On Data Skills." in result.page("cleaning")
