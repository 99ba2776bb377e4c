"""What makes a site an installable web app that keeps saved paths readable offline, MkDocs-free:
the files at the site root (the service worker, the data it saves paths from, the offline
notice, the manifest and its icons), the tags every page gets, and the build's version.

The service worker's decisions are JavaScript (assets/asah/offline/plan.js, with Node tests):
this module only writes down the facts of the build they work from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from .. import theme
from ..core.templates import TemplateRenderer
from ..site.model import CourseSite
from . import icon
from . import manifest as app

WORKER = "asah-sw.js"  # at the site root: its scope is the whole site
DATA = "asah-offline.json"  # the pages of each path, for the worker to save
NOTICE = "asah-offline.html"  # served in place of a page that is not saved
MANIFEST = "manifest.webmanifest"
WORKER_PARTS = (theme.ASSETS + "offline/plan.js", theme.ASSETS + "offline/worker.js")
VERSION_LENGTH = 12


@dataclass(frozen=True)
class Look:
    """The installed app's name and colours."""

    name: str
    short_name: str
    description: str
    colour: str  # the theme colour, "#rrggbb"

    @property
    def ink(self) -> str:
        return app.ink(self.colour)


class Version:
    """The build's version: a digest of what the learner's browser would save (the pages as
    written, the runtime and the other files), so a rebuild of the same course keeps it and
    any change makes the worker save the paths again."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def add(self, name: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self._digest.update(f"{name}\0{len(data)}\0".encode())
        self._digest.update(data)

    def value(self) -> str:
        return self._digest.hexdigest()[:VERSION_LENGTH]


def site_id(site: CourseSite, folder: str = "") -> str:
    """Whose caches these are: the course's site key, and its language folder when a build
    writes one (mkdocs-static-i18n), so each keeps its own saved paths."""
    key = site.settings.site_key()
    folder = folder.strip("/")
    return f"{key}/{folder}" if folder else key


def _local(url: str, folder: str) -> str:
    """A URL from the site root as one from `folder` (a language's, where the worker is)."""
    if folder and url.startswith(folder):
        return url[len(folder) :] or "./"
    return url


def shared_pages(site: CourseSite, folder: str = "") -> list[dict[str, str]]:
    """The pages saved with every path: the home page and the progress page."""
    home = _local(site.url("index.md"), folder) or "./"
    pages = [{"url": home, "title": site.strings("unsaved_home")}]
    progress = site.page("progress")
    if progress is not None and site.url(progress.src):
        pages.append({"url": _local(site.url(progress.src), folder), "title": progress.title})
    return pages


def offline_data(
    site: CourseSite, version: str, files: list[str] | None = None, folder: str = ""
) -> dict[str, Any]:
    """`asah-offline.json`: each path's page and the pages its steps are taken on (URLs from
    the worker's folder, the site root or a language's, as the path page links them), the
    pages saved with every path, and `files` no page names that are saved with every path."""
    paths = []
    for path in site.paths:
        url = site.page_url("path", path.id)
        if not url:
            continue
        steps = [_local(site.step_url(path, i), folder) for i in range(len(path.steps))]
        paths.append(
            {
                "id": path.id,
                "title": path.title,
                "url": _local(url, folder),
                "steps": [s for s in steps if s],
            }
        )
    return {
        "version": version,
        "pages": shared_pages(site, folder),
        "files": files or [],
        "paths": paths,
    }


def icons(look: Look) -> dict[str, bytes]:
    return {app.icon_uri(size): icon.png(size, look.colour, look.ink) for size in app.ICON_SIZES}


def manifest_text(site: CourseSite, look: Look) -> str:
    found = app.manifest(
        look.name, look.short_name, look.description, site.settings.language, look.colour
    )
    return json.dumps(found, ensure_ascii=False, indent=1) + "\n"


def notice_html(site: CourseSite, look: Look) -> str:
    """The offline notice in the site's language (templates/asah/offline-notice.html)."""
    renderer = TemplateRenderer(site.strings, lambda text: text)
    return renderer.env.get_template("asah/offline-notice.html").render(
        language=site.settings.language,
        site_name=look.name,
        colour=look.colour,
        ink=look.ink,
    )


def worker_script(site_key: str, version: str) -> str:
    """The service worker: the build's settings, then plan.js and worker.js (minified)."""
    settings = {
        "site": site_key,
        "version": version,
        "data": DATA,
        "notice": NOTICE,
        # stored when the worker installs: the notice (the manifest and icons are saved with
        # every path, as every page names them)
        "precache": [NOTICE],
    }
    text = json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
    return f"self.ASAH_OFFLINE={text};\n{theme.bundle(WORKER_PARTS)}"


def head_tags(to_root: str, colour: str) -> str:
    """What every page gets in its <head>: the manifest (which names the worker, for
    register.js), the theme colour, and the icon for a home screen that reads no manifest."""
    root = escape(to_root)
    return (
        f'<link rel="manifest" href="{root}{MANIFEST}" data-asah-worker="{WORKER}">'
        f'<meta name="theme-color" content="{escape(colour)}">'
        f'<link rel="apple-touch-icon" href="{root}{app.icon_uri(192)}">'
    )


def with_head_tags(page: str, tags: str) -> str:
    at = page.find("</head>")
    return page if at < 0 else page[:at] + tags + page[at:]


def site_files(
    site: CourseSite, look: Look, version: Version, folder: str = "", also: list[str] | None = None
) -> dict[str, Any]:
    """Every file this adds to the site (path → text or bytes), the version last: it is a
    digest of everything, these files too. `also`: files of the site saved with every path
    though no page names them (the sitemap Material's instant navigation reads)."""
    files: dict[str, Any] = {
        MANIFEST: manifest_text(site, look),
        NOTICE: notice_html(site, look),
        **icons(look),
    }
    for name, content in files.items():
        version.add(name, content)
    value = version.value()
    data = offline_data(site, value, also, folder)
    files[DATA] = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    files[WORKER] = worker_script(site_id(site, folder), value)
    return files


def write(target: Path, files: dict[str, Any]) -> None:
    for uri, content in files.items():
        path = target / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")


def look_of(site_name: str, description: str, theme_config: Any, options: Any) -> Look:
    """The app's look from a config's site name, description, theme and the plugin's options."""
    options = options if isinstance(options, Mapping) else {}
    theme_config = theme_config if isinstance(theme_config, Mapping) else {}
    return Look(
        name=site_name,
        short_name=app.short_name(site_name, str(options.get("short_name") or "")),
        description=description or "",
        colour=app.theme_colour(theme_config, str(options.get("theme_color") or "")),
    )


def add_to_built_site(site: CourseSite, site_dir: Path, look: Look) -> None:
    """For an engine that runs no plugins (Zensical): the tags into every page it wrote, then
    the files, the version a digest of the pages as written and Asah's runtime."""
    version = Version()
    for path in sorted(site_dir.rglob("*.html")):
        uri = path.relative_to(site_dir).as_posix()
        if uri == NOTICE:
            continue
        text = path.read_text("utf-8")
        if "data-asah-worker=" not in text:
            text = with_head_tags(text, head_tags("../" * uri.count("/"), look.colour))
            path.write_text(text, "utf-8")
        version.add(uri, text)
    runtime = site_dir / theme.ASSETS
    for path in sorted(runtime.rglob("*")) if runtime.is_dir() else []:
        if path.is_file():
            version.add(path.relative_to(site_dir).as_posix(), path.read_bytes())
    also = [name for name in ("sitemap.xml",) if (site_dir / name).is_file()]
    write(site_dir, site_files(site, look, version, "", also))
