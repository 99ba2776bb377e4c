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
            "site_config/competencies.yml:7: kunci 'nmae' tidak dikenal (maksud Anda 'name'?); "
            "diharapkan salah satu dari: id, name, code, description, levels",
            "site_config/competencies.yml:7: kompetensi 'x' tidak punya nama; diharapkan 'name:'",
            "content/a.md:3: kompetensi 'kemanan-informasi' tidak dikenal (maksud Anda "
            "'keamanan-informasi'?)",
            "content/a.md:4: durasi 'sebentar' tidak dapat dibaca; diharapkan menit (45), '90m', "
            "'1h30m' atau '2 JP'",
            "content/b.md:2: level 'integritas' tidak sah: 7; diharapkan bilangan bulat 1–5",
            "content/a.md:5: prasyarat 'z.md' tidak ada (maksud Anda 'b.md'?); diharapkan path "
            "pelajaran relatif terhadap content/",
            "quizzes/akhir.yml:5: soal benar-salah 'q' memerlukan 'answer: true' atau "
            "'answer: false', tetapi berisi 'ya'",
            "content/a.md:10: draw 5 lebih besar daripada bank 'akhir' (1 soal)",
            "content/a.md:14: blok 'kuis' tidak dikenal (maksud Anda 'quiz'?)",
            "content/b.md:11: soal isian rumpang 'a' punya isian yang tidak ditutup: '[[Selasa'; "
            "tulis setiap isian sebagai [[jawaban]]",
            "content/b.md:14: blok kuis tidak ditutup; diharapkan baris '///' sesudahnya",
            "site_config/paths.yml:4: pelajaran 'c.md' di jalur 'p' tidak dikenal (maksud Anda "
            "'b.md'?); diharapkan path pelajaran relatif terhadap content/",
            "site_config/paths.yml:4: bank soal 'akhirr' di jalur 'p' tidak dikenal (maksud Anda "
            "'akhir'?); diharapkan file quizzes/akhirr.yml",
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
        "mkdocs.yml: pengaturan 'bank_dir' dari asah/quiz tidak dikenal (maksud Anda "
        "'banks_dir'?); diharapkan salah satu dari: enabled, banks_dir, site_id, "
        "solution_after_fail",
        "soal/uji.yml:2: soal benar-salah 'q' memerlukan 'answer: true' atau 'answer: false', "
        "tetapi berisi 'maybe'",
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
        "mkdocs.yml: pengaturan 'solution_after_fail' dari asah/quiz harus true atau false, "
        "tetapi berisi 'perhaps'",
        "mkdocs.yml: nilai 'quiz-passed' untuk pengaturan 'completion' dari asah/paths tidak "
        "dikenal (maksud Anda 'quiz_passed'?); diharapkan salah satu dari: marked, quiz_passed",
        "mkdocs.yml: pengaturan 'jp_target' dari asah/paths harus 0 atau lebih (0: tanpa "
        "target), tetapi berisi -5",
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
    problem = "content/bab/templates/isi.md:2: kompetensi 'tidak-ada' tidak dikenal"
    status, lines, _ = run_check(tmp_path)
    assert status == 1 and [line.split(" (")[0] for line in lines] == [problem]
    built = build_tree(tmp_path, strict=True)
    assert [w.removeprefix("asah: ").split(" (")[0] for w in built.warnings] == [problem]


def test_the_messages_setting_chooses_their_language(tmp_path: Path):
    """An Indonesian course whose authors read English: `messages: en`, for the build and
    `asah check` alike; a language Asah has no messages in is a problem with the setting."""
    config = CONFIG.replace(
        "  - asah/competencies\n", "  - asah/competencies:\n      messages: en\n"
    )
    files = {
        "mkdocs.yml": config,
        "content/index.md": "# Beranda\n",
        "content/a.md": "---\ncompetencies: {integritas: 9}\n---\n# A\n",
        "content/b.md": "---\ncompetencies: [integritas]\n---\n# B\n",
    }
    write_tree(tmp_path, files)
    expected = ["content/a.md:2: level of 'integritas' must be an integer from 1 to 5, got 9"]
    assert run_check(tmp_path)[:2] == (1, expected)
    built = build_tree(tmp_path)
    assert [w.removeprefix("asah: ") for w in built.warnings] == expected
    assert 'lang="id"' in built.page("a")  # the site stays Indonesian
    write_tree(tmp_path, {"mkdocs.yml": config.replace("messages: en", "messages: jv")})
    assert run_check(tmp_path)[1][0] == (
        "mkdocs.yml: nilai 'jv' untuk pengaturan 'messages' dari asah/competencies tidak dikenal; "
        "diharapkan salah satu dari: en, id"
    )


def test_a_mkdocs_yml_that_cannot_be_read_says_what_to_check(tmp_path: Path):
    write_tree(
        tmp_path,
        {"mkdocs.yml": "site_name: K\ntheme:\n  name: material\n  language: id\n\tfont: false\n"},
    )
    status, lines, err = run_check(tmp_path)
    assert (status, lines) == (2, [])
    assert err.startswith("asah check: ") and err.endswith(
        "mkdocs.yml:5: kesalahan sintaks YAML: ada karakter tab di indentasi; YAML hanya "
        "memakai spasi untuk indentasi: ganti tab dengan spasi\n"
    )
