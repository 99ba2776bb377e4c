"""MkDocs' `script_tag` filter written out with an f-string. MkDocs makes each `<script>` of
`extra_javascript` with `Markup.format`, whose formatter runs in Python: for the one script Asah
adds to every page that cost more than anything else Asah adds to a page's template (about
90,000 instructions a page). The tag is the same, character for character (tests/theme
compare the two on every kind of script); a theme whose filter is not MkDocs' keeps its own."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup, escape


@jinja2.pass_context
def script_tag(context: Any, extra_script: Any) -> Markup:
    from mkdocs.utils.templates import url_filter

    attributes = ""
    if not isinstance(extra_script, str):
        if extra_script.type:
            attributes += f' type="{escape(extra_script.type)}"'
        if extra_script.defer:
            attributes += " defer"
        if extra_script.async_:
            attributes += " async"
    url = escape(url_filter(context, str(extra_script)))
    return Markup(f'<script src="{url}"{attributes}></script>')


def use_quick_script_tag(env: jinja2.Environment) -> None:
    """In place of MkDocs' own filter, only when the environment has MkDocs' own (on_env)."""
    from mkdocs.utils.templates import script_tag_filter

    if env.filters.get("script_tag") is script_tag_filter:
        env.filters["script_tag"] = script_tag
