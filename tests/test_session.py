"""The build session's one mechanism for HTML that goes in after search indexing."""

from types import SimpleNamespace

from asah.session import AfterSearch


def page(content: str, src: str = "a.md"):
    return SimpleNamespace(content=content, file=SimpleNamespace(src_uri=src))


def test_slots_are_filled_for_the_template_then_put_back():
    late, p = AfterSearch(), page("")
    made = []
    first = late.slot(p, "<b>facts</b>")
    second = late.slot(p, lambda: made.append(1) or "<i>quiz</i>")
    p.content = f"<h1>T</h1>{first}<p>text</p>{second}"
    assert made == []  # rendered only when the page is filled
    late.fill(p)
    assert p.content == "<h1>T</h1><b>facts</b><p>text</p><i>quiz</i>"
    late.restore(p)
    assert p.content == f"<h1>T</h1>{first}<p>text</p>{second}"
    late.fill(p)  # filled once: a second plugin's call changes nothing
    assert p.content == f"<h1>T</h1>{first}<p>text</p>{second}"


def test_each_page_has_its_own_slots():
    late, a, b = AfterSearch(), page("", "a.md"), page("", "b.md")
    a.content, b.content = late.slot(a, "A"), late.slot(b, "B")
    assert a.content == b.content  # the same marker text on two pages …
    late.fill(b)
    late.fill(a)
    assert (a.content, b.content) == ("A", "B")  # … filled with each page's own HTML


def test_a_page_without_content_is_left_alone():
    late, p = AfterSearch(), page("")
    late.slot(p, "x")
    p.content = None
    late.fill(p)
    late.restore(p)
    assert p.content is None
