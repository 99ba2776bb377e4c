"""Asah's stylesheet and accessibility fixes for Material's default markup."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

STYLESHEET = "assets/asah/asah.css"


def asset_path(uri: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(uri)))


def add_assets(config: Any, scripts: Iterable[str], stylesheets: Iterable[str]) -> None:
    """Load runtime files on every page (classic deferred scripts), each once."""
    from mkdocs.config.config_options import ExtraScriptValue

    for uri in stylesheets:
        if uri not in config.extra_css:
            config.extra_css.append(uri)
    present = {str(script) for script in config.extra_javascript}
    for uri in scripts:
        if uri not in present:
            script = ExtraScriptValue(uri)
            script.defer = True
            config.extra_javascript.append(script)


def add_asset_files(config: Any, files: Any, uris: Iterable[str]) -> None:
    """Copy runtime files from the package into the site, each once."""
    from mkdocs.structure.files import File

    for uri in uris:
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(asset_path(uri))))


def fix_html(html: str, search_label: str) -> str:
    """Give Material's search dialog an accessible name (axe: aria-dialog-name)."""
    marker = 'data-md-component="search" role="dialog"'
    if marker in html and "aria-label" not in html[html.index(marker) : html.index(marker) + 80]:
        label = search_label.replace('"', "&quot;")
        html = html.replace(marker, f'{marker} aria-label="{label}"', 1)
    return html
