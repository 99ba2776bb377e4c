"""Writing the report: `index.html` (one static page: inline style and SVG, no script, nothing
loaded from anywhere, so it opens from file:// and prints) and a CSV file per table (UTF-8
with a byte-order mark, comma-separated, numbers with a decimal point). Text from learners'
files is escaped in the HTML and cannot start a formula in a spreadsheet."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import __version__
from ..core.i18n import Strings
from .table import Csv, Note, Section

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class FileLink:
    name: str
    about: str


def safe_cell(value: Any) -> Any:
    """A CSV value that a spreadsheet shows as text: `=…`, `+…`, `-…` and `@…` start with '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(folder: Path, table: Csv) -> None:
    with (folder / table.name).open("w", encoding="utf-8-sig", newline="") as file:
        out = csv.writer(file)
        out.writerow(table.heads)
        out.writerows([safe_cell(v) for v in row] for row in table.rows)


def _environment(t: Strings) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("asah.report", "templates"),
        autoescape=True,
        auto_reload=False,
    )
    env.globals["t"] = t
    return env


def write_html(
    folder: Path,
    t: Strings,
    title: str,
    meta: str,
    facts: list[tuple[str, str]],
    notes: list[Note],
    rules: list[str],
    sections: list[Section],
    files: list[FileLink],
) -> Path:
    css = resources.files("asah.report").joinpath("templates", "report.css").read_text("utf-8")
    html = (
        _environment(t)
        .get_template("report.html")
        .render(
            lang=t.language,
            title=title,
            meta=meta,
            generator=f"asah {__version__}",
            css=Markup(css),
            facts=facts,
            notes=notes,
            rules=rules,
            sections=sections,
            files=files,
        )
    )
    path = folder / "index.html"
    path.write_text(html, "utf-8")
    return path
