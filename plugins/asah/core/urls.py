"""Relative links between pages of the built site (MkDocs-free)."""

from __future__ import annotations

import posixpath


def relative(target: str, base: str) -> str:
    """URL of `target` relative to the page at `base` (both site-root relative).

    Page URLs are either folders ('a/b/', '' for the home page) or files ('a/b.html').
    """
    base_dir = posixpath.dirname(base) if not base.endswith("/") else base.rstrip("/")
    path, hash_, fragment = target.partition("#")
    rel = posixpath.relpath("/" + path, "/" + base_dir)
    if (path.endswith("/") or not path) and not rel.endswith("/"):
        rel += "/"
    return rel + hash_ + fragment


class Links:
    """Links from one page of the site: `to(url)` takes a URL relative to the site root (as the
    course site gives them) and returns it relative to the page; no URL gives '#'."""

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url
        self._made: dict[str, str] = {}

    def to(self, url: str) -> str:
        if not url:
            return "#"
        found = self._made.get(url)
        if found is None:
            found = self._made[url] = relative(url, self.page_url)
        return found

    @property
    def root(self) -> str:
        """The site root, relative to the page ('' on the home page)."""
        return "" if self.page_url in ("", "index.html") else relative("", self.page_url)
