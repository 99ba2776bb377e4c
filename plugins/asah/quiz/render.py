"""HTML of a quiz (MkDocs-free): questions, no-JS solutions and the JSON data island. What a
question shows is its type's (quiz/types/), in templates/asah/questions/<type>.html."""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..core.fragments import plain_text
from ..core.numbers import format_number
from ..core.templates import TemplateRenderer, narrow
from . import types
from .model import Bank, Question


def json_island(data: Any) -> Markup:
    """JSON that cannot end its <script> element early or open a comment."""
    # ASCII (\\u escapes, U+2028 and U+2029 included), so the page can stay narrow (narrow())
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def shuffled(values: list[Any], seed: str) -> list[Any]:
    """A deterministic shuffle (the same on every build) that differs from the original order."""
    result = list(values)
    generator = random.Random(seed)
    for _ in range(5):
        generator.shuffle(result)
        if len(result) < 2 or result != values:
            break
    return result


@dataclass
class QuizRenderer(TemplateRenderer):
    site: str = ""
    language: str = "id"
    _cache: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def render(self, bank: Bank, quiz_id: str, uid: str, level: int = 2) -> str:
        """The quiz; its title is a heading one below the last heading before it. A bank
        embedded the same way on many pages is rendered once."""
        key = (bank.id, bank.title, bank.pass_percent, bank.draw, bank.shuffle, uid, level)
        found = self._cache.get(key)
        if found is None or bank.inline:
            found = self._render(bank, quiz_id, uid, level)
            if not bank.inline:
                self._cache[key] = found
        return found

    def _render(self, bank: Bank, quiz_id: str, uid: str, level: int) -> str:
        t = self.strings
        count = len(bank.questions)
        pass_text = self.number(bank.pass_percent)
        if bank.draw and bank.draw < count:
            meta = t("quiz_meta_draw", draw=bank.draw, n=count, **{"pass": pass_text})
        else:
            meta = t("quiz_meta", n=count, **{"pass": pass_text})
        data = {
            "id": quiz_id,
            "pass": bank.pass_percent,
            "draw": bank.draw if bank.draw and bank.draw < count else None,
            "shuffle": bank.shuffle,
            "questions": {q.id: self._data(q) for q in bank.questions},
            "t": t.prefixed("js_"),
        }
        page = self.env.get_template("asah/quiz.html").render(
            uid=uid,
            level=level,
            quiz_id=quiz_id,
            site=self.site,
            bank=bank,
            description=self.md(bank.description),
            meta=meta,
            questions=[self._question(q, f"{uid}-{q.id}") for q in bank.questions],
            data=json_island(data),
        )
        return narrow(page)  # its data island is ASCII

    def _question(self, q: Question, uid: str) -> dict[str, Any]:
        kind = types.get(q.type)
        return {
            "id": q.id,
            "uid": uid,
            "type": q.type,
            "prompt": kind.prompt(q, self, uid),
            "hint": self.md(q.hint),
            "explanation": self.md(q.explanation),
            "view": kind.view(q, self, uid),
            "solution": kind.solution(q, self),
        }

    def _data(self, q: Question) -> dict[str, Any]:
        return {
            "type": q.type,
            "points": q.points,
            "fp": q.fingerprint(),
            **types.get(q.type).data(q),
        }

    # what question types use to show themselves (quiz/types/base.py RenderContext)

    def plain(self, text: str) -> str:
        return plain_text(text)

    def number(self, value: float) -> str:
        return format_number(value, self.language)

    def shuffled(self, values: list[Any], seed: str) -> list[Any]:
        return shuffled(values, seed)

    def error(self, reason: str) -> str:
        text = html.escape(self.strings("quiz_error", reason=reason))
        return f'<div class="admonition failure asah-quiz-error"><p>{text}</p></div>'
