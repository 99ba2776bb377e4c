"""The preview's banner: every problem with its `path:line`, escaped, first in the page."""

from __future__ import annotations

from asah.core.diagnostics import Location, Problem, Severity
from asah.core.i18n import Strings
from asah.preview.banner import END, SHOWN, START, put, render

PAGE = '<!doctype html><html><head><title>T</title></head><body dir="ltr"><h1>T</h1></body></html>'


def problem(path: str, line: int | None, text: str, fatal: bool = False) -> Problem:
    severity = Severity.FATAL if fatal else Severity.WARNING
    return Problem(Location(path, line), text, severity)


def test_no_problem_no_banner():
    assert render([], Strings("id")) == ""
    assert put(PAGE, "") == PAGE


def test_each_problem_shows_its_path_and_line_escaped_those_that_stop_a_build_first():
    shown = render(
        [
            problem("content/a.md", 3, "<script>alert(1)</script> & more"),
            problem("quizzes/<b>.yml", 5, "cannot be read", fatal=True),
            problem("mkdocs.yml", None, "a setting"),
        ],
        Strings("id"),
    )
    assert shown.startswith(START) and shown.endswith(END)
    assert 'role="alert"' in shown
    assert "Pratinjau: 3 masalah" in shown
    items = shown.split('<ul class="asah-preview__list">')[1].split("</ul>")[0]
    assert items == (
        "<li><code>quizzes/&lt;b&gt;.yml:5</code> cannot be read</li>"
        "<li><code>content/a.md:3</code> &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</li>"
        "<li><code>mkdocs.yml</code> a setting</li>"
    )
    assert "<script" not in shown
    assert "Preview: 1 problem in" in render([problem("a.md", 1, "x")], Strings("en"))


def test_a_long_list_is_cut_and_says_how_many_more():
    shown = render([problem("a.md", n, f"masalah {n}") for n in range(1, SHOWN + 6)], Strings("id"))
    assert shown.count("<li>") == SHOWN + 1
    assert "5 masalah lain" in shown


def test_the_banner_goes_first_in_the_body_once_and_is_replaced_or_removed():
    first = render([problem("a.md", 1, "satu")], Strings("id"))
    page = put(PAGE, first)
    assert page.startswith(PAGE.split("<h1>")[0] + START)
    assert put(page, first) == page  # a second plugin's call changes nothing
    second = render([problem("b.md", 2, "dua")], Strings("id"))
    replaced = put(page, second)
    assert replaced.count(START) == 1 and "b.md:2" in replaced and "a.md:1" not in replaced
    assert put(replaced, "") == PAGE
    assert put("<p>fragment</p>", first) == first + "<p>fragment</p>"
