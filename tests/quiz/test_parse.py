"""Quiz bank validation: every message an author can meet, asserted exactly."""

import textwrap

import pytest

from asah.core.diagnostics import Reporter
from asah.quiz.model import Bank
from asah.quiz.parse import read_bank, read_block_options

PATH = "quizzes/uji.yml"


def read(text: str, competencies=None) -> tuple[Bank | None, Reporter]:
    reporter = Reporter()
    bank = read_bank(
        textwrap.dedent(text).lstrip("\n"), "uji", PATH, reporter, competencies=competencies
    )
    return bank, reporter


def messages(text: str, competencies=None) -> list[str]:
    return read(text, competencies)[1].messages()


def test_a_full_bank():
    bank, reporter = read(
        """
        title: Uji
        competencies: {keamanan-informasi: 2}
        pass: 80
        draw: 2
        shuffle: true
        questions:
          - id: a
            type: single
            prompt: P
            options:
              - {text: X, correct: true, feedback: F}
              - {text: Y}
          - id: b
            type: fill
            prompt: Satu JP = [[45|empat puluh lima]] menit
            points: 2
            competencies: {integritas: 1}
        """
    )
    assert reporter.messages() == []
    assert (bank.pass_percent, bank.draw, bank.shuffle) == (80, 2, True)
    assert bank.questions[0].competencies == {"keamanan-informasi": 2}
    assert bank.questions[1].competencies == {"integritas": 1}
    assert bank.questions[1].spec == [["45", "empat puluh lima"]]
    assert bank.questions[1].points == 2


