"""Quiz banks and questions (PRODUCT §3.2), free of MkDocs and Markdown."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

TYPES = ("single", "multiple", "truefalse", "text", "number", "fill", "order", "match")
BLANK = re.compile(r"\[\[(.+?)\]\]")


@dataclass
class Option:
    text: str  # Markdown
    correct: bool = False
    feedback: str = ""  # Markdown


@dataclass
class Question:
    id: str
    type: str
    prompt: str  # Markdown; for `fill` it holds the [[blanks]]
    points: float = 1
    explanation: str = ""
    hint: str = ""
    competencies: dict[str, int | None] = field(default_factory=dict)
    options: list[Option] = field(default_factory=list)
    shuffle: bool = True  # options of single/multiple
    partial: bool = False  # multiple: partial credit
    answer: bool | float | None = None  # truefalse, number
    tolerance: float = 0
    answers: list[str] = field(default_factory=list)  # text
    pattern: str | None = None  # text
    items: list[str] = field(default_factory=list)  # order, in the correct order
    pairs: list[tuple[str, str]] = field(default_factory=list)  # match
    line: int | None = None

    def blanks(self) -> list[list[str]]:
        """Accepted answers of each [[blank]] of a `fill` prompt."""
        return [[alt.strip() for alt in m.split("|")] for m in BLANK.findall(self.prompt)]

    def fingerprint(self) -> str:
        """Changes when what is asked or what counts as right changes (not feedback or hints)."""
        content = {
            "type": self.type,
            "prompt": self.prompt,
            "options": [(o.text, o.correct) for o in self.options],
            "answer": self.answer,
            "tolerance": self.tolerance,
            "answers": self.answers,
            "pattern": self.pattern,
            "items": self.items,
            "pairs": self.pairs,
            "partial": self.partial,
        }
        encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()[:10]


@dataclass
class Bank:
    id: str
    title: str = ""
    description: str = ""
    competencies: dict[str, int | None] = field(default_factory=dict)
    pass_percent: float = 70
    draw: int | None = None
    shuffle: bool = False
    questions: list[Question] = field(default_factory=list)
    source: str = ""  # file the bank was read from, for messages
    inline: bool = False

    def with_options(self, options: dict[str, object]) -> Bank:
        """A copy with the embedding block's options (draw, shuffle, pass) applied."""
        copy = Bank(**{**self.__dict__})
        if "draw" in options:
            copy.draw = options["draw"]  # type: ignore[assignment]
        if "shuffle" in options:
            copy.shuffle = bool(options["shuffle"])
        if "pass" in options:
            copy.pass_percent = options["pass"]  # type: ignore[assignment]
        if "title" in options:
            copy.title = str(options["title"])
        return copy
