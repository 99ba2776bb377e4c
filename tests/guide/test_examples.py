"""The author guide's examples cannot go stale: per language, the examples of all its pages make
one course, which `asah check` reads without a problem and `mkdocs build --strict` builds, with
every quiz and every question of every type on the site. A part shown alone is word for word in
its example, and a broken example gives exactly the messages the guide shows."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from asah.cli.check import check
from asah.quiz import types
from tests.guide import guide

LANGUAGES = guide.LANGUAGES


def _write(root: Path, files: dict[str, str]) -> None:
    """The files as they are written (conftest's write_tree dedents them)."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def _check(root: Path) -> tuple[int, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    status = check(str(root / "mkdocs.yml"), out, err)
    return status, out.getvalue().splitlines() + err.getvalue().splitlines()


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build(config: Path) -> list[str]:
    """Build `config` --strict; the warnings and errors it logged (none when all is well)."""
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        loaded = load_config(str(config), strict=True)
        loaded.plugins.on_startup(command="build", dirty=False)
        build(loaded)
    except (PluginError, Abort) as error:
        handler.messages.append(str(error))
    finally:
        logger.removeHandler(handler)
    return handler.messages


def _shown_in(language: str, problems: list[str]) -> str:
    """Where the guide shows each file a problem names, to fix the example there."""
    files = {b.target: b.where() for b in guide.examples(language)}
    lines = []
    for problem in problems:
        path = problem.removeprefix("asah: ").split(":", 1)[0]
        lines.append(f"{problem}\n    (shown at {files.get(path, 'no example of the guide')})")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_yaml_and_markdown_block_is_marked(language):
    unmarked = [
        b.where() for b in guide.all_blocks(language) if b.info in guide.CHECKED and not b.kind
    ]
    assert unmarked == [], "mark each block as an example, a part, a front matter or broken"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_file_is_shown_once(language):
    shown = Counter(b.target for b in guide.examples(language))
    assert [path for path, count in shown.items() if count > 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_part_is_word_for_word_in_its_example(language):
    files = guide.course_files(language)
    parts = [b for b in guide.all_blocks(language) if b.kind == "part"]
    assert parts
    for part in parts:
        assert part.target in files, f"{part.where()}: no example {part.target}"
        assert part.text in files[part.target], f"{part.where()}: not in {part.target}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_languages_show_the_same_kinds_of_blocks_on_each_page(language):
    def kinds(lang: str, role: str) -> list[str | None]:
        return [b.kind for b in guide.blocks(guide.page(lang, role)) if b.kind]

    for role in guide.ROLES:
        assert kinds(language, role) == kinds("id", role), role


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_course_reads_without_a_problem(tmp_path, language):
    _write(tmp_path, guide.course_files(language))
    status, lines = _check(tmp_path)
    assert lines == [], _shown_in(language, lines)
    assert status == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_course_builds_strict_with_every_question(tmp_path, language):
    files = guide.course_files(language)
    _write(tmp_path, files)
    problems = _build(tmp_path / "mkdocs.yml")
    assert problems == [], _shown_in(language, problems)

    html = "".join(p.read_text("utf-8") for p in (tmp_path / "site").rglob("*.html"))
    quizzes: dict[str, str] = {}
    for found in re.finditer(
        r'<section class="asah-quiz"[^>]*data-asah-quiz="([^"]+)".*?</section>', html, re.DOTALL
    ):
        quizzes[found.group(1)] = quizzes.get(found.group(1), "") + found.group(0)
    shown = list(guide.questions(files))
    assert {q.type for q in shown} == set(types.NAMES)
    for question in shown:
        element = f'data-asah-question="{question.id}" data-asah-type="{question.type}"'
        assert element in quizzes.get(question.quiz, ""), question

    for config in sorted(tmp_path.glob("mkdocs-*.yml")):  # e.g. the offline copy's
        problems = _build(config)
        assert problems == [], (config.name, problems)


def _broken() -> list[tuple[str, guide.Block, guide.Block | None]]:
    cases = []
    for language in LANGUAGES:
        found = guide.all_blocks(language)
        for i, block in enumerate(found):
            if block.kind == "broken":
                shown = next((b for b in found[i + 1 :] if b.info == "text"), None)
                cases.append((language, block, shown))
    return cases


@pytest.mark.parametrize(
    ("language", "broken", "shown"), _broken(), ids=lambda v: getattr(v, "target", None)
)
def test_a_broken_example_gives_the_messages_shown(tmp_path, language, broken, shown):
    assert shown is not None, f"{broken.where()}: no text block with the messages after it"
    files = {**guide.course_files(language), broken.target: broken.text}
    _write(tmp_path, files)
    status, lines = _check(tmp_path)
    expected = [line for line in shown.text.splitlines() if not line.startswith("$ ")]
    assert lines == expected, f"{broken.where()} shows other messages"
    assert status == 1


def test_the_course_examples_are_valid_yaml():
    for language in LANGUAGES:
        for block in guide.examples(language):
            if block.target.endswith((".yml", ".yaml")):
                yaml.safe_load(block.text)


_MESSAGE = re.compile(r"^(?:content|quizzes|site_config)/\S+:\d+: .+$")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_message_quoted_anywhere_is_one_a_broken_example_gives(language):
    """Messages shown outside the broken examples' output (a text block, a code span with a
    did-you-mean) are lines, or parts of lines, that `asah check` printed for one of them."""
    printed = [
        line
        for lang, _, shown in _broken()
        if lang == language and shown
        for line in shown.text.splitlines()
    ]
    assert printed
    for path in guide.pages(language):
        text = path.read_text("utf-8")
        for block in guide.blocks(path):
            if block.info == "text":
                for line in block.text.splitlines():
                    if _MESSAGE.match(line):
                        assert line in printed, f"{block.where()}: {line}"
        for span in re.findall(r"`([^`\n]+)`", text):
            if "(maksud Anda '" in span or "(did you mean '" in span:
                assert any(span in line for line in printed), f"{path.name}: {span}"