def q(body: str) -> str:
    """A bank with one question whose lines are `body` (indented under the list item)."""
    lines = textwrap.dedent(body).strip().splitlines()
    return "questions:\n  - " + "\n    ".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            q("type: single\nprompt: P"),
            [
                f"{PATH}:2: question 1 has no id; expected 'id:' (lowercase letters, digits "
                "and hyphens, kept stable across edits)"
            ],
        ),
        (
            q("id: Tanda Phishing\ntype: truefalse\nprompt: P\nanswer: true"),
            [
                f"{PATH}:2: question id 'Tanda Phishing' is not valid; expected lowercase "
                "letters, digits and hyphens (e.g. 'tanda-phishing')"
            ],
        ),
        (
            q("id: a\ntype: singel\nprompt: P"),
            [
                f"{PATH}:3: unknown question type 'singel' (did you mean 'single'?); expected "
                "one of: single, multiple, truefalse, text, number, fill, order, match, category"
            ],
        ),
        (
            q("id: a\ntype: truefalse\nprompt: P\nanswer: true\nexplanasi: E"),
            [
                f"{PATH}:6: unknown key 'explanasi' in question 'a' (did you mean "
                "'explanation'?); expected one of: id, type, prompt, explanation, hint, points, "
                "competencies, answer"
            ],
        ),
        (
            q("id: a\ntype: truefalse\nprompt: P\nanswer: true\noptions: []"),
            [f"{PATH}:6: key 'options' does not apply to truefalse question 'a'; expected: answer"],
        ),
        (
            q("id: a\ntype: single\nprompt: P\noptions:\n  - {text: X}\n  - {text: Y}"),
            [
                f"{PATH}:5: single-choice question 'a' needs exactly one option with "
                "'correct: true', found 0"
            ],
        ),
        (
            q(
                "id: a\ntype: single\nprompt: P\noptions:\n  - {text: X, correct: true}\n"
                "  - {text: Y, correct: true}"
            ),
            [
                f"{PATH}:5: single-choice question 'a' needs exactly one option with "
                "'correct: true', found 2; use type: multiple for several"
            ],
        ),
        (
            q("id: a\ntype: multiple\nprompt: P\noptions:\n  - {text: X}\n  - {text: Y}"),
            [
                f"{PATH}:5: multiple-choice question 'a' needs at least one option with "
                "'correct: true'"
            ],
        ),
        (
            q("id: a\ntype: truefalse\nprompt: P\nanswer: ya"),
            [
                f"{PATH}:5: true/false question 'a' needs 'answer: true' or 'answer: false', "
                "got 'ya'"
            ],
        ),
        (
            q("id: a\ntype: text\nprompt: P"),
            [
                f"{PATH}:2: text question 'a' needs 'answers' (a list of accepted answers) or "
                "'pattern' (a regular expression)"
            ],
        ),
        (
            q("id: a\ntype: text\nprompt: P\npattern: '^(ASN$'"),
            [
                f"{PATH}:5: pattern of question 'a' is not a valid regular expression: "
                "missing ), unterminated subpattern at position 1"
            ],
        ),
        (
            q("id: a\ntype: number\nprompt: P\nanswer: dua puluh"),
            [
                f"{PATH}:5: answer of number question 'a' must be a number, got 'dua puluh' "
                "(write it without quotes or group marks: 200000000)"
            ],
        ),
        (
            q("id: a\ntype: number\nprompt: P\nanswer: 20\ntolerance: -1"),
            [f"{PATH}:6: tolerance of question 'a' must be zero or positive, got -1"],
        ),
        (
            q("id: a\ntype: fill\nprompt: Satu JP sama dengan 45 menit"),
            [
                f"{PATH}:4: fill question 'a' has no blanks; write each blank in the prompt as "
                "[[jawaban]] or [[jawaban|alternatif]]"
            ],
        ),
        (
            q("id: a\ntype: fill\nprompt: Hari [[Senin]] dan [[Selasa"),
            [
                f"{PATH}:4: fill question 'a' has a blank that is not closed: '[[Selasa'; write "
                "each blank as [[jawaban]]"
            ],
        ),
        (
            q("id: a\ntype: text\nprompt: P\npattern: '^M\\.?0?1$'"),
            [
                f"{PATH}:5: text question 'a' has a pattern but no readable answer to show "
                "learners; add 'example:' (an answer the pattern accepts) or 'answers:'"
            ],
        ),
        (
            q("id: a\ntype: text\nprompt: P\npattern: '^M\\.?0?1$'\nexample: M.02"),
            [
                f"{PATH}:6: example 'M.02' of question 'a' does not match its pattern; expected "
                "an answer the pattern accepts"
            ],
        ),
        (
            q(
                "id: a\ntype: single\nprompt: P\noptions:\n"
                "  - {text: yes, correct: true}\n  - {text: no}"
            ),
            [
                f"{PATH}:6: 'text' must be text, got true (YAML reads yes/no/true/false without "
                "quotes as true or false: put the text in quotes)",
                f"{PATH}:7: 'text' must be text, got false (YAML reads yes/no/true/false without "
                "quotes as true or false: put the text in quotes)",
            ],
        ),
        (
            q("id: a\ntype: category\nprompt: P\ncategories:\n  - {name: A, items: [x]}"),
            [
                f"{PATH}:5: category question 'a' needs at least 2 categories in 'categories', "
                "each with 'name' and 'items'"
            ],
        ),
        (
            q(
                "id: a\ntype: category\nprompt: P\ncategories:\n  - {name: A, items: [x, y]}\n"
                "  - {nama: B, items: [x]}\n  - {name: C, items: 3}"
            ),
            [
                f"{PATH}:7: unknown key 'nama' in category 2 of question 'a' (did you mean "
                "'name'?); expected one of: name, items",
                f"{PATH}:7: category 2 of question 'a' has no name",
                f"{PATH}:8: 'items' of category 3 of question 'a' must be a list",
                f"{PATH}:5: category question 'a' has the item 'x' twice; every item must be "
                "different",
            ],
        ),
        (
            q("id: a\ntype: order\nprompt: P\nitems: [Satu]"),
            [f"{PATH}:5: order question 'a' needs at least 2 items in 'items', got 1"],
        ),
        (
            q(
                "id: a\ntype: match\nprompt: P\npairs:\n  - {left: A, right: '1'}\n"
                "  - {left: A, right: '2'}"
            ),
            [
                f"{PATH}:5: match question 'a' has the left side 'A' twice; every left side "
                "must be different"
            ],
        ),
        (
            "draw: 3\n" + q("id: a\ntype: truefalse\nprompt: P\nanswer: true"),
            [
                f"{PATH}:1: draw 3 is larger than the bank (1 questions); expected at most the "
                "number of questions"
            ],
        ),
        (
            "pass: 120\n" + q("id: a\ntype: truefalse\nprompt: P\nanswer: true"),
            [f"{PATH}:1: pass must be a number from 0 to 100, got 120"],
        ),
        (
            "titel: Uji\n" + q("id: a\ntype: truefalse\nprompt: P\nanswer: true"),
            [
                f"{PATH}:1: unknown key 'titel' in the bank (did you mean 'title'?); expected "
                "one of: title, description, competencies, pass, draw, shuffle, questions"
            ],
        ),
        (
            "title: Kosong\n",
            [f"{PATH}:1: a quiz needs 'questions:', a list of at least one question"],
        ),
    ],
)
def test_messages(text, expected):
    assert messages(text) == expected


