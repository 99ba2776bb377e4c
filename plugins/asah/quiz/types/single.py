"""`single`: one right option among several."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from . import _choices
from .base import QuestionType, RenderContext


class Single(QuestionType):
    name = "single"
    label = msg("label_single")
    keys = ("options", "shuffle")

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        spec = _choices.read_options(reader, raw, key, q, self.label)
        count = sum(o.correct for o in spec.options)
        if spec.options and count != 1:
            reader.warn(
                reader.at_key(*key, "options"),
                "single_correct_count",
                id=q.id,
                n=count,
                hint=msg("single_use_multiple") if count > 1 else "",
            )
        return spec

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return _choices.fingerprint(q.spec)

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        return _choices.option_controls(q, ctx, uid, multiple=False)

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        return _choices.solution(q, ctx)

    def data(self, q: Question) -> dict[str, Any]:
        return _choices.data(q)

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        if answer is None:
            return None
        right = [i for i, o in enumerate(q.spec.options) if o.correct]
        return float(bool(right) and str(right[0]) == str(answer))


TYPE = Single()
