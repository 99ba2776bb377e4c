"""The file a learner hands in (export version 2) and the activity history for SIASN, in Chromium:
shown on the progress page, downloaded as JSON and CSV (over http and from file://), loaded
back as the same record, and refused when edited."""

from __future__ import annotations

import csv
import datetime
import io
import json

from playwright.sync_api import Page, expect

from asah.report.records import checksum

SITE_KEY = "asah:asah-kompetensi-asn"
YEAR = datetime.date.today().year
ORGANISER = "Unit Pengembangan Kompetensi (contoh)"
TYPE = "E-learning (pelatihan nonklasikal)"
STORED = {
    "version": 1,
    "quizzes": {},
    "lessons": {
        "keamanan-informasi/kata-sandi.md": {
            "done": True,
            "date": f"{YEAR - 2}-12-30T12:00:00.000Z",
        },
        "pelayanan-publik/standar-pelayanan.md": {
            "done": True,
            "date": f"{YEAR - 1}-01-10T12:00:00.000Z",
        },
        "literasi-digital/pengantar.md": {"done": True, "date": f"{YEAR - 1}-02-03T12:00:00.000Z"},
    },
    "learner": {"name": "Rina Wulandari", "nip": "199001012015032001"},
}


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{SITE_KEY}')") or "{}")


def open_progress(page: Page, site) -> None:
    page.goto(site(""))
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [SITE_KEY, json.dumps(STORED)])
    page.goto(site("kemajuan/"))


def test_the_history_is_shown_and_downloads_as_csv(page: Page, site, tmp_path):
    open_progress(page, site)
    app = page.locator('[data-asah-app="progress"]')
    history = app.locator("section", has=page.get_by_role("heading", name="Riwayat kegiatan"))
    expect(history.locator("thead th")).to_have_text(
        [
            "Tahun",
            "Nama kursus",
            "Jenis",
            "Penyelenggara",
            "Tanggal mulai",
            "Tanggal selesai",
            "Jumlah JP",
        ]
    )
    rows = history.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("th, td")).to_have_text(
        [
            str(YEAR - 2),
            "Asah Kompetensi ASN",
            TYPE,
            ORGANISER,
            page.evaluate(f"new Date({YEAR - 2}, 11, 30).toLocaleDateString('id')"),
            page.evaluate(f"new Date({YEAR - 2}, 11, 30).toLocaleDateString('id')"),
            "1",
        ]
    )
    expect(rows.nth(1).locator("td").last).to_have_text("2")
    with page.expect_download() as download:
        history.get_by_role("button", name="Unduh riwayat (CSV)").click()
    assert download.value.suggested_filename.startswith("riwayat-kegiatan-asah-kompetensi-asn-")
    saved = tmp_path / "riwayat.csv"
    download.value.save_as(saved)
    text = saved.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text[1:])))
    assert table == [
        [
            "Nama kursus",
            "Jenis",
            "Jumlah JP",
            "Menit",
            "Tanggal mulai",
            "Tanggal selesai",
            "Tahun",
            "Penyelenggara",
        ],
        [
            "Asah Kompetensi ASN",
            TYPE,
            "1",
            "45",
            f"{YEAR - 2}-12-30",
            f"{YEAR - 2}-12-30",
            str(YEAR - 2),
            ORGANISER,
        ],
        [
            "Asah Kompetensi ASN",
            TYPE,
            "2",
            "90",
            f"{YEAR - 1}-01-10",
            f"{YEAR - 1}-02-03",
            str(YEAR - 1),
            ORGANISER,
        ],
    ]


def test_export_version_2_round_trips_and_an_edited_file_is_refused(page: Page, site, tmp_path):
    open_progress(page, site)
    app = page.locator('[data-asah-app="progress"]')
    with page.expect_download() as download:
        app.get_by_role("button", name="Simpan cadangan catatan").click()
    saved = tmp_path / "kemajuan.json"
    download.value.save_as(saved)
    file = json.loads(saved.read_text("utf-8"))
    assert (file["format"], file["version"]) == ("asah-progress", 2)
    assert file["site"] == "asah-kompetensi-asn"
    assert file["checksum"] == checksum(file)
    assert len(file["course_version"]) == 10
    assert file["learner"] == STORED["learner"]
    assert file["jp"] == 3
    assert [c["lesson"] for c in file["completions"]] == list(STORED["lessons"])
    assert [(h["year"], h["jp"], h["organiser"]) for h in file["history"]] == [
        (YEAR - 2, 1, ORGANISER),
        (YEAR - 1, 2, ORGANISER),
    ]
    # the record got its id, saved with it: a second file of this learner is the same learner
    before = stored(page)
    assert len(before["id"]) == 24 and file["learner_id"] == before["id"]

    page.once("dialog", lambda dialog: dialog.accept())
    app.get_by_role("button", name="Hapus semua catatan").click()
    expect(app).to_contain_text("0 dari 20 pelajaran")
    assert "id" not in stored(page)
    app.get_by_label("Muat cadangan catatan").set_input_files(str(saved))
    expect(app.locator("[role=status]")).to_have_text("Catatan berhasil digabungkan.")
    assert stored(page) == before

    edited = dict(file, jp=20)
    bad = tmp_path / "diubah.json"
    bad.write_text(json.dumps(edited, indent=1), "utf-8")
    app.get_by_label("Muat cadangan catatan").set_input_files(str(bad))
    expect(app.locator("[role=status]")).to_have_text(
        "File ini rusak atau telah diubah setelah disimpan. Tidak ada yang diubah."
    )
    assert stored(page) == before


def test_axe_on_the_progress_page_with_its_history(page: Page, base_url, axe, tmp_path):
    open_progress(page, lambda url: f"{base_url}/{url}")
    expect(page.get_by_role("heading", name="Riwayat kegiatan untuk SIASN")).to_be_visible()
    page.screenshot(path=str(tmp_path / "kemajuan-riwayat.png"), full_page=True)
    assert axe() == []
