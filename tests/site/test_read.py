"""The course site read straight from files, without MkDocs: what is generated, in which
language, and the one catalogue both course.json and the browser read."""

from __future__ import annotations

from pathlib import Path

from asah.core.diagnostics import Reporter
from asah.site.catalogue import catalogue
from asah.site.read import read_site
from asah.site.settings import Settings
from tests.conftest import write_tree

LESSON = "---\ncompetencies: {integritas: 2}\nduration: 45\n---\n# Pelajaran satu\n"


def site(tmp_path: Path, language: str = "id", features=("competencies", "quiz", "paths"), **files):
    write_tree(tmp_path, files)
    settings = Settings(
        root=tmp_path, docs_dir="content", language=language, site_name="Uji", features=set(features)
    )
    sources = {
        p.relative_to(tmp_path / "content").as_posix(): p.read_text("utf-8")
        for p in sorted((tmp_path / "content").rglob("*.md"))
    }
    reporter = Reporter()
    return read_site(settings, sources, reporter), reporter


def test_an_indonesian_course_gets_the_asn_framework_and_indonesian_pages(tmp_path):
    course, reporter = site(tmp_path, **{"content/a.md": LESSON})
    assert reporter.messages() == []
    assert "integritas" in course.course.framework.ids()
    assert sorted(course.pages) == sorted(
        ["kompetensi/index.md", "kemajuan/index.md", "penilaian-diri/index.md"]
        + [f"kompetensi/{c}.md" for c in course.course.framework.ids()]
    )  # no paths, so no jalur/
    assert course.lesson("a.md").title == "Pelajaran satu"
    assert course.competency_url("integritas", 2) == "kompetensi/integritas/#level-2"


def test_an_english_course_has_no_competencies_until_it_defines_some(tmp_path):
    course, reporter = site(tmp_path, "en", **{"content/a.md": LESSON})
    assert reporter.messages() == ["content/a.md:2: unknown competency 'integritas'"]
    assert sorted(course.pages) == ["progress/index.md"]  # no competency, path or assessment


def test_pages_follow_the_features_turned_on(tmp_path):
    course, _ = site(tmp_path, features=("quiz",), **{"content/a.md": LESSON})
    assert course.pages == {}


def test_one_catalogue_for_course_json_and_the_browser(tmp_path):
    course, _ = site(
        tmp_path,
        **{
            "content/a.md": LESSON + "\n/// quiz | uji\n///\n",
            "quizzes/uji.yml": "questions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n",
            "site_config/paths.yml": "paths:\n  - {id: p, title: P, steps: [a.md, {quiz: uji}]}\n",
        },
    )
    full, browser = catalogue(course), catalogue(course, browser=True)
    assert full["lessons"][0]["quizzes"] == ["uji"] == browser["lessons"][0]["quizzes"]
    assert full["banks"][0]["url"] == "a/"  # the lesson that embeds it
    assert full["paths"][0]["minutes"] == 45 and full["paths"][0]["jp"] == 1.0
    assert "objectives" in full["lessons"][0] and "objectives" not in browser["lessons"][0]
    assert browser["learner_fields"] == ["name", "nip", "unit", "position"]
    assert {k for k in full if k != "learner_fields"} == set(browser) - {"learner_fields"}
