"""HTML of a quiz (MkDocs-free): questions, no-JS solutions and the JSON data island."""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..core.templates import TemplateRenderer, narrow
from .model import BLANK, Bank, Question

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


def json_island(data: Any) -> Markup:
    """JSON that cannot end its <script> element early or open a comment."""
    # ASCII (\u escapes, U+2028 and U+2029 included), so the page can stay narrow (narrow())
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

    def render(self, bank: Bank, quiz_id: str, uid: str, level: int = 2) -> str:
        """The quiz; its title is a heading one below the last heading before it."""
        t = self.strings
        questions = [self._question(q, f"{uid}-{q.id}") for q in bank.questions]
        count = len(bank.questions)
        pass_text = t.number(bank.pass_percent)
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
        html = self.env.get_template("asah/quiz.html").render(
            uid=uid,
            level=level,
            quiz_id=quiz_id,
            site=self.site,
            bank=bank,
            description=self.md(bank.description),
            meta=meta,
            questions=questions,
            data=json_island(data),
        )
        return narrow(html)  # its data island is ASCII

    def _question(self, q: Question, uid: str) -> dict[str, Any]:
        t = self.strings
        view: dict[str, Any] = {
            "id": q.id,
            "uid": uid,
            "type": q.type,
            "hint": self.md(q.hint),
            "explanation": self.md(q.explanation),
        }
        if q.type == "fill":
            view["prompt"] = self._fill_prompt(q, uid)
        else:
            view["prompt"] = self.md(q.prompt)
        if q.type in ("single", "multiple"):
            view["options"] = [
                {"index": i, "value": i, "text": o.text, "feedback": self.md(o.feedback)}
                for i, o in enumerate(q.options)
            ]
        elif q.type == "truefalse":
            view["options"] = [
                {"index": 0, "value": "true", "text": t("answer_true"), "feedback": ""},
                {"index": 1, "value": "false", "text": t("answer_false"), "feedback": ""},
            ]
        elif q.type == "order":
            items = [{"index": i, "text": text} for i, text in enumerate(q.items)]
            view["order_items"] = shuffled(items, f"{q.id}:order")
        elif q.type == "match":
            view["pairs"] = [{"index": i, "left": left} for i, (left, _) in enumerate(q.pairs)]
            rights = [{"index": i, "text": right} for i, (_, right) in enumerate(q.pairs)]
            view["rights"] = shuffled(rights, f"{q.id}:match")
        view["solution"] = self._solution(q)
        return view

    def _fill_prompt(self, q: Question, uid: str) -> Markup:
        tokens: list[str] = []

        def token(match: re.Match[str]) -> str:
            tokens.append(match.group(1))
            return f"ASAHBLANK{len(tokens) - 1}X"

        rendered = self.markdown(BLANK.sub(token, q.prompt))
        for i in range(len(tokens)):
            label = html.escape(self.strings("blank_n", n=i + 1))
            field = (
                f'<input type="text" class="asah-blank" data-asah-blank="{i}" '
                f'aria-label="{label}" autocomplete="off" spellcheck="false" size="14">'
            )
            rendered = rendered.replace(f"ASAHBLANK{i}X", field, 1)
        return Markup(rendered)

    def _solution(self, q: Question) -> Markup:
        t, e = self.strings, html.escape
        if q.type in ("single", "multiple"):
            right = [f"<li>{e(o.text)}</li>" for o in q.options if o.correct]
            return Markup(f"<p>{e(t('correct_answer'))}</p><ul>{''.join(right)}</ul>")
        if q.type == "truefalse":
            word = t("answer_true") if q.answer else t("answer_false")
            return Markup(f"<p>{e(t('correct_answer'))} <strong>{e(word)}</strong></p>")
        if q.type == "text":
            parts = []
            if q.answers:
                listed = ", ".join(f"<strong>{e(a)}</strong>" for a in q.answers)
                parts.append(f"<p>{e(t('accepted_answers'))} {listed}</p>")
            if q.pattern:
                parts.append(f"<p>{e(t('pattern_answer'))} <code>{e(q.pattern)}</code></p>")
            return Markup("".join(parts))
        if q.type == "number":
            answer = t.number(q.answer) if isinstance(q.answer, (int, float)) else ""
            text = (
                t("number_answer", answer=answer, tolerance=t.number(q.tolerance))
                if q.tolerance
                else answer
            )
            return Markup(f"<p>{e(t('correct_answer'))} <strong>{e(text)}</strong></p>")
        if q.type == "fill":
            blanks = [" / ".join(e(a) for a in alts) for alts in q.blanks()]
            listed = "".join(f"<li>{b}</li>" for b in blanks)
            return Markup(f"<p>{e(t('correct_answer'))}</p><ol>{listed}</ol>")
        if q.type == "order":
            listed = "".join(f"<li>{e(i)}</li>" for i in q.items)
            return Markup(f"<p>{e(t('correct_answer'))}</p><ol>{listed}</ol>")
        listed = "".join(f"<li>{e(left)} → {e(right)}</li>" for left, right in q.pairs)
        return Markup(f"<p>{e(t('correct_answer'))}</p><ul>{listed}</ul>")

    def _data(self, q: Question) -> dict[str, Any]:
        data: dict[str, Any] = {"type": q.type, "points": q.points, "fp": q.fingerprint()}
        if q.type in ("single", "multiple"):
            data["correct"] = [i for i, o in enumerate(q.options) if o.correct]
            data["shuffle"] = q.shuffle
            if q.type == "multiple":
                data["partial"] = q.partial
        elif q.type == "truefalse":
            data["answer"] = q.answer
        elif q.type == "text":
            data["answers"] = q.answers
            data["pattern"] = q.pattern
        elif q.type == "number":
            data["answer"] = q.answer
            data["tolerance"] = q.tolerance
        elif q.type == "fill":
            data["blanks"] = q.blanks()
        elif q.type == "order":
            data["count"] = len(q.items)
        elif q.type == "match":
            data["count"] = len(q.pairs)
        return data

    def error(self, reason: str) -> str:
        text = html.escape(self.strings("quiz_error", reason=reason))
        return f'<div class="admonition failure asah-quiz-error"><p>{text}</p></div>'
