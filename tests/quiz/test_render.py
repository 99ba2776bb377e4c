"""Quiz Markdown → HTML: the extension alone, without MkDocs."""

import json
import re
import textwrap

import markdown

from asah.quiz.extension import QuizExtension
from asah.quiz.render import json_island, shuffled


def convert(source: str, tmp_path, banks: dict[str, str] | None = None) -> str:
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    for name, text in (banks or {}).items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), "utf-8")
    ext = QuizExtension(banks_dir=str(folder), site="uji")
    return markdown.markdown(textwrap.dedent(source), extensions=[ext])


def data_of(html: str) -> dict:
    match = re.search(
        r'<script type="application/json" class="asah-quiz__data">(.*?)</script>', html
    )
    return json.loads(match.group(1))


BANK = """
title: Uji
questions:
  - id: pilih
    type: single
    prompt: Apa tanda *phishing*?
    options:
      - text: Meminta kata sandi
        correct: true
        feedback: Benar, **tidak pernah** diminta.
      - text: Jam kerja
"""


def test_single_choice_markup(tmp_path):
    html = convert("/// quiz | uji\n///\n", tmp_path, {"uji": BANK})
    assert html.startswith(
        '<section class="asah-quiz" id="asah-quiz-1" data-asah-quiz="uji" data-asah-site="uji" '
        'data-asah-load="quiz.js" aria-labelledby="asah-quiz-1-title">\n'
        '<h2 class="asah-quiz__title" id="asah-quiz-1-title">Uji</h2>'
    )
    assert (
        '<li class="asah-question" id="asah-quiz-1-pilih" data-asah-question="pilih" '
        'data-asah-type="single">\n'
        '<fieldset class="asah-question__fieldset" aria-describedby="asah-quiz-1-pilih-prompt">\n'
        '<legend class="asah-question__legend">Soal 1</legend>\n'
        '<div class="asah-question__prompt" id="asah-quiz-1-pilih-prompt">'
        "<p>Apa tanda <em>phishing</em>?</p></div>\n"
        '<ul class="asah-options">\n'
        '<li class="asah-option" data-asah-option="0"><label><input type="radio" '
        'name="asah-quiz-1-pilih" value="0"> <span>Meminta kata sandi</span></label>'
        '<div class="asah-option__feedback" hidden><p>Benar, <strong>tidak pernah</strong> '
        "diminta.</p></div></li>"
    ) in html
    assert (
        '<details class="asah-solution"><summary>Lihat jawaban</summary>\n'
        '<div class="asah-solution__answer"><p>Jawaban benar:</p><ul><li>Meminta kata sandi'
        "</li></ul></div>"
    ) in html
    data = data_of(html)
    assert data["questions"]["pilih"]["correct"] == [0]
    assert data["pass"] == 70 and data["draw"] is None


def test_the_title_is_one_heading_below_the_last_one(tmp_path):
    html = convert("## Uji pemahaman\n\n/// quiz | uji\n///\n", tmp_path, {"uji": BANK})
    assert '<h3 class="asah-quiz__title" id="asah-quiz-1-title">Uji</h3>' in html


def test_fill_blanks_become_labelled_inputs(tmp_path):
    html = convert(
        """
        /// quiz
        questions:
          - id: jp
            type: fill
            prompt: Satu JP = [[45|empat puluh lima]] menit.
        ///
        """,
        tmp_path,
    )
    assert (
        '<p>Satu JP = <input type="text" class="asah-blank" data-asah-blank="0" '
        'aria-label="Isian 1" autocomplete="off" spellcheck="false" size="14"> menit.</p>'
    ) in html
    assert 'data-asah-quiz="page#1"' in html
    assert data_of(html)["questions"]["jp"]["blanks"] == [["45", "empat puluh lima"]]


def test_order_and_match_are_shown_shuffled_and_deterministic(tmp_path):
    source = """
    /// quiz
    questions:
      - id: urut
        type: order
        prompt: Urutkan
        items: [Satu, Dua, Tiga, Empat]
      - id: pasang
        type: match
        prompt: Pasangkan
        pairs: [{left: A, right: "1"}, {left: B, right: "2"}, {left: C, right: "3"}]
    ///
    """
    first = convert(source, tmp_path)
    assert first == convert(source, tmp_path)
    shown = re.findall(r'data-asah-item="(\d)"', first)
    assert sorted(shown) == ["0", "1", "2", "3"] and shown != ["0", "1", "2", "3"]
    rights = re.findall(r"<option value=\"(\d)\">", first)[:3]
    assert sorted(rights) == ["0", "1", "2"] and rights != ["0", "1", "2"]


def test_a_shuffle_never_shows_the_right_order():
    """Without JavaScript an order question or a match list shown in the author's order would
    give the answer away; with it, the order shown as it is must be a wrong answer. Two items
    came back unshuffled for 1 seed in 32 before (five tries, then given up)."""
    for size in range(2, 7):
        values = list(range(size))
        for seed in range(500):
            got = shuffled(values, f"q{seed}:order")
            assert sorted(got) == values and got != values, (size, seed)
            assert got == shuffled(values, f"q{seed}:order")
    assert shuffled([7], "x") == [7]


def test_quiz_syntax_inside_code_fences_is_left_alone(tmp_path):
    html = convert("```\n/// quiz | tidak-ada\n///\n```\n", tmp_path)
    assert "asah-quiz" not in html and "/// quiz | tidak-ada" in html


def test_an_unrenderable_block_is_an_error_box_not_text(tmp_path):
    html = convert("/// quiz | tidak-ada\n///\n", tmp_path)
    assert html == (
        '<div class="admonition failure asah-quiz-error"><p>Kuis ini tidak dapat ditampilkan: '
        "bank soal &#x27;tidak-ada&#x27; tidak dikenal; diharapkan file quizzes/tidak-ada.yml"
        "</p></div>"
    )


def test_json_island_cannot_close_its_script():
    text = json_island({"a": "</script><script>alert(1)</script><!--"})
    assert "<" not in text and ">" not in text
    assert json.loads(str(text)) == {"a": "</script><script>alert(1)</script><!--"}


def test_quiz_html_is_ascii_so_pages_stay_narrow(tmp_path):
    # Dashes and arrows become character references and the data island is ASCII: one other
    # character would make Python hold and encode the whole page the slow way.
    html = convert(
        "/// quiz\ntitle: Urutan — cepat\nquestions:\n"
        "  - {id: u, type: order, prompt: Urutkan → langkah, items: [Satu ✓, Dua · Tiga]}\n"
        "///\n",
        tmp_path,
    )
    assert html.isascii()
    assert "Urutan &#8212; cepat" in html and "Satu &#10003;" in html and "Dua &#183; Tiga" in html
    data = re.search(r'class="asah-quiz__data">(.*?)</script>', html).group(1)
    assert data.isascii()
    assert "—" in data_of(html)["t"]["failed"]  # "Belum lulus — batas lulus …", escaped
