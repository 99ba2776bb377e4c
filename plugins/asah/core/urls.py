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


def root_of(page_url: str) -> str:
    """The site root relative to a page: '' for the home page, '../' per folder level."""
    return "../" * page_url.count("/")  # 'a/b/' and 'a/b.html' alike


class Links:
    """Links from one page of the site: `to(url)` takes a URL relative to the site root (as the
    course site gives them) and returns it relative to the page, as the way up to the root and
    down again (`../../kompetensi/x/`): right on any host and from file://, and made without
    comparing paths, thousands of times a build. No URL gives '#'."""

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url
        self.root = root_of(page_url)

    def to(self, url: str) -> str:
        return self.root + url if url else "#"
