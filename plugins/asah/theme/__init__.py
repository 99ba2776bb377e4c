"""Asah's browser runtime and stylesheet: bundled per page kind, and fixes to Material's markup.

The runtime is written one folder per component (`assets/asah/<component>/`). A site gets it as
few files as possible, each minified: one script and one stylesheet on every page (what the
enabled plugins need), and one of each per app page (progress, self-assessment). Fewer requests
and smaller files matter more than anything else on a slow connection.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

ASSETS = "assets/asah/"
# What every page loads: one script (deferred) and one stylesheet.
SCRIPT = ASSETS + "asah.js"
STYLESHEET = ASSETS + "asah.css"
# What the loader (loader/loader.js) loads on the pages that need it.
QUIZ_SCRIPT = ASSETS + "quiz.js"
PATHS_SCRIPT = ASSETS + "paths.js"  # the learner's progress on path pages
LESSON_SCRIPT = ASSETS + "lesson.js"  # "mark as done" and the path a lesson is read in
SEARCH_SCRIPT = ASSETS + "search.js"  # the search engine and dialog, loaded on the first search
SEARCH_STYLE = ASSETS + "search.css"  # the search dialog's style, loaded with it
# "save this path for reading offline" and the storage it uses (path pages, the list of paths)
SAVE_SCRIPT = ASSETS + "offline.js"
SAVE_STYLE = ASSETS + "offline.css"
APPS = {
    "progress": (ASSETS + "apps/progress.js", ASSETS + "apps/progress.css"),
    "assess": (ASSETS + "apps/assess.js", ASSETS + "apps/assess.css"),
}
# Asah's own stand-in for web workers on file:// (search in the offline copy, extra.polyfills).
OFFLINE_SHIM = ASSETS + "iframe-worker/shim.js"

# The component files (assets/asah/<component>/) each bundle is made of, by feature.
BASE_SCRIPTS = ("loader/loader.js", "base/asah.js", "store/store.js")
EVERY_PAGE = {  # feature → (scripts, stylesheets) on every page
    "competencies": ((), ("base/base.css",)),
    "fixes": (("base/fixes.js",), ("base/fixes.css",)),  # Material's (and Zensical's classic)
    "fixes-zensical": (("base/fixes.js",), ("base/fixes-zensical.css",)),
    "quiz": (BASE_SCRIPTS, ("base/base.css", "quiz/quiz.css")),
    "paths": (BASE_SCRIPTS, ("base/base.css", "progress/progress.css", "paths/pathnav.css")),
    "search": ((*BASE_SCRIPTS, "search/button.js"), ("search/button.css",)),
    "offline": ((*BASE_SCRIPTS, "offline/register.js"), ()),  # registers the service worker
}
SEARCH_PARTS = ("search/words.js", "search/engine.js", "search/dialog.js")
# the interface strings of search, every language's, go into its scripts at these marks: all
# of them into the dialog, the button's name into the every-page bundle; the offline control's
# into its script (mark → the strings' prefix, one string's key or "" for all of them)
STRINGS_MARKS = {
    "/*asah:search-strings*/{}": ("search_", ""),
    "/*asah:search-open*/{}": ("search_", "open"),
    "/*asah:offline-strings*/{}": ("offline_", ""),
}
APP_PARTS = {  # app → (scripts, stylesheets)
    "progress": (
        (
            "progress/record.js",
            "progress/model.js",
            "progress/merge.js",
            "progress/export.js",
            "progress/progress-page.js",
        ),
        ("progress/progress-page.css",),
    ),
    "assess": (
        ("progress/record.js", "progress/model.js", "progress/plan.js", "assess/assess.js"),
        ("assess/assess.css",),
    ),
}


# loaded by the loader where an element asks for them (data-asah-load)
PATHS_PARTS = ("progress/record.js", "paths/paths.js")
LESSON_PARTS = ("progress/record.js", "progress/progress.js", "paths/pathnav.js")


def quiz_parts() -> list[str]:
    """The quiz runtime: one module per question type, then the quiz itself."""
    folder = asset_path(ASSETS + "quiz/types")
    types = sorted(f"quiz/types/{p.name}" for p in folder.glob("*.js"))
    return [*types, "quiz/quiz.js"]


def feature_bundles(feature: str) -> dict[str, list[str]]:
    """The bundles a feature adds parts to: bundle URI → its component files."""
    scripts, styles = EVERY_PAGE[feature]
    found: dict[str, list[str]] = {}
    if scripts:
        found[SCRIPT] = [ASSETS + p for p in scripts]
    found[STYLESHEET] = [ASSETS + p for p in styles]
    if feature == "quiz":
        found[QUIZ_SCRIPT] = [ASSETS + p for p in quiz_parts()]
    if feature == "offline":
        found[SAVE_SCRIPT] = [ASSETS + "offline/offline.js"]
        found[SAVE_STYLE] = [ASSETS + "offline/offline.css"]
    if feature == "search":
        found[SEARCH_SCRIPT] = [ASSETS + p for p in SEARCH_PARTS]
        found[SEARCH_STYLE] = [ASSETS + "search/search.css"]
    if feature == "paths":
        found[PATHS_SCRIPT] = [ASSETS + p for p in PATHS_PARTS]
        found[LESSON_SCRIPT] = [ASSETS + p for p in LESSON_PARTS]
        for app, (script, style) in APPS.items():
            app_scripts, app_styles = APP_PARTS[app]
            found[script] = [ASSETS + p for p in app_scripts]
            found[style] = [ASSETS + p for p in app_styles]
    return found


def site_bundles(features: Iterable[str]) -> dict[str, str]:
    """Every bundle of a site with these features, in this order: URI → minified text (for
    engines that take files, not plugins)."""
    parts: dict[str, list[str]] = {}
    for feature in features:
        for uri, more in feature_bundles(feature).items():
            parts.setdefault(uri, []).extend(more)
    return {uri: bundle(found) for uri, found in parts.items()}


def install(config: Any, files: Any, feature: str) -> None:
    """Put a feature's parts of the runtime into the site's bundles (on_files)."""
    for uri, parts in feature_bundles(feature).items():
        add_to_bundle(config, files, uri, parts)
    add_asset_files(config, files, [OFFLINE_SHIM])  # for an offline copy, whichever plugins


def loader_name(uri: str) -> str:
    """How `data-asah-load` names a file of the site (relative to the bundle's folder)."""
    return uri.removeprefix(ASSETS)


def asset_path(uri: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(uri)))


