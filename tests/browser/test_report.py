"""The training unit's report in Chromium: it opens from file:// without a request to any host,
no learner's text runs as script, axe finds nothing, and it prints."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from asah.report.privacy import Privacy
from asah.report.run import Options, report
from tests.report.course import fingerprints, write_course
from tests.report.test_report import population

HOSTILE = '<img src=x onerror="window.ran=1"><script>window.ran=1</script>'


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("report")
    config = write_course(root / "course")
    units = ["Biro Umum"] * 3 + ["Dinas Kesehatan"] * 2 + [HOSTILE] * 2 + ["Bappeda"]
    population(root / "in", fingerprints(config), count=48, units=units)
    out = root / "out"
    options = Options(config, [str(root / "in")], out, Privacy(), 2026)
    report(options, io.StringIO(), io.StringIO(), now=datetime(2026, 7, 1, tzinfo=timezone.utc))
    return out / "index.html"


def test_the_report_opens_from_file_with_no_request_and_no_script(page: Page, made, tmp_path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(made.as_uri())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Laporan pengembangan kompetensi: Kursus Laporan"
    )
    assert requests == [made.as_uri()]
    assert page.evaluate("window.ran") is None and dialogs == []
    assert page.locator("script").count() == 0
    units = page.locator("#table-units")
    expect(units.get_by_role("rowheader", name=HOSTILE)).to_have_count(1)  # shown as text
    heat = page.get_by_role(
        "img", name="Peserta yang mencapai setiap level kompetensi (dari 48 peserta)"
    )
    expect(heat).to_be_visible()
    expect(page.get_by_role("img", name="Sebaran JP peserta tahun 2026")).to_be_visible()
    page.screenshot(path=str(tmp_path / "laporan.png"), full_page=True)


def test_axe_finds_nothing_on_the_report(page: Page, made, axe):
    page.goto(made.as_uri())
    assert axe() == []


def test_the_report_prints_on_a4(page: Page, made, tmp_path):
    page.goto(made.as_uri())
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation")).to_be_hidden()
    page.screenshot(path=str(tmp_path / "laporan-cetak.png"), full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 3
