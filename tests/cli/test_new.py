"""`asah new lesson|bank|path`: a file from a template that checks clean, never overwriting;
every bad input is one line and a non-zero exit, and nothing is written. Messages are in the
course's message language, as `asah check`'s: Indonesian for the course `asah init` writes,
English for an English course."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from asah.cli import main
from asah.cli.check import check
from asah.cli.new import ContentError, append_path
from asah.core.messages import Messages

SCHEMA_LINE = "# yaml-language-server: $schema="


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    """A course made by `asah init` in a folder with a space and a non-ASCII letter; the
    current folder is the course's."""
    root = tmp_path / "Kursus Ñandú"
    assert main(["init", str(root)]) == 0
    capsys.readouterr()
    monkeypatch.chdir(root)
    return root


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    status = main(["new", *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err.splitlines()


def problems(root: Path) -> list[str]:
    out = io.StringIO()
    check(str(root / "mkdocs.yml"), out, io.StringIO())
    return out.getvalue().splitlines()


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in root.rglob("*")
        if p.is_file() and "site" not in p.parts
    }


# -- lessons ---------------------------------------------------------------------------------


def test_a_new_lesson_has_every_field_and_checks_clean(course: Path, capsys):
    status, out, err = run(capsys, "lesson", "content/komunikasi-kerja/menulis-notulen")
    assert (status, err) == (0, [])
    assert out == [
        "content/komunikasi-kerja/menulis-notulen.md: pelajaran baru",
        "selanjutnya: tambahkan ke nav: di mkdocs.yml, misalnya  - "
        "komunikasi-kerja/menulis-notulen.md",
    ]
    text = (course / "content/komunikasi-kerja/menulis-notulen.md").read_text("utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Menulis notulen"
    # the course's own competency, which most of its lessons build
    assert front["competencies"] == {"komunikasi-tertulis": 1}
    assert set(front) == {
        "title",
        "description",
        "competencies",
        "duration",
        "objectives",
        "prerequisites",
    }
    assert problems(course) == []


def test_a_lesson_in_a_new_module_folder(course: Path, capsys):
    assert run(capsys, "lesson", "content/pengadaan/perencanaan.md")[0] == 0
    assert (course / "content/pengadaan/perencanaan.md").is_file()
    assert problems(course) == []


def test_a_lesson_from_another_folder_with_f(course: Path, capsys, monkeypatch):
    monkeypatch.chdir(course.parent)
    status, out, _ = run(
        capsys, "lesson", "-f", f"{course.name}/mkdocs.yml", f"{course.name}/content/baru.md"
    )
    assert status == 0 and out[0] == f"{course.name}/content/baru.md: pelajaran baru"


def test_bad_lessons_are_one_line_and_nothing_is_written(course: Path, capsys):
    before = files(course)
    cases = {
        "komunikasi-kerja/x.md": (
            "'komunikasi-kerja/x.md' berada di luar content/; pelajaran adalah halaman di folder "
            "docs: diharapkan path di dalamnya, misalnya content/modul/pelajaran.md (maksud "
            "Anda 'content/komunikasi-kerja/x.md'?)"
        ),
        "../x.md": (
            "'../x.md' berada di luar content/; pelajaran adalah halaman di folder docs: "
            "diharapkan path di dalamnya, misalnya content/modul/pelajaran.md"
        ),
        "content/komunikasi-kerja/email-dinas.md": (
            "content/komunikasi-kerja/email-dinas.md sudah ada; asah new tidak pernah menimpa file"
        ),
        "content/komunikasi-kerja/email-dinas": (
            "content/komunikasi-kerja/email-dinas.md sudah ada; asah new tidak pernah menimpa file"
        ),
        "content/Modul Baru/a.md": (
            "'Modul Baru' tidak cocok sebagai nama file atau folder pelajaran (nama itu menjadi "
            "alamat halaman); nama hanya boleh berisi huruf kecil a-z, angka, dan tanda hubung "
            "tunggal, misalnya 'rapat-efektif.md'"
        ),
        "content/komunikasi-kerja/Rapat_2.md": (
            "'Rapat_2' tidak cocok sebagai nama file atau folder pelajaran (nama itu menjadi "
            "alamat halaman); nama hanya boleh berisi huruf kecil a-z, angka, dan tanda hubung "
            "tunggal, misalnya 'rapat-efektif.md'"
        ),
        "content/komunikasi-kerja": (
            "'content/komunikasi-kerja' adalah folder; berikan file pelajarannya, misalnya "
            "content/modul/pelajaran.md"
        ),
        "content/baru/": (
            "'content/baru/' adalah folder; berikan file pelajarannya, misalnya "
            "content/modul/pelajaran.md"
        ),
        "content/catatan.txt": (
            "'content/catatan.txt': pelajaran adalah file Markdown; diharapkan nama yang "
            "berakhiran .md"
        ),
    }
    for path, message in cases.items():
        assert run(capsys, "lesson", path) == (2, [], [f"asah new lesson: {message}"]), path
    assert files(course) == before


def test_a_folder_without_a_course_is_used_wrongly(tmp_path: Path, capsys, monkeypatch):
    """No mkdocs.yml names a language: English, as `asah check` says a config is unreadable."""
    monkeypatch.chdir(tmp_path)
    for args in (["lesson", "content/a.md"], ["bank", "a"], ["path", "a"]):
        status, out, err = run(capsys, *args)
        assert (status, out) == (2, [])
        assert err == [
            f"asah new {args[0]}: mkdocs.yml: no such config file; run this in the course's "
            "folder (the one with mkdocs.yml) or name the file with -f"
        ]
    assert list(tmp_path.iterdir()) == []


# -- banks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bank_id", ["kata-sandi", "siber/dasar"])
def test_a_new_bank_checks_clean(course: Path, capsys, bank_id: str):
    status, out, err = run(capsys, "bank", bank_id)
    file = course / f"quizzes/{bank_id}.yml"
    assert (status, err) == (0, [])
    assert out == [
        f"quizzes/{bank_id}.yml: bank soal baru '{bank_id}'",
        f"selanjutnya: tempatkan di sebuah pelajaran dengan  /// quiz | {bank_id}  dan "
        "penutup  ///",
    ]
    bank = yaml.safe_load(file.read_text("utf-8"))
    assert {"title", "description", "competencies", "pass", "questions"} <= set(bank)
    assert [q["type"] for q in bank["questions"]] == ["single", "truefalse"]
    assert problems(course) == []
    lesson = course / "content/komunikasi-kerja/email-dinas.md"
    lesson.write_text(lesson.read_text("utf-8") + f"\n/// quiz | {bank_id}\n///\n", "utf-8")
    assert problems(course) == []


def test_a_new_bank_points_at_its_schema_from_any_depth(course: Path, capsys):
    run(capsys, "bank", "siber/lanjut/kata-sandi")
    file = course / "quizzes/siber/lanjut/kata-sandi.yml"
    first = file.read_text("utf-8").splitlines()[0]
    assert first == SCHEMA_LINE + "../../../site_config/schemas/bank.schema.json"
    assert (file.parent / first.removeprefix(SCHEMA_LINE)).is_file()


def test_bad_banks_are_one_line_and_nothing_is_written(course: Path, capsys):
    (course / "quizzes/lama.yaml").write_text("title: Lama\nquestions: []\n", "utf-8")
    before = files(course)
    rule = (
        "id hanya boleh berisi huruf kecil a-z, angka, dan tanda hubung tunggal, serta '/' "
        "untuk folder (misalnya 'keamanan-informasi' atau 'siber/dasar')"
    )
    cases = {
        "Kata Sandi": f"'Kata Sandi' bukan id bank soal yang sah; {rule}",
        "kata--sandi": f"'kata--sandi' bukan id bank soal yang sah; {rule}",
        "siber//dasar": f"'siber//dasar' bukan id bank soal yang sah; {rule}",
        "quizzes/kata-sandi.yml": (
            "berikan id bank soal, bukan file-nya: maksud Anda 'asah new bank kata-sandi'?"
        ),
        "komunikasi-kerja": (
            "quizzes/komunikasi-kerja.yml sudah ada (bank soal 'komunikasi-kerja'); asah new "
            "tidak pernah menimpa file"
        ),
        "lama": (
            "quizzes/lama.yaml sudah ada (bank soal 'lama'); asah new tidak pernah menimpa file"
        ),
    }
    for bank_id, message in cases.items():
        assert run(capsys, "bank", bank_id) == (2, [], [f"asah new bank: {message}"]), bank_id
    assert files(course) == before


# -- learning paths --------------------------------------------------------------------------


def test_a_new_path_is_added_and_the_file_kept_as_written(course: Path, capsys):
    file = course / "site_config/paths.yml"
    old = file.read_text("utf-8")
    status, out, err = run(capsys, "path", "dasar-komunikasi")
    new = file.read_text("utf-8")
    assert (status, err) == (0, [])
    assert new.startswith(old)  # comments and entries as the author wrote them
    line = new.splitlines().index("  - id: dasar-komunikasi") + 1
    assert out == [f"site_config/paths.yml:{line}: jalur belajar baru 'dasar-komunikasi'"]
    paths = yaml.safe_load(new)["paths"]
    assert paths[-1] == {
        "id": "dasar-komunikasi",
        "title": "Dasar komunikasi",
        "description": "Untuk siapa jalur ini dan apa yang dicapai pelajar di akhirnya.",
        "audience": "Semua ASN",
        "steps": ["komunikasi-kerja/email-dinas.md"],  # the course's first lesson
    }
    assert problems(course) == []
    assert run(capsys, "path", "kedua")[0] == 0
    assert [p["id"] for p in yaml.safe_load(file.read_text("utf-8"))["paths"]] == [
        "komunikasi-efektif",
        "dasar-komunikasi",
        "kedua",
    ]


def test_a_paths_file_is_created_when_there_is_none(course: Path, capsys):
    file = course / "site_config/paths.yml"
    file.unlink()
    status, out, _ = run(capsys, "path", "pertama")
    text = file.read_text("utf-8")
    assert status == 0
    line = text.splitlines().index("  - id: pertama") + 1
    assert out == [f"site_config/paths.yml:{line}: jalur belajar baru 'pertama'"]
    assert text.startswith(SCHEMA_LINE + "schemas/paths.schema.json\n")
    assert [p["id"] for p in yaml.safe_load(text)["paths"]] == ["pertama"]
    assert problems(course) == []


def test_bad_paths_are_one_line_and_nothing_is_written(course: Path, capsys):
    file = course / "site_config/paths.yml"
    before = files(course)
    line = file.read_text("utf-8").splitlines().index("  - id: komunikasi-efektif") + 1
    cases = {
        "Jalur Baru": (
            2,
            "'Jalur Baru' bukan id jalur yang sah; id hanya boleh berisi huruf kecil a-z, angka, "
            "dan tanda hubung tunggal (misalnya 'aman-digital')",
        ),
        "komunikasi-efektif": (
            2,
            f"jalur 'komunikasi-efektif' sudah ada (site_config/paths.yml:{line}); pilih id lain",
        ),
    }
    for path_id, (status, message) in cases.items():
        assert run(capsys, "path", path_id) == (status, [], [f"asah new path: {message}"])
    assert files(course) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "paths:\n  - id: a\n   title: A\n",
            "site_config/paths.yml:3: file ini bukan YAML yang sah; `asah check` menunjukkan apa "
            "yang perlu diperbaiki, lalu tambahkan jalurnya lagi",
        ),
        (
            "paths: [{id: a, title: A, steps: [a.md]}]\n",
            "site_config/paths.yml:1: 'paths' harus berupa daftar dengan satu entri '- id:' per "
            "baris (bukan ditulis dalam [kurung siku]) agar asah new path dapat menambahkan "
            "jalur; tambahkan jalurnya secara manual",
        ),
        (
            "- id: a\n",
            "site_config/paths.yml: diharapkan 'paths:', daftar jalur belajar, masing-masing "
            "satu '- id:'",
        ),
    ],
)
def test_a_paths_file_that_cannot_take_an_entry_is_left_alone(
    course: Path, capsys, text: str, message: str
):
    file = course / "site_config/paths.yml"
    file.write_text(text, "utf-8")
    assert run(capsys, "path", "baru") == (1, [], [f"asah new path: {message}"])
    assert file.read_text("utf-8") == text


