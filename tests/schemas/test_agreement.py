"""The readers and the schemas agree on what is a problem: each document below goes through the
reader (Asah's own parse functions, no MkDocs) and through the schema, and "the reader reports
nothing" must equal "the schema finds it valid".

Where they cannot agree, the case is in DIFFERENCES with the reason. Two kinds:
- the reader knows more: other files (competency ids, lessons, banks), one field unique across a
  list, counts (exactly one right option), Markdown and regular expressions, YAML itself (a key
  written twice); a schema sees one JSON value and can say none of these;
- the schema asks for more: where the reader quietly takes an odd value (a list as a title, an
  empty item it skips), the schema describes what an author should write.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from asah.core.diagnostics import Reporter
from asah.course import framework as frameworks
from asah.course.course import Course
from asah.course.lessons import Lesson, read_page
from asah.course.paths import read_paths
from asah.quiz import types
from asah.quiz.parse import read_bank
from asah.search.glossary import read_glossary
from tests.conftest import ASN_AND_ONE

from .support import schema_errors

# the ASN framework with two technical competencies
FRAMEWORK_TEXT = ASN_AND_ONE + "      - {id: literasi-digital, name: Literasi Digital}\n"
FRAMEWORK = frameworks.parse(FRAMEWORK_TEXT, "site_config/competencies.yml", Reporter())


def _course() -> Course:
    course = Course(framework=FRAMEWORK)
    course.lessons = {
        "a.md": Lesson("a.md", competencies={"keamanan-informasi": 1}),
        "b.md": Lesson("b.md", competencies={"keamanan-informasi": 2}, prerequisites=["a.md"]),
    }
    return course


def _text(data: Any) -> str:
    if isinstance(data, str):
        return data
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def reader_problems(kind: str, data: Any) -> list[str]:
    reporter = Reporter()
    text = _text(data)
    if kind == "bank":
        read_bank(text, "uji", "quizzes/uji.yml", reporter, competencies=FRAMEWORK.names())
    elif kind == "lesson":
        source = f"---\n{text}---\n\n# Pelajaran\n"
        read_page("c.md", "content/c.md", source, FRAMEWORK, 45, reporter)
    elif kind == "competencies":
        frameworks.parse(text, "site_config/competencies.yml", reporter)
    elif kind == "paths":
        read_paths(text, "site_config/paths.yml", _course(), {"akhir"}, "content", reporter)
    elif kind == "glossary":
        read_glossary(text, "site_config/glossary.yml", reporter)
    return [str(p) for p in reporter.problems]


def schema_valid(kind: str, data: Any) -> bool:
    return not schema_errors(kind, yaml.safe_load(_text(data)))


def ok(case: str, data: Any) -> tuple[str, Any, bool]:
    return case, data, True


def bad(case: str, data: Any) -> tuple[str, Any, bool]:
    return case, data, False


# -- building blocks ---------------------------------------------------------------------------

TF = {"id": "benar", "type": "truefalse", "prompt": "Pernyataan", "answer": True}
RIGHT, WRONG = {"text": "A", "correct": True}, {"text": "B"}
PAIRS = [{"left": "SKP", "right": "Sasaran Kinerja"}, {"left": "JP", "right": "Jam Pelajaran"}]
GROUPS = [{"name": "Pribadi", "items": ["NIK"]}, {"name": "Publik", "items": ["Alamat kantor"]}]
COMMON = {"explanation": "Bahas", "hint": "Petunjuk", "points": 2, "competencies": ["M.04"]}


def bank(**fields: Any) -> dict[str, Any]:
    return {**fields, "questions": fields.get("questions", [TF])}


def question(qtype: str, **fields: Any) -> dict[str, Any]:
    """A bank of one question of `qtype`; a field given None is written empty, one given
    `...` is left out."""
    written = {"id": "soal", "type": qtype, "prompt": "Pertanyaan", **fields}
    return {"questions": [{k: v for k, v in written.items() if v is not ...}]}


def single(**fields: Any) -> dict[str, Any]:
    return question("single", **{"options": [RIGHT, WRONG], **fields})


def multiple(**fields: Any) -> dict[str, Any]:
    return question("multiple", **{"options": [RIGHT, WRONG], **fields})


def truefalse(**fields: Any) -> dict[str, Any]:
    return question("truefalse", **{"answer": True, **fields})


def text(**fields: Any) -> dict[str, Any]:
    return question("text", **{"answers": ["Jakarta"], **fields})


def number(**fields: Any) -> dict[str, Any]:
    return question("number", **{"answer": 17, **fields})


def fill(**fields: Any) -> dict[str, Any]:
    return question("fill", **{"prompt": "Ibu kota: [[Jakarta|DKI Jakarta]]", **fields})


def order(**fields: Any) -> dict[str, Any]:
    return question("order", **{"items": ["Siapkan", "Kerjakan", "Periksa"], **fields})


def match(**fields: Any) -> dict[str, Any]:
    return question("match", **{"pairs": PAIRS, **fields})


def category(**fields: Any) -> dict[str, Any]:
    return question("category", **{"categories": GROUPS, **fields})


def groups(*extra: Any) -> list[Any]:
    return [GROUPS[0], *extra]


LESSON = {"competencies": {"keamanan-informasi": 1}}


def lesson(**fields: Any) -> dict[str, Any]:
    return {**LESSON, **fields}


def competency(**fields: Any) -> dict[str, Any]:
    """A framework of one group with one competency."""
    return {"groups": [{"id": "teknis", "competencies": [{"id": "arsip", "name": "A", **fields}]}]}


def path(**fields: Any) -> dict[str, Any]:
    return {"paths": [{"id": "jalur", "title": "Jalur", **fields}]}


def steps(*items: Any) -> dict[str, Any]:
    return path(steps=list(items))


TERM = {"term": "OTP", "expansion": "one-time password"}


def term(**fields: Any) -> dict[str, Any]:
    return {"terms": [{k: v for k, v in {**TERM, **fields}.items() if v is not ...}]}


# -- the table ---------------------------------------------------------------------------------

BANKS = [
    ok("minimal", bank()),
    ok(
        "every bank key",
        bank(
            title="Kuis",
            description="Latihan",
            draw=1,
            shuffle=True,
            competencies={"keamanan-informasi": 2},
            **{"pass": 80},
        ),
    ),
    ok("competencies listed", bank(competencies=["keamanan-informasi"])),
    ok("competency by its code", bank(competencies={"M.04": 2})),
    ok("competencies left empty", bank(competencies=None)),
    ok("a number as the title", bank(title=2024)),
    ok("pass with a fraction", bank(**{"pass": 72.5})),
    bad("not a mapping", [TF]),
    bad("no questions", {"title": "Kuis"}),
    bad("empty questions", {"questions": []}),
    bad("questions left empty", {"questions": None}),
    bad("unknown key", bank(soal=[])),
    bad("title true", bank(title=True)),
    bad("title a list", bank(title=["a"])),
    bad("pass above 100", bank(**{"pass": 101})),
    bad("pass below 0", bank(**{"pass": -1})),
    bad("pass as text", bank(**{"pass": "70"})),
    bad("draw 0", bank(draw=0)),
    bad("draw with a fraction", bank(draw=1.5)),
    bad("draw true", bank(draw=True)),
    bad("shuffle as text", bank(shuffle="ya")),
    bad("shuffle left empty", bank(shuffle=None)),
    bad("competencies as text", bank(competencies="keamanan-informasi")),
    bad("level 6", bank(competencies={"keamanan-informasi": 6})),
    bad("level 0", bank(competencies={"keamanan-informasi": 0})),
    bad("level as text", bank(competencies={"keamanan-informasi": "2"})),
    bad("level left empty", bank(competencies={"keamanan-informasi": None})),
    bad("level true", bank(competencies={"keamanan-informasi": True})),
    bad("competency id a number", bank(competencies=[1])),
    # what every question has
    bad("question not a mapping", {"questions": ["Apa?"]}),
    bad("question without id", truefalse(id=...)),
    bad("question id with capitals", truefalse(id="Soal-1")),
    bad("question id a number", truefalse(id=12)),
    bad("question without type", truefalse(type=...)),
    bad("unknown type", single(type="singel")),
    bad("question without prompt", truefalse(prompt=...)),
    bad("prompt true", truefalse(prompt=True)),
    bad("prompt left empty", truefalse(prompt=None)),
    ok("points with a fraction", truefalse(points=2.5)),
    bad("points 0", truefalse(points=0)),
    bad("points below 0", truefalse(points=-1)),
    bad("points as text", truefalse(points="2")),
    bad("explanation a list", truefalse(explanation=["a"])),
    ok("question competencies none listed", truefalse(competencies=[])),
    bad("question competencies left empty", truefalse(competencies=None)),
    bad("question level 9", truefalse(competencies={"literasi-digital": 9})),
    # single
    ok("single minimal", single()),
    ok(
        "single every key",
        single(
            options=[{**RIGHT, "feedback": "Ya"}, {**WRONG, "correct": False}],
            shuffle=False,
            **COMMON,
        ),
    ),
    ok("single options as plain texts and numbers", single(options=[RIGHT, "B", 3])),
    bad("single one option", single(options=[RIGHT])),
    bad("single without options", single(options=...)),
    bad("single options as text", single(options="A, B")),
    bad("single option without text", single(options=[{"correct": True}, WRONG])),
    bad("single option unknown key", single(options=[{**RIGHT, "benar": True}, WRONG])),
    bad("single correct as text", single(options=[{**RIGHT, "correct": "ya"}, WRONG])),
    bad("single no right option", single(options=[WRONG, {"text": "C"}])),
    bad("single option left empty", single(options=[RIGHT, None])),
    bad("single option text true", single(options=[RIGHT, {"text": True}])),
    bad("single shuffle as text", single(shuffle="tidak")),
    bad("single with a true/false key", single(answer=True)),
    bad("single with partial", single(partial=True)),
    bad("single unknown key", single(pilihan=[])),
    # multiple
    ok("multiple minimal", multiple()),
    ok(
        "multiple every key",
        multiple(
            options=[RIGHT, {**RIGHT, "text": "C", "feedback": "Ya"}],
            shuffle=True,
            partial=True,
            **COMMON,
        ),
    ),
    bad("multiple partial as text", multiple(partial="ya")),
    bad("multiple no right option", multiple(options=[WRONG, {"text": "C"}])),
    bad("multiple with tolerance", multiple(tolerance=1)),
    # truefalse
    ok("truefalse true", truefalse()),
    ok("truefalse false and every key", truefalse(answer=False, **COMMON)),
    ok(
        "truefalse yes without quotes is true (YAML 1.1)",
        "questions:\n  - {id: a, type: truefalse, prompt: P, answer: yes}\n",
    ),
    bad("truefalse answer as text", truefalse(answer="benar")),
    bad("truefalse without answer", truefalse(answer=...)),
    bad("truefalse answer left empty", truefalse(answer=None)),
    bad("truefalse with options", truefalse(options=[RIGHT, WRONG])),
    # text
    ok("text answers", text(answers=["Jakarta", "DKI Jakarta"])),
    ok("text one answer", text(answers="Jakarta")),
    ok("text a number as the answer", text(answers=17)),
    ok("text pattern and example", text(answers=..., pattern="^jak", example="Jakarta")),
    ok("text answers, pattern and every key", text(pattern="^jak", **COMMON)),
    ok("text pattern, answers left empty", text(answers=None, pattern="^j", example="Jakarta")),
    bad("text neither answers nor pattern", text(answers=...)),
    bad("text pattern without example", text(answers=..., pattern="^jak")),
    bad("text no answers", text(answers=[])),
    bad("text empty answer", text(answers=[" "])),
    bad("text answer true", text(answers=[True])),
    bad("text invalid pattern", text(pattern="([a-z")),
    bad("text answers left empty", text(answers=None)),
    bad("text example a list", text(example=["a"])),
    bad("text with items", text(items=["a", "b"])),
    # number
    ok("number minimal", number()),
    ok("number tolerance and every key", number(answer=2.5, tolerance=0.1, **COMMON)),
    ok("number tolerance 0", number(tolerance=0)),
    bad("number answer as text", number(answer="17")),
    bad("number without answer", number(answer=...)),
    bad("number answer true", number(answer=True)),
    bad("number tolerance below 0", number(tolerance=-1)),
    bad("number tolerance left empty", number(tolerance=None)),
    bad("number with answers", number(answers=["17"])),
    # fill
    ok("fill minimal", fill()),
    ok("fill every key", fill(prompt="[[a]] dan [[b]]", **COMMON)),
    bad("fill without blanks", fill(prompt="Ibu kota Indonesia?")),
    bad("fill a number as the prompt", fill(prompt=42)),
    bad("fill with options", fill(options=[RIGHT, WRONG])),
    # order
    ok("order minimal", order()),
    ok("order numbers and every key", order(items=[1, 2, 3], **COMMON)),
    bad("order one item", order(items=["a"])),
    bad("order without items", order(items=...)),
    bad("order item left empty", order(items=["a", None])),
    bad("order item true", order(items=["a", True])),
    bad("order item a list", order(items=["a", ["b"]])),
    bad("order the same item twice", order(items=["a", "a"])),
    bad("order with pairs", order(pairs=PAIRS)),
    # match
    ok("match minimal", match()),
    ok(
        "match numbers and every key",
        match(pairs=[{"left": 1, "right": 2}, {"left": 3, "right": 4}], **COMMON),
    ),
    ok("match pair with another key", match(pairs=[{**PAIRS[0], "catatan": "x"}, PAIRS[1]])),
    bad("match one pair", match(pairs=PAIRS[:1])),
    bad("match without pairs", match(pairs=...)),
    bad("match pair without right", match(pairs=[PAIRS[0], {"left": "x"}])),
    bad("match pair as text", match(pairs=[PAIRS[0], "x = y"])),
    bad("match with categories", match(categories=GROUPS)),
    # category
    ok("category minimal", category()),
    ok(
        "category every key, an empty category",
        category(
            categories=[
                {"name": "A", "items": [{"text": "x", "feedback": "karena"}, 2]},
                {"name": "B"},
                {"name": "C", "items": None},
            ],
            **COMMON,
        ),
    ),
    bad("category one category", category(categories=groups())),
    bad("category not a mapping", category(categories=groups("B"))),
    bad("category without name", category(categories=groups({"items": ["x"]}))),
    bad("category unknown key", category(categories=groups({**GROUPS[1], "warna": "x"}))),
    bad(
        "category item unknown key",
        category(categories=groups({"name": "B", "items": [{"text": "x", "catatan": "y"}]})),
    ),
    bad(
        "category item without text",
        category(categories=groups({"name": "B", "items": [{"feedback": "y"}]})),
    ),
    bad("category items as text", category(categories=groups({"name": "B", "items": "x, y"}))),
    bad("category item true", category(categories=groups({"name": "B", "items": [True]}))),
    bad("category with items", category(items=["a", "b"])),
]

LESSONS = [
    ok("a page that is not a lesson", {"title": "Beranda", "hide": ["toc"]}),
    ok("minimal lesson", LESSON),
    ok(
        "every lesson key",
        lesson(
            title="Phishing",
            description="Email palsu",
            duration=45,
            objectives=["Mengenali tanda phishing"],
            prerequisites=["a.md"],
            tags=["keamanan"],
            search={"exclude": False},
        ),
    ),
    ok("competencies listed", {"competencies": ["keamanan-informasi", "literasi-digital"]}),
    ok("competency by its code", {"competencies": {"M.04": 2}}),
    ok("another plugin's key", lesson(render_macros=False, kunci_lain=1)),
    ok("duration as minutes text", lesson(duration="45")),
    ok("duration 90m", lesson(duration="90m")),
    ok("duration 1h 30m", lesson(duration="1h 30m")),
    ok("duration 1 jam 30 menit", lesson(duration="1 jam 30 menit")),
    ok("duration 0h30min", lesson(duration="0h30min")),
    ok("duration 2 JP", lesson(duration="2 JP")),
    ok("duration 1,5 jp", lesson(duration="1,5 jp")),
    ok("one prerequisite as text", lesson(prerequisites="a.md")),
    ok("prerequisites left empty", lesson(prerequisites=None)),
    ok("no objectives", lesson(objectives=[])),
    bad("competencies empty", {"competencies": {}}),
    bad("competencies none listed", {"competencies": []}),
    bad("competencies left empty", {"competencies": None}),
    bad("competencies as text", {"competencies": "keamanan-informasi"}),
    bad("level 6", {"competencies": {"keamanan-informasi": 6}}),
    bad("level as text", {"competencies": {"keamanan-informasi": "2"}}),
    bad("duration 0", lesson(duration=0)),
    bad("duration 0m", lesson(duration="0m")),
    bad("duration 0 JP", lesson(duration="0 JP")),
    bad("duration in words", lesson(duration="sebentar")),
    bad("duration with a fraction", lesson(duration=1.5)),
    bad("duration 1.5h", lesson(duration="1.5h")),
    bad("duration 1h30 (no unit for the minutes)", lesson(duration="1h30")),
    bad("duration true", lesson(duration=True)),
    bad("duration left empty", lesson(duration=None)),
    bad("objectives as one sentence", lesson(objectives="Memahami")),
    bad("objective empty", lesson(objectives=[""])),
    bad("objective a number", lesson(objectives=[1])),
    bad("objectives left empty", lesson(objectives=None)),
    bad("prerequisite empty", lesson(prerequisites=[""])),
    bad("prerequisite a number", lesson(prerequisites=[1])),
    bad("prerequisites a mapping", lesson(prerequisites={"a": "b"})),
    bad("prerequisite empty text", lesson(prerequisites="")),
    bad("kompetensi for competencies", {"kompetensi": {"keamanan-informasi": 1}}),
    bad("Durasi for duration", lesson(Durasi=45)),
]

FRAMEWORKS = [
    ok("extends only", {"extends": "asn"}),
    ok(
        "every key",
        {
            "name": "Kerangka",
            "levels": {1: "Dasar", 2: "b", 3: "c", 4: "d", 5: "Ahli"},
            "groups": [
                {
                    "id": "teknis",
                    "name": "Teknis",
                    "description": "Uraian",
                    "competencies": [
                        {
                            "id": "arsip",
                            "name": "Arsip",
                            "code": "T.01",
                            "description": "U",
                            "levels": {1: "a"},
                        },
                    ],
                }
            ],
        },
    ),
    ok("a group with no competencies yet", {"groups": [{"id": "teknis", "competencies": None}]}),
    ok("extends with groups left empty", {"extends": "asn", "groups": None}),
    ok("a number as a name", {"extends": "asn", "name": 2024}),
    bad("empty file", ""),
    bad("not a mapping", [{"id": "teknis"}]),
    bad("no groups", {"name": "Kerangka"}),
    bad("groups left empty without extends", {"groups": None}),
    bad("unknown key", {"extends": "asn", "kelompok": []}),
    bad("unknown framework", {"extends": "pns"}),
    bad("groups as text", {"groups": "teknis"}),
    bad("group not a mapping", {"groups": ["teknis"]}),
    bad("group without id", {"groups": [{"name": "Teknis"}]}),
    bad("group id with capitals", {"groups": [{"id": "Teknis"}]}),
    bad("group unknown key", {"groups": [{"id": "teknis", "nama": "x"}]}),
    bad("group competencies as text", {"groups": [{"id": "teknis", "competencies": "arsip"}]}),
    bad("competency without name", competency(name=None)),
    bad("competency name empty", competency(name="")),
    bad("competency id with a space", competency(id="arsip digital")),
    bad("competency unknown key", competency(kode="x")),
    bad("competency levels a list", competency(levels=["x"])),
    bad("level 6", {"extends": "asn", "levels": {6: "x"}}),
    bad("level without description", {"extends": "asn", "levels": {1: ""}}),
    bad("level description a number", {"extends": "asn", "levels": {1: 5}}),
    bad("levels as text", {"extends": "asn", "levels": "1-5"}),
]

PATHS = [
    ok("explicit steps", steps("a.md", "b.md", {"quiz": "akhir"})),
    ok("generated from a target", path(target={"keamanan-informasi": 2})),
    ok(
        "every key",
        path(
            description="Uraian",
            audience="Semua ASN",
            steps=["a.md"],
            target={"keamanan-informasi": 1},
        ),
    ),
    ok("steps with the target left empty", path(steps=["a.md"], target=None)),
    ok("no paths yet", {"paths": []}),
    bad("not a mapping", [{"id": "jalur"}]),
    bad("no paths key", {"jalur": []}),
    bad("paths as text", {"paths": "jalur"}),
    bad("unknown top key", {"paths": [], "judul": "x"}),
    bad("path not a mapping", {"paths": ["jalur"]}),
    bad("path without id", {"paths": [{"title": "J", "steps": ["a.md"]}]}),
    bad("path id with capitals", path(id="Jalur", steps=["a.md"])),
    bad("path without title", {"paths": [{"id": "jalur", "steps": ["a.md"]}]}),
    bad("path title empty", path(title="", steps=["a.md"])),
    bad("path unknown key", path(steps=["a.md"], langkah=[])),
    bad("neither steps nor target", path()),
    bad("empty target and no steps", path(target={})),
    bad("no steps", steps()),
    bad("steps as text", path(steps="a.md")),
    bad("step a number", steps("a.md", 1)),
    bad("quiz step with another key", steps({"quiz": "akhir", "judul": "x"})),
    bad("kuis for quiz", steps({"kuis": "akhir"})),
    bad("a step twice", steps("a.md", "a.md")),
    bad("target as text", path(target="keamanan-informasi")),
    bad("target level 9", path(target={"keamanan-informasi": 9})),
]

GLOSSARIES = [
    ok("empty file", ""),
    ok("extends only", {"extends": "asn"}),
    ok("every key", {"extends": "asn", **term(synonyms=["kode sekali pakai"], description="K")}),
    ok("one synonym as text", term(synonyms="kode OTP")),
    ok("terms left empty", {"terms": None}),
    ok("a number as a term", term(term=2024)),
    bad("not a mapping", [TERM]),
    bad("unknown key", {"istilah": []}),
    bad("unknown glossary", {"extends": "pns"}),
    bad("terms as text", {"terms": "OTP"}),
    bad("term not a mapping", {"terms": ["OTP"]}),
    bad("entry without term", term(term=...)),
    bad("term empty", term(term=" ")),
    bad("term true", term(term=True)),
    bad("term without expansion", term(expansion=...)),
    bad("expansion empty", term(expansion=" ")),
    bad("term unknown key", term(arti="x")),
    bad("synonym empty", term(synonyms=[""])),
    bad("synonym true", term(synonyms=[True])),
    bad("synonyms a mapping", term(synonyms={"a": "b"})),
]

AGREE = [
    (kind, *row)
    for kind, rows in {
        "bank": BANKS,
        "lesson": LESSONS,
        "competencies": FRAMEWORKS,
        "paths": PATHS,
        "glossary": GLOSSARIES,
    }.items()
    for row in rows
]

OTHER_FILE = "the reader checks it against other files, which a schema does not see"
UNIQUE = "one field unique across a list: uniqueItems compares whole items"
ONE_BLANK = "the schema sees that there is a blank; the reader reads each one"
ONE_NUMBER = "JSON has one kind of number: a whole number with '.0' is an integer"
AS_TEXT = "the reader takes any value there as text"

# why → (schema, case, document): the reader finds a problem, the schema none
READER_KNOWS_MORE: dict[str, list[tuple[str, str, Any]]] = {
    OTHER_FILE: [
        ("bank", "unknown competency", bank(competencies={"keamanan-informasii": 1})),
        ("lesson", "unknown competency", {"competencies": {"keamanan-informasii": 1}}),
        ("paths", "unknown competency in a target", path(target={"integritass": 2})),
        ("paths", "unknown lesson", steps("z.md")),
        ("paths", "unknown bank", steps({"quiz": "akhirr"})),
        ("paths", "a target no lesson reaches", path(target={"keamanan-informasi": 5})),
        ("paths", "a lesson before its prerequisite", steps("b.md", "a.md")),
        (
            "competencies",
            "an id of the built-in framework",
            {"extends": "asn", **competency(id="integritas")},
        ),
    ],
    "steps are compared once resolved against the docs folder": [
        ("paths", "one lesson written two ways", steps("a.md", "content/a.md")),
    ],
    UNIQUE: [
        ("bank", "duplicate question ids", bank(questions=[TF, TF])),
        ("paths", "duplicate path ids", {"paths": path(steps=["a.md"])["paths"] * 2}),
        (
            "competencies",
            "duplicate competency ids",
            {"groups": [{"id": "t", "competencies": [{"id": "a", "name": "A"}] * 2}]},
        ),
        ("glossary", "a term twice", {"terms": [TERM, {**TERM, "expansion": "lain"}]}),
        (
            "bank",
            "match the same left side twice",
            match(pairs=[PAIRS[0], {**PAIRS[1], "left": "SKP"}]),
        ),
    ],
    "draft-07 cannot compare a number with the length of a list": [
        ("bank", "draw more than the questions", bank(draw=2)),
    ],
    "'exactly one' needs maxContains (draft 2019-09); the schema asks for at least one": [
        ("bank", "single two right options", single(options=[RIGHT, {**WRONG, "correct": True}])),
    ],
    "counting items across categories is beyond a schema": [
        ("bank", "category one item in all", category(categories=groups({"name": "B"}))),
    ],
    "what a short field shows is decided by rendering its Markdown": [
        ("bank", "option with an image", single(options=[{"text": "![a](a.png)"}, RIGHT])),
        ("bank", "order items the same once shown", order(items=["*a*", "a"])),
    ],
    "JSON tells a number from text; learners see the same item": [
        ("bank", "order 1 and '1'", order(items=[1, "1"])),
    ],
    ONE_BLANK: [
        ("bank", "fill blank not closed", fill(prompt="[[Senin]] dan [[Selasa")),
        ("bank", "fill empty answer", fill(prompt="[[a|]]")),
    ],
    "a schema cannot run one field's regular expression on another": [
        (
            "bank",
            "text example the pattern rejects",
            text(answers=..., pattern="^j", example="Bali"),
        ),
    ],
    "the reader's did-you-mean for near-misses of its keys; other keys are other plugins'": [
        ("lesson", "a misspelt lesson key", lesson(objective=["a"])),
    ],
    "minutes per JP is a site setting": [
        ("lesson", "a duration that rounds to no minutes", lesson(duration="0.01 JP")),
    ],
    "JSON keeps one value per key; the editor's YAML parser reports it itself": [
        (
            "bank",
            "a key written twice",
            "questions: []\nquestions: [{id: a, type: truefalse, prompt: P, answer: true}]\n",
        ),
    ],
    ONE_NUMBER: [
        ("bank", "level 2.0", bank(competencies={"keamanan-informasi": 2.0})),
        ("lesson", "duration 45.0", lesson(duration=45.0)),
    ],
    "JSON keys are all text: 1 and '1' are one key": [
        ("competencies", "a level written as text", '{extends: asn, levels: {"1": a}}'),
    ],
}

# why → (schema, case, document): the schema finds a problem, the reader none
SCHEMA_ASKS_MORE: dict[str, list[tuple[str, str, Any]]] = {
    "the reader says nothing of an empty prompt; the schema asks for a blank": [
        ("bank", "fill with an empty prompt", fill(prompt="")),
    ],
    AS_TEXT: [
        (
            "bank",
            "match side left empty ('None')",
            match(pairs=[{"left": None, "right": "b"}, PAIRS[1]]),
        ),
        ("bank", "match side true ('True')", match(pairs=[{"left": True, "right": "b"}, PAIRS[1]])),
        ("bank", "text pattern a list", text(pattern=["a"])),
        ("paths", "a list as the title", path(title=["a"], steps=["a.md"])),
        ("competencies", "a list as a code", competency(code=["x"])),
    ],
    "the reader skips an empty item": [
        (
            "bank",
            "category item left empty",
            category(categories=groups({"name": "B", "items": ["x", None]})),
        ),
    ],
    "without competencies the reader reads no lesson key": [
        ("lesson", "lesson keys on a page that is not a lesson", {"duration": "sebentar"}),
    ],
    "the reader leaves the title to MkDocs, which shows it as text": [
        ("lesson", "a number as the title", {"title": 2024}),
    ],
    "MkDocs and the reader ignore front matter that is not a mapping": [
        ("lesson", "front matter that is a list", "- a\n- b\n"),
    ],
}

DIFFERENCES = [
    (kind, case, data, reader_right, why)
    for reader_right, table in ((False, READER_KNOWS_MORE), (True, SCHEMA_ASKS_MORE))
    for why, rows in table.items()
    for kind, case, data in rows
]


def _ids(table: list[tuple]) -> list[str]:
    return [f"{row[0]}: {row[1]}" for row in table]


@pytest.mark.parametrize(("kind", "case", "data", "right"), AGREE, ids=_ids(AGREE))
def test_reader_and_schema_agree(kind, case, data, right):
    problems = reader_problems(kind, data)
    assert (problems == []) is right, problems
    assert schema_valid(kind, data) is right, schema_errors(kind, yaml.safe_load(_text(data)))


@pytest.mark.parametrize(
    ("kind", "case", "data", "reader", "why"), DIFFERENCES, ids=_ids(DIFFERENCES)
)
def test_known_differences_stay_as_documented(kind, case, data, reader, why):
    """A case that comes to agree moves to the table above; a new difference is a bug in the
    reader or the schema, or is written here with its reason."""
    problems = reader_problems(kind, data)
    assert (problems == []) is reader, problems
    assert schema_valid(kind, data) is not reader


def test_every_question_type_has_right_and_wrong_cases():
    for name in types.NAMES:
        found = {right for case, _, right in BANKS if case.startswith(f"{name} ")}
        assert found == {True, False}, name