@functools.lru_cache(maxsize=64)
def minified(uri: str) -> str:
    """One component file, minified (comments and layout whitespace removed)."""
    text = asset_path(uri).read_text("utf-8")
    for mark, (prefix, key) in STRINGS_MARKS.items():
        if mark in text:
            text = text.replace(mark, _strings(prefix, key))
    if uri.endswith(".js"):
        return rjsmin.jsmin(text).strip() + "\n"
    return rcssmin.cssmin(text).strip() + "\n"


def _strings(prefix: str, key: str = "") -> str:
    """A part's interface strings in every language: all of them, or one (`key`)."""
    from ..core.i18n import Strings, available

    table: dict[str, object] = {}
    for language in available():
        strings = Strings(language).prefixed(prefix)
        table[language] = strings[key] if key else strings
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"))


def bundle(parts: Iterable[str]) -> str:
    """The minified parts one after another, each once, in order."""
    return "".join(minified(uri) for uri in dict.fromkeys(parts))


def use_every_page(config: Any, script: bool = True) -> None:  # on_config
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


# Material's (and MaterialX's) words on every page that its own translations leave in English
# for some languages (Indonesian among them): the header's and footer's names, and the credit.
CHROME_LABELS = (
    ('class="md-header__inner md-grid" aria-label="', "Header"),
    ('class="md-footer__inner md-grid" aria-label="', "Footer"),
)
CREDIT = "Made with"


def chrome_in_language(html: str, header: str, footer: str, made_with: str) -> str:
    """The theme's header and footer names and its "Made with" credit in the site's language,
    where the theme wrote them in English (a theme translation that has its own is kept), in a
    written page: for the Zensical route (a MkDocs build puts them into the theme's templates,
    theme/chrome.py). The header is looked for from the top and the footer from the end (where
    they are), and the page is copied once."""
    edits: list[tuple[int, int, str]] = []  # (start, end, new text), in page order
    finds = (html.find, html.rfind)
    for (marker, english), label, find in zip(CHROME_LABELS, (header, footer), finds, strict=True):
        at = find(marker)
        if at < 0 or label == english:
            continue
        start = at + len(marker)
        if html.startswith(f'{english}"', start):
            edits.append((start, start + len(english), label.replace('"', "&quot;")))
    if made_with != CREDIT:
        at = html.rfind('<div class="md-copyright">')
        credit = html.find(CREDIT, at, at + 400) if at >= 0 else -1
        if credit >= 0 and html.find("<a ", credit, credit + 80) >= 0:
            edits.append((credit, credit + len(CREDIT), made_with))
    if not edits:
        return html
    parts, done = [], 0
    for start, stop, text in sorted(edits):
        parts += (html[done:start], text)
        done = stop
    parts.append(html[done:])
    return "".join(parts)
