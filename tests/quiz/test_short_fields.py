"""Inline Markdown in short fields (option texts, order items, match sides, category names and
items) in a real build: the same HTML in the question, the no-JavaScript solution and the
feedback; their words in `<option>` lists and labels; no text in the data the browser reads,
which scores by index."""

from __future__ import annotations

import json
import re

from tests.conftest import injections

BANK = """
title: Teks pendek
questions:
  - id: pilih
    type: single
    prompt: Mana domain resmi?
    options:
      - text: Domain `.go.id` dengan **nama instansi**
        correct: true
        feedback: Benar, lihat [panduan](https://bssn.go.id/panduan).
      - text: Layanan *gratis* seperti `gmail.com`
  - id: jamak
    type: multiple
    prompt: Pilih semua.
    options:
      - {text: 'Perintah `sudo`', correct: true}
      - {text: '[Tautan](https://lapor.go.id) resmi', correct: true}
      - {text: '<b>bukan tebal</b>'}
  - id: urut
    type: order
    prompt: Urutkan.
    items: ['Buka `Pengaturan`', 'Pilih *Keamanan*', 'Aktifkan **2FA**']
  - id: pasang
    type: match
    prompt: Pasangkan.
    pairs:
      - {left: 'Berkas `.exe`', right: 'Program *berbahaya*'}
      - {left: 'Berkas `.pdf`', right: 'Dokumen **biasa**'}
  - id: kelompok
    type: category
    prompt: Kelompokkan.
    categories:
      - name: Data *spesifik*
        items: ['Data `kesehatan`', {text: 'Data **biometrik**', feedback: 'Benar.'}]
      - name: Data `umum`
        items: ['Nama *lengkap*']
"""

LESSON = """---
title: Pelajaran
competencies: {integritas: 1}
---
Teks.

/// quiz | pendek
///
"""


def _quiz(html: str) -> str:
    start = html.index('<section class="asah-quiz"')
    return html[start : html.index("</section>", start)]


def _question(quiz: str, qid: str) -> str:
    start = quiz.index(f'data-asah-question="{qid}"')
    end = quiz.find('<li class="asah-question"', start)
    return quiz[start : end if end > 0 else len(quiz)]


def test_markdown_in_every_short_field(course):
    result = course(
        {"quizzes/pendek.yml": BANK, "content/index.md": "# Beranda\n", "content/a.md": LESSON},
        strict=True,
    )
    assert result.error is None and result.warnings == []
    quiz = _quiz(result.page("a"))
    assert injections(quiz) == []

    one = _question(quiz, "pilih")
    option = "Domain <code>.go.id</code> dengan <strong>nama instansi</strong>"
    assert f"<span>{option}</span></label>" in one  # the question
    assert f"<li>{option}</li>" in one  # the solution, without JavaScript
    assert '<a href="https://bssn.go.id/panduan">panduan</a>' in one  # the feedback
    assert "`" not in one

    many = _question(quiz, "jamak")
    assert "<span>Perintah <code>sudo</code></span>" in many
    assert '<span><a href="https://lapor.go.id">Tautan</a> resmi</span>' in many
    assert "<span>&lt;b&gt;bukan tebal&lt;/b&gt;</span>" in many

    order = _question(quiz, "urut")
    for item in ("Buka <code>Pengaturan</code>", "Pilih <em>Keamanan</em>"):
        assert f'<span class="asah-order__text">{item}</span>' in order
        assert f"<li>{item}</li>" in order
    # the move buttons name the item in words
    assert 'aria-label="Naikkan: Buka Pengaturan"' in order
    assert 'aria-label="Turunkan: Aktifkan 2FA"' in order
    assert not re.search(r'aria-label="[^"]*[`*<]', order)

    pairs = _question(quiz, "pasang")
    assert ">Berkas <code>.exe</code></label>" in pairs
    assert "<li>Berkas <code>.exe</code> &#8594; Program <em>berbahaya</em></li>" in pairs
    # a select's options are text: the words of the same HTML
    assert '<option value="0">Program berbahaya</option>' in pairs
    assert '<option value="1">Dokumen biasa</option>' in pairs

    groups = _question(quiz, "kelompok")
    assert ">Data <code>kesehatan</code></label>" in groups
    assert ">Data <strong>biometrik</strong></label>" in groups
    assert '<option value="0">Data spesifik</option>' in groups
    assert '<option value="1">Data umum</option>' in groups
    assert "<li><strong>Data <em>spesifik</em></strong>: " in groups
    assert "<li><strong>Data <code>umum</code></strong>: Nama <em>lengkap</em></li>" in groups

    # the browser scores by index and moves the elements made here: no text in its data
    data = json.loads(re.search(r'class="asah-quiz__data">(.*?)</script>', quiz).group(1))
    questions = data["questions"]
    assert questions["pilih"]["correct"] == [0]
    assert questions["jamak"]["correct"] == [0, 1]
    assert questions["kelompok"]["answer"] == [0, 0, 1]
    island = json.dumps(questions)
    for word in ("Domain", "Perintah", "Pengaturan", "Berkas", "Program", "kesehatan", "spesifik"):
        assert word not in island


def test_images_and_unsafe_links_in_short_fields_are_reported(course):
    bank = """
title: Gambar
questions:
  - id: logo
    type: single
    prompt: Mana logo resmi?
    options:
      - {text: '![Logo A](a.png)', correct: true}
      - text: '[klik](javascript:alert(1))'
  - id: urut
    type: order
    prompt: Urutkan.
    items: ['![satu](1.png)', 'dua']
"""
    result = course(
        {
            "quizzes/gambar.yml": bank,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.replace("pendek", "gambar"),
        }
    )
    assert result.warnings == [
        "asah: quizzes/gambar.yml:7: pilihan 1 soal 'logo' memuat gambar ('Logo A'), yang hanya "
        "ditampilkan sebagai teksnya: teks pilihan, butir, sisi pasangan, dan kategori "
        "menampilkan kode, penekanan, dan tautan; taruh gambarnya di prompt lalu rujuk dari sini",
        "asah: quizzes/gambar.yml:8: pilihan 2 soal 'logo' bertaut ke 'javascript:alert(1)', yang "
        "ditampilkan sebagai teks: tautan harus menuju alamat http(s), mailto atau tel, atau ke "
        "halaman kursus",
        "asah: quizzes/gambar.yml:12: butir 1 soal 'urut' memuat gambar ('satu'), yang hanya "
        "ditampilkan sebagai teksnya: teks pilihan, butir, sisi pasangan, dan kategori "
        "menampilkan kode, penekanan, dan tautan; taruh gambarnya di prompt lalu rujuk dari sini",
    ]
    quiz = _quiz(result.page("a"))
    assert "<img" not in quiz and "javascript:" not in quiz
    assert "<span><span>Logo A</span></span>" in quiz


def test_items_that_read_the_same_are_the_same(course):
    """Two right sides that differ only in markup would be one entry twice in the list."""
    bank = """
title: Sama
questions:
  - id: pasang
    type: match
    prompt: Pasangkan.
    pairs:
      - {left: a, right: '`x`'}
      - {left: b, right: x}
"""
    result = course(
        {
            "quizzes/sama.yml": bank,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON.replace("pendek", "sama"),
        }
    )
    assert result.warnings == [
        "asah: quizzes/sama.yml:6: soal menjodohkan 'pasang' memuat sisi kanan 'x' dua kali; "
        "setiap sisi kanan harus berbeda"
    ]
