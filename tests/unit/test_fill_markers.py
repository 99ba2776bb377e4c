"""HTML put in after search indexing is in the page's template only, not kept with the page."""

from types import SimpleNamespace

from asah.plugin_support import fill_markers, restore_markers


def test_markers_are_filled_for_the_template_then_put_back():
    page = SimpleNamespace(content="<h1>A</h1><!-- info --><p>x</p><!-- quiz -->")
    fill_markers(page, [("<!-- info -->", "<dl>facts</dl>")])
    fill_markers(page, {"<!-- quiz -->": "<section>quiz</section>"}.items())
    assert page.content == "<h1>A</h1><dl>facts</dl><p>x</p><section>quiz</section>"
    restore_markers(page)  # after the page was written (on_post_page), by any of the plugins
    assert page.content == "<h1>A</h1><!-- info --><p>x</p><!-- quiz -->"
    restore_markers(page)
    assert page.content == "<h1>A</h1><!-- info --><p>x</p><!-- quiz -->"


def test_a_page_without_content_is_left_alone():
    page = SimpleNamespace(content=None)
    fill_markers(page, [("<!-- info -->", "<dl></dl>")])
    restore_markers(page)
    assert page.content is None
