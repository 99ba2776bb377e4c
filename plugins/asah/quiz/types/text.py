"""`text`: a short written answer, from a list of accepted answers or a regular expression."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from .base import QuestionType, RenderContext, answer_box, normalise


@dataclass
class Spec:
    answers: list[str] = field(default_factory=list)  # compared without case and accents
    pattern: str | None = None  # tested case-insensitively
    example: str | None = None  # what the solution shows when only a pattern is given

    def shown(self) -> str | None:
        """The readable answer a solution shows: never the regular expression."""
        return self.answers[0] if self.answers else self.example


def _accepted(pattern: str, text: str) -> bool:
    return bool(
        re.search(pattern, text.strip(), re.IGNORECASE)
        or re.search(pattern, normalise(text), re.IGNORECASE)
    )


class Text(QuestionType):
    name = "text"
    label = msg("label_text")
    keys = ("answers", "pattern", "example")

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        spec = Spec()
        answers, pattern = raw.get("answers"), raw.get("pattern")
        if answers is not None:
            if isinstance(answers, (str, int, float)) and not isinstance(answers, bool):
                answers = [answers]
            if (
                isinstance(answers, list)
                and answers
                and all(
                    isinstance(a, (str, int, float)) and not isinstance(a, bool) and str(a).strip()
                    for a in answers
                )
            ):
                spec.answers = [str(a).strip() for a in answers]
            else:
                reader.warn(reader.at(*key, "answers"), "text_answers_invalid", id=q.id)
        if pattern is not None:
            try:
                re.compile(str(pattern))
                spec.pattern = str(pattern)
            except re.error as error:
                reader.warn(
                    reader.at(*key, "pattern"), "text_pattern_invalid", id=q.id, error=error
                )
        spec.example = reader.text(raw, "example", key)
        if answers is None and pattern is None:
            reader.warn(reader.at(*key), "text_no_answer", id=q.id)
        elif (
            spec.pattern and spec.example is not None and not _accepted(spec.pattern, spec.example)
        ):
            reader.warn(
                reader.at(*key, "example"), "text_example_mismatch", example=spec.example, id=q.id
            )
        elif spec.pattern and spec.shown() is None:
            reader.warn(reader.at(*key, "pattern"), "text_pattern_no_example", id=q.id)
        return spec

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return {"answers": q.spec.answers, "pattern": q.spec.pattern}

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        return answer_box(ctx, uid)

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        t = ctx.strings
        spec: Spec = q.spec
        if len(spec.answers) > 1:
            listed = ", ".join(f"<strong>{escape(a)}</strong>" for a in spec.answers)
            return Markup(f"<p>{escape(t('accepted_answers'))} {listed}</p>")
        shown = spec.shown()
        if shown is None:
            return Markup("")
        key = "correct_answer" if spec.answers else "example_answer"
        return Markup(f"<p>{escape(t(key))} <strong>{escape(shown)}</strong></p>")

    def data(self, q: Question) -> dict[str, Any]:
        return {"answers": q.spec.answers, "pattern": q.spec.pattern}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        if answer is None or not str(answer).strip():
            return None
        spec: Spec = q.spec
        given = normalise(answer)
        if any(normalise(a) == given for a in spec.answers):
            return 1.0
        return float(bool(spec.pattern) and _accepted(spec.pattern, str(answer)))


TYPE = Text()
