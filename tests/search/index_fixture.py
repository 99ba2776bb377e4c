"""A small course's search index, written to tests/fixtures/search/index/ for the runtime's Node
tests (tests/js/search-engine.test.js): the same index files the builds write, from pages that
exercise each kind of match. `python -m tests.search.index_fixture` writes it again;
tests/search/test_index.py fails when the written files are out of date."""

from __future__ import annotations

from pathlib import Path

from asah.search.glossary import Glossary, Term
from asah.search.index import SearchPage, build
from asah.search.render import glossary_search_page
from asah.search.sections import Section

FOLDER = Path(__file__).resolve().parents[1] / "fixtures/search/index"

GLOSSARY = Glossary(
    [
        Term("TTE", "tanda tangan elektronik", ("tanda tangan digital",)),
        Term("ASN", "aparatur sipil negara"),
        Term(
            "SP4N-LAPOR!",
            "Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional – Layanan Aspirasi dan "
            "Pengaduan Online Rakyat",
        ),
        Term("phishing", "pengelabuan"),
    ]
)
COMPETENCIES = [
    ("pelayanan-publik", "Pelayanan Publik"),
    ("keamanan-informasi", "Keamanan Informasi"),
    ("pengembangan-diri", "Pengembangan Diri"),
]
PAGES = [
    SearchPage(
        "pelayanan/pengaduan/",
        "Menangani Pengaduan",
        [
            Section(
                "",
                "",
                "Setiap pengaduan masyarakat dicatat, termasuk yang masuk lewat "
                "SP4N-LAPOR!, lalu ditindaklanjuti sampai tuntas.",
            ),
            Section(
                "alur",
                "Alur penanganan",
                "Terima, catat, verifikasi, tindak lanjut, beri kabar kepada pelapor, dan tutup.",
            ),
        ],
        [("pelayanan-publik", 2)],
        45,
    ),
    SearchPage(
        "keamanan/phishing/",
        "Mengenali Phishing",
        [
            Section(
                "",
                "",
                "Phishing adalah penipuan lewat pesan palsu: pelaku menipu korban "
                "agar menyerahkan kata sandi.",
            ),
            Section(
                "tanda-tanda",
                "Tanda-tanda phishing",
                "Alamat pengirim yang aneh, tautan mencurigakan, dan desakan waktu.",
            ),
        ],
        [("keamanan-informasi", 1)],
        30,
    ),
    SearchPage(
        "pengembangan/pelatihan/",
        "Bentuk Pelatihan",
        [
            Section(
                "",
                "",
                "Pelatihan klasikal dan nonklasikal terbuka bagi setiap ASN; "
                "pegawai mencatat JP yang diperoleh.",
            ),
            Section(
                "coaching",
                "Coaching",
                "Atasan membantu pegawai menemukan jawabannya sendiri lewat pertanyaan terarah.",
            ),
        ],
        [("pengembangan-diri", 1)],
        60,
    ),
    SearchPage(
        "layanan/dokumen-elektronik/",
        "Dokumen Elektronik",
        [
            Section(
                "",
                "",
                "Surat dinas ditandatangani dengan tanda tangan elektronik yang sah "
                "dan dapat diperiksa keasliannya.",
            )
        ],
        [("pelayanan-publik", 1)],
        20,
    ),
    SearchPage(
        "pesan/",
        "Pesan dari Pimpinan",
        [Section("", "", "Pesan singkat tentang budaya kerja dan pelayanan yang ramah.")],
    ),
]


def files() -> dict[str, str]:
    pages = [*PAGES, glossary_search_page("istilah/", "Daftar Istilah", GLOSSARY)]
    return build(pages, GLOSSARY, COMPETENCIES, shards=16)


def write() -> None:
    for old in FOLDER.rglob("*.js"):
        old.unlink()
    for name, text in files().items():
        target = FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")


if __name__ == "__main__":
    write()
