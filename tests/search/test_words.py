"""Search words: tokens and word-family keys. The cases are shared with the browser runtime
(tests/js/search-words.test.js), so a query is cut into the words and keys the index holds."""

import json

import pytest

from asah.search.words import ROOTS, keys, tokens
from tests.conftest import ROOT

SHARED = json.loads((ROOT / "tests/fixtures/search/words.json").read_text("utf-8"))
KEY_CASES = dict(SHARED["keys"])

# Each family's words must all have its root among their keys.
FAMILIES = {
    "latih": "melatih pelatihan latihan pelatih dilatih",
    "tipu": "menipu penipuan tipuan tertipu",
    "adu": "aduan pengaduan mengadu diadukan",
    "nilai": "menilai penilaian nilai dinilai",
    "bijak": "kebijakan bijak",
    "layan": "pelayanan melayani layanan dilayani",
    "atur": "peraturan mengatur aturan diatur",
    "kembang": "pengembangan mengembangkan berkembang perkembangan",
    "kerja": "kerja bekerja pekerjaan dikerjakan",
    "ajar": "belajar pelajaran mempelajari ajar pembelajaran",
    "aman": "keamanan aman mengamankan",
    "giat": "kegiatan",
    "lapor": "laporkanlah melaporkan laporan pelaporan",
    "buku": "bukunya buku",
    "apa": "apakah apa apatah",
    "pakai": "memakai pemakaian",
    "makan": "memakan",
    "susun": "menyusun penyusunan",
    "nyanyi": "menyanyi penyanyi",
    "kirim": "mengirim",
    "ubah": "mengubah",
    "ikut": "mengikuti",
    "tahu": "mengetahui pengetahuan diketahui",
    "cek": "mengecek pengecekan",
    "sah": "disahkan pengesahan",
    "hasil": "keberhasilan",
    "baik": "memperbaiki perbaikan",
    "daya": "pemberdayaan",
    "program": "pemrograman",
    "proses": "memproses pemrosesan",
    "terima": "menerima penerimaan diterima",
    "berita": "berita beritanya pemberitaan",
    "beri": "memberikan diberikan berikan",
}

# Words that only look affixed, and the wrong root they must not give.
NOT_CUT = [
    ("berita", "ita"),
    ("memberikan", "ikan"),
    ("masalah", "masa"),
    ("sebab", "bab"),
    ("tersebut", "but"),
    ("menerima", "rima"),
    ("perangkat", "angkat"),
    ("kerjasama", "rjasama"),
    ("bukan", "buk"),
    ("perintah", "perin"),
]


@pytest.mark.parametrize(("text", "expected"), SHARED["tokens"])
def test_tokens(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(("word", "expected"), SHARED["keys"])
def test_keys(word, expected):
    assert keys(word) == expected


@pytest.mark.parametrize(("root", "words"), FAMILIES.items())
def test_a_family_shares_its_root(root, words):
    for word in words.split():
        assert root in keys(word), f"{word}: {keys(word)}"
        assert word in KEY_CASES, f"{word} is not in the shared fixture, so the browser is untested"


@pytest.mark.parametrize(("word", "wrong"), NOT_CUT)
def test_words_that_only_look_affixed_keep_their_meaning(word, wrong):
    assert keys(word)[0] == word
    assert wrong not in keys(word)


def test_every_protected_root_is_in_the_shared_fixture():
    """The browser keeps its own copy of ROOTS; a fixture case for each proves the copy."""
    assert not ROOTS - set(KEY_CASES), "add these to the fixture"
    for root in ROOTS:
        assert keys(root) == [root]


def test_keys_start_with_the_word_and_hold_no_short_or_repeated_key():
    for word in KEY_CASES:
        got = keys(word)
        assert got[0] == word and len(got) == len(set(got))
        assert all(len(key) >= 3 for key in got[1:]), word


def test_english_and_numbers_survive():
    for word in ("phishing", "password", "malware", "firewall", "backup", "database"):
        assert keys(word) == [word]
    assert keys("2017") == ["2017"] and keys("covid19") == ["covid19"]
    assert keys("") == []


def test_reduplication_and_marks():
    assert tokens("Kegiatan-kegiatan") == ["kegiatan"]
    assert tokens("sehari-hari bolak-balik") == ["sehari", "hari", "bolak", "balik"]
    assert tokens("buku-bukunya") == ["buku", "bukunya"]
    assert tokens("Jum'at, 11/2017, Rp 1.500") == ["jumat", "11", "2017", "rp", "1500"]
    assert tokens("Cafe\u0301") == tokens("Café") == ["cafe"]
