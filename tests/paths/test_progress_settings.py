"""The progress settings in real MkDocs builds: when a lesson counts (`completion`), the yearly JP
target (`jp_target`) and the solution after a failed attempt (`solution_after_fail`), what the
pages carry for the browser, and the messages for wrong values."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import write_tree
from tests.paths.test_plugin import COURSE

STRICT = COURSE["mkdocs.yml"].replace(
    "  - asah/paths\n", "  - asah/paths:\n      completion: quiz_passed\n"
)


def catalogue(result) -> dict:
    return json.loads((result.site / "course.json").read_text("utf-8"))


def app_data(page: str) -> dict:
    island = page.split('<script type="application/json" class="asah-course-data">')[1]
    return json.loads(island.split("</script>")[0])


def test_defaults_marked_and_20_jp_a_year_on_an_indonesian_site(course):
    result = course(COURSE, strict=True)
    assert result.error is None and result.warnings == []
    data = catalogue(result)
    assert (data["completion"], data["jp_target"]) == ("marked", 20)
    assert (app_data(result.page("kemajuan"))["completion"], data["jp_target"]) == ("marked", 20)
    # marking done is enough: pages carry no quizzes to wait for
    assert "data-asah-quizzes" not in result.page("b") + result.page("jalur/jalan")
    assert 'data-asah-completion="marked"' in result.page("jalur/jalan")
    assert "asah-done__rule" not in result.page("b")
    quiz = result.page("b").split('class="asah-quiz__data">')[1].split("</script>")[0]
    assert json.loads(quiz)["solution_after_fail"] is True
    assert (
        '<p class="asah-level-rule">Anda mencapai sebuah level bila semua pelajaran kompetensi '
        "ini sampai level itu ditandai selesai. Kemajuan Anda ada di halaman "
        '<a href="../../kemajuan/">Kemajuan Saya</a>.</p>'
    ) in result.page("kompetensi/integritas")


def test_quiz_passed_pages_carry_the_quizzes_a_lesson_waits_for(course):
    result = course({**COURSE, "mkdocs.yml": STRICT}, strict=True)
    assert result.error is None and result.warnings == []
    assert catalogue(result)["completion"] == "quiz_passed"
    lesson = result.page("b")
    assert 'data-asah-quizzes="[&#34;tertanam&#34;]"' in lesson
    assert (
        '<span class="asah-done__rule">Pelajaran ini dihitung selesai setelah ditandai selesai '
        "dan kuisnya lulus.</span>"
    ) in lesson
    assert "data-asah-quizzes" not in result.page("a")  # no quiz: marking it is enough
    path = result.page("jalur/jalan")
    assert 'data-asah-completion="quiz_passed"' in path
    assert 'data-asah-step="lesson:b.md" data-asah-quizzes="[&#34;tertanam&#34;]"' in path
    listing = result.page("jalur")
    assert 'data-asah-quizzes="{&#34;b.md&#34;: [&#34;tertanam&#34;]}"' in listing
    assert "ditandai selesai dan kuisnya lulus. Kemajuan Anda" in result.page(
        "kompetensi/integritas"
    )


@pytest.mark.parametrize(
    ("jp", "jp_target", "expected"),
    [
        (None, None, None),  # English: no JP, so no target
        (True, None, None),  # JP, but no default target outside Indonesian sites
        (True, 12, 12),
        (False, 12, None),  # a target without JP means nothing
    ],
)
def test_the_yearly_target_on_an_english_site(course, jp, jp_target, expected):
    config = COURSE["mkdocs.yml"].replace("language: id", "language: en")
    if jp is not None:
        config = config.replace(
            "  - asah/competencies\n", f"  - asah/competencies:\n      jp: {str(jp).lower()}\n"
        )
    if jp_target is not None:
        config = config.replace(
            "  - asah/paths\n", f"  - asah/paths:\n      jp_target: {jp_target}\n"
        )
    framework = "groups:\n  - id: g\n    name: G\n    competencies:\n"
    framework += "      - {id: integritas, name: Integrity}\n      - {id: komunikasi, name: Talk}\n"
    result = course(
        {**COURSE, "mkdocs.yml": config, "site_config/competencies.yml": framework}, strict=True
    )
    assert result.error is None and result.warnings == []
    assert catalogue(result)["jp_target"] == expected
    assert app_data(result.page("progress"))["jp_target"] == expected


def test_a_target_of_0_is_none(course):
    config = COURSE["mkdocs.yml"].replace(
        "  - asah/paths\n", "  - asah/paths:\n      jp_target: 0\n"
    )
    result = course({**COURSE, "mkdocs.yml": config}, strict=True)
    assert catalogue(result)["jp_target"] is None


def test_solution_after_fail_off_goes_into_every_quiz(course):
    config = COURSE["mkdocs.yml"].replace(
        "  - asah/quiz\n", "  - asah/quiz:\n      solution_after_fail: false\n"
    )
    result = course({**COURSE, "mkdocs.yml": config}, strict=True)
    for url in ("b", "kuis/akhir"):
        quiz = result.page(url).split('class="asah-quiz__data">')[1].split("</script>")[0]
        assert json.loads(quiz)["solution_after_fail"] is False, url
    # without JavaScript the answers can still be revealed
    assert '<details class="asah-solution">' in result.page("b")


WRONG = [
    (
        "  - asah/paths:\n      completion: quiz-passed\n",
        "Config value 'plugins': Plugin 'asah/paths' option 'completion': Expected one of: "
        "('marked', 'quiz_passed') but received: 'quiz-passed'",
    ),
    (
        "  - asah/paths:\n      jp_target: -5\n",
        "Config value 'plugins': Plugin 'asah/paths' option 'jp_target': Expected a whole "
        "number, 0 or more, but received: -5",
    ),
    (
        "  - asah/paths:\n      jp_target: yes\n",
        "Config value 'plugins': Plugin 'asah/paths' option 'jp_target': Expected a whole "
        "number, 0 or more, but received: True",
    ),
    (
        "  - asah/paths\n  - asah/quiz:\n      solution_after_fail: perhaps\n",
        "Config value 'plugins': Plugin 'asah/quiz' option 'solution_after_fail': Expected "
        "type: <class 'bool'> but received: <class 'str'>",
    ),
]


@pytest.mark.parametrize(("paths", "message"), WRONG)
def test_a_wrong_value_is_a_configuration_error(tmp_path: Path, caplog, paths, message):
    config = COURSE["mkdocs.yml"].replace("  - asah/paths\n", paths)
    if "asah/quiz:" in paths:
        config = config.replace("  - asah/quiz\n  - asah/paths", "  - asah/paths", 1)
    write_tree(tmp_path, {**COURSE, "mkdocs.yml": config})
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        load_config(str(tmp_path / "mkdocs.yml"))
    assert message in caplog.text


def test_mkdocs_build_says_what_is_wrong_without_a_traceback(tmp_path: Path):
    config = COURSE["mkdocs.yml"].replace("  - asah/paths\n", WRONG[0][0])
    write_tree(tmp_path, {**COURSE, "mkdocs.yml": config})
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""},
    )
    assert run.returncode == 1
    assert WRONG[0][1] in run.stderr and "Traceback" not in run.stderr
