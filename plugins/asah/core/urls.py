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
