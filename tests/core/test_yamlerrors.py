"""YAML that cannot be read: what to check, in plain words, at the line to look at."""

import pytest

from asah.core import yamldoc
from asah.core.diagnostics import Reporter
from asah.core.messages import Messages
from asah.core.reader import load

# (YAML, the line to look at, what to check)
CASES = [
    ("title: Kata sandi: dasar\n", 1, "colon"),
    ("options:\n  - text: Benar: ini\n    correct: true\n", 2, "colon"),
    ("title: A\n  description: B\n", 2, "indent"),
    ("questions:\n  - id: a\n   type: single\n", 3, "indent"),
    ("questions:\n  - id: a\n    type: x\n   - id: b\n", 4, "indent"),
    ("a:\n  b: 1\n c: 2\n", 3, "indent"),
    ("q:\n  - id: a\n    options:\n      - text: a\n     correct: true\n", 5, "indent"),
    ("title: A\n\tdescription: B\n", 2, "tab"),
    ('title: A\ndescription: "B\nobjectives: []\n', 2, "quote"),
    ("title: 'A\ndescription: B\n", 1, "quote"),
    ("competencies: [a, b\ntitle: x\n", 1, "bracket"),
    ("competencies: {a: 1, b: 2\ntitle: x\n", 1, "bracket"),
    ("title: x\nsteps: [\n", 2, "bracket"),
    ("steps: [a.md,\n", 1, "bracket"),
    ("prompt: *Phishing* adalah penipuan\n", 1, "special_start"),
    ("prompt: *Penting adalah\n", 1, "special_start"),
    ("prompt: `kode` adalah\n", 1, "special_start"),
    ("prompt: @pengguna\n", 1, "special_start"),
    ("prompt: !penting\n", 1, "special_start"),
    ("prompt: | teks\n", 1, "special_start"),
    ('title: "A" dan B\n', 1, "after_value"),
    ("answer: 'Jum'at'\n", 1, "after_value"),
    ("prompt: [[Senin]] adalah hari\n", 1, "after_value"),
    ("title: A\ndescription\nx: 1\n", 2, "no_colon"),
    ('path: "C:\\data"\n', 1, "escape"),
]


@pytest.mark.parametrize(("text", "line", "kind"), CASES)
def test_common_mistakes_say_what_to_check(text, line, kind):
    with pytest.raises(yamldoc.YamlSyntaxError) as error:
        yamldoc.load(text)
    assert (error.value.kind, error.value.line) == (kind, line)


def _message(text: str, language: str | None = None, offset: int = 0) -> str:
    reporter = Reporter(Messages(language))
    assert load(text, "quizzes/a.yml", reporter, line_offset=offset) is None
    [message] = reporter.messages()
    return message


def test_messages_in_english_and_indonesian_keep_the_parser_out():
    text = "questions:\n  - id: a\n    prompt: Kunci: aman\n"
    assert _message(text) == (
        "quizzes/a.yml:3: YAML syntax error: a colon followed by a space inside a text; put "
        'the whole text in quotes (title: "Passwords: the basics")'
    )
    assert _message(text, "id") == (
        "quizzes/a.yml:3: kesalahan sintaks YAML: ada titik dua yang diikuti spasi di dalam "
        'teks; beri tanda kutip pada seluruh teksnya (title: "Kata sandi: dasar-dasarnya")'
    )
    assert _message("title: A\n\tpass: 70\n", "id") == (
        "quizzes/a.yml:2: kesalahan sintaks YAML: ada karakter tab di indentasi; YAML hanya "
        "memakai spasi untuk indentasi: ganti tab dengan spasi"
    )
    assert _message('title: "Kuis\npass: 70\n', "id") == (
        'quizzes/a.yml:1: kesalahan sintaks YAML: tanda kutip " yang membuka teks di baris ini '
        'tidak pernah ditutup; akhiri teksnya dengan "'
    )
    assert _message("questions:\n  - id: a\n   type: single\n", "id").startswith(
        "quizzes/a.yml:3: kesalahan sintaks YAML: periksa indentasi baris ini: "
    )
    assert _message("steps: [a.md, b.md\n", "id") == (
        "quizzes/a.yml:1: kesalahan sintaks YAML: '[' yang dibuka di baris ini tidak ditutup "
        "dengan ']'; tutuplah, atau beri tanda kutip pada teksnya bila teks itu memang diawali '['"
    )
    assert _message("prompt: *Phishing* adalah\n", "id") == (
        "quizzes/a.yml:1: kesalahan sintaks YAML: teks yang diawali '*' harus diberi tanda "
        "kutip; beri tanda kutip pada seluruh teksnya"
    )


def test_lines_count_from_the_start_of_the_file():
    # an inline quiz starts inside a page; its lines are the page's
    assert _message("title: A\n  pass: 70\n", offset=10).startswith("quizzes/a.yml:12: ")


def test_a_rare_error_keeps_the_parsers_words():
    assert _message("a: {b: 1,, c: 2}\n") == (
        "quizzes/a.yml:1: YAML syntax error: expected the node content, but found ','"
    )
