"""Learning paths, progress and self-assessment in Chromium, over http and from file://."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ROOT, build_course, serve, set_scheme
from tests.conftest import write_tree
from tests.paths.test_plugin import FIELD

PATH = "aman-digital"
SITE_KEY = "asah:asah-kompetensi-asn"
WITHOUT_QUERY = "a => { const url = new URL(a.href); url.search = ''; return url.href; }"


def record(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{SITE_KEY}')") or "{}")


def test_walk_a_path_with_one_next(page: Page, site):
    """In a path, a lesson has one "next": the path's. Where the learner is shows at the top and
    at the end; Material's footer (the course's order) is hidden, its keys follow the path."""
    page.goto(site(f"jalur/{PATH}/"))
    steps = page.locator(".asah-steps > li")
    total = steps.count()
    assert total == 7
    steps.first.locator("a").click()
    nav = page.locator(".asah-pathnav[data-asah-ready] li:visible")
    nexts = page.get_by_role("link", name=re.compile(r"^(Berikutnya|Selanjutnya)\b"))
    for n in range(1, total - 1):
        where = f"Langkah {n} dari {total} · Aman di Dunia Digital"
        expect(page.locator(".asah-pathtop")).to_have_text(where)
        expect(nav.locator(".asah-pathnav__where")).to_have_text(where)
        expect(page.locator(".md-footer__inner")).to_be_hidden()
        expect(nexts).to_have_count(1)
        following = nav.locator(".asah-pathnav__next")
        target = following.evaluate("a => a.href")
        assert page.evaluate("document.querySelector('link[rel=next]').href") == target
        # by keyboard: Material's "back to top" button can cover the link while scrolling
        following.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(target)
    # step 6 holds the last step, its quiz: no "next" back up the same page, but the quiz
    expect(nav.locator(".asah-pathnav__where")).to_contain_text(f"Langkah {total - 1} dari {total}")
    expect(nexts).to_have_count(0)
    here = nav.locator(".asah-pathnav__here")
    expect(here).to_have_text(
        f"Langkah {total} ada di halaman ini: Uji Pemahaman: Akun, Data Pribadi, dan Insiden ↑"
    )
    title = page.locator('[data-asah-quiz="keamanan-informasi/data-pribadi"] .asah-quiz__title')
    here.focus()
    expect(title).not_to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?jalur=aman-digital#asah-quiz-1$"))
    expect(title).to_be_in_viewport()
    nav.locator(".asah-pathnav__prev").click()
    expect(nav.locator(".asah-pathnav__where")).to_contain_text(f"Langkah {total - 2} dari {total}")
    expect(page.locator("h1")).to_have_text("Pelindungan Data Pribadi menurut UU PDP")
    page.go_back()
    # the end of the path leads back to the path's page
    end = nav.locator(".asah-pathnav__end")
    expect(end).to_have_text("Akhir jalur: kembali ke Aman di Dunia Digital →")
    end.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Aman di Dunia Digital")


def test_a_lesson_read_outside_the_path_keeps_the_courses_order(page: Page, site):
    """Opened without the path in its link, a lesson of the path last used says which step it
    is, and Material's footer is the one way on."""
    page.goto(site(f"jalur/{PATH}/"))
    page.locator(".asah-steps > li a").first.click()
    expect(page.locator(".asah-pathtop")).to_be_visible()
    page.goto(site("literasi-digital/pengantar/"))
    nav = page.locator(".asah-pathnav[data-asah-ready] li:visible")
    expect(nav.locator(".asah-pathnav__where")).to_have_text(
        "Langkah 1 dari 7 · Aman di Dunia Digital"
    )
    expect(nav.locator("a[rel=next]:visible, .asah-pathnav__end:visible")).to_have_count(0)
    expect(page.locator(".asah-pathtop")).to_have_count(0)
    footer_next = page.locator(".md-footer__link--next")
    expect(footer_next).to_be_visible()
    expect(footer_next).to_contain_text("Belajar Daring yang Efektif")  # the course's order


