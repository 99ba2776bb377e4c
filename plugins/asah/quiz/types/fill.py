"""`fill`: blanks in the prompt, written `[[answer]]` or `[[answer|alternative]]`."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from ...core.messages import msg
from ...core.reader import Key, YamlReader
from ..model import Question
from .base import QuestionType, RenderContext, normalise

BLANK = re.compile(r"\[\[(.+?)\]\]")


def blanks(prompt: str) -> list[list[str]]:
    """Accepted answers of each blank."""
    return [[alt.strip() for alt in m.split("|")] for m in BLANK.findall(prompt)]


class Fill(QuestionType):
    name = "fill"
    label = msg("label_fill")
    keys = ()
    keys_hint = msg("fill_fields")

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        found = blanks(q.prompt)
        if q.prompt and not found:
            reader.warn(reader.at(*key, "prompt"), "fill_no_blanks", id=q.id)
        rest = BLANK.sub("", q.prompt)
        if "[[" in rest or "]]" in rest:
            unclosed = rest[rest.find("[[") :] if "[[" in rest else rest[: rest.find("]]") + 2]
            reader.warn(
                reader.at(*key, "prompt"),
                "fill_not_closed",
                id=q.id,
                text=unclosed.splitlines()[0][:40],
            )
        for number, alternatives in enumerate(found, 1):
            if not all(alternatives):
                reader.warn(reader.at(*key, "prompt"), "fill_empty", n=number, id=q.id)
        return found

    def fingerprint(self, q: Question) -> dict[str, Any]:
        return {}  # the blanks are in the prompt

    def prompt(self, q: Question, ctx: RenderContext, uid: str) -> Markup:
        tokens: list[str] = []

        def token(match: re.Match[str]) -> str:
            tokens.append(match.group(1))
            return f"ASAHBLANK{len(tokens) - 1}X"

        rendered = str(ctx.md(BLANK.sub(token, q.prompt)))
        for i in range(len(tokens)):
            label = escape(ctx.strings("blank_n", n=i + 1))
            field = (
                f'<input type="text" class="asah-blank" data-asah-blank="{i}" '
                f'aria-label="{label}" autocomplete="off" spellcheck="false" size="14">'
            )
            rendered = rendered.replace(f"ASAHBLANK{i}X", field, 1)
        return Markup(rendered)

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        listed = "".join(f"<li>{' / '.join(escape(a) for a in alts)}</li>" for alts in q.spec)
        return Markup(f"<p>{escape(ctx.strings('correct_answer'))}</p><ol>{listed}</ol>")

    def data(self, q: Question) -> dict[str, Any]:
        return {"blanks": q.spec}

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        if not answer or not any(str(a).strip() for a in answer):
            return None
        right = sum(
            1
            for i, alternatives in enumerate(q.spec)
            if any(
                normalise(a) == normalise(answer[i] if i < len(answer) else "")
                for a in alternatives
            )
        )
        return right / len(q.spec) if q.spec else 0.0


TYPE = Fill()
