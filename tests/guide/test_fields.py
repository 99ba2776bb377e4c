"""Every field Asah's readers accept is named in the author guide, in both languages, on the page
about it; and every field a table of fields names is one the readers accept. The keys come from
the readers' own constants, so a new field fails here until the guide has it."""

from __future__ import annotations

import re

import pytest
import yaml

from asah.course.framework import COMPETENCY_KEYS, GROUP_KEYS, TOP_KEYS
from asah.course.lessons import LESSON_KEYS
from asah.course.paths import PATH_KEYS
from asah.quiz import types
from asah.quiz.parse import BANK_KEYS, BLOCK_OPTIONS, COMMON_KEYS
from asah.quiz.types._choices import OPTION_KEYS
from asah.quiz.types.category import CATEGORY_KEYS, ITEM_KEYS
from asah.search.glossary import KEYS as GLOSSARY_KEYS
from asah.search.glossary import TERM_KEYS
from tests.guide import guide

# What each page names: the keys of the readers of its files. `title` and `description` are
# front-matter keys MkDocs owns that Asah reads; `paths` and `quiz` are written in the paths
# reader itself (the file's list, a quiz step).
FIELDS = {
    "lessons": (*LESSON_KEYS, "title", "description"),
    "competencies": (*TOP_KEYS, *GROUP_KEYS, *COMPETENCY_KEYS),
    "banks": (*BANK_KEYS, *COMMON_KEYS),
    "inline": BLOCK_OPTIONS,
    "paths": ("paths", *PATH_KEYS, "quiz"),
    "glossary": (*GLOSSARY_KEYS, *TERM_KEYS),
}
# the keys inside a question type's own fields (options, pairs, categories)
NESTED = {
    "single": OPTION_KEYS,
    "multiple": OPTION_KEYS,
    "match": ("left", "right"),
    "category": (*CATEGORY_KEYS, *ITEM_KEYS),
}
TABLE_HEADERS = {"id": "kolom", "en": "field"}


def _named(text: str) -> set[str]:
    """What a text names in code spans; `steps:` and `quiz: <bank-id>` name their key."""
    names = set()
    for code in re.findall(r"`([^`\n]+)`", text):
        names.add(code)
        key = re.match(r"([\w-]+):(\s|$)", code)
        if key:
            names.add(key.group(1))
    return names


def _field_tables(text: str, header: str) -> list[list[str]]:
    """The first cells of each table whose first column is headed `header`."""
    tables, rows = [], None
    for line in text.splitlines():
        cells = (
            [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|")
            else None
        )
        if cells is None:
            rows = None
            continue
        if rows is None:
            rows = [] if cells[0] == header else None
            if rows is not None:
                tables.append(rows)
        elif not set(cells[0]) <= set("-: "):
            rows.append(cells[0])
    return tables


def _type_sections(language: str) -> dict[str, str]:
    """Each question type's section of the question types page, by type."""
    found = {}
    for heading, text in guide.sections(guide.page(language, "types")).items():
        match = re.match(r"`(\w+)`", heading)
        if match:
            found[match.group(1)] = text
    return found


@pytest.mark.parametrize("language", guide.LANGUAGES)
@pytest.mark.parametrize("role", sorted(FIELDS))
def test_each_page_names_every_field_of_its_reader(language, role):
    text = guide.page(language, role).read_text("utf-8")
    missing = [key for key in FIELDS[role] if key not in _named(text)]
    assert missing == [], f"{guide.page(language, role).name} does not name {missing}"


@pytest.mark.parametrize("language", guide.LANGUAGES)
@pytest.mark.parametrize("role", sorted(FIELDS))
def test_a_table_of_fields_names_only_fields_the_reader_accepts(language, role):
    text = guide.page(language, role).read_text("utf-8")
    tables = _field_tables(text, TABLE_HEADERS[language])
    assert tables, f"{guide.page(language, role).name} has no table of fields"
    for rows in tables:
        for cell in rows:
            assert re.fullmatch(r"`[^`]+`", cell), cell
            assert cell.strip("`") in FIELDS[role], cell


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_each_question_type_has_a_section_with_its_fields_and_an_example(language):
    sections = _type_sections(language)
    assert list(sections) == list(types.NAMES)
    for name, text in sections.items():
        fields = (*types.get(name).keys, *NESTED.get(name, ()))
        missing = [key for key in fields if key not in _named(text)]
        assert missing == [], f"the section on {name} does not name {missing}"
        for rows in _field_tables(text, TABLE_HEADERS[language]):
            assert {cell.strip("`") for cell in rows} <= set(fields), (name, rows)
        examples = re.findall(r"<!-- asah-example: \S+ -->\n```yaml\n(.*?)\n```", text, re.S)
        assert len(examples) == 1, f"the section on {name} has {len(examples)} examples"
        shown = {q["type"] for q in yaml.safe_load(examples[0])["questions"]}
        assert shown == {name}, name


@pytest.mark.parametrize("language", guide.LANGUAGES)
def test_the_common_question_fields_and_types_are_named_where_questions_are(language):
    banks = _named(guide.page(language, "banks").read_text("utf-8"))
    assert set(types.NAMES) <= banks
    kinds = _named(guide.page(language, "types").read_text("utf-8"))
    assert set(COMMON_KEYS) <= kinds
