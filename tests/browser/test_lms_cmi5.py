"""cmi5 packages against a real learning record store: Ralph (tests/browser/cmi5_lms.py) behind
a test LMS that registers the learner, hands out the auth token once, writes LMS.LaunchData and
opens the launch URL. Chromium walks a learner through a path — the quizzes failed in a first
session, passed in a second — and the test reads Ralph's statements: order, verbs, results and
the interaction type of every answered question. Fault test: Ralph stopped (and the network
cut) in the middle of a session while the learner keeps learning, then started again: every
statement arrives once, in order. Packages from the example course and a small English
course."""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, FrameLocator, Page, expect

from tests.browser.cmi5_lms import running_ralph, serve_cmi5_lms
from tests.browser.lms_server import course_packages, walk_basics_failing
from tests.browser.test_progress_record import press

if TYPE_CHECKING:  # imported, pytest would take the class for tests to collect
    from tests.browser.cmi5_lms import TestCmi5Lms

SHOTS = os.environ.get("ASAH_SHOTS")  # a folder: screenshots of the course in the test LMS
VERBS = "http://adlnet.gov/expapi/verbs/"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
SAFE = "!*'()"  # what encodeURIComponent leaves as it is, besides what quote() leaves
INTERACTION = {  # Asah's question types as cmi.interaction types (docs/lms.md)
    "single": "choice",
    "multiple": "choice",
    "truefalse": "true-false",
    "text": "fill-in",
    "fill": "fill-in",
    "number": "numeric",
    "order": "sequencing",
    "match": "matching",
    "category": "matching",
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    return course_packages("cmi5", tmp_path_factory)


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    with running_ralph(tmp_path_factory.mktemp("ralph")) as lrs:
        yield lrs


@pytest.fixture
def lms(packages, ralph):
    if ralph.process is None:  # a test that stopped it failed before starting it again
        ralph.start()
    with serve_cmi5_lms(packages, ralph) as served:
        yield served


def launch(page: Page, url: str) -> FrameLocator:
    page.goto(url)
    return page.frame_locator(".asah-lms__frame")


def open_basics(page: Page, lms: TestCmi5Lms, learner: str, registration: str) -> FrameLocator:
    """A session of `learner` in the small course's path `basics`, at its first page."""
    course = launch(page, lms.launch_url("basics", learner, registration))
    expect(course.locator("h1")).to_have_text("Data basics")
    return course


def verbs(statements: list[dict]) -> list[str]:
    return [s["verb"]["id"].removeprefix(VERBS) for s in statements]


def wait_for(read, check, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while not check(found := read()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert check(found), found
    return found


def leave(page: Page) -> None:
    page.goto("about:blank")


def shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"cmi5-{name}.png"))


def test_a_learner_fails_then_passes_a_path_in_two_sessions(browser: Browser, lms):
    registration = str(uuid.uuid4())
    context = browser.new_context()
    page = context.new_page()
    course = open_basics(page, lms, "rina", registration)
    walk_basics_failing(page, course)
    shot(page, "failed")
    wait_for(lambda: verbs(lms.ralph.statements(registration)), lambda v: v[-1] == "completed")
    leave(page)  # failed when the session ends: the learner may still pass in this one
    first = wait_for(
        lambda: lms.ralph.statements(registration),
        lambda found: verbs(found)[-1:] == ["terminated"],
    )
    assert verbs(first) == [
        "launched",
        "initialized",
        "answered",  # the lesson's quiz
        "answered",  # the final test
        "completed",  # every lesson marked, every quiz tried
        "failed",
        "terminated",
    ]
    # the second session, in the same browser: both quizzes passed
    page = context.new_page()
    course = open_basics(page, lms, "rina", registration)
    course.locator(".asah-steps a", has_text="Check your reading").click()
    final = course.locator("[data-asah-quiz]")
    press(page, final.get_by_role("button", name="Try again"))
    final.locator("label", has_text="True").click()
    press(page, final.get_by_role("button", name="Check answers"))
    expect(final.locator(".asah-quiz__status")).to_contain_text("Passed")
    course.locator(".asah-pathnav__prev").click()
    quiz = course.locator("[data-asah-quiz]")
    press(page, quiz.get_by_role("button", name="Try again"))
    quiz.locator("label", has_text="A pie chart").click()
    press(page, quiz.get_by_role("button", name="Check answers"))
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Passed")
    wait_for(lambda: verbs(lms.ralph.statements(registration)), lambda v: v[-1] == "passed")
    shot(page, "passed")
    leave(page)
    found = wait_for(
        lambda: lms.ralph.statements(registration),
        lambda found: verbs(found)[-1:] == ["terminated"] and len(found) > len(first),
    )
    # a third session, in another browser: the record comes from the LRS's State API, and the
    # LRS's statements say completed and passed were sent already
    other = browser.new_context()
    page = other.new_page()
    course = open_basics(page, lms, "rina", registration)
    expect(course.locator(".asah-path__progress")).to_contain_text("3 of 3 steps")
    wait_for(lambda: verbs(lms.ralph.statements(registration)), lambda v: v[-1] == "initialized")
    leave(page)
    third = wait_for(
        lambda: lms.ralph.statements(registration),
        lambda third: verbs(third)[-1:] == ["terminated"] and len(third) > len(found),
    )
    assert verbs(third[len(found) :]) == ["launched", "initialized", "terminated"]
    other.close()
    context.close()
    assert verbs(found[len(first) :]) == [
        "launched",
        "initialized",
        "answered",
        "answered",
        "passed",
        "terminated",
    ]
    assert len({s["id"] for s in found}) == len(found)
    assert len(lms.fetches) == 3 and len(set(lms.fetches)) == 3  # each fetch URL once

    au = lms.structure("basics")
    by_verb: dict[str, list[dict]] = {}
    for s in found:
        by_verb.setdefault(verbs([s])[0], []).append(s)
    sessions = [s["context"]["extensions"][SESSION] for s in by_verb["initialized"]]
    assert len(set(sessions)) == 2
    for s in found:
        assert s["actor"]["account"]["name"] == "rina"
        assert s["context"]["registration"] == registration
        assert s["context"]["contextActivities"]["grouping"][0]["id"] == au["id"]
        categories = [c["id"] for c in s["context"]["contextActivities"].get("category", [])]
        verb = verbs([s])[0]
        if verb == "answered":  # cmi5 allowed: the template, not the cmi5 category
            assert CMI5 not in categories
        else:
            assert CMI5 in categories
        assert (MOVEON in categories) == (verb in ("completed", "passed", "failed"))
        if verb not in ("launched", "answered"):
            assert s["object"]["id"] == "https://lms.asah.id/activity/basics"
    assert by_verb["completed"][0]["result"]["completion"] is True
    assert re.fullmatch(r"PT[\d.HMS]+", by_verb["completed"][0]["result"]["duration"])
    failed = by_verb["failed"][0]
    assert failed["result"]["success"] is False
    assert failed["result"]["score"] == {"scaled": 0.0}
    assert failed["context"]["extensions"][MASTERY] == 0.85
    passed = by_verb["passed"][0]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"] == {"scaled": 1.0}
    assert passed["context"]["extensions"][MASTERY] == 0.85
    assert all("duration" in s["result"] for s in by_verb["terminated"])

    answered = by_verb["answered"]
    kinds = [a["object"]["definition"]["interactionType"] for a in answered]
    assert kinds == ["choice", "true-false", "true-false", "choice"]
    assert [a["result"]["success"] for a in answered] == [False, False, True, True]
    assert [a["result"]["response"] for a in answered] == ["0", "false", "true", "1"]
    assert answered[0]["object"]["id"] == f"{au['id']}/quiz/charts.md%231/parts"
    assert answered[0]["object"]["definition"]["correctResponsesPattern"] == ["1"]
    assert answered[1]["object"]["id"] == f"{au['id']}/quiz/check/axis"


def answer_everything(quiz) -> None:
    """Some answer to every question of a quiz: the first choice, "1" in every box, the second
    option of every list; an order as shown."""
    for question in quiz.locator("[data-asah-question]").all():
        if not question.is_visible():
            continue
        for box in question.locator("input[type=text], input:not([type])").all():
            box.fill("1")
        for kind in ("radio", "checkbox"):
            choices = question.locator(f"input[type={kind}]")
            if choices.count():
                choices.first.check()
        for select in question.locator("select").all():  # a category's may be hidden
            select.evaluate("s => { s.selectedIndex = 1; s.dispatchEvent(new Event('change')); }")
    press(quiz.page, quiz.locator('[data-asah-action="check"]'))


def test_every_question_type_is_sent_as_its_interaction(browser: Browser, lms):
    registration = str(uuid.uuid4())
    page = browser.new_context(viewport={"width": 1100, "height": 800}).new_page()
    course = launch(page, lms.launch_url("course", "199001012015032001", registration))
    expect(course.locator("h1").first).to_be_visible()
    inner = next(f for f in page.frames if f.url.endswith("/pkg/course/index.html"))
    expected: dict[str, str] = {}
    for lesson in (
        "keamanan-informasi/phishing.html",
        "penilaian-kompetensi/rencana-pengembangan.html",
        "keamanan-informasi/data-pribadi.html",
    ):
        inner.goto(inner.url.rsplit("/pkg/course/", 1)[0] + "/pkg/course/" + lesson)
        quiz = course.locator("[data-asah-quiz]").first
        quiz.evaluate("q => { if (q.closest('details')) q.closest('details').open = true; }")
        data = json.loads(quiz.locator(".asah-quiz__data").text_content())
        for qid in quiz.locator("[data-asah-question]:visible").evaluate_all(
            "items => items.map(i => i.dataset.asahQuestion)"
        ):
            question = f"{quote(data['id'], safe=SAFE)}/{quote(qid, safe=SAFE)}"
            expected[question] = INTERACTION[data["questions"][qid]["type"]]
        answer_everything(quiz)
        expect(quiz.locator(".asah-quiz__status")).to_contain_text("%")
    shot(page, "course")
    leave(page)
    found = wait_for(
        lambda: lms.ralph.statements(registration),
        lambda found: verbs(found)[-1:] == ["terminated"],
    )
    answered = [s for s in found if verbs([s])[0] == "answered"]
    au = lms.structure("course")["id"]
    sent = {
        a["object"]["id"].removeprefix(f"{au}/quiz/"): a["object"]["definition"]["interactionType"]
        for a in answered
    }
    assert sent == expected
    assert set(expected.values()) == {
        "choice",
        "true-false",
        "fill-in",
        "numeric",
        "sequencing",
        "matching",
    }
    assert verbs(found)[:2] == ["launched", "initialized"]
    assert "completed" not in verbs(found)  # three lessons of twenty


def test_statements_wait_while_the_lrs_is_away_and_arrive_once_in_order(browser: Browser, lms):
    registration = str(uuid.uuid4())
    context = browser.new_context()
    page = context.new_page()
    course = open_basics(page, lms, "budi", registration)
    wait_for(lambda: verbs(lms.ralph.statements(registration)), lambda v: "initialized" in v)
    lms.ralph.stop()
    try:
        course.locator(".asah-steps a", has_text="Reading tables").click()
        press(page, course.get_by_role("button", name="Mark as done"))
        course.locator(".asah-pathnav__next").click()
        quiz = course.locator("[data-asah-quiz]")
        quiz.locator("label", has_text="A line chart").click()
        press(page, quiz.get_by_role("button", name="Check answers"))
        alert = page.locator('[role="alert"]')
        expect(alert).to_contain_text("502")  # the LMS's endpoint answers, the LRS does not
        press(page, course.get_by_role("button", name="Mark as done"))
        course.locator(".asah-pathnav__next").click()
        final = course.locator("[data-asah-quiz]")
        # the next page loaded, its quiz ready (the page before had a quiz too), then offline
        expect(final.locator("label", has_text="True")).to_be_visible()
        expect(final.get_by_role("button", name="Check answers")).to_be_visible()
        context.set_offline(True)  # and then no network at all
        final.locator("label", has_text="True").click()
        press(page, final.get_by_role("button", name="Check answers"))
        expect(final.locator(".asah-quiz__status")).to_contain_text("Passed")
        expect(alert).to_contain_text("network")
        shot(page, "offline")
        waiting = page.evaluate(
            "r => JSON.parse(localStorage.getItem('asah-cmi5:outbox:' + r)).length", registration
        )
        assert waiting == 3  # two answers and completed, kept in this browser
        context.set_offline(False)
    finally:
        lms.ralph.start()
    wait_for(
        lambda: verbs(lms.ralph.statements(registration)),
        lambda v: v[-1:] == ["completed"],
        seconds=40,
    )
    expect(page.locator('[role="status"]')).to_contain_text("saved your progress again")
    expect(page.locator('[role="alert"]')).to_be_empty()
    leave(page)
    found = wait_for(
        lambda: lms.ralph.statements(registration),
        lambda found: verbs(found)[-1:] == ["terminated"],
    )
    context.close()
    assert verbs(found) == [
        "launched",
        "initialized",
        "answered",
        "answered",
        "completed",
        "failed",  # the lesson's quiz is not passed yet
        "terminated",
    ]
    assert len({s["id"] for s in found}) == len(found)
    # and they were stored in the order they were made (the last two may race at the page's end)
    made = [s["id"] for s in found[:-2]]
    assert [s["id"] for s in sorted(found[:-2], key=lambda s: s["stored"])] == made


def test_a_reloaded_launch_page_fetches_no_second_token_and_sends_nothing_more(
    browser: Browser, lms
):
    registration = str(uuid.uuid4())
    page = browser.new_context().new_page()
    course = open_basics(page, lms, "sari", registration)
    wait_for(lambda: verbs(lms.ralph.statements(registration)), lambda v: "initialized" in v)
    page.reload()  # the page left: the session terminated; the fetch URL is not asked again
    expect(page.locator('[role="alert"]')).to_contain_text("session of the course has ended")
    expect(course.locator("h1")).to_have_text("Data basics")  # the site, with this browser
    wait_for(lambda: verbs(lms.ralph.statements(registration)), lambda v: "terminated" in v)
    page.context.close()
    time.sleep(1)  # that nothing more arrives can only be watched for a while, not waited for
    assert verbs(lms.ralph.statements(registration)) == ["launched", "initialized", "terminated"]
    assert len(lms.fetches) == 1
