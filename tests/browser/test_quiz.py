"""Quizzes in Chromium as a learner uses them: every type, keyboard, retry, reload, file://,
instant navigation, storage trouble, hostile text, axe."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import set_scheme

ALL_TYPES = "/semua-jenis/"
SITE_KEY = "asah:kuis-uji"


def question(page: Page, qid: str) -> Locator:
    return page.locator(f'[data-asah-question="{qid}"]')


def check(page: Page, quiz: Locator | None = None) -> None:
    (quiz or page).locator('[data-asah-action="check"]').first.click()


def choose(q: Locator, *texts: str) -> None:
    for text in texts:
        q.locator("label", has_text=text).click()


def order_to(q: Locator, wanted: list[str]) -> None:
    """Use the up buttons (taps) until the items read as `wanted`."""
    q.locator('[data-asah-move="-1"]').first.click()  # a first tap, even if nothing must move
    for position, text in enumerate(wanted):
        item = q.locator(".asah-order__item", has_text=text)
        while q.locator(".asah-order__text").nth(position).inner_text() != text:
            item.locator('[data-asah-move="-1"]').click()


def match(q: Locator, pairs: dict[str, str]) -> None:
    for left, right in pairs.items():
        q.locator(".asah-match__row", has_text=left).locator("select").select_option(label=right)


def sort_into(q: Locator, groups: dict[str, str]) -> None:
    for item, group in groups.items():
        q.locator(".asah-sort__item", has_text=item).locator("select").select_option(label=group)


GENERAL, SPECIFIC = "Data pribadi umum", "Data pribadi spesifik"

# (question id, answer right, answer wrong, answer partly right or None)
CASES = {
    "tunggal": (
        lambda q: choose(q, "Nusantara"),
        lambda q: choose(q, "Jakarta"),
        None,
    ),
    "jamak": (
        lambda q: choose(q, "2", "4"),
        lambda q: choose(q, "3"),
        lambda q: choose(q, "2"),
    ),
    "benar-salah": (lambda q: choose(q, "Benar"), lambda q: choose(q, "Salah"), None),
    "isian-teks": (
        lambda q: q.locator("input").fill("  asn "),
        lambda q: q.locator("input").fill("PNS"),
        None,
    ),
    "pola": (
        lambda q: q.locator("input").fill("m.01"),
        lambda q: q.locator("input").fill("M.02"),
        None,
    ),
    "angka": (
        lambda q: q.locator("input").fill("20,4"),
        lambda q: q.locator("input").fill("21"),
        None,
    ),
    "rumpang": (
        lambda q: (
            q.locator("[data-asah-blank]").nth(0).fill("Empat Puluh Lima"),
            q.locator("[data-asah-blank]").nth(1).fill("20"),
        ),
        lambda q: q.locator("[data-asah-blank]").nth(0).fill("60"),
        lambda q: q.locator("[data-asah-blank]").nth(0).fill("45"),
    ),
    "urutan": (
        lambda q: order_to(q, ["Satu", "Dua", "Tiga"]),
        lambda q: order_to(q, ["Tiga", "Satu", "Dua"]),
        lambda q: order_to(q, ["Satu", "Tiga", "Dua"]),
    ),
    "jodoh": (
        lambda q: match(q, {"M.01": "Integritas", "M.02": "Kerja Sama", "M.03": "Komunikasi"}),
        lambda q: match(q, {"M.01": "Komunikasi", "M.02": "Integritas", "M.03": "Kerja Sama"}),
        lambda q: match(q, {"M.01": "Integritas", "M.02": "Komunikasi", "M.03": "Kerja Sama"}),
    ),
    "anggaran": (
        lambda q: q.locator("input").fill("Rp 200.000.000"),
        lambda q: q.locator("input").fill("200.000"),
        None,
    ),
    "kelompok": (
        lambda q: sort_into(
            q,
            {
                "Nama lengkap": GENERAL,
                "Alamat email": GENERAL,
                "Data kesehatan": SPECIFIC,
                "Data biometrik": SPECIFIC,
            },
        ),
        lambda q: sort_into(q, {"Nama lengkap": SPECIFIC, "Data kesehatan": GENERAL}),
        lambda q: sort_into(q, {"Nama lengkap": GENERAL, "Data kesehatan": GENERAL}),
    ),
}


OUTCOMES = [
    (qid, outcome)
    for qid, answers in CASES.items()
    for outcome, act in zip(("correct", "wrong", "partial"), answers, strict=True)
    if act is not None
]


@pytest.mark.parametrize(("qid", "outcome"), OUTCOMES)
def test_every_type(page: Page, quiz_url, qid, outcome):
    act = CASES[qid][("correct", "wrong", "partial").index(outcome)]
    page.goto(quiz_url + ALL_TYPES)
    q = question(page, qid)
    act(q)
    check(page)
    expect(q).to_have_class(f"asah-question is-{outcome}")
    verdict = q.locator(".asah-verdict")
    expected = {"correct": "Benar", "wrong": "Belum tepat", "partial": "Sebagian benar"}
    expect(verdict).to_contain_text(expected[outcome])
    # the explanation is shown with the verdict
    expect(q.locator(".asah-question__result .asah-explanation")).to_be_visible()


def test_chosen_option_feedback_and_score(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    q = question(page, "tunggal")
    choose(q, "Jakarta")
    CASES["angka"][0](question(page, "angka"))  # 2 points
    check(page)
    expect(
        q.locator(".asah-option", has_text="Jakarta").locator(".asah-option__feedback")
    ).to_be_visible()
    expect(
        q.locator(".asah-option", has_text="Nusantara").locator(".asah-option__feedback")
    ).to_be_hidden()
    status = page.locator(".asah-quiz__status")
    # an order left as shown is an answer too: its share of right rows depends on the shuffle
    earned = 2 + stored(page)["quizzes"]["semua-jenis"]["last"]["questions"]["urutan"]["score"]
    percent, points = (f"{round(n, 1):g}".replace(".", ",") for n in (100 * earned / 12, earned))
    expect(status).to_have_text(
        f"Nilai Anda {percent}% ({points} dari 12 poin). Belum lulus — batas lulus 70%."
    )
    expect(status).to_have_attribute("role", "status")
    page.get_by_role("button", name="Tampilkan jawaban").click()
    expect(q.locator(".asah-solution")).to_be_visible()
    expect(q.locator(".asah-solution__answer")).to_contain_text("Nusantara")


def test_partial_scores_use_the_page_language(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    CASES["urutan"][2](question(page, "urutan"))  # one of three in place
    check(page)
    expect(page.locator(".asah-quiz__status")).to_have_text(
        "Nilai Anda 2,8% (0,3 dari 12 poin). Belum lulus — batas lulus 70%."
    )


def test_numbers_are_read_and_shown_as_indonesian_writes_them(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    q = question(page, "anggaran")
    answer = q.locator(".asah-solution__answer")
    expect(answer).to_have_text("Jawaban benar: 200.000.000")  # no 2e+08, before any script
    for typed, outcome in (("200 juta", "correct"), ("200.000.000", "correct"), ("2,5", "wrong")):
        q.locator("input").fill(typed)
        check(page)
        expect(q).to_have_class(f"asah-question is-{outcome}")
        page.get_by_role("button", name="Coba lagi").click()


def test_category_items_each_say_whether_they_are_right(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    q = question(page, "kelompok")
    feedback = q.locator(".asah-sort__feedback")
    expect(feedback).to_be_hidden()
    CASES["kelompok"][2](q)  # name right, health data wrong
    check(page)
    expect(q).to_have_class("asah-question is-partial")
    expect(q.locator(".asah-verdict")).to_have_text("Sebagian benar (25%)")
    rows = q.locator(".asah-sort__item")
    expect(rows.filter(has_text="Nama lengkap")).to_have_class(re.compile("is-correct"))
    expect(rows.filter(has_text="Nama lengkap")).to_contain_text("Benar")
    expect(rows.filter(has_text="Data kesehatan")).to_have_class(re.compile("is-wrong"))
    expect(rows.filter(has_text="Data kesehatan")).to_contain_text("Belum tepat")
    rows_say(rows, {"Alamat email": "unanswered", "Data biometrik": "unanswered"})
    expect(feedback).to_be_visible()
    expect(feedback).to_have_text("Data kesehatan termasuk data pribadi spesifik.")
    # the solution lists each group with its items
    expect(q.locator(".asah-solution__answer")).to_contain_text(
        "Data pribadi spesifik: Data kesehatan, Data biometrik"
    )


def rows_say(rows: Locator, expected: dict[str, str]) -> None:
    """Each row (found by its text) carries its state and says it in words; the icon before
    the words is hidden from screen readers."""
    words = {"correct": "✓ Benar", "wrong": "✗ Belum tepat", "unanswered": "– Belum dijawab"}
    for text, state in expected.items():
        row = rows.filter(has_text=text)
        expect(row).to_have_class(re.compile(rf"\bis-{state}\b"))
        expect(row.locator(".asah-mark")).to_have_text(words[state])
        expect(row.locator(".asah-mark > [aria-hidden=true]")).to_have_text(words[state][:2])


def test_order_and_match_rows_say_which_are_right(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    order, pairs = question(page, "urutan"), question(page, "jodoh")
    order_to(order, ["Satu", "Tiga", "Dua"])
    match(pairs, {"M.01": "Integritas", "M.02": "Komunikasi"})  # M.03 left open
    check(page)
    expect(order).to_have_class("asah-question is-partial")
    order_rows = order.locator(".asah-order__item")
    rows_say(order_rows, {"Satu": "correct", "Tiga": "wrong", "Dua": "wrong"})
    match_rows = pairs.locator(".asah-match__row")
    rows_say(match_rows, {"M.01": "correct", "M.02": "wrong", "M.03": "unanswered"})
    # a reload shows the same marks; a retry clears them
    page.reload()
    rows_say(order.locator(".asah-order__item"), {"Satu": "correct", "Dua": "wrong"})
    rows_say(pairs.locator(".asah-match__row"), {"M.02": "wrong", "M.03": "unanswered"})
    page.get_by_role("button", name="Coba lagi").click()
    expect(page.locator(".asah-quiz .asah-mark")).to_have_count(0)
    expect(page.locator(".asah-quiz :is(.is-correct, .is-wrong, .is-unanswered)")).to_have_count(0)


def test_an_order_left_as_shown_is_an_answer(page: Page, quiz_url):
    """The order shown is never the right one, so it can be checked as it is: in a quiz of
    order questions alone, and beside other answers (a quiz with nothing touched still asks for
    an answer first: test_checking_nothing_asks_for_an_answer)."""
    page.goto(quiz_url + "/urutan/")
    q = question(page, "hari")
    for _ in range(8):  # two items have one wrong order: every shuffle must give it
        expect(q.locator(".asah-order__text")).to_have_text(["Selasa", "Senin"])
        check(page)
        expect(q).to_have_class("asah-question is-wrong")
        rows_say(q.locator(".asah-order__item"), {"Selasa": "wrong", "Senin": "wrong"})
        expect(page.locator(".asah-quiz__status")).to_have_text(
            "Nilai Anda 0% (0 dari 1 poin). Belum lulus — batas lulus 70%."
        )
        page.get_by_role("button", name="Coba lagi").click()
    assert stored(page)["quizzes"]["urutan.md#1"]["last"]["answers"]["hari"] == [1, 0]
    page.goto(quiz_url + ALL_TYPES)
    choose(question(page, "tunggal"), "Nusantara")
    check(page)
    order = question(page, "urutan")
    expect(order).to_have_class(re.compile(r"is-(wrong|partial)$"))
    expect(order.locator(".asah-mark")).to_have_count(3)
    assert len(stored(page)["quizzes"]["semua-jenis"]["last"]["answers"]["urutan"]) == 3


def test_hints_on_demand(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    hint = question(page, "tunggal").locator(".asah-hint")
    expect(hint.get_by_text("Ingat UU IKN.")).to_be_hidden()
    hint.locator("summary").click()
    expect(hint.get_by_text("Ingat UU IKN.")).to_be_visible()


def test_checking_nothing_asks_for_an_answer(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    check(page)
    expect(page.locator(".asah-quiz__status")).to_have_text(
        "Jawab setidaknya satu soal sebelum memeriksa."
    )
    # nothing is marked, the order question included, and nothing is kept
    expect(page.locator(".asah-question__result:visible, .asah-mark")).to_have_count(0)
    assert stored(page).get("quizzes", {}).get("semua-jenis") is None


def tab_to(page: Page, target: Locator, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"not reachable with Tab: {target}")


def arrow_until(page: Page, target: Locator, key: str = "ArrowDown", limit: int = 10) -> None:
    for _ in range(limit):
        if target.evaluate("el => el.checked || el.selected"):
            return
        page.keyboard.press(key)
    pytest.fail(f"arrows never reached {target}")


def test_whole_quiz_by_keyboard_only(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    q = lambda qid: question(page, qid)  # noqa: E731
    tab_to(page, q("tunggal").locator("input").first)
    arrow_until(page, q("tunggal").locator("label", has_text="Nusantara").locator("input"))
    for text in ("2", "4"):
        tab_to(page, q("jamak").locator("label", has_text=text).locator("input"))
        page.keyboard.press("Space")
    tab_to(page, q("benar-salah").locator("input").first)
    arrow_until(page, q("benar-salah").locator("input[value=true]"))
    for qid, text in (
        ("isian-teks", "ASN"),
        ("pola", "M.01"),
        ("angka", "20"),
        ("anggaran", "200.000.000"),
    ):
        tab_to(page, q(qid).locator("input"))
        page.keyboard.type(text)
    for index, text in enumerate(("45", "20")):
        tab_to(page, q("rumpang").locator("[data-asah-blank]").nth(index))
        page.keyboard.type(text)
    order = q("urutan")
    for position, text in enumerate(("Satu", "Dua", "Tiga")):
        up = order.locator(".asah-order__item", has_text=text).locator('[data-asah-move="-1"]')
        tab_to(page, up)
        while order.locator(".asah-order__text").nth(position).inner_text() != text:
            page.keyboard.press("Enter")
            expect(up).to_be_focused()
    # each move is announced in the polite live region
    expect(page.locator(".asah-quiz__status")).to_have_text(re.compile(r"^\w+: posisi \d dari 3$"))
    for left, right in (("M.01", "Integritas"), ("M.02", "Kerja Sama"), ("M.03", "Komunikasi")):
        select = q("jodoh").locator(".asah-match__row", has_text=left).locator("select")
        tab_to(page, select)
        arrow_until(page, select.locator("option", has_text=right))
    for item, group in (
        ("Nama lengkap", GENERAL),
        ("Alamat email", GENERAL),
        ("Data kesehatan", SPECIFIC),
        ("Data biometrik", SPECIFIC),
    ):
        select = q("kelompok").locator(".asah-sort__item", has_text=item).locator("select")
        tab_to(page, select)
        arrow_until(page, select.locator("option", has_text=group))
    tab_to(page, page.locator('[data-asah-action="check"]'))
    page.keyboard.press("Enter")
    expect(page.locator(".asah-quiz__status")).to_have_text(
        "Nilai Anda 100% (12 dari 12 poin). Lulus."
    )
    expect(page.locator('[data-asah-action="retry"]')).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # show solution
    expect(q("jodoh").locator(".asah-solution")).to_be_visible()


def visible_questions(quiz: Locator) -> list[str]:
    return quiz.locator("[data-asah-question]:visible").evaluate_all(
        "els => els.map(e => e.dataset.asahQuestion)"
    )


def test_retry_gives_a_new_draw(page: Page, quiz_url):
    page.goto(quiz_url + "/dua-kuis/")
    quiz = page.locator('[data-asah-quiz="siber/undian"]')
    first = visible_questions(quiz)
    assert len(first) == 2
    expect(quiz.locator(".asah-question__legend:visible").nth(1)).to_have_text("Soal 2")
    seen = {tuple(sorted(first))}
    for _ in range(15):
        quiz.locator("[data-asah-question]:visible label", has_text="Benar").first.click()
        check(page, quiz)
        quiz.locator('[data-asah-action="retry"]').click()
        drawn = visible_questions(quiz)
        assert len(drawn) == 2
        seen.add(tuple(sorted(drawn)))
        if len(seen) > 1:
            break
    assert len(seen) > 1, "retry never drew other questions"


def stored(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{SITE_KEY}')") or "{}")


def test_result_is_restored_after_reload(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    choose(question(page, "tunggal"), "Nusantara")
    question(page, "isian-teks").locator("input").fill("ASN")
    check(page)
    record = stored(page)["quizzes"]["semua-jenis"]
    scores = {q: r["score"] for q, r in record["last"]["questions"].items()}
    assert scores["tunggal"] == 1 and scores["isian-teks"] == 1
    # an order left as shown is an answer too: its share of right rows depends on the shuffle
    # (12 points: "angka" counts two)
    best = round(100 * (2 + scores["urutan"]) / 12, 1)
    assert record["attempts"] == 1 and record["best"] == best
    page.reload()
    expect(page.locator(".asah-quiz__status")).to_contain_text("Hasil terakhir")
    expect(page.locator(".asah-quiz__status")).to_contain_text(f"{best:.1f}%".replace(".", ","))
    tunggal = question(page, "tunggal")
    expect(tunggal).to_have_class("asah-question is-correct")
    expect(tunggal.locator("label", has_text="Nusantara").locator("input")).to_be_checked()
    expect(question(page, "isian-teks").locator("input")).to_have_value("ASN")
    # retry starts afresh and counts a second attempt
    page.locator('[data-asah-action="retry"]').click()
    expect(tunggal.locator("input:checked")).to_have_count(0)


def test_the_same_from_file_urls(page: Page, quiz_site, external_requests):
    page.goto((quiz_site / "semua-jenis" / "index.html").as_uri())
    choose(question(page, "benar-salah"), "Benar")
    check(page)
    expect(question(page, "benar-salah")).to_have_class("asah-question is-correct")
    page.reload()
    expect(page.locator(".asah-quiz__status")).to_contain_text("Hasil terakhir")
    page.goto((quiz_site / "dua-kuis" / "index.html").as_uri())
    expect(page.locator("[data-asah-quiz][data-asah-ready]")).to_have_count(2)
    assert external_requests == []


def test_instant_navigation_initialises_each_quiz_once(page: Page, quiz_url):
    page.goto(quiz_url + ALL_TYPES)
    expect(page.locator("[data-asah-quiz][data-asah-ready]")).to_have_count(1)
    page.locator(".md-nav__link", has_text="Dua kuis").first.click()
    expect(page).to_have_url(quiz_url + "/dua-kuis/")
    expect(page.locator("[data-asah-quiz][data-asah-ready]")).to_have_count(2)
    inline = page.locator('[data-asah-quiz="dua-kuis.md#1"]')
    inline.locator("label", has_text="Benar").click()
    check(page, inline)
    expect(inline.locator(".asah-quiz__status")).to_contain_text("100%")
    page.locator(".md-nav__link", has_text="Semua jenis soal").first.click()
    expect(page.locator("[data-asah-quiz][data-asah-ready]")).to_have_count(1)
    choose(question(page, "benar-salah"), "Benar")
    check(page)
    quizzes = stored(page)["quizzes"]
    assert quizzes["dua-kuis.md#1"]["attempts"] == 1
    assert quizzes["semua-jenis"]["attempts"] == 1


def test_blocked_storage_gives_one_notice(page: Page, quiz_url):
    page.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    page.goto(quiz_url + ALL_TYPES)
    choose(question(page, "benar-salah"), "Benar")
    check(page)
    status = page.locator(".asah-quiz__status")
    expect(status).to_contain_text("tidak dapat disimpan")
    page.locator('[data-asah-action="retry"]').click()
    choose(question(page, "benar-salah"), "Benar")
    check(page)
    expect(status).to_contain_text("Nilai Anda")
    expect(status).not_to_contain_text("tidak dapat disimpan")


@pytest.mark.parametrize("garbage", ["{not json", '{"version": 1, "quizzes": 5}', "null"])
def test_corrupted_storage_never_breaks_the_quiz(page: Page, quiz_url, garbage):
    page.add_init_script(f"localStorage.setItem('{SITE_KEY}', {json.dumps(garbage)})")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(quiz_url + ALL_TYPES)
    choose(question(page, "benar-salah"), "Benar")
    check(page)
    expect(question(page, "benar-salah")).to_have_class("asah-question is-correct")
    assert errors == []


def test_hostile_text_executes_nothing_and_shows_as_text(page: Page, quiz_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(quiz_url + "/jahat/")
    quiz = page.locator('[data-asah-quiz="jahat"]')
    expect(quiz.locator(".asah-quiz__title")).to_have_text(
        '</script><script>window.__pwned=1</script>" onmouseover="window.__pwned=2'
    )
    expect(quiz.get_by_text('<img src=x onerror="window.__pwned=10">')).to_be_visible()
    expect(quiz.locator("code", has_text="window.__pwned=4").first).to_be_visible()
    for target in quiz.locator("label, .asah-order__text, .asah-quiz__title").all():
        target.hover()
    question(page, "pilih").locator("label").first.click()
    question(page, "teks").locator("input").fill("</script><script>window.__pwned=12</script>")
    check(page)
    expect(question(page, "teks")).to_have_class("asah-question is-correct")
    page.get_by_role("button", name="Tampilkan jawaban").click()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("[onclick], [onmouseover], [onerror]").count() == 0
    expect(quiz.locator("label em", has_text="x")).to_be_visible()
    assert dialogs == []


EXAMPLE_QUIZ = '[data-asah-quiz="keamanan-informasi/phishing"]'


def test_example_option_shows_code_and_answers_by_tap_and_keyboard(page: Page, base_url, axe):
    """quizzes/keamanan-informasi/phishing.yml writes `.go.id` in an option: a code element
    in the option, its solution and its feedback, never backticks; tapping the code chooses
    the option, and so do Tab and Space."""
    page.goto(base_url + "/keamanan-informasi/phishing/")
    quiz = page.locator(EXAMPLE_QUIZ)
    q = quiz.locator('[data-asah-question="tanda-bahaya-email-bkpsdm"]')
    option = q.locator(".asah-option", has_text="domain resmi")
    expect(option.locator("label code")).to_have_text(".go.id")
    expect(q.locator(".asah-options")).not_to_contain_text("`")
    option.locator("label code").click()
    expect(option.locator("input")).to_be_checked()
    # by keyboard: from the first option, Tab to the next one with code and Space
    zip_option = q.locator(".asah-option", has_text="Lampiran")
    expect(zip_option.locator("label code")).to_have_text(".zip")
    q.locator("input").first.focus()
    if not zip_option.locator("input").evaluate("el => el === document.activeElement"):
        tab_to(page, zip_option.locator("input"), limit=10)
    page.keyboard.press("Space")
    expect(zip_option.locator("input")).to_be_checked()
    for text in ("Ancaman", "Permintaan"):
        q.locator("label", has_text=text).click()
    tab_to(page, quiz.locator('[data-asah-action="check"]'))
    page.keyboard.press("Enter")
    expect(q).to_have_class("asah-question is-correct")
    # the chosen option's feedback, then the solution, with the same code element
    expect(option.locator(".asah-option__feedback")).to_be_visible()
    quiz.get_by_role("button", name="Tampilkan jawaban").click()
    solution = q.locator(".asah-solution__answer")
    expect(solution.locator("code", has_text=".go.id")).to_be_visible()
    expect(solution).not_to_contain_text("`")
    assert axe(EXAMPLE_QUIZ) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_on_all_types_before_and_after_checking(page: Page, quiz_url, axe, scheme):
    """The quiz course keeps Material as it is (no `theme_fixes`): Asah's part of the page,
    the article, passes on its own."""
    page.goto(quiz_url + ALL_TYPES)
    set_scheme(page, scheme)
    assert axe(".md-content") == []
    for qid, (right, wrong, _) in CASES.items():
        (right if qid in ("tunggal", "urutan", "rumpang", "kelompok") else wrong)(
            question(page, qid)
        )
    check(page)
    page.get_by_role("button", name="Tampilkan jawaban").click()
    assert axe(".md-content") == []
