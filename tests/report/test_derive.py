"""report/derive.py counts a record as the browser does: the shared fixtures run here and in
Node (tests/js/model.test.js, tests/js/export.test.js)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asah.report.derive import CourseIndex, answer_key, derive, jp, local_day

SHARED = Path(__file__).resolve().parents[1] / "fixtures" / "shared"
COMPLETION = json.loads((SHARED / "completion.json").read_text("utf-8"))
EXPORT = json.loads((SHARED / "export.json").read_text("utf-8"))


def completion_course(rule: str) -> CourseIndex:
    course = COMPLETION["course"]
    lessons = [{"title": lesson["path"], **lesson} for lesson in course["lessons"]]
    paths = [{"title": p["id"], **p} for p in course["paths"]]
    data = {"completion": rule, "minutes_per_jp": course["minutes_per_jp"], "lessons": lessons}
    return CourseIndex.from_catalogue({**data, "paths": paths})


@pytest.mark.parametrize("case", COMPLETION["cases"], ids=lambda c: c["name"])
def test_one_completion_rule_for_lessons_jp_competencies_and_paths(case):
    index = completion_course(case["completion"])
    facts = derive(index, case["record"])
    assert sorted(facts.counted.items(), key=lambda kv: (kv[1] or "~", kv[0])) == [
        tuple(pair) for pair in case["counted"]
    ]
    assert facts.minutes == case["minutes"]
    assert jp(facts.minutes, index.minutes_per_jp) == case["jp"]
    expected = {cid: p["reached"] for cid, p in case["competencies"].items() if p["reached"]}
    assert facts.reached == expected
    assert {p[0]: p[1] for p in facts.paths} == case["paths"]


def test_what_the_export_derives_the_report_derives_too():
    index = CourseIndex.from_catalogue(EXPORT["course"])
    facts = derive(index, EXPORT["record"], 0)
    expected = EXPORT["expected"]
    assert jp(facts.minutes, index.minutes_per_jp) == expected["jp"]
    assert list(facts.counted.items()) == [
        (c["lesson"], c["date"]) for c in expected["completions"]
    ]
    assert facts.reached == {c["id"]: c["level"] for c in expected["competencies"]}
    assert [(p["id"], p["done"], p["total"], p["complete"]) for p in expected["paths"]] == [
        tuple(p) for p in facts.paths
    ]
    assert facts.path_dates == {p["id"]: p["date"] for p in expected["paths"] if p["complete"]}
    history = [
        (year, y.minutes, jp(y.minutes, index.minutes_per_jp), y.start, y.end)
        for year, y in facts.years.items()
    ]
    assert history == [
        (h["year"], h["minutes"], h["jp"], h["start"], h["end"]) for h in expected["history"]
    ]
    assert (facts.current, facts.target, facts.assessed) == (
        expected["assessment"]["current"],
        expected["assessment"]["target"],
        expected["assessment"]["date"],
    )
    firsts = [
        (q["id"], a["id"], a["fp"], a["score"], a["answer"], q["first"]["score"])
        for q in expected["quizzes"]
        for a in q["first"]["questions"]
    ]
    assert [
        (a.quiz, a.question, a.fp, a.score, a.answer, a.attempt_score) for a in facts.answers
    ] == firsts
    assert facts.solution_first == sum(q["solution_before_pass"] for q in expected["quizzes"])


def test_a_quiz_retried_before_asah_kept_first_attempts_gives_no_answers():
    index = CourseIndex.from_catalogue(EXPORT["course"])
    record = json.loads(json.dumps(EXPORT["record"]))
    del record["quizzes"]["a.md#1"]["first"]  # two attempts, only the last kept
    assert {a.quiz for a in derive(index, record).answers} == {"uji"}


def test_days_and_years_in_the_learners_time_zone():
    assert local_day("2025-12-31T18:00:00.000Z", 0) == "2025-12-31"
    assert local_day("2025-12-31T18:00:00.000Z", 420) == "2026-01-01"  # WIB
    assert local_day("2026-01-01T03:00:00+07:00", 0) == "2025-12-31"
    assert local_day("", 420) == "" and local_day("kemarin", 0) == ""


def test_answers_as_text_for_counting_options():
    answers = ("2", ["0", "2"], "true", None, [2, 0, 1], ["", "1"], "Rp 200 juta", [])
    assert [answer_key(a) for a in answers] == ["2", "0|2", "true", "", "*", "*", "*", "*"]
