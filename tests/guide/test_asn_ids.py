"""The guide's table of the built-in ASN competencies is the framework Asah ships: written by
scripts/guide_asn_ids.py, and checked here so that it cannot fall behind the data."""

from __future__ import annotations

import importlib.util

import pytest

from asah.course.framework import load_built_in
from tests.guide import guide

_spec = importlib.util.spec_from_file_location(
    "guide_asn_ids", guide.ROOT / "scripts" / "guide_asn_ids.py"
)
assert _spec is not None and _spec.loader is not None
script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(script)


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_the_guide_lists_every_built_in_competency_as_the_data_has_it(language):
    assert script.PAGES[language] == guide.page(language, "competencies")
    assert script.current(language) == script.tables(language), (
        "run: .venv/bin/python scripts/guide_asn_ids.py"
    )


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_the_table_has_a_row_per_competency_and_level(language):
    framework = load_built_in("asn")
    shown = script.current(language) or ""
    for competency in framework.competencies():
        assert f"| `{competency.id}` | {competency.code or '—'} | {competency.name} |" in shown
    for level, label in framework.level_labels.items():
        assert f"| {level} | {label} |" in shown
