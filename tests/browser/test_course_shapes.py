"""A course unlike Asah's own, in Chromium: English, titled in `nav:`, exercises in collapsibles
and tabs, a red palette and Material left as it is (no `theme_fixes`). Asah's parts take the
course's colours and pass axe, light and dark."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import serve, set_scheme
from tests.builds.test_course_shapes import english_course

PAGES = [
    "week1/intro/",
    "week1/reshaping/",
    "competencies/",
    "competencies/data-cleaning/",
    "paths/first-week/",
    "paths/",
    "progress/",
    "self-assessment/",
]


@pytest.fixture(scope="module")
def red_course(tmp_path_factory):
    root = tmp_path_factory.mktemp("red-course")
    result = english_course(root)
    assert result.error is None, result.warnings
    with serve(result.site) as url:
        yield url


def hue(color: str) -> float:
    """The hue of a computed `oklch(L C H)` colour, in degrees."""
    match = re.fullmatch(r"oklch\(([\d.]+) ([\d.]+) ([\d.]+)\)", color)
    assert match, color
    return float(match.group(3))


def test_a_quiz_in_a_collapsible_works_in_the_courses_colours(page: Page, red_course):
    page.goto(f"{red_course}/week1/intro/")
    exercise = page.locator("details.question")
    exercise.get_by_text("Exercise 1", exact=True).click()
    quiz = exercise.locator("[data-asah-quiz]")
    quiz.get_by_label("True").check()
    check = quiz.get_by_role("button", name="Check answers")
    check.hover()
    background = check.evaluate("el => getComputedStyle(el).backgroundColor")
    assert hue(background) < 40 or hue(background) > 330  # red, not Material's indigo
    check.click()
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Your score is 100%")
    retry = quiz.get_by_role("button", name="Try again")
    retry.focus()
    assert hue(retry.evaluate("el => getComputedStyle(el).backgroundColor")) < 40
    # the quiz in the second tab shows when its tab is chosen
    page.get_by_text("Python", exact=True).click()
    expect(page.locator('[data-asah-quiz="basics"]')).to_be_visible()


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("url", PAGES)
def test_asahs_parts_pass_axe_without_theme_fixes(page: Page, red_course, axe, url, scheme):
    page.goto(f"{red_course}/{url}")
    set_scheme(page, scheme)
    for details in page.locator("article details").all():
        details.evaluate("el => el.open = true")  # exercises in collapsibles are checked too
    page.wait_for_load_state("networkidle")  # the runtime has loaded and run
    # lessons: Asah's parts (the author's own text and code are the theme's business);
    # the pages Asah makes: all of the article
    lesson = url.startswith("week1/")
    parts = [[".asah-lesson"], [".asah-quiz"], [".asah-lesson-end"]]
    assert axe({"include": parts} if lesson else ".md-content") == []


def test_an_english_path_is_walked_start_to_end_with_one_next(page: Page, red_course):
    """Titles only in `nav:`, the last step a quiz in a tab of the first lesson: the path's
    one "next" goes through every step and back to the path's page."""
    page.goto(f"{red_course}/paths/first-week/")
    page.get_by_role("link", name="Getting started").click()
    nexts = page.get_by_role("link", name=re.compile(r"^Next\b"))
    walk = [
        ("Step 1 of 4 · First week", "Getting started"),
        ("Step 2 of 4 · First week", "Cleaning data"),
        ("Step 3 of 4 · First week", "Reshaping tables"),
        ("Step 4 of 4 · First week", "Getting started"),  # the quiz, in a tab of step 1
    ]
    for where, title in walk:
        expect(page.locator(".asah-pathtop")).to_have_text(where)
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator(".md-footer__inner")).to_be_hidden()
        if (where, title) == walk[-1]:
            break
        expect(nexts).to_have_count(1)
        target = nexts.evaluate("a => a.href")
        nexts.focus()
        page.keyboard.press("Enter")
        expect(page).to_have_url(target)
    expect(nexts).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/week1/intro/\?path=first-week#asah-quiz-\d+$"))
    expect(page.locator('[data-asah-quiz="basics"]')).to_be_in_viewport()
    end = page.get_by_role("link", name="End of the path: back to First week →")
    end.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{red_course}/paths/first-week/")
