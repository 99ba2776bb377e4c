"""The guide's links between its pages (and to the repository's files) lead somewhere: the file
exists, and an anchor is a heading of it as GitHub and GitLab name headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.guide import guide

_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def _anchors(path: Path) -> set[str]:
    """The ids GitHub gives a page's headings: lower case, punctuation dropped, spaces to '-'."""
    found = set()
    for heading in guide.sections(path, 2) | guide.sections(path, 3) | guide.sections(path, 1):
        text = re.sub(r"[`*_]", "", heading).lower()
        found.add(re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text)))
    return found


def _outside_code(text: str) -> str:
    text = re.sub(r"^(`{3,}|~{3,}).*?^\1\s*$", "", text, flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_links_lead_to_a_page_and_a_heading(language):
    for page in guide.pages(language):
        for found in _LINK.finditer(_outside_code(page.read_text("utf-8"))):
            target = found["target"]
            if re.match(r"[a-z]+:", target):
                continue  # an address outside the repository
            file, _, anchor = target.partition("#")
            path = (page.parent / file).resolve() if file else page
            assert path.exists(), f"{page.name}: {target}"
            if anchor:
                assert anchor in _anchors(path), f"{page.name}: {target}"


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_every_page_is_there(language):
    assert all(page.exists() for page in guide.pages(language))
