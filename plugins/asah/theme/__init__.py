"""Asah's stylesheet and accessibility fixes for Material's default markup."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

STYLESHEET = "assets/asah/asah.css"


def asset_path(uri: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(uri)))


def fix_html(html: str, search_label: str) -> str:
    """Give Material's search dialog an accessible name (axe: aria-dialog-name)."""
    marker = 'data-md-component="search" role="dialog"'
    if marker in html and "aria-label" not in html[html.index(marker) : html.index(marker) + 80]:
        label = search_label.replace('"', "&quot;")
        html = html.replace(marker, f'{marker} aria-label="{label}"', 1)
    return html
