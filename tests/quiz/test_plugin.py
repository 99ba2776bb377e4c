"""Quizzes in real MkDocs builds: messages with file lines, stops, escaping."""

from __future__ import annotations

from tests.conftest import injections

BANK = """
title: Uji Phishing
questions:
  - id: tanda
    type: truefalse
    prompt: Email resmi tidak meminta kata sandi.
    answer: true
"""

LESSON = """---
title: Pelajaran
competencies: {{integritas: 1}}
---
Teks.

{block}
"""


def test_embedded_bank_and_inline_quiz_render(course):
    result = course(
        {
            "quizzes/siber/phishing.yml": BANK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.format(
                block="/// quiz | siber/phishing\n///\n\n/// quiz\nquestions:\n"
                "  - {id: x, type: truefalse, prompt: P, answer: false}\n///\n"
            ),
        },
        strict=True,
    )
    assert result.error is None and result.warnings == []
    html = result.page("a")
    assert 'data-asah-quiz="siber/phishing"' in html
    assert 'data-asah-quiz="a.md#1"' in html
    assert 'data-asah-site="kursus-uji"' in html
    assert '<script src="../assets/asah/asah.js" defer></script>' in html
    assert "AsahLoader" in (result.site / "assets/asah/asah.js").read_text("utf-8")
    assert 'data-asah-load="quiz.js"' in html  # the loader brings the quiz runtime
    assert "AsahQuiz" in (result.site / "assets/asah/quiz.js").read_text("utf-8")
    assert ".asah-quiz" in (result.site / "assets/asah/asah.css").read_text("utf-8")


def test_a_quiz_block_in_an_html_comment_is_switched_off(course):
    result = course(
        {
            "quizzes/siber/phishing.yml": BANK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.format(
                block="<!--\n/// quiz | belum-ada\n///\n-->\n\n"
                "!!! note\n    Catatan.\n\n    <!-- nanti:\n    /// quiz\n    ///\n    -->\n\n"
                "<!-- satu baris --> \n/// quiz | siber/phishing\n///\n"
            ),
        },
        strict=True,
    )
    assert result.error is None and result.warnings == []
    html = result.page("a")
    assert html.count("data-asah-quiz=") == 1  # only the block after the one-line comment
    assert 'data-asah-quiz="siber/phishing"' in html


def test_block_problems_have_lesson_file_lines(course):
    result = course(
        {
            "quizzes/siber/phishing.yml": BANK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.format(
                block="/// quiz | siber/phising\n///\n\n"
                "/// quiz | siber/phishing\ndrew: 2\n///\n\n"
                "/// quiz\nquestions:\n  - id: x\n    type: [truefalse\n///\n\n"
                "/// kuis | siber/phishing\n///\n\n"
                "/// quiz\nquestions:\n  - {id: y, type: truefalse, prompt: P, answer: ya}\n///\n\n"
                "/// quiz | siber/phishing\n"
            ),
        },
        strict=True,
    )
    assert result.warnings == [
        "asah: content/a.md:7: bank soal 'siber/phising' tidak dikenal (maksud Anda "
        "'siber/phishing'?); diharapkan file quizzes/siber/phising.yml",
        "asah: content/a.md:11: kunci 'drew' di blok kuis tidak dikenal (maksud Anda 'draw'?); "
        "diharapkan salah satu dari: draw, shuffle, pass, title",
        "asah: content/a.md:17: kesalahan sintaks YAML: '[' yang dibuka di baris ini tidak "
        "ditutup dengan ']'; tutuplah, atau beri tanda kutip pada teksnya bila teks itu memang "
        "diawali '['",
        "asah: content/a.md:20: blok 'kuis' tidak dikenal (maksud Anda 'quiz'?)",
        "asah: content/a.md:25: soal benar-salah 'y' memerlukan 'answer: true' atau "
        "'answer: false', tetapi berisi 'ya'",
        "asah: content/a.md:28: blok kuis tidak ditutup; diharapkan baris '///' sesudahnya",
    ]
    html = result.page("a")
    assert html.count('class="admonition failure asah-quiz-error"') == 6
    assert result.error == "Aborted with 6 warnings in strict mode!"


def test_same_bank_id_from_two_files_stops_the_build(course):
    result = course(
        {
            "quizzes/phishing.yml": BANK,
            "quizzes/phishing.yaml": BANK,
            "content/index.md": "# Beranda\n",
        }
    )
    assert result.error == (
        "quizzes/phishing.yml: id bank 'phishing' berasal dari dua file: quizzes/phishing.yaml "
        "dan quizzes/phishing.yml; simpan salah satunya"
    )


