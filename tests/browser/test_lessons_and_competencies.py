"""The example course in Chromium: lesson facts, competency pages, keyboard, file://, axe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import set_scheme

LESSON = "keamanan-informasi/phishing/"


def test_lesson_shows_badges_minutes_and_jp(page: Page, external_requests):
    page.goto(LESSON)
    expect(page.locator("h1")).to_have_text("Mengenali Email Phishing")
    facts = page.locator(".asah-lesson")
    badge = facts.locator('[data-asah-competency="keamanan-informasi"]')
    expect(badge).to_be_visible()
    expect(badge).to_have_text("Keamanan Informasi Level 1")
    expect(facts.locator('[data-asah-competency="literasi-digital"]')).to_have_text(
        "Literasi Digital Level 1"
    )
    expect(facts.locator(".asah-duration")).to_have_text("45 menit · 1 JP")
    expect(facts.get_by_role("link", name="Pengantar Literasi Digital bagi ASN")).to_be_visible()
    expect(facts.locator(".asah-objectives li").first).to_be_visible()
    assert external_requests == []


def test_competency_page_is_reachable_from_the_lesson(page: Page):
    page.goto(LESSON)
    page.locator('.asah-lesson [data-asah-competency="keamanan-informasi"]').click()
    expect(page).to_have_url(
        f"{page.url.split('/kompetensi/')[0]}/kompetensi/keamanan-informasi/#level-1"
    )
    expect(page.locator("h1")).to_have_text("Keamanan Informasi")
    level = page.locator("section.asah-level", has=page.locator("#level-1"))
    expect(level.get_by_role("link", name="Mengenali Email Phishing")).to_be_visible()
    page.get_by_role("link", name="Kembali ke kerangka kompetensi").click()
    expect(page.locator("h1")).to_have_text("Kompetensi")
    table = page.get_by_role("table", name="Matriks cakupan: Kompetensi Teknis (contoh)")
    expect(table).to_be_visible()
    # a gap is told in text, not by colour alone
    expect(table.locator("td.asah-gap").first).to_contain_text("belum ada pelajaran")


def test_keyboard_reaches_a_badge_and_opens_it(page: Page):
    page.goto(LESSON)
    badge = page.locator('.asah-lesson [data-asah-competency="keamanan-informasi"]')
    for _ in range(60):
        page.keyboard.press("Tab")
        if badge.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the competency badge is not reachable with Tab")
    # the focused badge has a visible focus indicator
    outline = badge.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Keamanan Informasi")


def test_matrix_counts_link_to_the_level(page: Page):
    page.goto("kompetensi/")
    cell = page.get_by_role("link", name="Keamanan Informasi, Level 1: 2 pelajaran")
    expect(cell).to_have_text("2")
    cell.click()
    expect(page.locator("h1")).to_have_text("Keamanan Informasi")


def test_pages_work_from_file_urls(page: Page, file_url, external_requests):
    # Folder URLs need a server to find index.html; the offline build (use_directory_urls:
    # false) is what a copied folder uses. Here: the page itself and its styles load.
    page.goto(file_url(LESSON))
    expect(page.locator(".asah-duration")).to_have_text("45 menit · 1 JP")
    badge = page.locator('.asah-lesson [data-asah-competency="keamanan-informasi"]')
    assert badge.evaluate("el => getComputedStyle(el).borderRadius") != "0px"
    page.goto(file_url("kompetensi/keamanan-informasi/"))
    expect(page.locator("h1")).to_have_text("Keamanan Informasi")
    assert external_requests == []


@pytest.mark.parametrize(
    "url",
    ["", LESSON, "kompetensi/", "kompetensi/keamanan-informasi/", "kompetensi/integritas/"],
)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_reports_no_violations(page: Page, axe, url, scheme, external_requests):
    page.goto(url)
    set_scheme(page, scheme)
    assert axe() == []
    assert external_requests == []
