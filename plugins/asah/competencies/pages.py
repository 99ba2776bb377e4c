"""Generated pages: their source paths and the Markdown stub MkDocs renders (MkDocs-free)."""

from __future__ import annotations

import yaml

MARKER = "<!-- asah:generated -->"


def overview_path(url: str) -> str:
    return f"{url.strip('/')}/index.md"


def competency_path(url: str, competency_id: str) -> str:
    return f"{url.strip('/')}/{competency_id}.md"


def stub(title: str, description: str = "") -> str:
    """A page whose body the plugin fills in after Markdown rendering."""
    meta = {"title": title, **({"description": description} if description else {})}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{MARKER}\n"


def nav_mentions(nav: object, path: str) -> bool:
    """Whether an explicit `nav` (nested lists and mappings) already lists `path`."""
    if isinstance(nav, str):
        return nav.strip("/") == path
    if isinstance(nav, dict):
        return any(nav_mentions(value, path) for value in nav.values())
    if isinstance(nav, list):
        return any(nav_mentions(item, path) for item in nav)
    return False
