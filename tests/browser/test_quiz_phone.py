"""Quizzes by thumb: every quiz of the example course on a cheap phone. Every control is a
target of at least 44 × 44 CSS px (WCAG 2.5.5) and nothing is wider than its quiz, at 390 and
320 px, before checking, after a wrong check and with the solution shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from asah.quiz import types

# Every question of every quiz is asked (a quiz that draws is made to draw them all), the
# hints and solutions open, and each quiz answered wrongly and checked.
PREPARE = """() => {
  for (const details of document.querySelectorAll('details')) {
    if (details.querySelector('[data-asah-quiz]')) details.open = true;
  }
  for (const root of document.querySelectorAll('[data-asah-quiz]')) {
    const ids = Array.from(root.querySelectorAll('[data-asah-question]'),
      li => li.dataset.asahQuestion);
    root.asahQuiz.start(ids);
  }
}"""
ANSWER_AND_CHECK = """() => {
  for (const root of document.querySelectorAll('[data-asah-quiz]')) {
    root.querySelectorAll('.asah-hint').forEach(d => { d.open = true; });
    root.querySelectorAll('[data-asah-question]').forEach(li => {
      const option = li.querySelector('input[type=radio], input[type=checkbox]');
      if (option) option.checked = true;
      li.querySelectorAll('input[type=text]').forEach(i => { i.value = '1'; });
      li.querySelectorAll('select').forEach(s => { s.selectedIndex = 1; });
    });
    root.querySelector('[data-asah-action="check"]').click();
  }
}"""
SHOW_SOLUTIONS = """() => document.querySelectorAll('[data-asah-quiz]').forEach(root =>
  root.querySelector('[data-asah-action="solution"]').click())"""

# What a learner can tap, as the page stands: its box (a label's when it wraps the control) is
# less than 44 × 44. Links inside running text are WCAG's "inline" exception.
SMALL_TARGETS = """() => {
  const CONTROLS = ':is(input, select, textarea, button, summary, a[href], [tabindex])';
  const shown = el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  const name = el => {
    const q = el.closest('[data-asah-question]');
    const attrs = Array.from(el.attributes)
      .filter(a => a.name.startsWith('data-asah') || a.name === 'type')
      .map(a => ` ${a.name}="${a.value}"`).join('');
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim()
      .replace(/\\s+/g, ' ').slice(0, 30);
    return [el.closest('[data-asah-quiz]').dataset.asahQuiz,
      q ? q.dataset.asahQuestion : '(quiz)',
      `<${el.tagName.toLowerCase()}${attrs}> "${text}"`].join(' › ');
  };
  const found = [];
  for (const el of document.querySelectorAll('[data-asah-quiz] ' + CONTROLS)) {
    if (!shown(el) || el.matches('[tabindex="-1"]')) continue;
    if (el.matches('a') && getComputedStyle(el).display === 'inline') continue;
    const box = (el.closest('label') || el).getBoundingClientRect();
    if (box.width < 44 - 0.01 || box.height < 44 - 0.01) {
      found.push(`${name(el)} is ${Math.round(box.width)} × ${Math.round(box.height)} px`);
    }
  }
  return found;
}"""

# Each element of a quiz that reaches past the quiz's box or makes its content wider than it
# (what is inside a scrolling box, such as a wide table, only has to keep to that box).
OVERFLOWS = """() => {
  const found = [];
  const describe = el => {
    const classes = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 30);
    return `${el.tagName.toLowerCase()}${classes} "${text}"`;
  };
  const scrolls = el => /auto|scroll|hidden/.test(getComputedStyle(el).overflowX);
  const px = n => Math.round(n) + ' px';
  for (const root of document.querySelectorAll('[data-asah-quiz]')) {
    const card = root.getBoundingClientRect();
    const id = root.dataset.asahQuiz;
    if (card.right > document.documentElement.clientWidth + 0.5) {
      found.push(`${id}: the quiz itself ends at ${px(card.right)}, past the screen`);
    }
    for (const el of root.querySelectorAll('*')) {
      if (!el.getClientRects().length) continue;
      let inScroller = false;
      for (let up = el.parentElement; up && up !== root; up = up.parentElement) {
        inScroller = inScroller || scrolls(up);
      }
      if (inScroller) continue;
      const box = el.getBoundingClientRect();
      if (box.left < card.left - 0.5 || box.right > card.right + 0.5) {
        found.push(`${id}: ${describe(el)} spans ${px(box.left)}–${px(box.right)},`
          + ` the quiz ${px(card.left)}–${px(card.right)}`);
      } else if (!scrolls(el) && el.clientWidth && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${id}: the content of ${describe(el)} is ${px(el.scrollWidth)} wide`
          + ` in ${px(el.clientWidth)}`);
      }
    }
  }
  return found;
}"""


def quiz_pages(site_dir: Path) -> list[str]:
    pages = sorted(
        p.parent.relative_to(site_dir).as_posix() + "/"
        for p in site_dir.rglob("index.html")
        if "data-asah-quiz=" in p.read_text("utf-8")
    )
    assert len(pages) >= 5, pages
    return pages


def walk(page: Page, base_url: str, site_dir: Path, width: int, script: str) -> list[str]:
    """Every quiz page at `width` px: what `script` finds before checking, after a wrong
    check and with the solutions shown, each line naming the page and the state."""
    page.set_viewport_size({"width": width, "height": 800})
    found: list[str] = []
    for url in quiz_pages(site_dir):
        page.goto(f"{base_url}/{url}")
        page.wait_for_function(
            "document.querySelectorAll('[data-asah-quiz]:not([data-asah-ready])').length === 0"
        )
        page.evaluate(PREPARE)
        for state, act in (
            ("before checking", None),
            ("after a wrong check", ANSWER_AND_CHECK),
            ("with the solution shown", SHOW_SOLUTIONS),
        ):
            if act:
                page.evaluate(act)
            found += [f"{url} ({state}): {problem}" for problem in page.evaluate(script)]
    return found


def test_every_quiz_control_is_a_thumb_target(page: Page, base_url, site_dir):
    small = walk(page, base_url, site_dir, 390, SMALL_TARGETS)
    assert small == [], "controls smaller than 44 × 44 px at 390 px wide:\n" + "\n".join(small)


def test_the_example_course_has_every_question_type(site_dir):
    """So that the walk above and below meets every type of the registry."""
    found = set()
    for url in quiz_pages(site_dir):
        html = (site_dir / url / "index.html").read_text("utf-8")
        found |= {name for name in types.NAMES if f'data-asah-type="{name}"' in html}
    assert found == set(types.NAMES)


@pytest.mark.parametrize("width", [390, 320])
def test_no_quiz_element_is_wider_than_its_quiz(page: Page, base_url, site_dir, width):
    wide = walk(page, base_url, site_dir, width, OVERFLOWS)
    assert wide == [], f"quiz content wider than the quiz at {width} px:\n" + "\n".join(wide)