def test_a_quiz_step_goes_to_the_quiz_itself(page: Page, site):
    """Step 7, a bank embedded in the lesson of step 6, opens that lesson at the quiz."""
    page.goto(site(f"jalur/{PATH}/"))
    step = page.locator('[data-asah-step="quiz:keamanan-informasi/data-pribadi"] a')
    step.click()
    expect(page).to_have_url(re.compile(r"melaporkan-insiden.*\?jalur=aman-digital#asah-quiz-1$"))
    quiz = page.locator('[data-asah-quiz="keamanan-informasi/data-pribadi"]')
    expect(quiz.locator(".asah-quiz__title")).to_be_in_viewport()
    expect(page.locator("h1")).not_to_be_in_viewport()  # not the top of the lesson
    # the lesson knows it is on the path (step 6 of 7, with step 7 on it)
    nav = page.locator(".asah-pathnav[data-asah-ready] li:visible")
    expect(nav.locator(".asah-pathnav__where")).to_contain_text("Langkah 6 dari 7")
    here = nav.locator(".asah-pathnav__here")
    assert here.evaluate("a => a.href") == page.evaluate("location.href")  # to this very quiz


@pytest.fixture(scope="module")
def field_course(tmp_path_factory):
    """tests/paths FIELD: English, `name.html` pages, a bank embedded in two lessons."""
    root = tmp_path_factory.mktemp("field-course")
    write_tree(root, FIELD)
    site = build_course(root / "mkdocs.yml", root / "site")
    with serve(site) as url:
        yield url


def test_a_quiz_step_on_a_course_unlike_the_example(page: Page, field_course):
    page.goto(f"{field_course}/paths/field.html")
    page.get_by_role("link", name="Site check").click()
    # the quiz in the lesson of the path (the second quiz there), not the first lesson with it
    expect(page).to_have_url(f"{field_course}/b.html?path=field#asah-quiz-2")
    title = page.locator("#asah-quiz-2-title")
    expect(title).to_be_in_viewport()
    nav = page.locator(".asah-pathnav[data-asah-ready] li:visible")
    expect(nav.locator(".asah-pathnav__where")).to_contain_text("Step 1 of 3")
    expect(nav.locator(".asah-pathnav__here")).to_have_text("Step 2 is on this page: Site check ↑")
    following = nav.locator(".asah-pathnav__next")
    expect(following).to_have_text("Next: Writing it up →")
    following.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{field_course}/c.html?path=field")
    nav.locator(".asah-pathnav__prev").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{field_course}/b.html?path=field#asah-quiz-2")
    expect(title).to_be_in_viewport()
    expect(page.locator("h1")).not_to_be_in_viewport()


def test_mark_done_updates_path_and_progress_pages(page: Page, site):
    # a lesson without a quiz: marking it done is all it takes (`completion: quiz_passed`;
    # lessons with a quiz: tests/browser/test_progress_record.py)
    page.goto(site("keamanan-informasi/kata-sandi/"))
    button = page.get_by_role("button", name="Tandai selesai")
    button.click()
    expect(page.get_by_role("button", name="Selesai ✓")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".asah-done__status")).to_have_text("Pelajaran ini ditandai selesai.")
    page.goto(site(f"jalur/{PATH}/"))
    done = page.locator(".asah-step.is-done")
    expect(done).to_have_count(1)
    expect(done).to_contain_text("Kata Sandi yang Kuat dan Verifikasi Dua Langkah")
    expect(page.locator("[data-asah-path-summary]")).to_have_text("1 dari 7 langkah")
    expect(page.locator(".asah-node.is-done")).to_have_count(1)
    continue_link = page.locator("[data-asah-path-continue]")
    continue_link.click()
    expect(page.locator("h1")).to_have_text("Pengantar Literasi Digital bagi ASN")
    page.goto(site("kemajuan/"))
    app = page.locator('[data-asah-app="progress"]')
    expect(app).to_contain_text("1 dari 20 pelajaran selesai")
    expect(
        app.get_by_role("link", name="Kata Sandi yang Kuat dan Verifikasi Dua Langkah")
    ).to_be_visible()


def mark_done(page: Page, site, url: str) -> None:
    page.goto(site(url))
    page.get_by_role("button", name="Tandai selesai").click()


