"""HTML of a quiz (MkDocs-free): questions, no-JS solutions and the JSON data island. What a
question shows to be answered is its type's (`controls` of quiz/types/<type>.py)."""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..core.inline import inline_text
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
    """A deterministic shuffle (the same on every build) that differs from the original order
    whenever it can (two or more different values): a shuffle that comes back unchanged is
    turned by one place, so no order question or match list is ever shown already right."""
    result = list(values)
    random.Random(seed).shuffle(result)
    if result == list(values):
        result = result[1:] + result[:1]
    return result


@dataclass
class QuizRenderer(TemplateRenderer):
    site: str = ""
    language: str = "id"
    solution_after_fail: bool = True  # "show the solution" after an attempt that did not pass
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
        """Readable and revealable without JavaScript (hint and answer are <details>);
        quiz.js adds checking. Made in Python, as every text is escaped here or is Markdown."""
        t = self.strings
        count = len(bank.questions)
        pass_text = self.number(bank.pass_percent)
        if bank.draw and bank.draw < count:
            meta = t("quiz_meta_draw", draw=bank.draw, n=count, **{"pass": pass_text})
        else:
            key = "quiz_meta_one" if count == 1 else "quiz_meta"
            meta = t(key, n=count, **{"pass": pass_text})
        data = {
            "id": quiz_id,
            "pass": bank.pass_percent,
            "draw": bank.draw if bank.draw and bank.draw < count else None,
            "shuffle": bank.shuffle,
            "solution_after_fail": self.solution_after_fail,
            "questions": {q.id: self._data(q) for q in bank.questions},
            "t": t.prefixed("js_"),
        }
        # untitled quizzes are numbered: each is a landmark, and landmarks need their own names
        number = uid.rsplit("-", 1)[-1]
        title = escape(bank.title) if bank.title else self.text("quiz_n", n=number)
        actions = " ".join(
            f'<button type="button" class="md-button{primary}" data-asah-action="{action}">'
            f"{self.text(action)}</button>"
            for action, primary in (
                ("check", " md-button--primary"),
                ("retry", ""),
                ("solution", ""),
            )
        )
        questions = "".join(
            self._question(q, n, f"{uid}-{q.id}") for n, q in enumerate(bank.questions, 1)
        )
        page = (
            f'<section class="asah-quiz" id="{uid}" data-asah-quiz="{escape(quiz_id)}"'
            f' data-asah-site="{escape(self.site)}" data-asah-load="quiz.js"'
            f' aria-labelledby="{uid}-title">\n<h{level} class="asah-quiz__title"'
            f' id="{uid}-title">{title}</h{level}>\n{self.md(bank.description)}\n'
            f'<p class="asah-quiz__meta">{escape(meta)}</p>\n'
            f'<ol class="asah-quiz__questions">{questions}\n</ol>\n'
            f'<div class="asah-quiz__actions" hidden>{actions}</div>\n'
            f'<p class="asah-quiz__status" role="status" aria-live="polite"></p>\n'
            f'<script type="application/json" class="asah-quiz__data">{json_island(data)}</script>'
            "\n</section>"
        )
        return narrow(page)  # its data island is ASCII

    def _question(self, q: Question, n: int, uid: str) -> str:
        kind = types.get(q.type)
        hint = (
            f'\n<details class="asah-hint"><summary>{self.text("hint")}</summary>'
            f"{self.md(q.hint)}</details>"
            if q.hint
            else ""
        )
        explanation = (
            f'\n<div class="asah-explanation">{self.md(q.explanation)}</div>'
            if q.explanation
            else ""
        )
        return (
            f'\n<li class="asah-question" id="{uid}" data-asah-question="{q.id}"'
            f' data-asah-type="{q.type}">\n<fieldset class="asah-question__fieldset"'
            f' aria-describedby="{uid}-prompt">\n<legend class="asah-question__legend">'
            f'{self.text("question_n", n=n)}</legend>\n<div class="asah-question__prompt"'
            f' id="{uid}-prompt">{kind.prompt(q, self, uid)}</div>{kind.controls(q, self, uid)}'
            f"\n</fieldset>{hint}\n"
            '<div class="asah-question__result" hidden></div>\n<details class="asah-solution">'
            f'<summary>{self.text("show_answer")}</summary>\n<div class="asah-solution__answer">'
            f"{kind.solution(q, self)}</div>{explanation}\n</details>\n</li>"
        )

    def _data(self, q: Question) -> dict[str, Any]:
        return {
            "type": q.type,
            "points": q.points,
            "fp": q.fingerprint(),
            **types.get(q.type).data(q),
        }

    # what question types use to show themselves (quiz/types/base.py RenderContext)

    def plain(self, text: str) -> str:
        return inline_text(text)

    def text(self, key: str, **values: object) -> Markup:
        return escape(self.strings(key, **values))

    def number(self, value: float) -> str:
        return format_number(value, self.language)

    def shuffled(self, values: list[Any], seed: str) -> list[Any]:
        return shuffled(values, seed)

    def error(self, reason: str) -> str:
        text = html.escape(self.strings("quiz_error", reason=reason))
        return f'<div class="admonition failure asah-quiz-error"><p>{text}</p></div>'
