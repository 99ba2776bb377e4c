"""`order`: items to put in the right order (shown shuffled; moved with buttons, no dragging)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from .base import QuestionType, RenderContext, distinct, share, short_texts


class Order(QuestionType):
    name = "order"
    label = msg("label_order")
    keys = ("items",)

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        items = raw.get("items")
        if not isinstance(items, list) or len(items) < 2:
            count = len(items) if isinstance(items, list) else 0
            where = reader.at(*key, "items") if "items" in raw else reader.at(*key)
            reader.warn(where, "order_items_needed", id=q.id, n=count)
            return []
        texts = short_texts(reader, items, (*key, "items"), q)
        distinct(reader, texts, msg("part_item"), (*key, "items"), q)
        return texts

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return {"items": q.spec}

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        """The items in a fixed shuffled order (the same every build), each with up and down
        buttons, which quiz.js shows: reordering needs no dragging."""
        items = []
        for i, text in ctx.shuffled(list(enumerate(q.spec)), f"{q.id}:order"):
            label = ctx.plain(text)
            items.append(
                f'\n<li class="asah-order__item" data-asah-item="{i}">'
                f'<span class="asah-order__text">'
                f'{ctx.inline(text)}</span><span class="asah-order__buttons" hidden><button'
                f' type="button" class="asah-move" data-asah-move="-1"'
                f' aria-label="{ctx.text("move_up", item=label)}">&#8593;</button><button'
                f' type="button" class="asah-move" data-asah-move="1"'
                f' aria-label="{ctx.text("move_down", item=label)}">&#8595;</button></span></li>'
            )
        help_text = ctx.text("order_help")
        listed = "".join(items)
        return f'\n<p class="asah-help">{help_text}</p>\n<ol class="asah-order">{listed}\n</ol>'

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        listed = "".join(f"<li>{ctx.inline(i)}</li>" for i in q.spec)
        return Markup(f"<p>{escape(ctx.strings('correct_answer'))}</p><ol>{listed}</ol>")

    def data(self, q: Question) -> dict[str, Any]:
        return {"count": len(q.spec)}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        """The share of items in their right place; `answer` lists item indices as placed."""
        return share(self.rows(q, answer)) if answer else None

    def rows(self, q: Question, answer: Any) -> list[bool | None]:
        """Per place, in the order shown: whether the item placed there belongs there."""
        return [int(item) == pos for pos, item in enumerate(answer or [])]


TYPE = Order()
