"""Two builds of the same course are byte-identical (CI caches, diffs and mirrors rely on it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, build_tree


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch):
    # MkDocs dates the sitemap with the build date unless SOURCE_DATE_EPOCH is set: pin it, so
    # the builds match even when midnight falls between them
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    sources = ROOT / "tests" / "fixtures" / "quiz-course"
    outputs = []
    for name in ("first", "second"):
        course = tmp_path / name
        shutil.copytree(sources, course)
        config = course / "mkdocs.yml"  # with a site_url, for a sitemap with dates
        config.write_text("site_url: https://kursus.example/\n" + config.read_text("utf-8"))
        result = build_tree(course, strict=True)
        assert result.error is None
        outputs.append(result.site)
    first, second = outputs
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert different == []
    assert b"2025-12-02" in (first / "sitemap.xml").read_bytes()
