"""`number`: a numeric answer, with an optional tolerance, read and shown as the site's language
writes numbers (core/numbers.py)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ...core.diagnostics import quote
from ...core.messages import msg
from ...core.numbers import parse_number
from ...core.reader import Key, YamlReader, is_number
from ..model import Question
from .base import QuestionType, RenderContext, answer_box


class Number(QuestionType):
    name = "number"
    label = msg("label_number")
    keys = ("answer", "tolerance")

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        answer = raw.get("answer")
        tolerance: float = 0
        if not is_number(answer):
            reader.warn(
                reader.at(*key, "answer") if "answer" in raw else reader.at(*key),
                "number_answer_invalid",
                id=q.id,
                got=quote(answer),
                hint=msg("number_without_marks") if isinstance(answer, str) else "",
            )
            answer = None
        if "tolerance" in raw:
            value = raw["tolerance"]
            if is_number(value) and value >= 0:
                tolerance = value
            else:
                reader.warn(
                    reader.at(*key, "tolerance"), "tolerance_invalid", id=q.id, got=quote(value)
                )
        return (answer, tolerance)

    def fingerprint(self, q: Question) -> dict[str, Any]:
        answer, tolerance = q.spec
        return {"answer": answer, "tolerance": tolerance}

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        return answer_box(ctx, uid, "decimal")

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        t = ctx.strings
        answer, tolerance = q.spec
        shown = ctx.number(answer) if answer is not None else ""
        if tolerance:
            shown = t("number_answer", answer=shown, tolerance=ctx.number(tolerance))
        return Markup(f"<p>{escape(t('correct_answer'))} <strong>{escape(shown)}</strong></p>")

    def data(self, q: Question) -> dict[str, Any]:
        answer, tolerance = q.spec
        return {"answer": answer, "tolerance": tolerance}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        if answer is None or not str(answer).strip():
            return None
        right, tolerance = q.spec
        given = parse_number(str(answer), language)
        if given is None or right is None:
            return 0.0
        return float(abs(given - right) <= tolerance + 1e-9)


TYPE = Number()
