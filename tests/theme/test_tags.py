"""Asah's `script_tag` filter writes what MkDocs' own writes, on every kind of script."""

from __future__ import annotations

import jinja2
import pytest
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs.utils.templates import script_tag_filter

from asah.theme.tags import script_tag, use_quick_script_tag


def _script(path: str, **attributes: object) -> ExtraScriptValue:
    value = ExtraScriptValue(path)
    for name, setting in attributes.items():
        setattr(value, name, setting)
    return value


SCRIPTS = [
    "assets/js/plain.js",
    "https://example.org/a.js?x=1&y=2",
    '/root/"quoted".js',
    "js/<odd>.js",
    _script("assets/asah/asah.js", defer=True),
    _script("js/module.mjs", type="module"),
    _script("js/both.js", defer=True, async_=True),
    _script("js/typed.js", type='text/"x"&y', async_=True),
]


def _page(url: str) -> Page:
    file = File("a/b.md", "docs", "site", use_directory_urls=True)
    page = Page("B", file, {})  # type: ignore[arg-type]
    assert page.url == url
    return page


@pytest.mark.parametrize("script", SCRIPTS, ids=str)
@pytest.mark.parametrize("page", [None, "a/b/"])
def test_the_same_tag_as_mkdocs(script: object, page: str | None) -> None:
    env = jinja2.Environment()
    env.filters["mkdocs"], env.filters["asah"] = script_tag_filter, script_tag
    template = env.from_string("{{ s | mkdocs }}\n{{ s | asah }}")
    context = {"s": script, "page": _page(page) if page else None, "base_url": "../.."}
    theirs, ours = template.render(context).split("\n")
    assert ours == theirs
    assert ours.startswith('<script src="') and ours.endswith("></script>")


def test_only_in_place_of_mkdocs_own_filter() -> None:
    env = Theme(name="mkdocs").get_env()
    use_quick_script_tag(env)
    assert env.filters["script_tag"] is script_tag
    other = jinja2.Environment()
    other.filters["script_tag"] = own = lambda value: value  # a theme's own filter
    use_quick_script_tag(other)
    assert other.filters["script_tag"] is own
