"""The author guide (docs/guide/<language>/) as the tests read it: its pages, the fenced blocks
each page marks, and the course its examples make.

Markers, each on the line right before a fenced block:

- `<!-- asah-example: PATH -->`: the block is the whole file PATH (relative to the folder of
  `mkdocs.yml`) of the guide's course. The examples of all the pages of one language make one
  course, so each file is shown once.
- `<!-- asah-part: PATH -->`: the block is a part of the example PATH, word for word.
- `<!-- asah-front-matter -->`: the block is a lesson's front matter; the tests give it a page of
  its own in the course.
- `<!-- asah-broken: PATH -->`: a file with mistakes, put in the course (in place of PATH when the
  course has it); the next `text` block shows what `asah check` prints then, line for line (a first
  line `$ asah check` is the command).

Every `yaml` and `markdown` block of the guide carries one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from asah.quiz.blocks import scan

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
ROLES = (
    "start",
    "lessons",
    "competencies",
    "banks",
    "types",
    "inline",
    "paths",
    "glossary",
    "errors",
    "preview",
    "publishing",
)
_FILES = {
    "id": (
        "README.md",
        "pelajaran.md",
        "kompetensi.md",
        "bank-soal.md",
        "jenis-soal.md",
        "kuis-di-pelajaran.md",
        "jalur-belajar.md",
        "istilah.md",
        "pesan-kesalahan.md",
        "pratinjau.md",
        "menerbitkan.md",
    ),
    "en": (
        "README.md",
        "lessons.md",
        "competencies.md",
        "question-banks.md",
        "question-types.md",
        "quiz-in-a-lesson.md",
        "learning-paths.md",
        "glossary.md",
        "error-messages.md",
        "preview.md",
        "publishing.md",
    ),
}
LANGUAGES = tuple(_FILES)
# what the guide's examples are written into the course as, besides the examples themselves
EXTRA = "content/panduan-uji"

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_MARKER = re.compile(
    r"^<!-- asah-(?P<kind>example|part|broken|front-matter)(?:: (?P<target>\S+))? -->$"
)
CHECKED = ("yaml", "markdown")  # the languages of blocks that must be marked


def page(language: str, role: str) -> Path:
    return GUIDE / language / _FILES[language][ROLES.index(role)]


def pages(language: str) -> list[Path]:
    return [GUIDE / language / name for name in _FILES[language]]


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    info: str  # the fence's language
    text: str  # ends with a newline, as a file does
    kind: str | None  # example, part, broken, front-matter; None when not marked
    target: str  # PATH of example, part and broken

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of a page (at the left margin), in order."""
    lines = path.read_text("utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        end = next((j for j in range(i + 1, len(lines)) if closing.match(lines[j])), len(lines))
        marker = _MARKER.match(lines[i - 1]) if i else None
        found.append(
            Block(
                page=path,
                line=i + 1,
                info=opening["info"].strip(),
                text="".join(f"{line}\n" for line in lines[i + 1 : end]),
                kind=marker["kind"] if marker else None,
                target=(marker["target"] or "") if marker else "",
            )
        )
        i = end + 1
    return found


def all_blocks(language: str) -> list[Block]:
    return [block for path in pages(language) if path.exists() for block in blocks(path)]


def examples(language: str) -> list[Block]:
    return [b for b in all_blocks(language) if b.kind == "example"]


def course_files(language: str) -> dict[str, str]:
    """The guide's course: its examples, and a page for each front matter shown alone and for
    the banks no example lesson embeds (so that every question is built)."""
    files = {b.target: b.text for b in examples(language)}
    fronts = [b for b in all_blocks(language) if b.kind == "front-matter"]
    for number, block in enumerate(fronts, 1):
        files[f"{EXTRA}/front-matter-{number}.md"] = f"---\n{block.text}---\n\nIsi.\n"
    embedded = {
        quiz for path, text in files.items() if path.endswith(".md") for quiz in _embeds(text)
    }
    missing = [bank for bank in bank_files(files) if bank not in embedded]
    if missing:
        files[f"{EXTRA}/bank-soal.md"] = "# Bank soal\n\n" + "".join(
            f"## {bank}\n\n/// quiz | {bank}\n///\n\n" for bank in missing
        )
    return files


def bank_files(files: dict[str, str]) -> dict[str, str]:
    """Bank id -> its text, for the course's files under quizzes/."""
    found = {}
    for path, text in files.items():
        if path.startswith("quizzes/") and path.endswith((".yml", ".yaml")):
            found[path.removeprefix("quizzes/").rsplit(".", 1)[0]] = text
    return found


def _embeds(markdown: str) -> list[str]:
    return [b.arg for b in scan(markdown.splitlines()) if b.is_quiz and b.arg]


@dataclass(frozen=True)
class Question:
    quiz: str  # the quiz id: a bank id, or `<page>#<n>` for a quiz written in a page
    id: str
    type: str


def questions(files: dict[str, str], docs_dir: str = "content") -> Iterator[Question]:
    """Every question the course's banks and the quizzes written in its pages hold."""
    for bank, text in bank_files(files).items():
        yield from _questions(bank, yaml.safe_load(text))
    for path, text in files.items():
        if not (path.startswith(f"{docs_dir}/") and path.endswith(".md")):
            continue
        written = [b for b in scan(_body(text).splitlines()) if b.is_quiz and not b.arg]
        for number, block in enumerate(written, 1):
            page_id = path.removeprefix(f"{docs_dir}/")
            yield from _questions(f"{page_id}#{number}", yaml.safe_load(block.body))


def _body(text: str) -> str:
    if text.startswith("---\n"):
        return text.split("\n---\n", 1)[1]
    return text


def _questions(quiz: str, data: Any) -> Iterator[Question]:
    for question in data.get("questions", []):
        yield Question(quiz, question["id"], question["type"])


def sections(path: Path, level: int = 2) -> dict[str, str]:
    """A page's sections at a heading level: heading text -> the text under it."""
    marker = "#" * level + " "
    found: dict[str, str] = {}
    current: str | None = None
    fence: str | None = None
    for line in path.read_text("utf-8").splitlines():
        opening = _FENCE.match(line)
        if opening:
            fence = None if fence and line.startswith(fence) else (fence or opening["fence"])
        if fence is None and line.startswith(marker):
            current = line[len(marker) :].strip()
            found[current] = ""
        elif current is not None:
            found[current] += line + "\n"
    return found
