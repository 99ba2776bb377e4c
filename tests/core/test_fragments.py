"""Plain author text skips the Markdown parser, and comes out exactly as the parser makes it."""

from pathlib import Path

import markdown
import yaml

from asah.core.fragments import neutral, plain_paragraph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in EXAMPLE["markdown_extensions"]]
TRICKY = [
    "Kata sandi *kuat* berisi 12 karakter.",
    "Gunakan `sudo` seperlunya.",
    "1. Langkah pertama",
    "- butir",
    "Lihat [panduan](https://example.go.id).",
    "Tulis <b>tebal</b> di sini.",
    "Tom & Jerry",
    "Baris pertama\nbaris kedua",
    "Dua  spasi",
    "Istilah\n: definisi",
    "a | b",
    "Catatan[^1]",
    "Tekan ++ctrl+c++",
    "!!! note",
    "Benar: 20 JP",
    "Ya.",
    "Kuliah S1 (tugas belajar) termasuk jalur pendidikan, bukan pelatihan.",
    "“Kutipan” dengan tanda petik dan 45 menit/JP, 100% hadir.",
]


def _texts(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_plain_lines_come_out_as_the_parser_makes_them():
    md = markdown.Markdown(extensions=EXTENSIONS)
    texts = list(TRICKY)
    for bank in sorted((ROOT / "quizzes").rglob("*.yml")):
        texts += list(_texts(yaml.safe_load(bank.read_text("utf-8"))))
    fast = 0
    for text in texts:
        html = plain_paragraph(text)
        if html is not None:
            fast += 1
            assert html == md.reset().convert(text), text
    assert fast > 100  # most quiz text is plain
    for syntax in TRICKY[:15]:
        assert plain_paragraph(syntax) is None, syntax


def test_only_extensions_known_to_leave_plain_text_alone_allow_it():
    assert neutral(EXTENSIONS)
    assert not neutral([*EXTENSIONS, "smarty"])
    assert not neutral(["pymdownx.magiclink"])
