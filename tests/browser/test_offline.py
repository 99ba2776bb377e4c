"""Offline on purpose: over http the example course is an
installable web app. A learner saves a path, and with no connection reads its pages and takes
its quiz; a page not saved says so in the site's language, with links to what is saved; the
storage used is shown and can be freed; a new build saves the path again. The offline copy
(mkdocs-offline.yml, file://) has no service worker and keeps working as it did.

Each test gets a fresh browser context (its own service worker and caches)."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Page, expect

from .conftest import ROOT, build_course, serve

PATH = "aman-digital"
SAVE = "Simpan jalur ini untuk dibaca offline"
SAVED = "tersimpan di perangkat ini"
CACHES = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    found[name] = (await cache.keys()).map(r => r.url);
  }
  return found;
}"""


def save_path(page: Page, url: str, path: str = PATH) -> None:
    page.goto(f"{url}/jalur/{path}/")
    page.get_by_role("button", name=SAVE).click()
    expect(page.locator("[data-asah-offline-status]")).to_contain_text(SAVED, timeout=30_000)


def worker_ready(page: Page) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def test_save_a_path_then_read_it_and_take_its_quiz_offline(page: Page, base_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/jalur/{PATH}/")
    control = page.locator("[data-asah-offline-path]")
    expect(control.get_by_role("button", name=SAVE)).to_be_visible()
    control.get_by_role("button", name=SAVE).click()
    status = control.locator("[data-asah-offline-status]")
    expect(status).to_contain_text(SAVED, timeout=30_000)
    expect(status).to_contain_text(re.compile(r"\(\d+(,\d)? (KB|MB), disimpan "))
    expect(control.get_by_role("button", name="Hapus simpanan jalur ini")).to_be_visible()
    expect(control.get_by_role("button", name=SAVE)).to_be_hidden()

    stored = page.evaluate(CACHES)
    [path_cache] = [name for name in stored if name.endswith(f":path:{PATH}")]
    urls = {u.removeprefix(base_url) for u in stored[path_cache]}
    assert {
        f"/jalur/{PATH}/",
        "/literasi-digital/pengantar/",
        "/keamanan-informasi/phishing/",
        "/keamanan-informasi/melaporkan-insiden/",  # also where the path's quiz step is
        "/",
        "/kemajuan/",
        "/sitemap.xml",
        "/assets/asah/asah.js",
        "/assets/asah/asah.css",
        "/assets/asah/quiz.js",
        "/assets/asah/lesson.js",
        "/assets/asah/apps/progress.js",
        "/assets/asah/search.js",  # the search button's files
    } <= urls
    assert any(re.fullmatch(r"/assets/javascripts/bundle\.\w+\.min\.js", u) for u in urls)
    assert not any(u.startswith("/search/") for u in urls)  # not the search index
    assert "/pelayanan-publik/standar-pelayanan/" not in urls  # another path's lesson
    assert all(u.startswith(f"{base_url}/") for name in stored for u in stored[name])

    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Aman di Dunia Digital")
    expect(status).to_contain_text(SAVED)
    page.locator(".asah-steps").get_by_role("link", name="Mengenali Email Phishing").click()
    expect(page.locator("h1")).to_have_text("Mengenali Email Phishing")
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.get_by_role("button", name="Selesai ✓")).to_be_visible()
    # the path's quiz step, taken in the lesson that embeds it
    page.goto(f"{base_url}/jalur/{PATH}/")
    page.locator(".asah-steps li").last.get_by_role("link").click()
    quiz = page.locator('[data-asah-quiz="keamanan-informasi/data-pribadi"]')
    question = quiz.locator('[data-asah-question="kata-sandi-email-dinas"]')
    question.locator("label", has_text="Sapi-Ungu-Main-Gitar-diPasar9").click()
    quiz.locator('[data-asah-action="check"]').click()
    expect(question).to_have_class(re.compile(r"\bis-correct\b"))
    page.goto(f"{base_url}/kemajuan/")
    expect(page.locator('[data-asah-app="progress"]')).to_contain_text("Mengenali Email Phishing")
    page.goto(f"{base_url}/")
    expect(page.locator("h1").first).to_be_visible()

    # a page not saved: the notice, which links to the saved path
    response = page.goto(f"{base_url}/pelayanan-publik/standar-pelayanan/")
    assert response is not None and response.status == 503
    expect(page.locator("h1")).to_have_text("Halaman ini belum tersedia offline")
    notice = page.locator("main")
    expect(notice.get_by_role("link", name="Beranda")).to_be_visible()
    expect(notice.get_by_role("link", name="Kemajuan Saya")).to_be_visible()
    notice.get_by_role("link", name="Aman di Dunia Digital").click()
    expect(page.locator("h1")).to_have_text("Aman di Dunia Digital")
    assert errors == []


