"""The live preview's banner: the course's problems, each with its `path:line`, at the top of
every page that `mkdocs serve` shows, so an author sees them without watching the terminal.
Only the preview asks for it; a build never has it."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from ..core.diagnostics import Location, Problem, Severity
from ..core.i18n import Strings

SHOWN = 20  # more would push the page off a phone's screen: the terminal lists every one
STYLE = "assets/asah/preview/preview.css"  # inside the banner: no built site loads it
START, END = "<!--asah:preview-->", "<!--/asah:preview-->"
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_SHOWN = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)


def render(problems: Sequence[Problem], t: Strings) -> str:
    """The banner for `problems` (empty when there are none); every author text escaped."""
    if not problems:
        return ""
    from .. import theme  # the stylesheet, minified as the runtime's

    # those that stop a build first: they are why the preview shows an older page
    ordered = sorted(problems, key=lambda p: p.severity is not Severity.FATAL)
    items = "".join(_item(problem) for problem in ordered[:SHOWN])
    more = len(ordered) - SHOWN
    if more > 0:
        items += f"<li>{html.escape(t('preview_more', n=more))}</li>"
    return (
        f'{START}<div class="asah-preview" role="alert" data-asah-preview data-search-exclude>'
        f"<style>{theme.minified(STYLE).strip()}</style>"
        f'<p class="asah-preview__title">{html.escape(t.count("preview_problems", len(ordered)))}'
        f'</p><ul class="asah-preview__list">{items}</ul>'
        f'<p class="asah-preview__note">{html.escape(t("preview_fix"))}</p></div>{END}'
    )


def problem_of(message: str) -> Problem:
    """A problem from its `path:line: message` text (`asah serve` on Zensical has those)."""
    where, _, text = message.partition(": ")
    return Problem(Location(where), text) if text else Problem(Location(""), message)


def _item(problem: Problem) -> str:
    where = html.escape(str(problem.location))
    code = f"<code>{where}</code> " if where else ""
    return f"<li>{code}{html.escape(problem.message)}</li>"


def put(page: str, banner: str) -> str:
    """`page` with `banner` first in its body, in place of the one it had (if any)."""
    if banner and banner in page:
        return page
    if START in page:
        page = _SHOWN.sub("", page)
    if not banner:
        return page
    body = _BODY.search(page)
    at = body.end() if body else 0
    return page[:at] + banner + page[at:]


def put_in_folder(folder: Path, banner: str) -> None:
    """Every page written in `folder` with `banner` (a dirty build writes only the pages that
    changed, while the problems are the course's)."""
    for path in folder.rglob("*.html"):
        text = path.read_text("utf-8")
        changed = put(text, banner)
        if changed != text:
            path.write_text(changed, "utf-8")