ENTRY = "- id: baru\n  title: Baru\n  steps:\n    - a.md\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # another key after the list, the author's comment kept where it was
            "paths:\n- id: a\n  title: A\n  steps: [a.md]\n# akhir\nother: 1\n",
            "paths:\n- id: a\n  title: A\n  steps: [a.md]\n# akhir\n\n"
            "- id: baru\n  title: Baru\n  steps:\n    - a.md\nother: 1\n",
        ),
        (  # no newline at the end
            "paths:\n  - id: a\n    steps: [a.md]",
            "paths:\n  - id: a\n    steps: [a.md]\n\n"
            "  - id: baru\n    title: Baru\n    steps:\n      - a.md\n",
        ),
        (  # the author's deeper indentation
            "paths:\n    -   id: a\n        steps: [a.md]\n",
            "paths:\n    -   id: a\n        steps: [a.md]\n\n"
            "    - id: baru\n      title: Baru\n      steps:\n        - a.md\n",
        ),
        ("", "paths:\n  - id: baru\n    title: Baru\n    steps:\n      - a.md\n"),
        (
            "# komentar saja\n",
            "# komentar saja\npaths:\n  - id: baru\n    title: Baru\n    steps:\n      - a.md\n",
        ),
        (
            "# kosong\npaths:\n",
            "# kosong\npaths:\n  - id: baru\n    title: Baru\n    steps:\n      - a.md\n",
        ),
    ],
)
def test_an_entry_goes_at_the_end_of_the_list(text: str, expected: str):
    result, line = append_path(text, ENTRY, "baru", "paths.yml")
    assert result == expected
    assert result.splitlines()[line - 1].strip() == "- id: baru"