class _SlowHandler(http.server.SimpleHTTPRequestHandler):
    """A slow connection: each file of the runtime takes a while."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        if "/assets/" in self.path:
            time.sleep(0.3)
        super().do_GET()


def test_saving_goes_on_after_leaving_the_page(page: Page, site_dir):
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_SlowHandler, directory=str(site_dir))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        page.goto(f"{url}/jalur/{PATH}/")
        page.get_by_role("button", name=SAVE).click()
        count = page.locator("[data-asah-offline-count]")
        expect(count).to_have_text(re.compile(r"^\d+ dari \d+ berkas$"))
        expect(page.locator("[data-asah-offline-status]")).to_have_text(
            "Sedang menyimpan jalur ini untuk dibaca offline…"
        )
        page.goto(f"{url}/")  # the worker saves on
        page.goto(f"{url}/jalur/")
        panel = page.locator("[data-asah-offline-storage]")
        expect(panel.get_by_role("link", name="Aman di Dunia Digital")).to_be_visible(
            timeout=30_000
        )
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_page_not_saved_says_so_in_the_site_language(page: Page, base_url, axe):
    page.goto(f"{base_url}/")
    worker_ready(page)
    page.wait_for_load_state("networkidle")  # the home page's icon fetched before, not offline
    page.context.set_offline(True)
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    wanted = f"{base_url}/pelayanan-publik/standar-pelayanan/"
    page.goto(wanted)
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page).to_have_title("Halaman ini belum tersedia offline - Asah Kompetensi ASN")
    expect(page.locator("main")).to_contain_text("Belum ada yang disimpan di perangkat ini.")
    retry = page.get_by_role("link", name="Coba lagi")
    expect(retry).to_have_attribute("href", wanted)
    expect(page.get_by_role("link", name="Asah Kompetensi ASN")).to_have_attribute(
        "href", "./"
    )  # relative to the site root (the notice's <base>)
    assert failed == []  # the notice needs nothing but itself
    assert axe() == []
    page.emulate_media(color_scheme="dark")
    assert axe() == []
    page.context.set_offline(False)
    retry.click()
    expect(page.locator("h1")).to_have_text("Standar Pelayanan dan Maklumat Pelayanan")


def test_storage_is_shown_and_can_be_freed(page: Page, base_url, axe):
    save_path(page, base_url)
    save_path(page, base_url, "pelayanan-prima")
    page.goto(f"{base_url}/jalur/")
    panel = page.locator("[data-asah-offline-storage]")
    expect(panel.get_by_role("heading", name="Tersimpan untuk dibaca offline")).to_be_visible()
    expect(panel.locator("li")).to_have_count(2)
    expect(panel.get_by_role("link", name="Aman di Dunia Digital")).to_be_visible()
    used = re.compile(r"Jalur yang tersimpan memakai \d+(,\d)? (KB|MB) di perangkat ini\.")
    expect(panel.locator("[data-asah-offline-used]")).to_have_text(used)
    expect(panel.locator("[data-asah-offline-estimate]")).to_contain_text(
        "Seluruh data situs ini di peramban:"
    )
    assert axe("[data-asah-offline-storage]") == []

    panel.get_by_role("button", name="Hapus simpanan Menuju Pelayanan Publik Prima").click()
    expect(panel.locator("li")).to_have_count(1)
    expect(panel.locator("[data-asah-offline-status]")).to_have_text(
        "Simpanan “Menuju Pelayanan Publik Prima” sudah dihapus dari perangkat ini."
    )
    expect(panel.get_by_role("heading")).to_be_focused()  # the button went with its item
    panel.get_by_role("button", name="Hapus semua simpanan offline").click()
    expect(panel.locator("[data-asah-offline-used]")).to_contain_text(
        "Belum ada jalur yang disimpan di perangkat ini."
    )
    expect(panel.locator("[data-asah-offline-status]")).to_have_text(
        "Semua simpanan offline sudah dihapus dari perangkat ini."
    )
    expect(panel.locator("li")).to_have_count(0)
    stored = page.evaluate(CACHES)
    assert not [name for name in stored if ":path:" in name]
    assert axe("[data-asah-offline-storage]") == []


def test_the_save_control_by_keyboard_and_axe(page: Page, base_url, axe):
    page.goto(f"{base_url}/jalur/{PATH}/")
    control = page.locator("[data-asah-offline-path]")
    save = control.get_by_role("button", name=SAVE)
    expect(save).to_be_visible()
    assert axe("[data-asah-offline-path]") == []
    box = save.bounding_box()
    assert box is not None and box["height"] >= 44
    save.focus()
    page.keyboard.press("Enter")
    remove = control.get_by_role("button", name="Hapus simpanan jalur ini")
    expect(remove).to_be_focused(timeout=30_000)  # where focus goes once the save is done
    assert axe("[data-asah-offline-path]") == []
    page.keyboard.press("Enter")
    expect(control.locator("[data-asah-offline-status]")).to_have_text(
        "Simpanan jalur ini sudah dihapus dari perangkat ini."
    )
    expect(save).to_be_focused()


def test_without_service_workers_the_control_says_why(page: Page, base_url):
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'serviceWorker', {get: () => undefined})"
    )
    page.goto(f"{base_url}/jalur/{PATH}/")
    control = page.locator("[data-asah-offline-path]")
    expect(control).to_contain_text("memerlukan alamat situs yang diawali https://")
    expect(control.get_by_role("button")).to_have_count(0)
    expect(page.locator("[data-asah-offline-storage]")).to_have_count(0)


def test_the_app_is_installable(browser_type, browser_type_launch_args, base_url, tmp_path):
    # installability is not reported in incognito contexts: a profile of its own
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), **browser_type_launch_args
    )
    try:
        page = context.new_page()
        page.goto(f"{base_url}/")
        worker_ready(page)
        cdp = context.new_cdp_session(page)
        found = cdp.send("Page.getAppManifest")
        assert found["url"] == f"{base_url}/manifest.webmanifest" and found["errors"] == []
        assert '"short_name": "Asah"' in found["data"]
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    finally:
        context.close()


def test_the_footer_is_in_the_site_language(page: Page, base_url):
    page.goto(f"{base_url}/literasi-digital/pengantar/")
    expect(page.get_by_role("navigation", name="Kaki halaman")).to_be_visible()
    expect(page.locator(".md-copyright")).to_contain_text("Dibuat dengan")
    expect(page.get_by_role("navigation", name="Kaki halaman")).to_contain_text("Selanjutnya")


@pytest.fixture
def course_copy(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    for name in ("content", "quizzes", "site_config"):
        shutil.copytree(ROOT / name, course / name)
    shutil.copy(ROOT / "mkdocs.yml", course / "mkdocs.yml")
    return course


def test_a_new_build_saves_the_path_again(page: Page, course_copy, tmp_path):
    site = tmp_path / "site"
    build_course(course_copy / "mkdocs.yml", site)
    with serve(site) as url:
        save_path(page, url)
        first = page.evaluate(CACHES)
        [old] = [name for name in first if name.endswith(f":path:{PATH}")]
        lesson = course_copy / "content" / "literasi-digital" / "pengantar.md"
        lesson.write_text(lesson.read_text("utf-8") + "\nKalimat dari build baru.\n", "utf-8")
        build_course(course_copy / "mkdocs.yml", site)
        page.goto(f"{url}/")  # any page online: the worker saves the path from the new build
        status = page.locator("[data-asah-offline-status]")
        page.goto(f"{url}/jalur/{PATH}/")
        expect(status).to_contain_text(SAVED, timeout=30_000)
        page.wait_for_function(
            f"caches.keys().then(k => k.some(n => n.endsWith(':path:{PATH}') && n !== '{old}')"
            f" && !k.includes('{old}'))",
            timeout=30_000,
        )
        page.context.set_offline(True)
        page.goto(f"{url}/literasi-digital/pengantar/")
        expect(page.locator("article")).to_contain_text("Kalimat dari build baru.")


def test_instant_navigation_reads_saved_pages_offline(page: Page, tmp_path):
    # Material navigates instantly only to pages its sitemap lists: a site_url on this server
    site = tmp_path / "site"
    site.mkdir()
    with serve(site) as url:
        config = load_config(
            str(ROOT / "mkdocs.yml"), site_dir=str(site), site_url=f"{url}/", strict=True
        )
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        save_path(page, url)
        page.context.set_offline(True)
        page.reload()
        page.evaluate("window.asahSameDocument = true")
        page.locator(".asah-steps").get_by_role("link", name="Mengenali Email Phishing").click()
        expect(page.locator("h1")).to_have_text("Mengenali Email Phishing")
        assert page.evaluate("window.asahSameDocument") is True  # no reload: instant
        # the quiz runtime (saved) starts on the page put in by instant navigation
        expect(page.locator("[data-asah-quiz]").first).to_have_attribute("data-asah-ready", "")
        # a page not saved: Material falls back to loading it, and the notice says so
        kompetensi = re.compile(r"^\s*Kompetensi\s*$")
        page.locator(".md-nav__link").filter(has_text=kompetensi).first.click()
        expect(page.locator("h1")).to_have_text("Halaman ini belum tersedia offline")


def test_the_offline_copy_has_no_worker_and_still_works(page: Page, offline_site):
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    for name in ("asah-sw.js", "asah-offline.json", "manifest.webmanifest"):
        assert not (offline_site / name).exists(), name
    page.goto((offline_site / "jalur" / f"{PATH}.html").as_uri())
    expect(page.locator("h1")).to_have_text("Aman di Dunia Digital")
    expect(page.locator("[data-asah-offline-path]")).to_have_count(0)
    expect(page.locator("link[rel=manifest]")).to_have_count(0)
    page.locator(".asah-steps").get_by_role("link", name="Mengenali Email Phishing").click()
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.get_by_role("button", name="Selesai ✓")).to_be_visible()
    assert (
        page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    )
    assert problems == []


def test_the_http_build_opened_from_disk_keeps_the_control_hidden(page: Page, file_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(file_url(f"jalur/{PATH}"))
    expect(page.locator("h1")).to_have_text("Aman di Dunia Digital")
    page.wait_for_timeout(300)
    expect(page.locator("[data-asah-offline-path]")).to_be_hidden()
    assert errors == []
