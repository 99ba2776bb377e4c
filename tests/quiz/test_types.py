"""Question types: each scores answers as the browser does (the cases are shared with
tests/js/scoring.test.js), and gives the browser the data the shared cases say."""

import json

import pytest
import yaml

from asah.core.diagnostics import Reporter
from asah.quiz import types
from asah.quiz.parse import read_bank
from tests.conftest import ROOT

SHARED = json.loads((ROOT / "tests/fixtures/shared/scoring.json").read_text("utf-8"))["cases"]


def question(author_form: dict):
    reporter = Reporter()
    bank = read_bank(yaml.safe_dump({"questions": [author_form]}), "b", "b.yml", reporter)
    assert reporter.messages() == []
    return bank.questions[0]


@pytest.mark.parametrize("case", SHARED, ids=lambda c: c["question"]["id"])
def test_scores_and_browser_data(case):
    q = question(case["question"])
    kind = types.get(q.type)
    assert {"type": q.type, "points": q.points, **kind.data(q)} == case["data"]
    for answer in case["answers"]:
        got = kind.score(q, answer["answer"], answer["language"])
        expected = answer["score"]
        assert got == pytest.approx(expected) if expected is not None else got is None, answer
        # the rows the browser marks right or wrong: every type that has rows says so per case
        assert kind.rows(q, answer["answer"]) == answer.get("rows"), answer


def test_every_type_has_shared_cases():
    assert {c["question"]["type"] for c in SHARED} == set(types.NAMES)


def test_the_types_answered_row_by_row():
    assert {n for n in types.NAMES if types.get(n).rows(question_of(n), []) is not None} == {
        "order",
        "match",
        "category",
    }


def question_of(name: str):
    return question(next(c["question"] for c in SHARED if c["question"]["type"] == name))
