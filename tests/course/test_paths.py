"""Learning paths: generation order, prerequisites, reachability and every message."""

import json
import textwrap

import pytest

from asah.core.diagnostics import Reporter
from asah.course import framework
from asah.course.course import Course, check_prerequisites
from asah.course.lessons import Lesson, read_page
from asah.course.paths import lesson_order, read_paths, recommended
from tests.conftest import ROOT

ASN = framework.load_built_in("asn")
PATH = "site_config/paths.yml"


def course(cycles: int = 0, **lessons: tuple[dict, list[str]]) -> Course:
    """Lessons by name: ({competency: level}, [prerequisite names]); order = navigation order.
    The lessons must read without a problem, but for the `cycles` prerequisite cycles asked for."""
    result, reporter = Course(framework=ASN), Reporter()
    for name, (competencies, prerequisites) in lessons.items():
        comps = "".join(f"  {c}: {level}\n" for c, level in competencies.items())
        pre = "".join(f"  - {p}.md\n" for p in prerequisites)
        source = (
            f"---\ntitle: {name}\nduration: 45\ncompetencies:\n{comps}"
            + (f"prerequisites:\n{pre}" if pre else "")
            + "---\n"
        )
        result.lessons[f"{name}.md"] = read_page(
            f"{name}.md", f"content/{name}.md", source, ASN, 45, reporter
        ).lesson
    check_prerequisites(result, set(result.lessons), "content", reporter)
    messages = reporter.messages()
    assert len(messages) == cycles and all("prerequisite cycle" in m for m in messages)
    return result


def paths(text: str, c: Course, banks=("evaluasi",)):
    reporter = Reporter()
    found = read_paths(textwrap.dedent(text).lstrip("\n"), PATH, c, set(banks), "content", reporter)
    return found, reporter.messages()


SAMPLE = course(
    a=({"integritas": 1}, []),
    b=({"komunikasi": 1}, []),
    c=({"integritas": 2}, ["d"]),
    d=({"kerja-sama": 1}, []),
    e=({"integritas": 3}, ["c"]),
    f=({"komunikasi": 2}, ["a"]),
)


def test_generated_path_takes_levels_up_to_the_target_and_prerequisites():
    found, messages = paths(
        """
        paths:
          - id: jujur
            title: Jujur
            target: {integritas: 2}
        """,
        SAMPLE,
    )
    assert messages == []
    # a (level 1) and c (level 2) plus c's prerequisite d; e (level 3) is beyond the target;
    # d comes before c, and a before d by navigation order
    assert [s.ref for s in found[0].steps] == ["a.md", "d.md", "c.md"]
    assert found[0].generated


def test_ties_are_broken_by_navigation_order():
    order, cycles = lesson_order(SAMPLE, ["f.md", "b.md", "e.md"])
    assert order == ["a.md", "b.md", "d.md", "c.md", "e.md", "f.md"]
    assert cycles == []


def test_cycles_are_named():
    cyclic = course(1, x=({"integritas": 1}, ["y"]), y=({"integritas": 1}, ["x"]))
    found, messages = paths(
        "paths:\n  - id: p\n    title: P\n    target: {integritas: 1}\n", cyclic
    )
    assert messages == [
        f"{PATH}:4: path 'p' cannot be ordered: prerequisite cycle x.md → y.md → x.md"
    ]
    assert found[0].steps == []


def test_explicit_steps_with_quiz():
    found, messages = paths(
        """
        paths:
          - id: p
            title: P
            audience: Pelaksana
            steps:
              - a.md
              - content/b.md
              - quiz: evaluasi
        """,
        SAMPLE,
    )
    assert messages == []
    assert [(s.kind, s.ref) for s in found[0].steps] == [
        ("lesson", "a.md"),
        ("lesson", "b.md"),
        ("quiz", "evaluasi"),
    ]
    assert found[0].audience == "Pelaksana"


def test_messages():
    _, messages = paths(
        """
        paths:
          - id: p
            tittle: P
            target: {integritass: 2, komunikasi: 7, kerja-sama: 3, integritas: 3}
            steps:
              - aa.md
              - quiz: evaluasii
              - {lesson: a.md}
              - c.md
              - d.md
              - c.md
          - id: p
            title: Lagi
            steps: [a.md]
          - id: Jalur Saya
          - id: kosong
            title: Kosong
        """,
        SAMPLE,
    )
    assert messages == [
        f"{PATH}:3: unknown key 'tittle' in path 'p' (did you mean 'title'?); expected one of: "
        "id, title, description, audience, target, steps",
        f"{PATH}:2: path 'p' has no title; expected 'title:'",
        f"{PATH}:4: unknown competency 'integritass' in the target of path 'p' (did you mean "
        "'integritas'?)",
        f"{PATH}:4: level of 'komunikasi' in the target of path 'p' must be an integer from 1 "
        "to 5, got 7",
        f"{PATH}:4: path 'p' cannot reach 'kerja-sama' level 3: the lessons build it up to level 1",
        f"{PATH}:6: unknown lesson 'aa.md' in path 'p' (did you mean 'a.md'?); expected a lesson "
        "path relative to content/",
        f"{PATH}:7: unknown quiz bank 'evaluasii' in path 'p' (did you mean 'evaluasi'?); "
        "expected a file quizzes/evaluasii.yml",
        f"{PATH}:8: step 3 of path 'p' must be a lesson path or 'quiz: <bank-id>'",
        f"{PATH}:11: step 6 of path 'p' repeats 'c.md' (step 4)",
        f"{PATH}:2: in path 'p', step 1 'c.md' comes before its prerequisite 'd.md' (step 2)",
        f"{PATH}:12: duplicate path id 'p' (first at line 2); path ids must be unique",
        f"{PATH}:15: path id 'Jalur Saya' is not valid; expected lowercase letters, digits and "
        "hyphens",
        f"{PATH}:16: path 'kosong' needs 'steps' or a 'target'",
    ]


def test_unreachable_when_no_lesson_builds_it():
    _, messages = paths(
        "paths:\n  - id: p\n    title: P\n    target: {pengambilan-keputusan: 1}\n", SAMPLE
    )
    assert messages == [
        f"{PATH}:4: path 'p' cannot reach 'pengambilan-keputusan' level 1: no lesson builds it"
    ]


def test_yaml_syntax_error_is_fatal():
    reporter = Reporter()
    read_paths("paths:\n  - id: [p\n", PATH, SAMPLE, set(), "content", reporter)
    assert reporter.messages() == [
        f"{PATH}:2: YAML syntax error: the '[' opened on this line is not closed with ']'; "
        "close it, or put the text in quotes if it starts with '['"
    ]
    assert reporter.fatal_problems


SHARED = json.loads((ROOT / "tests" / "fixtures" / "shared" / "recommend.json").read_text("utf-8"))


@pytest.mark.parametrize("case", SHARED["cases"], ids=lambda c: c["name"])
def test_recommended_order_is_the_browsers(case):
    """The same cases run against progress/plan.js `recommend` (tests/js/model.test.js)."""
    shared = Course(framework=ASN)
    for lesson in case["lessons"]:
        shared.lessons[lesson["path"]] = Lesson(
            path=lesson["path"],
            competencies={c["id"]: c["level"] for c in lesson["competencies"]},
            prerequisites=lesson["prerequisites"],
        )
    assert recommended(shared, case["target"], case["current"]) == case["expected"]
