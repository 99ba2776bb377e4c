"""SCORM 1.2 packages in a test LMS: scorm-again (the LMS-side runtime) in an LMS page served
from a loopback server, framing the unpacked package. Chromium walks a learner through a path;
the test reads the LMS's data model (status, score, suspend_data, location), relaunches, and
checks that everything came back — on the example course and on a small English course. Also:
without an LMS the package is the site; an LMS that refuses to save is said on the page, and
nothing the learner did is lost."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Frame, FrameLocator, Page, expect

from tests.browser.conftest import AXE_JS
from tests.browser.lms_server import course_packages, walk_basics_failing
from tests.browser.scorm_lms import SCORM_AGAIN, serve_lms
from tests.browser.test_progress_record import answer_rights_quiz, press

SHOTS = os.environ.get("ASAH_SHOTS")  # a folder: screenshots of the course in the test LMS
RIGHTS = "pengembangan-kompetensi/hak-dan-kewajiban.html"
RIGHTS_QUIZ = "pengembangan-kompetensi/hak-dan-kewajiban.md#1"


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    return course_packages("scorm12", tmp_path_factory)


@pytest.fixture
def lms(packages):
    assert SCORM_AGAIN.is_file(), "scorm-again is installed by `npm ci` (scripts/setup.sh --test)"
    with serve_lms(packages) as served:
        yield served


def launch(page: Page, url: str, learner: str, package: str, more: str = "") -> FrameLocator:
    """The learner opens the package in the LMS; the course as the learner sees it."""
    page.goto(f"{url}/lms.html?learner={learner}&pkg={package}{more}")
    return page.frame_locator("#sco").frame_locator(".asah-lms__frame")


def launch_page(page: Page) -> Frame:
    found = next((f for f in page.frames if f.url.endswith("/asah-lms.html")), None)
    assert found is not None, [f.url for f in page.frames]
    return found


def cmi(page: Page, element: str) -> str:
    """A value of the LMS's data model, as scorm-again holds it."""
    return page.evaluate(
        "e => { const cmi = API.renderCMIToJSONObject().cmi;"
        " return String(cmi.core[e] ?? cmi[e]); }",
        element,
    )


def score(page: Page) -> tuple[str, str, str]:
    return tuple(page.evaluate("['raw', 'min', 'max'].map(k => API.cmi.core.score[k])"))


def record_in_lms(page: Page) -> dict:
    """cmi.suspend_data read back by the package's own decoder."""
    return launch_page(page).evaluate(
        "AsahScorm12Data.decode(window.parent.API.cmi.suspend_data,"
        " JSON.parse(document.getElementById('asah-lms-data').textContent).tables)"
    )


def leave(page: Page, lms_state, learner: str, package: str) -> None:
    """The learner leaves the LMS page; wait for the LMS to get the session's end."""
    before = lms_state.count(learner, package)
    page.goto("about:blank")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        last = lms_state.last(learner, package) or {}
        if lms_state.count(learner, package) > before and "total_time" in last["cmi"]["core"]:
            return
        time.sleep(0.1)
    raise AssertionError("the LMS got no LMSFinish")


def until(read, wanted, seconds: float = 5):
    """Wait until `read()` gives `wanted` (what the LMS holds changes as the page saves)."""
    deadline = time.monotonic() + seconds
    while (found := read()) != wanted and time.monotonic() < deadline:
        time.sleep(0.05)
    assert found == wanted


def shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_a_learner_walks_a_path_and_a_relaunch_brings_it_all_back(browser: Browser, lms):
    url, state = lms
    page = browser.new_context().new_page()
    course = launch(page, url, "rina", "basics")
    expect(course.locator("h1")).to_have_text("Data basics")
    expect(page.locator("#sco")).to_be_visible()
    assert cmi(page, "lesson_status") == "incomplete"
    assert score(page) == ("", "", "100")  # no quiz taken: no score (100 is scorm-again's max)

    walk_basics_failing(page, course)  # every lesson marked, every quiz tried, none passed
    until(lambda: cmi(page, "lesson_status"), "failed")
    assert score(page) == ("0", "0", "100")
    shot(page, "basics-failed")

    final = course.locator("[data-asah-quiz]")  # the final test's page is open
    press(page, final.get_by_role("button", name="Try again"))
    final.locator("label", has_text="True").click()
    press(page, final.get_by_role("button", name="Check answers"))
    expect(final.locator(".asah-quiz__status")).to_contain_text("Passed")
    assert cmi(page, "lesson_status") == "failed"  # the lesson's quiz is still not passed
    assert score(page) == ("50", "0", "100")
    course.locator(".asah-pathnav__prev").click()
    quiz = course.locator("[data-asah-quiz]")
    press(page, quiz.get_by_role("button", name="Try again"))
    quiz.locator("label", has_text="A pie chart").click()
    press(page, quiz.get_by_role("button", name="Check answers"))
    until(lambda: cmi(page, "lesson_status"), "passed")
    assert score(page) == ("100", "0", "100")
    assert cmi(page, "lesson_location") == "charts.html?path=basics"
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", cmi(page, "session_time"))
    assert cmi(page, "exit") == "suspend"
    saved = record_in_lms(page)
    assert set(saved["lessons"]) == {"tables.md", "charts.md"}
    assert saved["quizzes"]["check"]["attempts"] == 2 and saved["quizzes"]["check"]["passed"]
    assert saved["quizzes"]["charts.md#1"]["last"]["answers"] == {"parts": "1"}
    assert saved["lastPath"] == "basics"
    assert cmi(page, "suspend_data").startswith("asah1.")
    shot(page, "basics-passed")
    leave(page, state, "rina", "basics")
    committed = state.last("rina", "basics")["cmi"]
    assert committed["core"]["lesson_status"] == "passed"

    # another day, another browser: nothing in its storage, everything from the LMS
    page = browser.new_context().new_page()
    course = launch(page, url, "rina", "basics")
    assert page.evaluate("launched.cmi.core.entry") == "resume"
    expect(course.locator("h1")).to_have_text("Charts that tell")  # where she left off
    expect(course.locator("[data-asah-done]")).to_have_attribute("aria-pressed", "true")
    expect(course.locator("[data-asah-quiz] .asah-quiz__status")).to_contain_text("Last result")
    expect(course.get_by_role("radio", name="A pie chart")).to_be_checked()
    course.locator(".asah-pathtop a").click()
    expect(course.locator(".asah-path__progress")).to_contain_text("3 of 3 steps")
    assert cmi(page, "lesson_status") == "passed"
    assert score(page) == ("100", "0", "100")
    assert record_in_lms(page) == saved
    shot(page, "basics-relaunched")
    page.context.close()


def test_the_example_course_in_the_lms(browser: Browser, lms):
    url, state = lms
    page = browser.new_context(viewport={"width": 1100, "height": 800}).new_page()
    course = launch(page, url, "199001012015032001", "course")
    expect(course.locator("h1").first).to_be_visible()
    inner = next(f for f in page.frames if f.url.endswith("/pkg/course/index.html"))
    inner.goto(inner.url.replace("index.html", RIGHTS))
    press(page, course.get_by_role("button", name="Tandai selesai"))
    quiz = course.locator(f'[data-asah-quiz="{RIGHTS_QUIZ}"]')
    answer_rights_quiz(quiz, right=False)
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Belum lulus")
    press(page, quiz.get_by_role("button", name="Coba lagi"))
    answer_rights_quiz(quiz, right=True)
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Lulus")
    unit = launch_page(page).evaluate(
        "JSON.parse(document.getElementById('asah-lms-data').textContent).unit"
    )
    assert cmi(page, "lesson_status") == "incomplete"  # one lesson of the whole course
    assert score(page) == (f"{round(100 / len(unit['quizzes']), 1):g}", "0", "100")
    assert cmi(page, "lesson_location") == RIGHTS
    saved = record_in_lms(page)
    assert list(saved["lessons"]) == ["pengembangan-kompetensi/hak-dan-kewajiban.md"]
    assert saved["quizzes"][RIGHTS_QUIZ]["attempts"] == 2
    shot(page, "course-lesson")
    leave(page, state, "199001012015032001", "course")

    page = browser.new_context(viewport={"width": 1100, "height": 800}).new_page()
    course = launch(page, url, "199001012015032001", "course")
    expect(course.locator("[data-asah-done]")).to_have_attribute("aria-pressed", "true")
    inner = next(f for f in page.frames if f.url.endswith(RIGHTS))
    inner.goto(inner.url.replace(RIGHTS, "kemajuan/index.html"))
    expect(course.locator(".asah-progress__summary")).to_contain_text("1 dari 20 pelajaran")
    assert cmi(page, "lesson_location") == "kemajuan/index.html"
    shot(page, "course-progress-relaunched")
    page.context.close()


