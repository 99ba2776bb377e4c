"""The learner's JP record in Chromium: when a lesson counts (`completion`), the solution
after a failed attempt (`solution_after_fail`) and whether it was seen before the pass, the JP
toward the yearly target, competencies in progress, and the progress page printed on A4 — on the
example course (Indonesian, `completion: quiz_passed`) and on an English course unlike it."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import build_course, serve, set_scheme
from tests.conftest import write_tree

SITE_KEY = "asah:asah-kompetensi-asn"
YEAR = datetime.date.today().year
RIGHTS = "pengembangan-kompetensi/hak-dan-kewajiban/"
RIGHTS_QUIZ = "pengembangan-kompetensi/hak-dan-kewajiban.md#1"


def record(page: Page, key: str = SITE_KEY) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{key}')") or "{}")


def press(page: Page, button: Locator, key: str = "Enter") -> None:
    """Activate a control by keyboard, as a learner without a mouse would."""
    button.focus()
    page.keyboard.press(key)


def answer_rights_quiz(quiz: Locator, right: bool) -> None:
    """The quiz of the rights lesson: 3 questions; wrong: only the first one right (33 %)."""
    quiz.locator('[data-asah-question="jp-minimal-setahun"] input').fill("20")
    if right:
        quiz.locator('[data-asah-question="dua-puluh-jp-batas-maksimal"] label').nth(1).click()
        quiz.locator(
            '[data-asah-question="kewajiban-setelah-pelatihan"] label',
            has_text=("Menerapkan cara baru"),
        ).click()
    press(quiz.page, quiz.locator('[data-asah-action="check"]'))


def test_a_lesson_counts_once_marked_done_and_its_quiz_passed(page: Page, site):
    page.goto(site(RIGHTS))
    done = page.get_by_role("button", name="Tandai selesai")
    expect(page.locator(".asah-done__rule")).to_have_text(
        "Pelajaran ini dihitung selesai setelah ditandai selesai dan kuisnya lulus."
    )
    press(page, done)
    status = page.locator(".asah-done__status")
    expect(status).to_have_text("Ditandai selesai. Tinggal lulus kuisnya.")
    quiz = page.locator(f'[data-asah-quiz="{RIGHTS_QUIZ}"]')
    answer_rights_quiz(quiz, right=False)
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Belum lulus")
    # the solution after a failed attempt (on by default), noted as seen before the pass
    press(page, quiz.get_by_role("button", name="Tampilkan jawaban"))
    expect(quiz.locator(".asah-solution__answer").first).to_be_visible()
    stored = record(page)["quizzes"][RIGHTS_QUIZ]
    assert stored["passed"] is False and stored["solutionDate"]

    page.goto(site("kemajuan/"))
    app = page.locator('[data-asah-app="progress"]')
    expect(app.locator(".asah-progress__summary")).to_have_text(
        "0 dari 20 pelajaran selesai · 0 JP diselesaikan"
    )
    expect(app).to_contain_text(f"0 / 20 JP tahun {YEAR}")
    waiting = app.locator("section", has=page.get_by_role("heading", name="Menunggu kuis lulus"))
    expect(
        waiting.get_by_role("link", name="Hak dan Kewajiban Mengembangkan Kompetensi", exact=True)
    ).to_be_visible()
    expect(waiting.get_by_role("link", name="kerjakan kuisnya")).to_have_attribute(
        "href", re.compile("hak-dan-kewajiban")
    )
    results = app.locator("#asah-quiz-results").locator("xpath=ancestor::table")
    expect(results.locator("tbody tr").first).to_contain_text("Belum (jawaban sudah dilihat)")

    page.goto(site(RIGHTS))
    quiz.locator('[data-asah-action="retry"]').click()
    answer_rights_quiz(quiz, right=True)
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Lulus.")
    expect(status).to_have_text("Kuis lulus; pelajaran ini dihitung selesai.")
    assert record(page)["quizzes"][RIGHTS_QUIZ]["passedDate"]

    page.goto(site("kemajuan/"))
    expect(app.locator(".asah-progress__summary")).to_have_text(
        "1 dari 20 pelajaran selesai · 1 JP diselesaikan"
    )
    expect(app).to_contain_text(f"1 / 20 JP tahun {YEAR}")
    expect(app.get_by_role("heading", name="Menunggu kuis lulus")).to_have_count(0)
    row = app.locator(".asah-progress__lessons tbody tr")
    expect(row).to_have_count(1)
    cells = row.locator("th, td")
    expect(cells.nth(0)).to_have_text("Hak dan Kewajiban Mengembangkan Kompetensi")
    expect(cells.nth(1)).to_have_text(page.evaluate("new Date().toLocaleDateString('id')"))
    expect(cells.nth(2)).to_have_text("45")
    expect(cells.nth(3)).to_have_text("1")
    expect(cells.nth(4)).to_have_text("100% (setelah melihat jawaban)")
    expect(results.locator("tbody tr").first).to_contain_text("Ya, setelah melihat jawaban")
    # the path counts the same lesson, by the same rule
    page.goto(site("jalur/pelaksana-baru/"))
    expect(page.locator("[data-asah-path-summary]")).to_have_text("1 dari 8 langkah")
    expect(page.locator(".asah-step.is-done")).to_contain_text("Hak dan Kewajiban")


def test_a_lesson_marked_done_does_not_count_while_its_quiz_is_not_passed(page: Page, site):
    """Marking a lesson with a quiz done changes no count: not on the progress page, not on the
    path, not among the competencies; a lesson without a quiz counts at once."""
    page.goto(site("keamanan-informasi/phishing/"))
    page.get_by_role("button", name="Tandai selesai").click()
    page.goto(site("keamanan-informasi/kata-sandi/"))
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.locator(".asah-done__status")).to_have_text("Pelajaran ini ditandai selesai.")
    expect(page.locator(".asah-done__rule")).to_have_count(0)  # no quiz on it
    page.goto(site("jalur/aman-digital/"))
    expect(page.locator("[data-asah-path-summary]")).to_have_text("1 dari 7 langkah")
    expect(page.locator(".asah-step.is-done")).to_have_text(re.compile("^Kata Sandi"))
    page.goto(site("jalur/"))
    card = page.locator('[data-asah-path-card="aman-digital"]')
    expect(card.locator("[data-asah-path-progress]")).to_have_text("1 dari 7 langkah")
    page.goto(site("kemajuan/"))
    app = page.locator('[data-asah-app="progress"]')
    expect(app.locator(".asah-progress__summary")).to_contain_text("1 dari 20 pelajaran selesai")
    competencies = app.locator("#asah-competencies").locator("xpath=ancestor::table")
    row = competencies.locator("tbody tr", has_text="Keamanan Informasi")
    expect(row.locator("td").first).to_have_text("sebagian (1 dari 2 pelajaran)")


def competency_cell(page: Page, name: str) -> Locator:
    table = page.locator("#asah-competencies").locator("xpath=ancestor::table")
    return (
        table.locator("tbody tr", has=page.get_by_role("link", name=name, exact=True))
        .locator("td")
        .first
    )


def test_competencies_in_progress_say_how_far_the_next_level_is(page: Page, base_url):
    for lesson in ("standar-kompetensi-jabatan", "penilaian-kompetensi"):
        page.goto(f"{base_url}/penilaian-kompetensi/{lesson}/")
        press(page, page.get_by_role("button", name="Tandai selesai"), " ")
        expect(page.get_by_role("button", name="Selesai ✓")).to_be_visible()
    page.goto(f"{base_url}/kemajuan/")
    app = page.locator('[data-asah-app="progress"]')
    expect(app.get_by_text("Sebuah level tercapai bila semua pelajaran")).to_be_visible()
    expect(competency_cell(page, "Analisis Kebutuhan Kompetensi")).to_have_text(
        "1, sebagian menuju level 2 (1 dari 2 pelajaran)"
    )
    # pengembangan-diri level 1 has four lessons; one of them is done
    expect(competency_cell(page, "Pengembangan Diri dan Orang Lain")).to_have_text(
        "sebagian (1 dari 4 pelajaran)"
    )
    expect(competency_cell(page, "Integritas")).to_have_text("—")  # nothing toward it
    # the competency page says the same rule where its levels are listed
    page.goto(f"{base_url}/kompetensi/analisis-kebutuhan-kompetensi/")
    rule = page.locator(".asah-level-rule")
    expect(rule).to_contain_text("ditandai selesai dan kuisnya lulus")
    rule.get_by_role("link", name="Kemajuan Saya").click()
    expect(page).to_have_url(f"{base_url}/kemajuan/")


# the record a learner has after a busy year: every lesson done, its quizzes passed
def full_record(lessons: list[dict]) -> dict:
    stamp = f"{YEAR}-02-03T04:00:00.000Z"
    quizzes = {
        q: {
            "attempts": 1,
            "best": 90,
            "passed": True,
            "passedDate": stamp,
            "last": {"date": stamp, "score": 90, "passed": True},
        }
        for lesson in lessons
        for q in lesson["quizzes"]
    }
    done = {
        lesson["path"]: {"done": True, "date": f"{YEAR}-0{1 + i % 9}-1{i % 10}T08:00:00.000Z"}
        for i, lesson in enumerate(lessons)
    }
    return {"version": 1, "lessons": done, "quizzes": quizzes}


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_progress_page_prints_as_a_jp_record(page: Page, base_url, site_dir, tmp_path):
    # the learner's fields, typed on the progress page and kept across a reload
    page.goto(f"{base_url}/kemajuan/")
    fields = {
        "Nama": "Rina Wulandari",
        "NIP": "199001012015032001",
        "Unit kerja": "Bagian Umum",
        "Jabatan": "Analis SDM Aparatur",
    }
    for label, value in fields.items():
        box = page.get_by_label(label, exact=True)
        box.focus()
        page.keyboard.type(value)
        page.keyboard.press("Tab")  # change: saved
    page.reload()
    for label, value in fields.items():
        expect(page.get_by_label(label, exact=True)).to_have_value(value)
    assert record(page)["learner"]["nip"] == "199001012015032001"
    # the download says what it is for
    expect(page.get_by_role("button", name="Simpan cadangan catatan")).to_be_visible()
    expect(page.get_by_label("Muat cadangan catatan")).to_be_visible()

    lessons = json.loads((site_dir / "course.json").read_text("utf-8"))["lessons"]
    mine = full_record(lessons)
    mine["learner"] = record(page)["learner"]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [SITE_KEY, json.dumps(mine)])
    page.reload()
    app = page.locator('[data-asah-app="progress"]')
    expect(app.locator(".asah-progress__summary")).to_have_text(
        "20 dari 20 pelajaran selesai · 25 JP diselesaikan"
    )
    expect(app).to_contain_text(f"25 / 20 JP tahun {YEAR}")
    expect(app.locator(".asah-progress__lessons tfoot")).to_have_text(
        re.compile(r"Jumlah\s*1\.125\s*25")
    )
    expect(app.locator(".asah-signature")).to_be_hidden()  # on paper only

    page.emulate_media(media="print")
    expect(page.locator("h1")).to_be_hidden()  # the record's own title instead
    expect(app.locator(".asah-record__title")).to_have_text("Catatan Pengembangan Kompetensi")
    expect(app.locator(".asah-record__head")).to_contain_text("Asah Kompetensi ASN · dicetak")
    for label, value in fields.items():
        expect(
            app.locator(".asah-learner", has_text=label).locator(".asah-print-value")
        ).to_have_text(value)
    expect(app.locator(".asah-progress__lessons tbody tr")).to_have_count(20)
    expect(app.locator(".asah-progress__year p")).to_have_text(f"25 / 20 JP tahun {YEAR}")
    expect(app.get_by_role("heading", name="Jalur belajar")).to_be_visible()
    expect(app.get_by_text(re.compile(r"^Jalur selesai \(")).first).to_be_visible()
    expect(app.get_by_role("heading", name="Kompetensi yang tercapai")).to_be_visible()
    signature = app.locator(".asah-signature")
    expect(signature).to_be_visible()
    expect(signature.get_by_role("heading")).to_have_text("Mengetahui, atasan langsung")
    expect(signature.locator(".asah-signature__label")).to_have_text(
        ["Nama", "NIP", "Tanda tangan", "Tanggal"]
    )
    for hidden in ("Simpan cadangan catatan", "Cetak catatan belajar"):
        expect(page.get_by_role("button", name=hidden)).to_be_hidden()
    # the one path left open (its final test is a quiz page of its own) shows no "continue"
    expect(page.locator(".asah-progress__continue")).to_have_count(1)
    expect(page.locator(".asah-progress__continue")).to_be_hidden()
    page.screenshot(path=str(tmp_path / "jp-record-print.png"), full_page=True)
    pdf = page.pdf(format="A4", path=str(tmp_path / "catatan.pdf"))
    assert 2 <= pdf_pages(pdf) <= 4, pdf_pages(pdf)


def test_an_empty_learner_field_prints_as_a_line_to_fill_in(page: Page, base_url):
    page.goto(f"{base_url}/kemajuan/")
    page.get_by_label("Nama", exact=True).fill("Rina")
    page.get_by_label("Nama", exact=True).press("Tab")
    page.emulate_media(media="print")
    app = page.locator('[data-asah-app="progress"]')
    nip = app.locator(".asah-learner", has_text="NIP")
    expect(nip).to_be_visible()
    expect(nip.locator(".asah-print-value")).to_have_text("")
    assert nip.locator(".asah-print-value").evaluate(
        "e => getComputedStyle(e).borderBottomStyle"
    ) == ("solid")
    pdf = page.pdf(format="A4")
    assert pdf_pages(pdf) == 1  # nothing done yet: one sheet


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_on_a_record_with_everything_on_it(page: Page, base_url, site_dir, axe, scheme):
    lessons = json.loads((site_dir / "course.json").read_text("utf-8"))["lessons"]
    mine = full_record(lessons[:12])
    mine["lessons"]["pelayanan-publik/layanan-digital.md"] = {"done": True, "date": f"{YEAR}-05-05"}
    mine["quizzes"][RIGHTS_QUIZ]["solutionDate"] = f"{YEAR}-01-01T00:00:00.000Z"
    page.goto(f"{base_url}/kemajuan/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [SITE_KEY, json.dumps(mine)])
    page.reload()
    app = page.locator('[data-asah-app="progress"]')
    expect(app.get_by_role("heading", name="Menunggu kuis lulus")).to_be_visible()
    expect(app).to_contain_text("sebagian menuju level")
    set_scheme(page, scheme)
    assert axe() == []
    page.goto(f"{base_url}/penilaian-kompetensi/rencana-pengembangan/")
    # by keyboard: a click lands where the button was, and a page still laid out under load
    # once put a link to the quiz there (the page went to #uji-pemahaman, nothing was marked)
    press(page, page.get_by_role("button", name="Tandai selesai"))
    expect(page.locator(".asah-done__status")).to_have_text(
        "Ditandai selesai. Tinggal lulus kuisnya."
    )
    set_scheme(page, scheme)
    assert axe() == []


# ---- an English course unlike the example: JP on with a target of its own, the solution only
# after a pass, its own learner fields, pages as name.html

ENGLISH = {
    "mkdocs.yml": """
        site_name: Field Safety
        docs_dir: docs
        use_directory_urls: false
        theme:
          name: material
          language: en
          font: false
        plugins:
          - asah/competencies:
              jp: true
              minutes_per_jp: 60
              theme_fixes: true
          - asah/quiz:
              solution_after_fail: false
          - asah/paths:
              completion: quiz_passed
              jp_target: 10
              learner_fields: [name, unit, email]
    """,
    "site_config/competencies.yml": """
        groups:
          - id: field
            name: Field work
            competencies:
              - {id: safety, name: Site safety}
              - {id: reporting, name: Reporting}
    """,
    "site_config/paths.yml": """
        paths:
          - id: field
            title: Field basics
            steps: [a.md, b.md, c.md]
    """,
    "docs/index.md": "# Field Safety\n",
    "docs/a.md": """
        ---
        title: Hazards on site
        duration: 90
        competencies: {safety: 1}
        ---
        Look before you step.

        /// quiz
        title: Hazard check
        questions:
          - {id: helmet, type: truefalse, prompt: A helmet is needed on site., answer: true}
          - {id: alone, type: truefalse, prompt: Working alone at height is fine., answer: false}
        ///
    """,
    "docs/b.md": """
        ---
        title: Reporting a near miss
        duration: 30
        competencies: {safety: 1, reporting: 1}
        ---
        Write it down the same day.
    """,
    "docs/c.md": """
        ---
        title: Writing the incident report
        duration: 60
        competencies: {reporting: 2}
        ---
        Facts first.
    """,
}
ENGLISH_KEY = "asah:field-safety"


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    root = tmp_path_factory.mktemp("english-course")
    write_tree(root, ENGLISH)
    site = build_course(root / "mkdocs.yml", root / "site")
    with serve(site) as url:
        yield url


def test_english_course_solution_only_after_a_pass_and_its_record(page: Page, english, tmp_path):
    page.goto(f"{english}/a.html")
    press(page, page.get_by_role("button", name="Mark as done"), " ")
    status = page.locator(".asah-done__status")
    expect(status).to_have_text("Marked done. Now pass its quiz.")
    quiz = page.locator("[data-asah-quiz]")
    quiz.locator('[data-asah-question="helmet"] label', has_text="False").click()
    press(page, quiz.get_by_role("button", name="Check answers"))
    expect(quiz.locator(".asah-quiz__status")).to_contain_text(
        "Not passed yet — the pass mark is 70%. The answers can be shown once you pass."
    )
    solution = quiz.get_by_role("button", name="Show solution")
    expect(solution).to_be_hidden()
    expect(quiz.get_by_role("button", name="Try again")).to_be_focused()
    page.reload()  # the last attempt comes back, still without the solution
    expect(quiz.locator('[data-asah-question="helmet"]')).to_have_class(re.compile("is-wrong"))
    expect(solution).to_be_hidden()
    press(page, quiz.get_by_role("button", name="Try again"))
    quiz.locator('[data-asah-question="helmet"] label', has_text="True").click()
    quiz.locator('[data-asah-question="alone"] label', has_text="False").click()
    press(page, quiz.get_by_role("button", name="Check answers"))
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Passed.")
    expect(status).to_have_text("Quiz passed; this lesson counts as completed.")
    press(page, solution)
    expect(quiz.locator(".asah-solution__answer").first).to_be_visible()
    stored = record(page, ENGLISH_KEY)["quizzes"]["a.md#1"]
    assert stored["passed"] and "solutionDate" not in stored  # seen after the pass

    page.goto(f"{english}/b.html")
    page.get_by_role("button", name="Mark as done").click()
    page.goto(f"{english}/progress/index.html")
    app = page.locator('[data-asah-app="progress"]')
    expect(app.locator(".asah-progress__summary")).to_have_text(
        "2 of 3 lessons done · 2 JP completed"
    )
    expect(app).to_contain_text(f"2 / 10 JP in {YEAR}")
    expect(app).to_contain_text(
        "A lesson counts as completed once you mark it done and pass its quiz."
    )
    expect(app.locator(".asah-progress__lessons thead th")).to_have_text(
        ["Lesson", "Date", "Minutes", "JP", "Quiz score"]
    )
    expect(app.locator(".asah-progress__lessons tbody tr").first).to_contain_text("100%")
    expect(competency_cell(page, "Site safety")).to_have_text("1")
    expect(competency_cell(page, "Reporting")).to_have_text("1")
    expect(app.locator("[id^=asah-learner-]")).to_have_count(3)
    page.get_by_label("Unit", exact=True).fill("North depot")
    page.get_by_label("Unit", exact=True).press("Tab")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save a backup of your record").click()
    saved = tmp_path / "backup.json"
    download.value.save_as(saved)
    exported = json.loads(saved.read_text("utf-8"))
    assert (exported["completion"], exported["jp"], exported["learner"]) == (
        "quiz_passed",
        2,
        {"unit": "North depot"},
    )

    page.emulate_media(media="print")
    expect(app.locator(".asah-record__title")).to_have_text("Learning record")
    expect(app.locator(".asah-signature h2")).to_have_text("Seen by the direct supervisor")
    expect(app.locator(".asah-learner", has_text="Name")).to_be_visible()  # a line to fill in
    page.screenshot(path=str(tmp_path / "jp-record-print-en.png"), full_page=True)
    assert pdf_pages(page.pdf(format="A4")) == 1


def test_english_path_counts_by_the_same_rule(page: Page, english):
    page.goto(f"{english}/a.html")
    page.get_by_role("button", name="Mark as done").click()
    page.goto(f"{english}/paths/field.html")
    expect(page.locator("[data-asah-path-summary]")).to_have_text("0 of 3 steps")
    page.goto(f"{english}/a.html")
    quiz = page.locator("[data-asah-quiz]")
    quiz.locator('[data-asah-question="helmet"] label', has_text="True").click()
    quiz.locator('[data-asah-question="alone"] label', has_text="False").click()
    quiz.get_by_role("button", name="Check answers").click()
    page.goto(f"{english}/paths/field.html")
    expect(page.locator("[data-asah-path-summary]")).to_have_text("1 of 3 steps")
    expect(page.locator(".asah-step.is-done")).to_have_text(re.compile("^Hazards on site"))


@pytest.mark.parametrize("url", ["progress/index.html", "a.html"])
def test_axe_on_the_english_course(page: Page, english, axe, url):
    page.goto(f"{english}/a.html")
    page.get_by_role("button", name="Mark as done").click()
    quiz = page.locator("[data-asah-quiz]")
    quiz.locator('[data-asah-question="helmet"] label', has_text="False").click()
    quiz.get_by_role("button", name="Check answers").click()
    page.goto(f"{english}/{url}")
    assert axe() == []
