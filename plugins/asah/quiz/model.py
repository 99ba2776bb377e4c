"""Quiz banks and questions, free of MkDocs and Markdown. What is particular to a question type
(its fields, checks, view and scoring) lives in `quiz/types/<type>.py`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass
class Question:
    id: str
    type: str
    prompt: str  # Markdown
    points: float = 1
    explanation: str = ""
    hint: str = ""
    competencies: dict[str, int | None] = field(default_factory=dict)
    spec: Any = None  # the type's own fields: the `Spec` of quiz/types/<type>.py
    line: int | None = None
    # worked out once: the quiz's data and course.json both carry it
    _fingerprint: str | None = field(default=None, init=False, repr=False, compare=False)

    def fingerprint(self) -> str:
        """Changes when what is asked or what counts as right changes (not feedback or hints).
        Learners' stored results are keyed by it: a question that keeps it keeps its results."""
        if self._fingerprint is None:
            from .types import fingerprint_content

            content = fingerprint_content(self)
            encoded = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
            self._fingerprint = hashlib.sha256(encoded).hexdigest()[:10]
        return self._fingerprint


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

    def with_options(self, options: dict[str, Any]) -> Bank:
        """A copy with the embedding block's options (draw, shuffle, pass, title) applied."""
        changes: dict[str, Any] = {}
        if "draw" in options:
            changes["draw"] = options["draw"]
        if "shuffle" in options:
            changes["shuffle"] = bool(options["shuffle"])
        if "pass" in options:
            changes["pass_percent"] = options["pass"]
        if "title" in options:
            changes["title"] = str(options["title"])
        return replace(self, **changes) if changes else self

    def competency_levels(self) -> dict[str, int | None]:
        """The competencies its questions test, each at the highest level given."""
        result: dict[str, int | None] = dict(self.competencies)
        for question in self.questions:
            for cid, level in question.competencies.items():
                if level is None:
                    result.setdefault(cid, None)
                else:
                    result[cid] = max(result.get(cid) or 0, level)
        return result
