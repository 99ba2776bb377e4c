"""Options of single- and multiple-choice questions (shared by single.py and multiple.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ...core.diagnostics import quote
from ...core.messages import Msg, msg
from ...core.reader import Key, YamlReader
from ..model import Question
from .base import RenderContext, short_field

OPTION_KEYS = ("text", "correct", "feedback")


@dataclass
class Option:
    text: str  # inline Markdown
    correct: bool = False
    feedback: str = ""  # Markdown


@dataclass
class Choices:
    options: list[Option] = field(default_factory=list)
    shuffle: bool = True  # shown in a new order on every attempt
    partial: bool = False  # multiple: credit for each right pick


def read_options(
    reader: YamlReader, raw: dict[str, Any], key: Key, q: Question, label: Msg | str
) -> Choices:
    spec = Choices()
    shuffle = reader.flag(raw, "shuffle", key)
    spec.shuffle = True if shuffle is None else shuffle
    options = raw.get("options")
    if not isinstance(options, list) or len(options) < 2:
        where = reader.at(*key, "options") if "options" in raw else reader.at(*key)
        reader.warn(where, "options_needed", type=label, id=q.id)
        return spec
    for i, item in enumerate(options):
        okey = (*key, "options", i)
        if not isinstance(item, dict):
            item = {"text": item} if isinstance(item, (str, int, float)) else {}
        what = msg("part_option_n", n=i + 1)
        reader.unknown_keys(item, OPTION_KEYS, okey, msg("in_part", what=what, id=q.id))
        text = reader.text(item, "text", okey, msg("part_no_text", what=what, id=q.id))
        if text:
            short_field(reader, text, what, (*okey, "text"), q)
        correct = item.get("correct", False)
        if not isinstance(correct, bool):
            reader.warn(
                reader.at(*okey, "correct"), "not_boolean", name="correct", got=quote(correct)
            )
            correct = False
        spec.options.append(Option(text or "", correct, reader.text(item, "feedback", okey) or ""))
    return spec


def fingerprint(spec: Choices) -> dict[str, Any]:
    return {"options": [(o.text, o.correct) for o in spec.options], "partial": spec.partial}


def controls(uid: str, kind: str, options: list[tuple[str, Markup, Markup]]) -> str:
    """A list of radio buttons or checkboxes: (value, label HTML, feedback HTML) each."""
    items = []
    for i, (value, text, feedback) in enumerate(options):
        after = f'<div class="asah-option__feedback" hidden>{feedback}</div>' if feedback else ""
        items.append(
            f'\n<li class="asah-option" data-asah-option="{i}"><label><input type="{kind}"'
            f' name="{uid}" value="{value}"> <span>{text}</span></label>{after}</li>'
        )
    return f'\n<ul class="asah-options">{"".join(items)}\n</ul>'


def option_controls(q: Question, ctx: RenderContext, uid: str, multiple: bool) -> str:
    options = [
        (str(i), ctx.inline(o.text), ctx.md(o.feedback)) for i, o in enumerate(q.spec.options)
    ]
    return controls(uid, "checkbox" if multiple else "radio", options)


def solution(q: Question, ctx: RenderContext) -> Markup:
    right = "".join(f"<li>{ctx.inline(o.text)}</li>" for o in q.spec.options if o.correct)
    return Markup(f"<p>{escape(ctx.strings('correct_answer'))}</p><ul>{right}</ul>")


def data(q: Question) -> dict[str, Any]:
    spec: Choices = q.spec
    return {
        "correct": [i for i, o in enumerate(spec.options) if o.correct],
        "shuffle": spec.shuffle,
    }