def test_export_clear_import_gives_the_same_state(page: Page, site, tmp_path):
    mark_done(page, site, "keamanan-informasi/phishing/")
    mark_done(page, site, "literasi-digital/pengantar/")
    quiz = page.locator("[data-asah-quiz]").first
    page.goto(site("pengembangan-kompetensi/hak-dan-kewajiban/"))
    quiz = page.locator("[data-asah-quiz]").first
    quiz.locator("[data-asah-question] input[type=text]").first.fill("20")
    quiz.locator('[data-asah-action="check"]').click()
    before = record(page)
    page.goto(site("kemajuan/"))
    with page.expect_download() as download:
        page.get_by_role("button", name="Simpan cadangan catatan").click()
    saved = tmp_path / "kemajuan.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text("utf-8"))
    assert exported["format"] == "asah-progress" and exported["version"] == 2
    assert exported["site"] == "asah-kompetensi-asn" and exported["completion"] == "quiz_passed"
    assert set(exported["records"]["lessons"]) == {
        "keamanan-informasi/phishing.md",
        "literasi-digital/pengantar.md",
    }
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hapus semua catatan").click()
    expect(page.locator('[data-asah-app="progress"]')).to_contain_text("0 dari 20 pelajaran")
    assert record(page)["lessons"] == {}
    page.get_by_label("Muat cadangan catatan").set_input_files(str(saved))
    expect(page.locator('[data-asah-app="progress"] [role=status]')).to_have_text(
        "Catatan berhasil digabungkan."
    )
    after = record(page)
    assert after["lessons"] == before["lessons"]
    assert after["quizzes"] == before["quizzes"]
    # the phishing lesson waits for its quiz: one of the two counts
    expect(page.locator('[data-asah-app="progress"]')).to_contain_text("1 dari 20 pelajaran")


def test_the_printed_progress_page_lists_the_lessons_done(page: Page, base_url, tmp_path):
    page.goto(f"{base_url}/keamanan-informasi/kata-sandi/")
    page.get_by_role("button", name="Tandai selesai").click()
    page.emulate_media(media="print")
    expect(page.locator("[data-asah-done]")).to_be_hidden()  # the lesson's button is for the screen
    expect(page.locator(".asah-pathnav")).to_be_hidden()
    page.goto(f"{base_url}/kemajuan/")
    app = page.locator('[data-asah-app="progress"]')
    done = app.locator("section", has=page.get_by_role("heading", name="Pelajaran selesai"))
    expect(
        done.get_by_role("link", name="Kata Sandi yang Kuat dan Verifikasi Dua Langkah")
    ).to_be_visible()
    expect(done.locator("tbody tr")).to_have_count(1)
    expect(app.get_by_role("heading", name="Jalur belajar")).to_be_visible()
    expect(app.get_by_role("button", name="Cetak catatan belajar")).to_be_hidden()
    page.screenshot(path=str(tmp_path / "kemajuan-cetak.png"), full_page=True)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "File ini bukan file JSON yang dapat dibaca. Tidak ada yang diubah."),
        ('{"format": "lain"}', "File ini bukan catatan kemajuan Asah. Tidak ada yang diubah."),
        (
            '{"format": "asah-progress", "version": 1, "site": "kursus-lain", "records": {}}',
            "File ini berasal dari kursus lain. Tidak ada yang diubah.",
        ),
    ],
)
def test_importing_a_bad_file_changes_nothing(page: Page, base_url, tmp_path, content, message):
    page.goto(f"{base_url}/keamanan-informasi/phishing/")
    page.get_by_role("button", name="Tandai selesai").click()
    before = record(page)
    bad = tmp_path / "buruk.json"
    bad.write_text(content, "utf-8")
    page.goto(f"{base_url}/kemajuan/")
    page.get_by_label("Muat cadangan catatan").set_input_files(str(bad))
    expect(page.locator('[data-asah-app="progress"] [role=status]')).to_have_text(message)
    assert record(page) == before