def test_duplicate_question_ids_and_bank_syntax_errors_stop_the_build(course):
    result = course(
        {
            "quizzes/a.yml": BANK + BANK.split("questions:\n")[1],
            "quizzes/b.yml": "title: [B\n",
            "content/index.md": "# Beranda\n",
        }
    )
    assert result.error == (
        "quizzes/a.yml:7: id soal 'tanda' ganda (pertama di baris 3); id soal harus unik dalam "
        "satu bank\n"
        "quizzes/b.yml:1: kesalahan sintaks YAML: '[' yang dibuka di baris ini tidak ditutup "
        "dengan ']'; tutuplah, atau beri tanda kutip pada teksnya bila teks itu memang diawali '['"
    )


def test_unknown_competency_in_a_bank(course):
    result = course(
        {
            "quizzes/a.yml": "competencies: {integritass: 1}\n" + BANK,
            "content/index.md": "# Beranda\n",
        }
    )
    assert result.warnings == [
        "asah: quizzes/a.yml:1: kompetensi 'integritass' tidak dikenal (maksud Anda 'integritas'?)"
    ]


HOSTILE = '</script><script>alert(1)</script>" onmouseover="alert(2)'
IMG = "<img src=x onerror=alert(3)>"


def test_hostile_text_in_plain_fields_and_code_spans_is_escaped(course):
    bank = f"""
title: '{HOSTILE}'
description: 'Kode `{IMG}`'
questions:
  - id: pilih
    type: single
    prompt: 'Pilih `{HOSTILE}`'
    hint: '`{IMG}`'
    explanation: '`{IMG}`'
    options:
      - {{text: '{HOSTILE}', correct: true, feedback: '`{IMG}`'}}
      - {{text: '{IMG}'}}
  - id: teks
    type: text
    prompt: Tulis
    answers: ['{HOSTILE}']
    pattern: '{IMG}'
  - id: urut
    type: order
    prompt: Urut
    items: ['{HOSTILE}', '{IMG}']
  - id: pasang
    type: match
    prompt: Pasang
    pairs: [{{left: '{HOSTILE}', right: '{IMG}'}}, {{left: '{IMG}', right: '{HOSTILE}'}}]
"""
    result = course(
        {
            "quizzes/jahat.yml": bank,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.format(block="/// quiz | jahat\n///\n"),
        },
        strict=True,
    )
    assert result.error is None
    html = result.page("a")
    start = html.index('<section class="asah-quiz"')
    quiz = html[start : html.index("</section>", start)]
    assert "<script>alert" not in quiz
    assert injections(quiz) == []
    assert "<img src=x" not in quiz
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in quiz
    assert "&lt;img src=x onerror=alert(3)&gt;" in quiz


def test_quiz_interface_follows_the_theme_language(course):
    from tests.conftest import MINIMAL_CONFIG

    result = course(
        {
            "mkdocs.yml": MINIMAL_CONFIG.replace("language: id", "language: en"),
            "quizzes/siber/phishing.yml": BANK,
            "content/index.md": "# Home\n",
            "content/a.md": LESSON.format(block="/// quiz | siber/phishing\n///\n"),
        }
    )
    html = result.page("a")
    assert '<legend class="asah-question__legend">Question 1</legend>' in html
    assert ">Check answers</button>" in html and "<summary>Show answer</summary>" in html
    assert '"correct":"Correct"' in html  # runtime strings in the data island


def test_blocks_found_when_the_course_was_read_are_not_looked_for_again(course, monkeypatch):
    """Markdown is given the text the course was read from (a's): its blocks are taken as
    found then. Markdown expands tabs (b's): that page's blocks are looked for again."""
    from asah.quiz import extension

    looked_for: list[list[str]] = []
    scan = extension.scan
    monkeypatch.setattr(extension, "scan", lambda lines: looked_for.append(lines) or scan(lines))
    result = course(
        {
            "quizzes/siber/phishing.yml": BANK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.format(block="/// quiz | siber/phishing\n///\n"),
            "content/b.md": LESSON.format(
                block='!!! note "Cek"\n\t/// quiz | siber/phishing\n\t///\n'
            ),
        },
        strict=True,
    )
    assert result.error is None and result.warnings == []
    assert 'data-asah-quiz="siber/phishing"' in result.page("a")
    assert 'data-asah-quiz="siber/phishing"' in result.page("b")
    assert len(looked_for) == 1 and any("    /// quiz" in line for line in looked_for[0])