def test_duplicate_question_ids_are_fatal():
    bank, reporter = read(
        q("id: a\ntype: truefalse\nprompt: P\nanswer: true")
        + "  - id: a\n    type: truefalse\n    prompt: Q\n    answer: false\n"
    )
    assert reporter.messages() == [
        f"{PATH}:6: duplicate question id 'a' (first at line 2); question ids must be unique "
        "in a bank"
    ]
    assert reporter.fatal_problems
    assert [x.prompt for x in bank.questions] == ["P"]


def test_yaml_syntax_error_in_a_bank_is_fatal():
    bank, reporter = read("title: [Uji\nquestions: []\n")
    assert bank is None
    assert reporter.messages() == [
        f"{PATH}:1: YAML syntax error: the '[' opened on this line is not closed with ']'; "
        "close it, or put the text in quotes if it starts with '['"
    ]
    assert reporter.fatal_problems


def test_unknown_competency_in_a_bank():
    assert messages(
        "competencies: {kemanan-informasi: 2}\n"
        + q("id: a\ntype: truefalse\nprompt: P\nanswer: true"),
        competencies=["keamanan-informasi"],
    ) == [f"{PATH}:1: unknown competency 'kemanan-informasi' (did you mean 'keamanan-informasi'?)"]


def test_block_options():
    reporter = Reporter()
    assert read_block_options("draw: 3\nshuffle: false\n", "content/a.md", reporter, 10) == {
        "draw": 3,
        "shuffle": False,
    }
    assert read_block_options("", "content/a.md", reporter, 10) == {}
    assert reporter.messages() == []
    read_block_options("drew: 3\n", "content/a.md", reporter, 10)
    assert reporter.messages() == [
        "content/a.md:11: unknown key 'drew' in the quiz block (did you mean 'draw'?); expected "
        "one of: draw, shuffle, pass, title"
    ]


def test_a_category_question():
    bank, reporter = read(
        q(
            """
            id: k
            type: category
            prompt: Kelompokkan.
            categories:
              - name: Umum
                items: [Nama, Alamat]
              - name: Spesifik
                items:
                  - {text: Kesehatan, feedback: Data kesehatan itu spesifik.}
              - name: Bukan data pribadi
            """
        )
    )
    assert reporter.messages() == []
    spec = bank.questions[0].spec
    assert spec.categories == ["Umum", "Spesifik", "Bukan data pribadi"]
    assert [(i.text, i.category, i.feedback) for i in spec.items] == [
        ("Nama", 0, ""),
        ("Alamat", 0, ""),
        ("Kesehatan", 1, "Data kesehatan itu spesifik."),
    ]


# Fingerprints computed by Asah before question types were modules: a question an author did not
# change keeps its fingerprint, and so learners keep their results, across Asah versions.
FINGERPRINTS = {
    "tunggal": "c82c989e23",
    "jamak": "b6ce9a549b",
    "bs": "6c11e5847f",
    "teks": "bc35e0f47d",
    "angka": "671176b6f6",
    "isi": "1720b94c41",
    "urut": "da2004ff0a",
    "jodoh": "54a4cb401f",
}
STABLE_BANK = """
questions:
  - id: tunggal
    type: single
    prompt: Apa tanda umum email *phishing*?
    options:
      - {text: Meminta kata sandi, correct: true, feedback: Benar.}
      - {text: Dikirim pagi, feedback: Bukan.}
  - id: jamak
    type: multiple
    partial: true
    prompt: Pilih.
    options: [{text: "2", correct: true}, {text: "3"}]
  - id: bs
    type: truefalse
    prompt: Satu JP 45 menit.
    answer: true
  - id: teks
    type: text
    prompt: Singkatan?
    answers: [ASN]
    pattern: '^A'
  - id: angka
    type: number
    prompt: Berapa?
    answer: 20
    tolerance: 0.5
  - id: isi
    type: fill
    prompt: Satu JP = [[45|empat puluh lima]] menit.
  - id: urut
    type: order
    prompt: Urutkan.
    items: [Satu, Dua, Tiga]
  - id: jodoh
    type: match
    prompt: Pasangkan.
    pairs: [{left: M.01, right: Integritas}, {left: M.02, right: Kerja Sama}]
"""


def test_fingerprints_stay_what_they_were():
    bank, reporter = read(STABLE_BANK)
    assert reporter.messages() == []
    assert {q.id: q.fingerprint() for q in bank.questions} == FINGERPRINTS


def test_fingerprint_ignores_feedback_but_not_the_answer():
    base = q("id: a\ntype: truefalse\nprompt: P\nanswer: true\nexplanation: E")
    fp = read(base)[0].questions[0].fingerprint()
    assert read(base.replace("E", "Lain"))[0].questions[0].fingerprint() == fp
    assert read(base.replace("answer: true", "answer: false"))[0].questions[0].fingerprint() != fp
