"""The example course on a phone (390 × 844 CSS px): where to begin, and every kind of page with
large text and on a small screen (WCAG 1.4.4 and 1.4.10).

Large text is the reader's own text size: Chromium's default font size set to 32 px instead of
16 (`Page.setFontSizes`, what the browser's "font size" setting and Android's text scaling do),
so every size in rem or em, Material's and Asah's, doubles. Playwright's full-page screenshots
reset it: look at such pages one screen at a time."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}
PATH = "aman-digital"
TODAY_TAPS = 4  # home → Jalur Belajar → a path → its first step, before the home page said where

# One page of each kind; the progress page after a lesson is done and a quiz tried, so its
# tables have rows.
PAGES = [
    "",
    "keamanan-informasi/phishing/",  # a lesson: facts, a table, a quiz
    f"keamanan-informasi/melaporkan-insiden/?jalur={PATH}",  # read in a path, its quiz a step
    "jalur/",
    f"jalur/{PATH}/",
    "kuis/evaluasi-akhir/",
    "kompetensi/",
    "kompetensi/keamanan-informasi/",
    "kemajuan/",
    "penilaian-diri/",
]

# What does not fit the screen: the page scrolling sideways, anything wider than the screen that
# no box of its own scrolls, an Asah box that scrolls sideways (the author's tables and code may,
# in their own box: WCAG 1.4.10 lets two-dimensional content scroll), and a word of Asah's
# badges, labels and tables broken across lines.
DOES_NOT_FIT = """() => {
  const root = document.documentElement, width = root.clientWidth, found = [];
  const name = el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const scrolledInside = el => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      const r = box.getBoundingClientRect();
      if (r.left >= -0.5 && r.right <= width + 0.5) return true;
    }
    return false;
  };
  if (root.scrollWidth > width) found.push(`the page scrolls sideways: ${root.scrollWidth}px`);
  for (const el of document.querySelectorAll('body *')) {
    // the closed navigation drawer, the search dialog and Material's toast are off the screen
    if (el.closest('.md-sidebar, .md-search, .md-dialog, [hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > width + 0.5 || r.left < -0.5) && !scrolledInside(el)) {
      const at = `${Math.round(r.left)}..${Math.round(r.right)}`;
      found.push(`${name(el)} is wider than the screen: ${at}`);
    }
  }
  for (const el of document.querySelectorAll('[class*="asah-"]')) {
    if (el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX)) {
      found.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}px`);
    }
  }
  const words = document.querySelectorAll('.asah-badge, .asah-pathtop, .asah-pathnav, ' +
    '.asah-matrix, .asah-steps, .asah-table, .asah-assess label, .asah-assess legend');
  for (const el of words) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const m of text.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
        if (lines.size > 1) found.push(`"${m[0]}" is broken across lines in ${name(el)}`);
      }
    }
  }
  return found;
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


def large_text(page: Page) -> None:
    """The reader's text at 200 %: the browser's default font size doubled."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})


def open_page(page: Page, url: str) -> None:
    """A page with what its scripts build (apps, the path navigation, quizzes)."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-asah-app]:not([data-asah-ready])")).to_have_count(0)


def some_progress(page: Page, base_url: str) -> None:
    """A lesson marked done and a quiz tried, as a learner does."""
    page.goto(f"{base_url}/keamanan-informasi/phishing/")
    quiz = page.locator("[data-asah-quiz]").first
    quiz.locator("[data-asah-question] input[type=radio]").first.check()
    quiz.get_by_role("button", name="Periksa jawaban").click()
    page.get_by_role("button", name="Tandai selesai").click()
    page.goto(f"{base_url}/penilaian-diri/")
    page.get_by_label("Level per kompetensi").check()  # every competency's target shown
    page.locator("#asah-current-integritas").select_option("2")


def test_the_home_page_says_where_to_begin(page: Page, base_url):
    """Paths, self-assessment and progress in the first screen of a phone, and the first lesson
    of a path one tap away (it took 4)."""
    page.goto(f"{base_url}/")
    for name in ["Ikuti jalur belajar", "Nilai diri Anda", "Lihat kemajuan Anda"]:
        expect(page.get_by_role("link", name=name, exact=True)).to_be_in_viewport(ratio=1)
    taps = 0
    first = page.get_by_role("link", name="langkah 1 jalur Aman di Dunia Digital")
    expect(first).to_be_in_viewport(ratio=1)
    first.tap()
    taps += 1
    expect(page.locator("h1")).to_have_text("Pengantar Literasi Digital bagi ASN")
    expect(page.locator(".asah-lesson")).to_be_visible()  # a lesson, read in the path
    expect(page.locator(".asah-pathtop")).to_have_text("Langkah 1 dari 7 · Aman di Dunia Digital")
    assert taps < TODAY_TAPS


@pytest.mark.parametrize(
    ("width", "text"), [(320, "100 %"), (390, "200 %")], ids=["320px", "390px-200%"]
)
def test_nothing_is_wider_than_the_screen(page: Page, base_url, width, text):
    page.set_viewport_size({"width": width, "height": PHONE["height"]})
    if text == "200 %":
        large_text(page)
    some_progress(page, base_url)
    problems = {}
    for url in PAGES:
        open_page(page, f"{base_url}/{url}")
        if text == "200 %":  # Material's 125 % of the reader's 32 px
            assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"
        found = page.evaluate(DOES_NOT_FIT)
        if found:
            problems[url or "/"] = found
    assert problems == {}
    # the progress tables are read row by row, each value beside its column's name
    open_page(page, f"{base_url}/kemajuan/")
    cell = page.locator(".asah-table td[data-label]").first
    expect(cell).to_have_css("display", "grid")
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert re.fullmatch(r'"[^"]+"', label), label


@pytest.mark.parametrize("url", PAGES)
def test_axe_reports_no_violations_with_large_text(page: Page, base_url, axe, url):
    large_text(page)
    if url in ("kemajuan/", "penilaian-diri/"):
        some_progress(page, base_url)
    open_page(page, f"{base_url}/{url}")
    assert axe() == []