def test_self_assessment_recommends_lessons(page: Page, site):
    page.goto(site("penilaian-diri/"))
    app = page.locator('[data-asah-app="assess"]')
    app.get_by_label("Level per kompetensi").check()
    # a learner at level 1 in literasi-digital who targets keamanan-informasi level 2:
    # its lessons at levels 1–2 plus their prerequisites, prerequisites first
    page.locator("#asah-current-literasi-digital").select_option("1")
    page.locator("#asah-target-keamanan-informasi").select_option("2")
    items = app.locator("ol.asah-recommend > li")
    expect(items).to_have_count(4)
    texts = items.all_inner_texts()
    assert "Pengantar Literasi Digital bagi ASN" in texts[0]
    assert "Menangani dan Melaporkan Insiden Keamanan" in texts[-1]
    expect(app).to_contain_text("Total 4 JP (180 menit)")
    expect(app).to_contain_text("Level 0 → 2, selisih 2")
    page.reload()
    expect(page.locator("ol.asah-recommend > li")).to_have_count(4)
    expect(page.locator("#asah-target-keamanan-informasi")).to_have_value("2")


def test_self_assessment_explains_itself_each_level_and_its_target(page: Page, site):
    """A short introduction, what each level means beside the choice, and a target from the
    start that the page names: the path the learner follows (else the course's first)."""
    page.goto(site("jalur/pelaksana-baru/"))  # the path she follows
    page.goto(site("penilaian-diri/"))
    app = page.locator('[data-asah-app="assess"]')
    expect(app.locator(".asah-assess__intro")).to_contain_text(
        "Penilaian diri membandingkan level kompetensi Anda sekarang dengan target"
    )
    expect(app.get_by_label("Jalur belajar", exact=True)).to_be_checked()
    expect(page.locator("#asah-path")).to_have_value("pelaksana-baru")
    expect(app.locator(".asah-assess__default")).to_contain_text("Target awal")
    expect(app.locator(".asah-assess__for")).to_have_text(
        "Target: jalur Pelaksana Baru di Era Digital"
    )
    # the level's meaning under the choice, read with it by screen readers
    level = page.locator("#asah-current-keamanan-informasi")
    means = page.locator("#asah-current-keamanan-informasi-means")
    expect(level).to_have_attribute("aria-describedby", "asah-current-keamanan-informasi-means")
    expect(means).to_have_text(
        "Level 1 berarti: Mengenali email atau pesan mencurigakan, memakai kata sandi yang kuat"
        " dengan verifikasi dua langkah, dan tidak pernah membagikan kode OTP."
    )
    level.select_option("2")
    expect(means).to_have_text(
        re.compile(r"^Level 2 · Berkembang — rekan dan kelompok kerja\. Menangani insiden")
    )
    # levels as target: until one is chosen, the page says so
    app.get_by_label("Level per kompetensi").check()
    expect(app.locator(".asah-assess__for")).to_have_text(
        "Target: level yang Anda pilih per kompetensi"
    )
    expect(app.locator(".asah-assess__result")).to_contain_text(
        "Pilih level target untuk setidaknya satu kompetensi"
    )
    page.locator("#asah-target-keamanan-informasi").select_option("3")
    expect(page.locator("#asah-target-keamanan-informasi-means")).to_contain_text("Level 3 · Cakap")
    expect(app.locator(".asah-gaps")).to_contain_text("Level 2 → 3, selisih 1")
    page.reload()  # a target chosen: no more "starting target"
    expect(page.locator("#asah-target-keamanan-informasi")).to_have_value("3")
    expect(page.locator(".asah-assess__default")).to_have_count(0)


def test_a_path_as_target_recommends_the_paths_steps_not_yet_done(page: Page, site):
    page.goto(site(f"jalur/{PATH}/"))
    expect(page.locator(".asah-path")).to_contain_text("Jumlah waktu: 360 menit · 8 JP")
    on_the_path = page.locator(".asah-steps > li > a").all_inner_texts()
    quiz_url = page.locator(".asah-steps > li > a").last.evaluate(WITHOUT_QUERY)
    page.goto(site("penilaian-diri/"))
    app = page.locator('[data-asah-app="assess"]')
    app.get_by_label("Jalur belajar", exact=True).check()
    page.locator("#asah-path").select_option(PATH)
    items = app.locator("ol.asah-recommend > li")
    expect(items).to_have_count(7)
    # the same steps and JP as the path page, the quiz step going to the quiz
    assert items.locator("a").all_inner_texts() == on_the_path
    expect(app.locator(".asah-total")).to_have_text("Total 8 JP (360 menit)")
    assert items.last.locator("a").evaluate(WITHOUT_QUERY) == quiz_url
    expect(items.last).to_contain_text("(kuis)")
    # a step done drops out; the levels the learner gives do not change the path
    mark_done(page, site, "keamanan-informasi/kata-sandi/")
    page.goto(site("penilaian-diri/"))
    page.locator("#asah-current-keamanan-informasi").select_option("5")
    expect(items).to_have_count(6)
    assert "Kata Sandi yang Kuat dan Verifikasi Dua Langkah" not in items.all_inner_texts()
    expect(app.locator(".asah-total")).to_have_text("Total 7 JP (315 menit)")


