"""The example course in Chromium on the other engines — Zensical (`asah build --engine
zensical`) and ProperDocs + MaterialX — over http and from file:// (the offline copy): a
learner's round, axe on every kind of page in light and dark, no request to another host.
(MkDocs + Material is what the rest of the browser suite builds.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ROOT, serve, set_scheme

PYTHON = {"zensical": sys.executable, "materialx": str(ROOT / ".venv-materialx/bin/python")}
CONFIGS = {  # engine → (args, config of the site over http, config of the offline copy)
    "zensical": (["--engine", "zensical"], "mkdocs.yml", "mkdocs-offline.yml"),
    "materialx": ([], "mkdocs-materialx.yml", "mkdocs-materialx-offline.yml"),
}


def build(engine: str, config: str, target: Path) -> Path:
    args, _, _ = CONFIGS[engine]
    command = [PYTHON[engine], "-m", "asah.cli", "build", *args, "-f", config, "-d", str(target)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="module", params=["zensical", "materialx"])
def engine_site(request, tmp_path_factory):
    """(engine, http URL, offline copy folder) of the example course."""
    engine = request.param
    if not Path(PYTHON[engine]).is_file():
        pytest.fail(f"{PYTHON[engine]} missing: run scripts/setup.sh --test")
    _, online, offline = CONFIGS[engine]
    folder = tmp_path_factory.mktemp(engine)
    site = build(engine, online, folder / "site")
    copy = build(engine, offline, folder / "offline")
    with serve(site) as url:
        yield engine, url, copy


def opener(engine_site, over: str):
    _, url, copy = engine_site
    if over == "http":
        return lambda page: f"{url}/{page}"

    def from_disk(page: str) -> str:
        target = copy / (page.rstrip("/") + ".html" if page else "index.html")
        if page.endswith("/") and not target.exists():
            target = copy / page / "index.html"
        return target.as_uri()

    return from_disk


@pytest.mark.parametrize("over", ["http", "file"])
def test_a_learners_round(page: Page, engine_site, over, external_requests):
    to = opener(engine_site, over)
    page.goto(to("keamanan-informasi/phishing/"))
    quiz = page.locator('[data-asah-quiz="keamanan-informasi/phishing"]')
    quiz.locator("[data-asah-question] input").first.check()
    quiz.locator('[data-asah-action="check"]').click()
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Nilai Anda")
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.get_by_role("button", name="Selesai ✓")).to_have_attribute("aria-pressed", "true")
    page.goto(to("kemajuan/"))
    app = page.locator('[data-asah-app="progress"]')
    # marked done, its quiz not passed: the lesson waits (`completion: quiz_passed`)
    expect(app).to_contain_text("0 dari 20 pelajaran selesai")
    expect(app.get_by_role("heading", name="Menunggu kuis lulus")).to_be_visible()
    expect(app).to_contain_text("Mengenali Email Phishing")
    page.goto(to("jalur/aman-digital/"))
    expect(page.locator("[data-asah-path-summary]")).to_have_text("0 dari 7 langkah")
    page.goto(to("kompetensi/keamanan-informasi/"))
    expect(page.locator("[data-asah-competency-page]")).to_contain_text("Level 1")
    page.goto(to("penilaian-diri/"))
    assess = page.locator('[data-asah-app="assess"]')
    assess.get_by_label("Level per kompetensi").check()
    page.locator("#asah-current-literasi-digital").select_option("1")
    page.locator("#asah-target-keamanan-informasi").select_option("2")
    expect(assess.locator("ol.asah-recommend > li")).to_have_count(4)
    # search, as on MkDocs: the header button, Indonesian word forms, a result to follow
    page.locator(".asah-search__open").click()
    page.keyboard.type("aduan")
    result = page.locator(".asah-search__page > a").first
    expect(result).to_contain_text("Menangani Pengaduan")
    result.click()
    expect(page.locator("h1")).to_contain_text("Pengaduan")
    assert external_requests == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_with_search_results_open(page: Page, engine_site, axe, scheme):
    _, url, _ = engine_site
    page.goto(f"{url}/pelayanan-publik/")
    set_scheme(page, scheme)
    page.keyboard.press("/")
    page.keyboard.type("pengaduan masyarakat")
    expect(page.locator(".asah-search__page").first).to_be_visible()
    assert page.locator(".asah-search__open").count() == 1
    assert axe() == []


PAGES = [
    "",
    "keamanan-informasi/phishing/",
    "kompetensi/",
    "kompetensi/keamanan-informasi/",
    "jalur/aman-digital/",
    "kuis/evaluasi-akhir/",
    "kemajuan/",
    "penilaian-diri/",
]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_on_every_kind_of_page(page: Page, engine_site, axe, scheme):
    _, url, _ = engine_site
    found = {}
    for path in PAGES:
        page.goto(f"{url}/{path}")
        set_scheme(page, scheme)
        violations = axe()
        if violations:
            found[path] = violations
    assert found == {}
