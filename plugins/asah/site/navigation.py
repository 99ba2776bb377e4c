"""Page order and titles from `mkdocs.yml` (its `nav:`, else MkDocs' file order), and page URLs,
for builds that do not go through MkDocs (`asah check`, other engines). Through MkDocs the real
navigation is used instead, as other plugins may have changed it."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from typing import Any

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def sort_key(src: str) -> tuple[Any, ...]:
    """MkDocs' order of files without a `nav:`: index first, folders after files."""
    parts = src.split("/")
    stem = posixpath.splitext(parts[-1])[0]
    return (tuple(parts[:-1]), stem not in ("index", "README"), parts[-1])


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """A page's URL relative to the site root, as MkDocs makes it."""
    stem = posixpath.splitext(src)[0]
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        if use_directory_urls:
            return f"{folder}/" if folder else ""
        return f"{folder}/index.html" if folder else "index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def from_nav(nav: Any, pages: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """The pages in navigation order (those the nav leaves out after, in file order) and the
    titles the nav gives them."""
    known = sorted(pages, key=sort_key)
    order: list[str] = []
    titles: dict[str, str] = {}

    def walk(item: Any, title: str | None = None) -> None:
        if isinstance(item, str):
            path = item.lstrip("/")
            if path in known or path in set(known):
                if path not in order:
                    order.append(path)
                if title:
                    titles.setdefault(path, title)
        elif isinstance(item, dict):
            for key, value in item.items():
                walk(value, str(key) if isinstance(value, str) else None)
        elif isinstance(item, list):
            for child in item:
                walk(child)

    if nav is not None:
        walk(nav)
    listed = set(order)
    order += [p for p in known if p not in listed]
    return order, titles
