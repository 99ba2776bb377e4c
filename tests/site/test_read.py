"""The course site read straight from files, without MkDocs: what is generated, in which
language, and the one catalogue both course.json and the browser read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asah.core.diagnostics import Reporter
from asah.core.messages import Messages
from asah.site.catalogue import catalogue
from asah.site.read import read_site
from asah.site.settings import Settings
from tests.conftest import ROOT, write_tree

LESSON = "---\ncompetencies: {integritas: 2}\nduration: 45\n---\n# Pelajaran satu\n"


def site(
    tmp_path: Path,
    language: str = "id",
    features=("competencies", "quiz", "paths"),
    check_quizzes: bool = False,
    minutes_per_jp: int = 45,
    **files,
):
    write_tree(tmp_path, files)
    settings = Settings(
        root=tmp_path,
        docs_dir="content",
        language=language,
        site_name="Uji",
        features=set(features),
        minutes_per_jp=minutes_per_jp,
    )
    sources = {
        p.relative_to(tmp_path / "content").as_posix(): p.read_text("utf-8")
        for p in sorted((tmp_path / "content").rglob("*.md"))
    }
    reporter = Reporter(Messages(settings.message_language))  # as a build words them
    return read_site(settings, sources, reporter, check_quizzes=check_quizzes), reporter


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
            "quizzes/uji.yml": BANK,
            "site_config/paths.yml": "paths:\n  - {id: p, title: P, steps: [a.md, {quiz: uji}]}\n",
        },
    )
    full, browser = catalogue(course), catalogue(course, browser=True)
    assert full["lessons"][0]["quizzes"] == ["uji"] == browser["lessons"][0]["quizzes"]
    assert full["banks"][0]["url"] == "a/#asah-quiz-1"  # the quiz in the lesson that embeds it
    assert full["paths"][0]["minutes"] == 45 and full["paths"][0]["jp"] == 1.0
    assert "objectives" in full["lessons"][0] and "objectives" not in browser["lessons"][0]
    assert browser["learner_fields"] == ["name", "nip", "unit", "position"]
    assert {k for k in full if k != "learner_fields"} == set(browser) - {"learner_fields"}


def test_the_course_version_is_its_content_not_its_urls_or_holder(tmp_path):
    """Online and as an offline copy (other URLs), or held by another unit, a course keeps its
    version; a change to what it teaches gives a new one."""
    files = {
        "content/a.md": LESSON + "\n/// quiz | uji\n///\n",
        "quizzes/uji.yml": BANK,
        "site_config/paths.yml": "paths:\n  - {id: p, title: P, steps: [a.md, {quiz: uji}]}\n",
    }
    course, _ = site(tmp_path / "online", **files)
    version = catalogue(course)["course_version"]
    assert len(version) == 10 and catalogue(course, browser=True)["course_version"] == version
    offline, _ = site(tmp_path / "offline", **files)
    offline.settings.use_directory_urls = False
    offline.settings.organiser = "BPSDM Provinsi"
    offline.settings.activity_type = "Pelatihan"
    offline.urls = {src: url.replace("/", ".html/") for src, url in offline.urls.items()}
    assert catalogue(offline)["lessons"][0]["url"] != catalogue(course)["lessons"][0]["url"]
    assert catalogue(offline)["course_version"] == version
    changes = {
        "content/a.md": files["content/a.md"].replace("Pelajaran satu", "Pelajaran dua"),
        "quizzes/uji.yml": BANK.replace("prompt: P", "prompt: Q"),
        "site_config/paths.yml": files["site_config/paths.yml"].replace("title: P", "title: R"),
    }
    for name, text in changes.items():
        changed, _ = site(tmp_path / name.replace("/", "-"), **{**files, name: text})
        assert catalogue(changed)["course_version"] != version, name


BANK = "title: Uji\nquestions:\n  - {id: q, type: truefalse, prompt: P, answer: true}\n"
EMBEDS = "\n/// quiz | uji\n///\n"
INLINE = "\n/// quiz\nquestions:\n  - {id: s, type: truefalse, prompt: S, answer: true}\n///\n"


def test_each_quiz_is_known_by_the_element_id_of_its_first_block(tmp_path):
    """Read quickly (a build) or checked (`asah check`), blocks are numbered as the page
    numbers them: every block counts, a near miss too."""
    files = {
        "content/a.md": LESSON + INLINE + "\n/// kuis | uji\n///\n" + EMBEDS + EMBEDS,
        "quizzes/uji.yml": BANK,
    }
    quick, _ = site(tmp_path, **files)
    checked, _ = site(tmp_path, check_quizzes=True, **files)
    expected = {"a.md": {"a.md#1": "asah-quiz-1", "uji": "asah-quiz-3"}}
    assert quick.quizzes == expected == checked.quizzes
    assert quick.lesson("a.md").quizzes == ["a.md#1", "uji"]


def test_a_quiz_step_is_taken_in_the_nearest_lesson_of_its_path(tmp_path):
    paths = """
