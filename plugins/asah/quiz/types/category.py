"""`category`: sort items into named groups. Each item is placed with a list of the groups (by
keyboard or tap, no dragging); every item placed right earns its share, and an item may say why
it belongs where it does (`feedback`), shown once the answer is checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from .base import QuestionType, RenderContext, distinct, share, short_field

CATEGORY_KEYS = ("name", "items")
ITEM_KEYS = ("text", "feedback")


@dataclass
class Item:
    text: str  # inline Markdown
    category: int  # index of its category
    feedback: str = ""  # Markdown


@dataclass
class Spec:
    categories: list[str] = field(default_factory=list)  # names, inline Markdown
    items: list[Item] = field(default_factory=list)  # in the order written


class Category(QuestionType):
    name = "category"
    label = msg("label_category")
    keys = ("categories",)

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        spec = Spec()
        groups = raw.get("categories")
        if not isinstance(groups, list) or len(groups) < 2:
            where = reader.at_key(*key, "categories") if "categories" in raw else reader.at(*key)
            reader.warn(where, "category_needed", id=q.id)
            return spec
        for c, group in enumerate(groups):
            ckey = (*key, "categories", c)
            if not isinstance(group, dict):
                reader.warn(reader.at(*ckey), "category_not_mapping", n=c + 1, id=q.id)
                continue
            what = msg("part_category_n", n=c + 1)
            reader.unknown_keys(group, CATEGORY_KEYS, ckey, msg("in_part", what=what, id=q.id))
            name = reader.text(group, "name", ckey, msg("category_no_name", n=c + 1, id=q.id))
            if name:
                short_field(reader, name, what, (*ckey, "name"), q)
            spec.categories.append(name or f"{c + 1}")
            self.read_items(reader, group.get("items"), (*ckey, "items"), q, spec, c)
        if len(spec.items) < 2:
            where = reader.at_key(*key, "categories")
            reader.warn(where, "category_items_needed", id=q.id, n=len(spec.items))
        distinct(reader, spec.categories, msg("part_category"), (*key, "categories"), q)
        distinct(reader, [i.text for i in spec.items], msg("part_item"), (*key, "categories"), q)
        return spec

    def read_items(
        self, reader: YamlReader, items: Any, key: Key, q: Question, spec: Spec, category: int
    ) -> None:
        if items is None:
            return  # a category may stay empty: a distractor
        if not isinstance(items, list):
            reader.warn(reader.at(*key), "category_items_not_list", n=category + 1, id=q.id)
            return
        for i, item in enumerate(items):
            ikey = (*key, i)
            what = msg("part_item_of_category", n=i + 1, m=category + 1)
            if isinstance(item, dict):
                reader.unknown_keys(item, ITEM_KEYS, ikey, msg("in_part", what=what, id=q.id))
                text = reader.text(item, "text", ikey, msg("part_no_text", what=what, id=q.id))
                feedback = reader.text(item, "feedback", ikey) or ""
            else:
                text = reader.text({"text": item}, "text", ikey) if item is not None else None
                feedback = ""
            if text:
                short_field(
                    reader, text, what, (*ikey, "text") if isinstance(item, dict) else ikey, q
                )
                spec.items.append(Item(text, category, feedback))

    def fingerprint(self, q: Question) -> dict[str, Any]:
        spec: Spec = q.spec
        return {
            "categories": [
                [name, [i.text for i in spec.items if i.category == c]]
                for c, name in enumerate(spec.categories)
            ]
        }

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        """Each item (in a fixed shuffled order) with a list of the groups, and its feedback,
        which quiz.js shows once the answer is checked."""
        spec: Spec = q.spec
        groups = "".join(
            f'<option value="{c}">{escape(ctx.plain(name))}</option>'
            for c, name in enumerate(spec.categories)
        )
        rows = []
        for i, item in ctx.shuffled(list(enumerate(spec.items)), f"{q.id}:category"):
            feedback = ctx.md(item.feedback)
            after = f'<div class="asah-sort__feedback" hidden>{feedback}</div>' if feedback else ""
            rows.append(
                f'\n<li class="asah-sort__item" data-asah-item="{i}"><label for="{uid}-c{i}">'
                f'{ctx.inline(item.text)}</label> <select id="{uid}-c{i}"'
                f' data-asah-category-of="{i}"><option value="">{ctx.text("choose_category")}'
                f"</option>{groups}</select>{after}</li>"
            )
        help_text = ctx.text("category_help")
        listed = "".join(rows)
        return f'\n<p class="asah-help">{help_text}</p>\n<ul class="asah-sort">{listed}\n</ul>'

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        spec: Spec = q.spec
        groups = []
        for c, name in enumerate(spec.categories):
            members = [ctx.inline(i.text) for i in spec.items if i.category == c]
            listed = ", ".join(str(m) for m in members) if members else "&#8212;"
            groups.append(f"<li><strong>{ctx.inline(name)}</strong>: {listed}</li>")
        return Markup(f"<p>{escape(ctx.strings('correct_answer'))}</p><ul>{''.join(groups)}</ul>")

    def data(self, q: Question) -> dict[str, Any]:
        return {"answer": [item.category for item in q.spec.items]}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        """The share of items put in their own category; `answer` holds the chosen category
        index per item (in the order written) as text ("" for none)."""
        if not answer or all(a in ("", None) for a in answer):
            return None
        return share(self.rows(q, answer))

    def rows(self, q: Question, answer: Any) -> list[bool | None]:
        """Per item, in the order written: whether it was put in its own category."""
        answer = answer or []
        return [
            None
            if i >= len(answer) or answer[i] in ("", None)
            else str(answer[i]) == str(item.category)
            for i, item in enumerate(q.spec.items)
        ]


TYPE = Category()
