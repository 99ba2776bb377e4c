"""What a question type is: its own fields and their checks, how it is shown, what the browser
needs to check an answer, and how an answer scores. One module per type implements it. HTML is
made with markupsafe's `escape` for every text an author wrote that is not Markdown."""

from __future__ import annotations

from typing import Any, Protocol

from markupsafe import Markup

from ...core.diagnostics import quote
from ...core.i18n import Strings
from ...core.inline import render_inline
from ...core.messages import Msg, msg
from ...core.reader import Key, YamlReader
from ..model import Question


class RenderContext(Protocol):
    """What a type's view needs from the quiz renderer."""

    strings: Strings

    def md(self, text: str) -> Markup: ...  # Markdown of a long field (prompt, feedback)
    def inline(self, text: str) -> Markup: ...  # inline Markdown of a short field, no raw HTML
    def plain(self, text: str) -> str: ...  # the words of `inline` (attributes, <option>)
    def text(self, key: str, **values: object) -> Markup: ...  # an interface string, escaped
    def number(self, value: float) -> str: ...  # as the site's language writes numbers
    def shuffled(self, values: list[Any], seed: str) -> list[Any]: ...  # the same every build


class QuestionType:
    name = ""
    label: Msg | str = ""  # how messages name it (`msg("label_single")`: "single-choice")
    keys: tuple[str, ...] = ()  # the question keys only this type has
    keys_hint: Msg | str = ""  # said instead of the keys when there are none

    def read(self, reader: YamlReader, raw: dict[str, Any], key: Key, q: Question) -> Any:
        """Check the type's fields of `raw` (problems to `reader`) and return its Spec."""
        raise NotImplementedError

    def fingerprint(self, q: Question) -> dict[str, Any]:
        """What counts as right, for Question.fingerprint (besides type and prompt)."""
        raise NotImplementedError

    def prompt(self, q: Question, ctx: RenderContext, uid: str) -> Markup:
        return ctx.md(q.prompt)

    def controls(self, q: Question, ctx: RenderContext, uid: str) -> str:
        """The HTML a learner answers with, after the prompt (`uid`: the question's element
        id). Made in Python, not a template: a bank of questions is made in well under a
        millisecond, which the build of a course with many banks feels."""
        return ""

    def solution(self, q: Question, ctx: RenderContext) -> Markup:
        """The right answer, as HTML, readable without JavaScript."""
        raise NotImplementedError

    def data(self, q: Question) -> dict[str, Any]:
        """What the browser needs to check an answer (quiz/types/<type>.js)."""
        raise NotImplementedError

    def score(self, q: Question, answer: Any, language: str) -> float | None:
        """The share of the points an answer earns, 0..1, as the browser scores it (None: not
        answered). `answer` is in the form the browser stores it (docs/storage.md)."""
        raise NotImplementedError

    def rows(self, q: Question, answer: Any) -> list[bool | None] | None:
        """For a type answered row by row (order, match, category), whether each row of an
        answer is right: True, False, or None where the learner gave nothing. The browser marks
        the rows so once checked (`rows` of quiz/types/<type>.js); the score is their share."""
        return None


def share(rows: list[bool | None]) -> float:
    """The share of rows that are right."""
    return sum(1 for right in rows if right) / len(rows) if rows else 0.0


def answer_box(ctx: RenderContext, uid: str, inputmode: str = "") -> str:
    """The one text box of text and number questions."""
    mode = f' inputmode="{inputmode}"' if inputmode else ""
    return (
        f'\n<p class="asah-answer"><label for="{uid}-input">{ctx.text("your_answer")}</label>'
        f' <input type="text" id="{uid}-input" name="{uid}" autocomplete="off"'
        f' spellcheck="false"{mode}></p>'
    )


def distinct(reader: YamlReader, values: list[str], what: Msg, key: Key, q: Question) -> None:
    """Report a value given twice where each must differ (order items, match sides): twice as
    the learner reads it, so `*a*` and `a` are the same (an `<option>` list shows only text).
    `what`: the kind of value (`msg("part_item")`)."""
    seen: set[str] = set()
    for value in values:
        shown = render_inline(value).text
        if shown in seen:
            reader.warn(
                reader.at_key(*key),
                "value_twice",
                type=msg(f"label_{q.type}"),
                id=q.id,
                what=what,
                value=value,
            )
        seen.add(shown)


def short_field(reader: YamlReader, text: str, what: Msg, key: Key, q: Question) -> None:
    """Report what a short field (option text, item, match side, category) holds that inline
    Markdown there does not show (core/inline.py): an image (shown as its text) and a link
    that could run script (shown as its text, not linked). `what`: `msg("part_option", n=2)`."""
    if "[" not in text:
        return
    shown = render_inline(text)
    for alt in shown.images:
        reader.warn(reader.at(*key), "short_field_image", what=what, id=q.id, alt=quote(alt))
    for href in shown.links:
        reader.warn(reader.at(*key), "short_field_link", what=what, id=q.id, href=quote(href))


def short_texts(reader: YamlReader, raw: Any, key: Key, q: Question) -> list[str]:
    """A list of short texts (order items): numbers are taken as text."""
    texts = []
    for i, item in enumerate(raw):
        what = msg("part_item_n", n=i + 1)
        if isinstance(item, bool):
            reader.warn(reader.at(*key, i), "short_text_boolean", what=what, id=q.id)
            continue
        if not isinstance(item, (str, int, float)):
            reader.warn(
                reader.at(*key, i), "short_text_expected", what=what, id=q.id, got=quote(item)
            )
            continue
        short_field(reader, str(item), what, (*key, i), q)
        texts.append(str(item))
    return texts


def normalise(text: str) -> str:
    """An answer as it is compared: accents and case ignored, spaces trimmed and collapsed
    (the same as `norm` in theme/assets/asah/quiz/types/_core.js)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return " ".join(stripped.lower().split())