paths:
  - {id: after, title: A, steps: [b.md, {quiz: uji}, c.md]}
  - {id: before, title: B, steps: [{quiz: uji}, c.md, b.md]}
  - {id: elsewhere, title: C, steps: [c.md, {quiz: uji}]}
  - {id: own, title: D, steps: [c.md, {quiz: sendiri}]}
"""
    course, reporter = site(
        tmp_path,
        **{
            "content/a.md": LESSON + EMBEDS,
            "content/b.md": LESSON + INLINE + EMBEDS,
            "content/c.md": LESSON,
            "quizzes/uji.yml": BANK,
            "quizzes/sendiri.yml": BANK,
            "site_config/paths.yml": paths,
        },
    )
    assert reporter.messages() == []
    urls = {p.id: [course.step_url(p, i) for i in range(len(p.steps))] for p in course.paths}
    assert urls == {
        "after": ["b/", "b/#asah-quiz-2", "c/"],  # the lesson before it, not a.md
        "before": ["b/#asah-quiz-2", "c/", "b/"],  # none before: the nearest after
        "elsewhere": ["c/", "a/#asah-quiz-1"],  # none on the path: where the bank is taken
        "own": ["c/", "kuis/sendiri/"],  # embedded nowhere: its own page
    }
    assert course.bank_url("uji") == "a/#asah-quiz-1"


PATH_LEFT = json.loads(
    (ROOT / "tests" / "fixtures" / "shared" / "path-left.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", PATH_LEFT["cases"], ids=lambda c: c["name"])
def test_a_paths_minutes_and_jp_are_the_browsers(tmp_path, case):
    """The same cases run against progress/model.js `pathLeft` (tests/js/model.test.js)."""
    files = {"quizzes/uji.yml": BANK}
    for lesson in case["lessons"]:
        duration = f"duration: {lesson['minutes']}\n" if lesson["minutes"] else ""
        files[f"content/{lesson['path']}"] = f"---\ncompetencies: [integritas]\n{duration}---\n"
    steps = [s["ref"] if s["kind"] == "lesson" else {"quiz": s["ref"]} for s in case["steps"]]
    files["site_config/paths.yml"] = json.dumps(
        {"paths": [{"id": "p", "title": "P", "steps": steps}]}
    )
    course, reporter = site(tmp_path, minutes_per_jp=case["minutes_per_jp"], **files)
    assert reporter.messages() == []
    shown = catalogue(course)["paths"][0]
    assert course.path_minutes(course.paths[0]) == shown["minutes"] == case["total"]["minutes"]
    assert shown["jp"] == case["total"]["jp"]


def test_one_mistake_gives_one_message(tmp_path):
    """A page whose front matter cannot be read, one that misspells `competencies` and a bank
    that cannot be read each get their own message; what refers to them (a prerequisite, a
    path step or target, a quiz block) says nothing more: whether they are lessons, what
    they build and what they ask is not known until they are fixed."""
    course, reporter = site(
        tmp_path,
        check_quizzes=True,
        **{
            "content/a.md": "---\ncompetencies: {integritas: 2}\ntitle: Kunci: aman\n---\n# A\n",
            "content/b.md": "---\nkompetensi: {integritas: 1}\n---\n# B\n",
            "content/c.md": "---\ncompetencies: [integritas]\nprerequisites: [a.md, b.md]\n---\n"
            "# C\n\n/// quiz | rusak\n///\n",
            "quizzes/rusak.yml": "title: [Rusak\nquestions: []\n",
            "site_config/paths.yml": "paths:\n"
            "  - {id: satu, title: Satu, steps: [a.md, b.md, c.md, {quiz: rusak}]}\n"
            "  - {id: dua, title: Dua, target: {integritas: 2}}\n",
        },
    )
    assert reporter.messages() == [
        "content/a.md:3: front matter bukan YAML yang sah: ada titik dua yang diikuti spasi di "
        'dalam teks; beri tanda kutip pada seluruh teksnya (title: "Kata sandi: '
        'dasar-dasarnya")',
        "content/b.md:2: kunci 'kompetensi' tidak dikenal (maksud Anda 'competencies'?)",
        "quizzes/rusak.yml:1: kesalahan sintaks YAML: '[' yang dibuka di baris ini tidak ditutup "
        "dengan ']'; tutuplah, atau beri tanda kutip pada teksnya bila teks itu memang diawali '['",
    ]
    assert [s.ref for s in course.paths[0].steps] == ["c.md"]
    [block] = course.placed["c.md"]
    assert block.bank is None
    assert block.error == "bank 'rusak' tidak dapat dibaca (lihat pesan untuk file-nya)"


def test_a_framework_that_cannot_be_read_is_the_only_message(tmp_path):
    """Without a framework every competency of every lesson would be unknown."""
    _, reporter = site(
        tmp_path,
        **{
            "site_config/competencies.yml": "extends: asn\ngroups: [\n",
            "content/a.md": "---\ncompetencies: {keamanan-informasi: 2}\n---\n# A\n",
            "quizzes/uji.yml": "competencies: [keamanan-informasi]\n" + BANK.split("\n", 1)[1],
        },
    )
    assert [m.split(": ")[0] for m in reporter.messages()] == ["site_config/competencies.yml:2"]
    assert reporter.fatal_problems


def test_competency_codes_name_competencies_everywhere_ids_do(tmp_path):
    """The built-in framework's codes (`M.04` is orientasi-pada-hasil) in lessons, banks,
    questions and path targets; the site (course.json, the self-assessment) knows only ids."""
    course, reporter = site(
        tmp_path,
        **{
            "content/a.md": "---\ncompetencies: {M.04: 2, m.01: 1}\n---\n# A\n\n"
            "/// quiz | uji\n///\n",
            "content/b.md": "---\ncompetencies: [M.02]\nprerequisites: [a.md]\n---\n# B\n",
            "quizzes/uji.yml": "competencies: {M.03: 1}\nquestions:\n"
            "  - {id: q, type: truefalse, prompt: P, answer: true, competencies: [M.05]}\n",
            "site_config/paths.yml": "paths:\n  - {id: p, title: P, target: {M.04: 2}}\n",
        },
    )
    assert reporter.messages() == []
    assert course.lesson("a.md").competencies == {"orientasi-pada-hasil": 2, "integritas": 1}
    assert course.lesson("b.md").competencies == {"kerja-sama": None}
    bank = course.banks["uji"]
    assert bank.competencies == {"komunikasi": 1}
    assert bank.questions[0].competencies == {"pelayanan-publik": None}
    assert course.paths[0].target == {"orientasi-pada-hasil": 2}
    assert [s.ref for s in course.paths[0].steps] == ["a.md"]
    data = catalogue(course, browser=True)
    assert data["lessons"][0]["competencies"] == [
        {"id": "orientasi-pada-hasil", "level": 2},
        {"id": "integritas", "level": 1},
    ]


def test_an_unknown_competency_is_told_the_closest_id_or_code(tmp_path):
    _, reporter = site(
        tmp_path,
        **{
            "content/a.md": "---\ncompetencies: {M.4: 2, orientasi-hasil: 1}\n---\n# A\n",
            "content/b.md": "---\ncompetencies: {M.04: 2, orientasi-pada-hasil: 3}\n---\n# B\n",
        },
    )
    assert reporter.messages() == [
        "content/a.md:2: kompetensi 'M.4' tidak dikenal (maksud Anda 'M.04'?)",
        "content/a.md:2: kompetensi 'orientasi-hasil' tidak dikenal (maksud Anda "
        "'orientasi-pada-hasil'?)",
        "content/b.md:2: kompetensi 'orientasi-pada-hasil' disebut dua kali (sebagai 'M.04' dan "
        "'orientasi-pada-hasil'); sebutkan setiap kompetensi sekali saja",
    ]


def test_messages_follow_the_setting_rather_than_the_site_language(tmp_path):
    write_tree(tmp_path, {"content/a.md": "---\ncompetencies: {integritas: 9}\n---\n"})
    for choice, expected in (
        ("", "content/a.md:2: level 'integritas' tidak sah: 9; diharapkan bilangan bulat 1–5"),
        ("en", "content/a.md:2: level of 'integritas' must be an integer from 1 to 5, got 9"),
    ):
        settings = Settings(root=tmp_path, docs_dir="content", language="id", messages=choice)
        reporter = Reporter(Messages(settings.message_language))
        read_site(settings, {"a.md": (tmp_path / "content/a.md").read_text()}, reporter)
        assert reporter.messages() == [expected]
