"""Two builds of the same course are byte-identical (CI caches, diffs and mirrors rely on it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, build_tree


def test_two_builds_are_byte_identical(tmp_path: Path):
    sources = ROOT / "tests" / "fixtures" / "quiz-course"
    outputs = []
    for name in ("first", "second"):
        course = tmp_path / name
        shutil.copytree(sources, course)
        result = build_tree(course, strict=True)
        assert result.error is None
        outputs.append(result.site)
    first, second = outputs
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    # (sitemap.xml carries the build date: identical within a day, which this test runs in)
    assert different == []
