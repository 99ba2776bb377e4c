"""`truefalse`: a statement that is true or false."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ...core.diagnostics import quote
from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from . import _choices
from .base import QuestionType, RenderContext


class TrueFalse(QuestionType):
    name = "truefalse"
    label = msg("label_truefalse")
    keys = ("answer",)

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        answer = raw.get("answer")
        if not isinstance(answer, bool):
            where = reader.at(*key, "answer") if "answer" in raw else reader.at(*key)
            reader.warn(where, "truefalse_answer", id=q.id, got=quote(answer))
            return None
        return answer

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return {"answer": q.spec}

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        yes, no = ctx.text("answer_true"), ctx.text("answer_false")
        return _choices.controls(uid, "radio", [("true", yes, Markup()), ("false", no, Markup())])

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        t = ctx.strings
        word = t("answer_true") if q.spec else t("answer_false")
        return Markup(f"<p>{escape(t('correct_answer'))} <strong>{escape(word)}</strong></p>")

    def data(self, q: Question) -> dict[str, Any]:
        return {"answer": q.spec}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        if answer is None:
            return None
        return float(str(answer) == ("true" if q.spec else "false"))


TYPE = TrueFalse()
