"""`multiple`: one or more right options; all or nothing, or `partial: true`."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from . import _choices
from .base import QuestionType, RenderContext


class Multiple(QuestionType):
    name = "multiple"
    label = msg("label_multiple")
    keys = ("options", "shuffle", "partial")

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        spec = _choices.read_options(reader, raw, key, q, self.label)
        spec.partial = bool(reader.flag(raw, "partial", key))
        if spec.options and not any(o.correct for o in spec.options):
            reader.warn(reader.at_key(*key, "options"), "multiple_no_correct", id=q.id)
        return spec

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return _choices.fingerprint(q.spec)

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        return _choices.option_controls(q, ctx, uid, multiple=True)

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        return _choices.solution(q, ctx)

    def data(self, q: Question) -> dict[str, Any]:
        return {**_choices.data(q), "partial": q.spec.partial}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        """Right picks − wrong picks over the right options (never below 0) with `partial`;
        otherwise 1 only for exactly the right options."""
        if not answer:
            return None
        right = {str(i) for i, o in enumerate(q.spec.options) if o.correct}
        picks = [str(a) for a in answer]
        hits = sum(1 for a in picks if a in right)
        misses = len(picks) - hits
        if q.spec.partial:
            return max(0.0, (hits - misses) / len(right)) if right else 0.0
        return float(hits == len(right) and misses == 0)


TYPE = Multiple()