def test_an_entry_that_would_change_the_file_is_refused():
    # `paths:` (empty) before another key: the entry cannot go at the end of the file
    with pytest.raises(ContentError) as refused:
        append_path("paths:\nother: 1\n", ENTRY, "baru", "paths.yml")
    assert Messages("id").word(refused.value.problem) == (
        "paths.yml:1: 'paths' harus berupa daftar dengan satu entri '- id:' per baris (bukan "
        "ditulis dalam [kurung siku]) agar asah new path dapat menambahkan jalur; tambahkan "
        "jalurnya secara manual"
    )
    assert str(refused.value) == (  # outside a command: English
        "paths.yml:1: 'paths' must be a list with one '- id:' entry per line (not written in "
        "[brackets]) for asah new path to add to it; add the path by hand"
    )


# -- an English course -----------------------------------------------------------------------


@pytest.fixture(params=["no-language", "messages-en"])
def english(request, course: Path) -> Path:
    """The course in English: its mkdocs.yml names no language (English, as MkDocs' default),
    or keeps `language: id` and sets `messages: en`."""
    config = course / "mkdocs.yml"
    text = config.read_text("utf-8")
    if request.param == "no-language":
        text = text.replace("  language: id ", "  # language: id ")
    else:
        text = text.replace(
            "  - asah/competencies:\n", "  - asah/competencies:\n      messages: en\n"
        )
    config.write_text(text, "utf-8")
    assert problems(course) == []
    return course


