"""What the search index holds, whichever engine built the pages: a page's sections from its
HTML, with its competencies and minutes from the course site, and the index files written."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

from ..site.model import CourseSite
from . import index
from .render import glossary_search_page
from .sections import article, sections

FOLDER = "search"  # the index's folder in the site


def search_page(site: CourseSite, src: str, content: str, title: str) -> index.SearchPage | None:
    """A page of the site as search sees it (`content`: its article's HTML); None for pages
    search leaves out (the progress and self-assessment apps hold nothing to find)."""
    generated = site.pages.get(src)
    location = site.url(src)
    location = "" if location == "./" else location  # the home page, as Material writes it
    if generated is not None:
        if generated.kind in ("progress", "assessment"):
            return None
        if generated.kind == "glossary":
            return glossary_search_page(location, generated.title, site.glossary)
    lesson = site.lesson(src)
    if lesson is not None:  # the course's own names
        title = lesson.title
    elif generated is not None:
        title = generated.title
    else:  # other pages' titles come escaped from the theme's side (competencies plugin)
        title = html.unescape(title)
    found = index.SearchPage(location, title, sections(content))
    if lesson is not None:
        found.competencies = list(lesson.competencies.items())
        found.minutes = lesson.minutes
    elif generated is not None and generated.kind == "competency":
        found.competencies = [(generated.key, None)]
    return found


def index_files(site: CourseSite, pages: Iterable[index.SearchPage]) -> dict[str, str]:
    competencies = [(c.id, c.name) for c in site.course.framework.competencies()]
    return index.build(pages, site.glossary, competencies)


def write(files: dict[str, str], site_dir: Path) -> None:
    """Write the index into `site_dir/search/`, replacing the previous one."""
    target = site_dir / FOLDER
    if target.is_dir():
        for old in target.rglob("*.js"):
            if old.relative_to(target).as_posix() not in files:
                old.unlink()
    folders: set[Path] = set()
    for name, text in files.items():
        path = target / name
        if path.parent not in folders:  # a thousand files in a handful of folders
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_bytes(text.encode("utf-8"))


def with_index_location(page: str, where: str) -> str:
    """The page, telling the runtime where the index is (relative to the page)."""
    at = page.find("</head>")
    if at < 0:
        return page
    tag = f'<meta name="asah-search-index" content="{html.escape(where)}">'
    return page[:at] + tag + page[at:]


def built_page_file(site_dir: Path, url: str) -> Path:
    """Where a page of `url` (from the site root) was written."""
    if url == "" or url.endswith("/"):
        return site_dir / url / "index.html"
    return site_dir / url


def index_built_site(site: CourseSite, site_dir: Path) -> None:
    """The index of a site another engine has written (the Zensical route): every page's
    article, read back from its HTML file."""
    pages = []
    for src, url in site.urls.items():
        file = built_page_file(site_dir, url)
        if not file.is_file():
            continue
        text = file.read_text("utf-8")
        found = search_page(site, src, article(text), _title(text))
        if found is not None:
            pages.append(found)
    write(index_files(site, pages), site_dir)


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _title(page: str) -> str:
    found = _H1.search(article(page))
    return html.unescape(_TAG.sub("", found.group(1))).strip(" \n¶") if found else ""