def test_without_an_lms_the_package_is_the_site(page: Page, lms, packages):
    url, _ = lms
    page.goto(f"{url}/pkg/basics/asah-lms.html")
    expect(page).to_have_url(f"{url}/pkg/basics/paths/basics.html")
    page.locator(".asah-steps a", has_text="Reading tables").click()
    press(page, page.get_by_role("button", name="Mark as done"))
    site = json.loads((packages["basics"] / "course.json").read_text("utf-8"))["site"]
    stored = json.loads(page.evaluate(f"localStorage.getItem('asah:{site}')"))
    assert list(stored["lessons"]) == ["tables.md"]


def test_an_lms_that_does_not_save_is_said_and_nothing_is_lost(browser: Browser, lms, packages):
    url, state = lms
    context = browser.new_context()
    page = context.new_page()
    course = launch(page, url, "budi", "basics")
    expect(course.locator("h1")).to_have_text("Data basics")
    state.failing = True
    course.locator(".asah-steps a", has_text="Reading tables").click()
    press(page, course.get_by_role("button", name="Mark as done"))
    wrapper = page.frame_locator("#sco")
    alert = wrapper.get_by_role("alert")
    expect(alert).to_contain_text("The LMS did not save your latest progress (error 101).")
    expect(course.locator(".asah-done__status")).not_to_contain_text("cannot")
    site = json.loads((packages["basics"] / "course.json").read_text("utf-8"))["site"]
    kept = course.locator("body").evaluate(
        f"() => JSON.parse(localStorage.getItem('asah:{site}@lms:budi'))"
    )
    assert list(kept["lessons"]) == ["tables.md"]
    assert "tables" not in json.dumps(state.last("budi", "basics"))  # the LMS has not got it
    frame = launch_page(page)
    frame.add_script_tag(path=str(AXE_JS))
    found = frame.evaluate(
        "axe.run(document, {iframes: false}).then(r => r.violations.map(v => v.id + ': ' +"
        " v.nodes.map(n => n.target.join(' ')).join(', ')))"
    )
    assert found == []
    shot(page, "basics-lms-refused")

    state.failing = False
    press(page, alert.get_by_role("button", name="Send again"))
    expect(wrapper.get_by_role("status")).to_have_text("The LMS has saved your progress again.")
    expect(alert).to_be_empty()
    assert "tables.md" in record_in_lms(page)["lessons"]

    # a change the LMS never got (it was down to the end) comes back from this browser's copy
    state.failing = True
    course.locator(".asah-pathnav__next").click()
    press(page, course.get_by_role("button", name="Mark as done"))
    expect(alert).to_contain_text("error 101")
    refused = state.refused
    page.goto("about:blank")  # left while the LMS was down: its LMSFinish is lost too
    until(lambda: state.refused > refused, True)
    state.failing = False
    page = context.new_page()
    course = launch(page, url, "budi", "basics")
    expect(course.locator("h1")).to_have_text("Reading tables")  # the last page the LMS got
    until(lambda: sorted(record_in_lms(page)["lessons"]), ["charts.md", "tables.md"])
    course.locator(".asah-pathnav__next").click()
    expect(course.locator("[data-asah-done]")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_a_package_in_a_window_of_its_own_finds_the_lms_through_its_opener(page: Page, lms):
    url, _ = lms
    page.goto(f"{url}/lms.html?learner=sari&pkg=basics&display=window")
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Enter").click()
    course = opened.value.frame_locator(".asah-lms__frame")
    course.locator(".asah-steps a", has_text="Reading tables").click()
    press(opened.value, course.get_by_role("button", name="Mark as done"))
    until(lambda: cmi(page, "lesson_location"), "tables.html?path=basics")
    assert cmi(page, "suspend_data").startswith("asah1.")


def test_an_lms_that_will_not_start_a_session_is_said_and_the_site_still_works(
    page: Page, lms, packages
):
    url, _ = lms
    course = launch(page, url, "tono", "basics", "&refuse=initialize")
    alert = page.frame_locator("#sco").get_by_role("alert")
    expect(alert).to_have_text(
        "This course could not connect to the LMS (error 101): your progress is kept in this "
        "browser only and the LMS does not receive it."
    )
    course.locator(".asah-steps a", has_text="Reading tables").click()
    press(page, course.get_by_role("button", name="Mark as done"))
    site = json.loads((packages["basics"] / "course.json").read_text("utf-8"))["site"]
    kept = course.locator("body").evaluate(f"() => JSON.parse(localStorage.getItem('asah:{site}'))")
    assert list(kept["lessons"]) == ["tables.md"]
    assert cmi(page, "lesson_status") == "not attempted"
