"""Asah's browser runtime and stylesheet: bundled per page kind, and fixes to Material's markup.

The runtime is written one folder per component (`assets/asah/<component>/`). A site gets it as
few files as possible, each minified: one script and one stylesheet on every page (what the
enabled plugins need), and one of each per app page (progress, self-assessment). Fewer requests
and smaller files matter more than anything else on a slow connection.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

ASSETS = "assets/asah/"
# What every page loads.
SCRIPT = ASSETS + "asah.js"
STYLESHEET = ASSETS + "asah.css"
# Component sources that several plugins bundle.
BASE_STYLESHEET = ASSETS + "base/base.css"
LOADER = ASSETS + "loader/loader.js"  # first in SCRIPT: loads what only some pages need


def loader_name(uri: str) -> str:
    """How `data-asah-load` names a file of the site (relative to the bundle's folder)."""
    return uri.removeprefix(ASSETS)


def asset_path(uri: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(uri)))


@functools.lru_cache(maxsize=64)
def minified(uri: str) -> str:
    """One component file, minified (comments and layout whitespace removed)."""
    text = asset_path(uri).read_text("utf-8")
    if uri.endswith(".js"):
        return rjsmin.jsmin(text).strip() + "\n"
    return rcssmin.cssmin(text).strip() + "\n"


def bundle(parts: Iterable[str]) -> str:
    """The minified parts one after another, each once, in order."""
    return "".join(minified(uri) for uri in dict.fromkeys(parts))


def use_every_page(config: Any, script: bool = True) -> None:
    """Load the every-page bundle: the stylesheet before the author's own (so theirs win), the
    script as a classic deferred script (modules do not run from file://)."""
    from mkdocs.config.config_options import ExtraScriptValue

    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    if script and SCRIPT not in {str(s) for s in config.extra_javascript}:
        script = ExtraScriptValue(SCRIPT)
        script.defer = True
        config.extra_javascript.append(script)


def add_to_bundle(config: Any, files: Any, uri: str, parts: Iterable[str]) -> None:
    """Put `parts` into the generated file `uri`, after what other plugins put there."""
    from mkdocs.structure.files import File

    file = files.get_file_from_path(uri)
    if file is None:
        file = File.generated(config, uri, content="")
        file.asah_parts = []
        files.append(file)
    file.asah_parts = list(dict.fromkeys([*file.asah_parts, *parts]))
    file.content_string = bundle(file.asah_parts)


def add_asset_files(config: Any, files: Any, uris: Iterable[str]) -> None:
    """Copy runtime files from the package into the site as they are, each once."""
    from mkdocs.structure.files import File

    for uri in uris:
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(asset_path(uri))))


def fix_html(html: str, search_label: str) -> str:
    """Give Material's search dialog an accessible name (axe: aria-dialog-name)."""
    marker = 'data-md-component="search" role="dialog"'
    at = html.find(marker)  # one search: this runs on every page's whole output
    if at < 0:
        return html
    end = at + len(marker)
    if "aria-label" in html[end : end + 40]:
        return html
    label = search_label.replace('"', "&quot;")
    return f'{html[:end]} aria-label="{label}"{html[end:]}'
