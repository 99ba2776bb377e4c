"""Numbers as a site's language writes and reads them. The cases are shared with the browser
runtime (tests/js/numbers.test.js), so both read `1.500` the same way."""

import json

import pytest

from asah.core.numbers import format_number, parse_number
from tests.conftest import ROOT

SHARED = json.loads((ROOT / "tests/fixtures/shared/numbers.json").read_text("utf-8"))["cases"]
FORMAT = [(c["language"], value, text) for c in SHARED for value, text in c["format"]]
PARSE = [(c["language"], text, value) for c in SHARED for text, value in c["parse"]]


@pytest.mark.parametrize(("language", "value", "text"), FORMAT)
def test_format(language, value, text):
    assert format_number(value, language) == text


@pytest.mark.parametrize(("language", "text", "value"), PARSE)
def test_parse(language, text, value):
    got = parse_number(text, language)
    assert got == pytest.approx(value) if value is not None else got is None


def test_the_cases_cover_what_learners_type():
    indonesian = dict(next(c for c in SHARED if c["language"] == "id")["parse"])
    assert indonesian["200.000.000"] == 200_000_000  # thousands grouped with dots
    assert indonesian["1.500"] == 1500 and indonesian["2,5"] == 2.5
    assert indonesian["Rp 200.000.000"] == indonesian["200 juta"] == 200_000_000
    english = dict(next(c for c in SHARED if c["language"] == "en")["parse"])
    assert english["1,500"] == 1500 and english["1.500"] == 1.5