def test_an_english_course_gets_english_lesson_messages(english: Path, capsys):
    assert run(capsys, "lesson", "content/komunikasi-kerja/notulen") == (
        0,
        [
            "content/komunikasi-kerja/notulen.md: new lesson",
            "next: add it to nav: in mkdocs.yml, e.g.  - komunikasi-kerja/notulen.md",
        ],
        [],
    )
    assert run(capsys, "lesson", "komunikasi-kerja/x.md") == (
        2,
        [],
        [
            "asah new lesson: 'komunikasi-kerja/x.md' is outside content/; a lesson is a page of "
            "the docs folder: expected a path inside it, e.g. content/modul/pelajaran.md (did "
            "you mean 'content/komunikasi-kerja/x.md'?)"
        ],
    )


def test_an_english_course_gets_english_bank_messages(english: Path, capsys):
    assert run(capsys, "bank", "kata-sandi") == (
        0,
        [
            "quizzes/kata-sandi.yml: new quiz bank 'kata-sandi'",
            "next: place it in a lesson with  /// quiz | kata-sandi  and a closing  ///",
        ],
        [],
    )
    assert run(capsys, "bank", "kata-sandi") == (
        2,
        [],
        [
            "asah new bank: quizzes/kata-sandi.yml already exists (bank 'kata-sandi'); asah new "
            "never overwrites a file"
        ],
    )


def test_an_english_course_gets_english_path_messages(english: Path, capsys):
    file = english / "site_config/paths.yml"
    file.unlink()
    shutil.rmtree(english / "content/komunikasi-kerja")  # no lesson yet
    status, out, err = run(capsys, "path", "pertama")
    line = file.read_text("utf-8").splitlines().index("  - id: pertama") + 1
    assert (status, err) == (0, [])
    assert out == [
        f"site_config/paths.yml:{line}: new learning path 'pertama'",
        "next: the course has no lesson yet; list the path's steps once it has",
    ]
    assert run(capsys, "path", "pertama") == (
        2,
        [],
        [
            f"asah new path: path 'pertama' already exists (site_config/paths.yml:{line}); "
            "choose another id"
        ],
    )
    file.write_text("- id: a\n", "utf-8")
    assert run(capsys, "path", "kedua") == (
        1,
        [],
        [
            "asah new path: site_config/paths.yml: expected 'paths:', a list of learning paths, "
            "one '- id:' each"
        ],
    )


def test_an_indonesian_course_says_it_has_no_lesson_yet(course: Path, capsys):
    (course / "site_config/paths.yml").unlink()
    shutil.rmtree(course / "content/komunikasi-kerja")
    status, out, _ = run(capsys, "path", "pertama")
    assert status == 0
    assert out[1] == (
        "selanjutnya: kursus ini belum punya pelajaran; isi langkah-langkah jalur setelah ada "
        "pelajaran"
    )
