"""Every key a reader accepts is a property of its schema, and every property is a key the
reader accepts (taken from the readers' own constants, per question type), so a key added to
one and not the other fails here."""

from __future__ import annotations

import re

import pytest

from asah.course import framework, lessons
from asah.course import paths as learning_paths
from asah.course.framework import ID_PATTERN
from asah.quiz import parse, types
from asah.quiz.types import _choices, category
from asah.search import glossary

from .support import schema


def _properties(node: dict) -> set[str]:
    return set(node["properties"])


def _definition(name: str, definition: str) -> dict:
    return schema(name)["definitions"][definition]


def test_bank_keys():
    assert _properties(schema("bank")) == set(parse.BANK_KEYS)
    assert schema("bank")["additionalProperties"] is False


def test_question_keys_common_to_every_type():
    question = _definition("bank", "question")
    assert _properties(question) == set(parse.COMMON_KEYS)
    assert question["properties"]["type"]["enum"] == list(types.NAMES)
    assert len(question["properties"]["type"]["enumDescriptions"]) == len(types.NAMES)


@pytest.mark.parametrize("name", types.NAMES)
def test_question_keys_of_each_type(name):
    """One `if type == name then typeName` branch per type, which allows exactly the reader's
    keys for that type (and so rejects the keys of the other types)."""
    branches = _definition("bank", "question")["allOf"]
    wanted = f"#/definitions/type{name.capitalize()}"
    found = [b for b in branches if b["if"]["properties"]["type"] == {"const": name}]
    assert len(found) == 1 and found[0]["then"] == {"$ref": wanted}
    branch = _definition("bank", f"type{name.capitalize()}")
    assert _properties(branch) == set(parse.COMMON_KEYS) | set(types.get(name).keys)
    assert branch["additionalProperties"] is False


def test_no_branch_for_a_type_the_reader_does_not_know():
    branches = [b for b in _definition("bank", "question")["allOf"] if "if" in b]
    assert len(branches) == len(types.NAMES)
    definitions = {d for d in schema("bank")["definitions"] if d.startswith("type")}
    assert definitions == {f"type{n.capitalize()}" for n in types.NAMES}


def test_option_and_category_keys():
    option = _definition("bank", "option")
    assert _properties(option) == set(_choices.OPTION_KEYS)
    assert option["additionalProperties"] is False
    group = _definition("bank", "typeCategory")["properties"]["categories"]["items"]
    assert _properties(group) == set(category.CATEGORY_KEYS)
    assert group["additionalProperties"] is False
    item = group["properties"]["items"]["items"]
    assert _properties(item) == set(category.ITEM_KEYS)
    assert item["additionalProperties"] is False


def test_match_pairs_take_left_and_right():
    """The match reader names no constant for them; it requires both and ignores other keys."""
    pair = _definition("bank", "typeMatch")["properties"]["pairs"]["items"]
    assert _properties(pair) == set(pair["required"]) == {"left", "right"}
    assert "additionalProperties" not in pair


def test_lesson_keys():
    """Front matter holds keys of MkDocs, the theme and other plugins too: the schema lists
    Asah's and the ones the reader knows, and lets others through, as the reader does."""
    lesson = schema("lesson")
    assert _properties(lesson) == set(lessons.LESSON_KEYS) | set(lessons.OTHER_KEYS)
    assert "additionalProperties" not in lesson


def test_lesson_rejects_the_indonesian_names_the_reader_rejects():
    """The reader takes `kompetensi`, `durasi`... (any case) as a mistake for its own keys."""
    (pattern,) = [p for p, s in schema("lesson")["patternProperties"].items() if s is False]
    aliases = lessons._ALIASES
    for alias in aliases:
        for written in (alias, alias.upper(), alias.title()):
            assert re.search(pattern, written), written
    for word in ("kompetensi-utama", "kompetens", *lessons.LESSON_KEYS, *lessons.OTHER_KEYS):
        assert not re.search(pattern, word), word


def test_framework_keys():
    competencies = schema("competencies")
    assert _properties(competencies) == set(framework.TOP_KEYS)
    assert _properties(_definition("competencies", "group")) == set(framework.GROUP_KEYS)
    competency = _definition("competencies", "competency")
    assert _properties(competency) == set(framework.COMPETENCY_KEYS)
    extends = competencies["properties"]["extends"]["enum"]
    assert [e for e in extends if e is not None] == list(framework.BUILT_IN)
    for node in (competencies, _definition("competencies", "group"), competency):
        assert node["additionalProperties"] is False


def test_path_keys():
    assert _properties(schema("paths")) == {"paths"}
    path = _definition("paths", "path")
    assert _properties(path) == set(learning_paths.PATH_KEYS)
    assert schema("paths")["additionalProperties"] is False
    assert path["additionalProperties"] is False


def test_glossary_keys():
    assert _properties(schema("glossary")) == set(glossary.KEYS)
    term = _definition("glossary", "term")
    assert _properties(term) == set(glossary.TERM_KEYS)
    extends = schema("glossary")["properties"]["extends"]["enum"]
    assert [e for e in extends if e is not None] == list(glossary.BUILT_IN)


def test_levels_are_the_readers_levels():
    levels = [
        _definition("bank", "level"),
        _definition("lesson", "level"),
        _definition("paths", "level"),
    ]
    for level in levels:
        assert level["enum"] == list(framework.LEVELS)
    described = _properties(_definition("competencies", "levels"))
    assert described == {str(n) for n in framework.LEVELS}


def test_ids_follow_the_readers_pattern():
    for name in ("bank", "competencies", "paths"):
        assert _definition(name, "id")["pattern"] == ID_PATTERN.pattern


def test_definitions_shared_by_several_schemas_are_the_same():
    """Each schema stands alone (an editor loads one file); what they share is written alike."""
    assert _definition("lesson", "competencies") == _definition("bank", "competencies")
    for name in ("lesson", "paths"):
        assert _definition(name, "level") == _definition("bank", "level")
    for name in ("competencies", "paths", "glossary"):
        assert _definition(name, "text") == _definition("bank", "text")
    assert _definition("glossary", "filledText") == _definition("bank", "filledText")
