"""`match`: pair each left side with its right side (chosen from a list, no dragging)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from .base import QuestionType, RenderContext, distinct, share, short_field


class Match(QuestionType):
    name = "match"
    label = msg("label_match")
    keys = ("pairs",)

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        pairs = raw.get("pairs")
        found: list[tuple[str, str]] = []
        if not isinstance(pairs, list) or len(pairs) < 2:
            where = reader.at(*key, "pairs") if "pairs" in raw else reader.at(*key)
            reader.warn(where, "match_pairs_needed", id=q.id)
            return found
        for i, pair in enumerate(pairs):
            if not isinstance(pair, dict) or "left" not in pair or "right" not in pair:
                reader.warn(reader.at(*key, "pairs", i), "match_pair_sides", n=i + 1, id=q.id)
                continue
            for side in ("left", "right"):
                where = (*key, "pairs", i, side)
                what = msg(f"part_{side}_of_pair", n=i + 1)
                short_field(reader, str(pair[side]), what, where, q)
            found.append((str(pair["left"]), str(pair["right"])))
        distinct(reader, [p[0] for p in found], msg("part_left"), (*key, "pairs"), q)
        distinct(reader, [p[1] for p in found], msg("part_right"), (*key, "pairs"), q)
        return found

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return {"pairs": q.spec}

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        """Each left side with a list of the right sides (in a fixed shuffled order)."""
        rights = ctx.shuffled([(i, right) for i, (_, right) in enumerate(q.spec)], f"{q.id}:match")
        choices = "".join(f'<option value="{i}">{escape(ctx.plain(r))}</option>' for i, r in rights)
        rows = [
            f'\n<li class="asah-match__row"><label for="{uid}-m{i}">{ctx.inline(left)}</label>'
            f' <select id="{uid}-m{i}" data-asah-left="{i}"><option value="">'
            f"{ctx.text('choose')}</option>{choices}</select></li>"
            for i, (left, _) in enumerate(q.spec)
        ]
        help_text = ctx.text("match_help")
        return (
            f'\n<p class="asah-help">{help_text}</p>\n<ul class="asah-match">{"".join(rows)}\n</ul>'
        )

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        listed = "".join(
            f"<li>{ctx.inline(left)} &#8594; {ctx.inline(right)}</li>" for left, right in q.spec
        )
        return Markup(f"<p>{escape(ctx.strings('correct_answer'))}</p><ul>{listed}</ul>")

    def data(self, q: Question) -> dict[str, Any]:
        return {"count": len(q.spec)}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        """The share of left sides given their own right side; `answer` holds the chosen right
        index per left side as text ("" for none)."""
        if not answer or all(a in ("", None) for a in answer):
            return None
        return share(self.rows(q, answer))

    def rows(self, q: Question, answer: Any) -> list[bool | None]:
        """Per left side, in the bank's order: whether it was given its own right side."""
        return [
            None if chosen in ("", None) else str(chosen) == str(i)
            for i, chosen in enumerate(answer or [])
        ]


TYPE = Match()