@pytest.mark.parametrize(
    "url",
    [
        "jalur/",
        f"jalur/{PATH}/",
        "kuis/evaluasi-akhir/",
        "kuis/evaluasi-akhir/?jalur=pelaksana-baru",  # the last step: back to the path
        "kemajuan/",
        "penilaian-diri/",
        "keamanan-informasi/phishing/",
        f"keamanan-informasi/phishing/?jalur={PATH}",  # read in the path: its place, one next
    ],
)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_reports_no_violations(page: Page, base_url, axe, url, scheme):
    page.goto(f"{base_url}/{url}")
    set_scheme(page, scheme)
    assert axe() == []


@pytest.fixture
def rebuildable(tmp_path):
    """A copy of the quiz fixture course that a test can edit and rebuild."""
    source = ROOT / "tests" / "fixtures" / "quiz-course"
    course = tmp_path / "course"
    shutil.copytree(source, course)
    site = tmp_path / "site"
    build_course(course / "mkdocs.yml", site)
    with serve(site) as url:
        yield course, site, url


def test_rebuild_keeps_progress_and_a_changed_question_resets_alone(page: Page, rebuildable):
    course, site, url = rebuildable
    page.goto(f"{url}/semua-jenis/")
    page.get_by_role("button", name="Tandai selesai").click()
    quiz = page.locator('[data-asah-quiz="semua-jenis"]')
    quiz.locator('[data-asah-question="benar-salah"] label', has_text="Benar").click()
    quiz.locator('[data-asah-question="isian-teks"] input').fill("ASN")
    quiz.locator('[data-asah-action="check"]').click()
    # an unrelated edit, then a changed question
    index = course / "content" / "index.md"
    index.write_text(index.read_text("utf-8") + "\nKalimat baru.\n", "utf-8")
    build_course(course / "mkdocs.yml", site)
    page.reload()
    expect(page.get_by_role("button", name="Selesai ✓")).to_be_visible()
    expect(quiz.locator('[data-asah-question="benar-salah"]')).to_have_class(
        "asah-question is-correct"
    )
    bank = course / "quizzes" / "semua-jenis.yml"
    bank.write_text(bank.read_text("utf-8").replace("answers: [ASN]", "answers: [ASN, PNS]"))
    build_course(course / "mkdocs.yml", site)
    page.reload()
    expect(quiz.locator('[data-asah-question="benar-salah"]')).to_have_class(
        "asah-question is-correct"
    )
    changed = quiz.locator('[data-asah-question="isian-teks"]')
    expect(changed).to_have_class("asah-question")
    expect(changed.locator(".asah-question__result")).to_have_text(
        "Soal ini diubah sejak percobaan terakhir Anda."
    )
    expect(changed.locator("input")).to_have_value("")


def test_offline_copy_is_self_contained(offline_site: Path):
    assert (offline_site / "index.html").is_file()
    assert (offline_site / "jalur" / f"{PATH}.html").is_file()


def test_progress_app_loads_after_instant_navigation(page: Page, base_url):
    page.goto(f"{base_url}/keamanan-informasi/kata-sandi/")
    page.get_by_role("button", name="Tandai selesai").click()
    page.locator(".md-nav__link", has_text="Kemajuan Saya").first.click()
    expect(page).to_have_url(f"{base_url}/kemajuan/")
    expect(page.locator('[data-asah-app="progress"]')).to_contain_text("1 dari 20 pelajaran")
    page.locator(".md-nav__link", has_text="Penilaian Diri").first.click()
    expect(page.locator('[data-asah-app="assess"] select').first).to_be_visible()
