"""`asah check`: the problems a build would report, the same messages, without MkDocs."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from asah.cli import main
from asah.cli.check import check
from tests.conftest import ASN_AND_ONE, MINIMAL_CONFIG, build_tree, write_tree

CONFIG = MINIMAL_CONFIG.replace("  - asah/quiz\n", "  - asah/quiz\n  - asah/paths\n") + (
    "nav:\n  - index.md\n  - Pelajaran Satu: a.md\n  - b.md\n"
)
FRAMEWORK = ASN_AND_ONE
BROKEN = {
    "mkdocs.yml": CONFIG,
    "site_config/competencies.yml": FRAMEWORK + "      - {id: x, nmae: X}\n",
    "site_config/paths.yml": (
        "paths:\n  - id: p\n    title: P\n    steps: [a.md, c.md, {quiz: akhirr}]\n"
    ),
    "quizzes/akhir.yml": (
        "questions:\n  - id: q\n    type: truefalse\n    prompt: P\n    answer: ya\n"
    ),
    "content/index.md": "# Beranda\n",
    "content/a.md": (
        "---\ncompetencies:\n  kemanan-informasi: 2\nduration: sebentar\n"
        "prerequisites: [z.md]\n---\n"
        '# A\n\n!!! question "Latihan"\n    /// quiz | akhir\n    draw: 5\n    ///\n\n'
        "/// kuis | akhir\n///\n"
    ),
    "content/b.md": (
        '---\ncompetencies: {integritas: 7}\n---\n# B\n\n=== "Tab"\n    /// quiz\n'
        "    questions:\n      - id: a\n        type: fill\n"
        "        prompt: Hari [[Senin]] dan [[Selasa\n"
        "    ///\n\n/// quiz | tidak-ada\n"
    ),
}


def run_check(root: Path) -> tuple[int, list[str], str]:
    out, err = io.StringIO(), io.StringIO()
    status = check(str(root / "mkdocs.yml"), out, err)
    return status, out.getvalue().splitlines(), err.getvalue()


def test_check_reports_what_the_build_reports(tmp_path: Path):
    write_tree(tmp_path, BROKEN)
    status, lines, _ = run_check(tmp_path)
    built = build_tree(tmp_path, strict=True)
    assert built.error == "Aborted with 13 warnings in strict mode!"
    warnings = [w.removeprefix("asah: ") for w in built.warnings]
    assert status == 1
    assert sorted(lines) == sorted(warnings)
    assert sorted(lines) == sorted(
        [
            "site_config/competencies.yml:7: unknown key 'nmae' (did you mean 'name'?); expected "
            "one of: id, name, code, description, levels",
            "site_config/competencies.yml:7: competency 'x' has no name; expected 'name:'",
            "content/a.md:3: unknown competency 'kemanan-informasi' (did you mean "
            "'keamanan-informasi'?)",
            "content/a.md:4: duration 'sebentar' is not a duration; expected minutes (45), '90m', "
            "'1h30m' or '2 JP'",
            "content/b.md:2: level of 'integritas' must be an integer from 1 to 5, got 7",
            "content/a.md:5: prerequisite 'z.md' does not exist (did you mean 'b.md'?); expected a "
            "lesson path relative to content/",
            "quizzes/akhir.yml:5: true/false question 'q' needs 'answer: true' or 'answer: "
            "false', got 'ya'",
            "content/a.md:10: draw 5 is larger than the bank 'akhir' (1 questions)",
            "content/a.md:14: unknown block 'kuis' (did you mean 'quiz'?)",
            "content/b.md:11: fill question 'a' has a blank that is not closed: '[[Selasa'; write "
            "each blank as [[jawaban]]",
            "content/b.md:14: quiz block is not closed; expected a line '///' after it",
            "site_config/paths.yml:4: unknown lesson 'c.md' in path 'p' (did you mean 'b.md'?); "
            "expected a lesson path relative to content/",
            "site_config/paths.yml:4: unknown quiz bank 'akhirr' in path 'p' (did you mean "
            "'akhir'?); expected a file quizzes/akhirr.yml",
        ]
    )


def test_a_good_course_checks_clean_and_uses_nav_titles(tmp_path: Path):
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": CONFIG,
            "content/index.md": "# Beranda\n",
            "content/a.md": "---\ncompetencies: [integritas]\n---\n```\n# bukan judul\n```\n",
            "content/b.md": "---\ncompetencies: [integritas]\nprerequisites: [a.md]\n---\n# Bee\n",
        },
    )
    assert run_check(tmp_path) == (0, [], "")


def test_exit_status_2_when_used_wrongly(tmp_path: Path):
    status, lines, err = run_check(tmp_path)
    assert status == 2 and lines == []
    assert err.startswith("asah check: ") and "mkdocs.yml: cannot be read" in err
    assert main(["check", "-f", str(tmp_path / "none.yml")]) == 2
    wrong = subprocess.run(
        [sys.executable, "-m", "asah.cli", "chek"], capture_output=True, text=True
    )
    assert wrong.returncode == 2 and "invalid choice: 'chek'" in wrong.stderr


def test_settings_of_the_plugins_are_read_and_checked(tmp_path: Path):
    config = CONFIG.replace(
        "  - asah/quiz\n", "  - asah/quiz:\n      banks_dir: soal\n      bank_dir: x\n"
    )
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": "INHERIT: base.yml\n",
            "base.yml": config
            + "markdown_extensions:\n  - pymdownx.emoji:\n"
            + "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
            "soal/uji.yml": "questions:\n  - {id: q, type: truefalse, prompt: P, answer: maybe}\n",
            "content/index.md": "# Beranda\n",
        },
    )
    status, lines, _ = run_check(tmp_path)
    assert status == 1
    assert lines == [
        "mkdocs.yml: unknown setting 'bank_dir' of asah/quiz (did you mean 'banks_dir'?); "
        "expected one of: enabled, banks_dir, site_id, solution_after_fail",
        "soal/uji.yml:2: true/false question 'q' needs 'answer: true' or 'answer: false', got "
        "'maybe'",
    ]


def test_asah_check_knows_every_option_of_the_plugins():
    """`asah check` reads mkdocs.yml through settings.OPTIONS: it must name every option the
    plugins take, with the type MkDocs checks."""
    from mkdocs.config import config_options as c

    from asah.competencies.config import CompetenciesConfig
    from asah.paths.config import PathsConfig
    from asah.quiz.config import QuizConfig
    from asah.site.settings import OPTIONS

    for feature, config in (
        ("competencies", CompetenciesConfig),
        ("quiz", QuizConfig),
        ("paths", PathsConfig),
    ):
        schema = dict(config._schema)
        assert list(schema) == list(OPTIONS[feature]), feature
        for name, option in schema.items():
            inner = option.option if isinstance(option, c.Optional) else option
            if isinstance(inner, c.Choice):  # a choice of words
                expected = type(inner.choices[0])
            else:
                expected = list if isinstance(inner, c.ListOfItems) else inner._type
            assert OPTIONS[feature][name][1] is expected, (feature, name)


def test_progress_settings_with_a_wrong_value_are_reported(tmp_path: Path):
    """The completion rule, the yearly JP target and the solution setting, checked as MkDocs
    checks them (tests/paths/test_progress_settings.py)."""
    config = CONFIG.replace(
        "  - asah/paths\n",
        "  - asah/paths:\n      completion: quiz-passed\n      jp_target: -5\n",
    ).replace("  - asah/quiz\n", "  - asah/quiz:\n      solution_after_fail: perhaps\n")
    write_tree(tmp_path, {"mkdocs.yml": config, "content/index.md": "# Beranda\n"})
    status, lines, _ = run_check(tmp_path)
    assert status == 1
    assert lines == [
        "mkdocs.yml: setting 'solution_after_fail' of asah/quiz must be bool, got 'perhaps'",
        "mkdocs.yml: unknown value 'quiz-passed' of setting 'completion' of asah/paths (did you "
        "mean 'quiz_passed'?); expected one of: marked, quiz_passed",
        "mkdocs.yml: setting 'jp_target' of asah/paths must be 0 or more (0: no target), got -5",
    ]


def test_pages_the_build_leaves_out_are_not_checked(tmp_path: Path):
    broken = "---\ncompetencies: {tidak-ada: 1}\n---\n# Rusak\n"
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": CONFIG.split("nav:")[0]
            + "exclude_docs: |\n  /arsip/\n  *.draf.md\ndraft_docs: |\n  konsep/\n",
            "content/index.md": "# Beranda\n",
            "content/arsip/lama.md": broken,
            "content/bab/catatan.draf.md": broken,
            "content/konsep/baru.md": broken,
            "content/templates/contoh.md": broken,
            "content/bab/templates/isi.md": broken,  # only the top templates/ is left out
        },
    )
    problem = "content/bab/templates/isi.md:2: unknown competency 'tidak-ada'"
    status, lines, _ = run_check(tmp_path)
    assert status == 1 and [line.split(" (")[0] for line in lines] == [problem]
    built = build_tree(tmp_path, strict=True)
    assert [w.removeprefix("asah: ").split(" (")[0] for w in built.warnings] == [problem]
