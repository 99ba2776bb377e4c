"""A report's tables: what the HTML shows (numbers as the site's language writes them, "< 5"
where privacy hides a count) and what the CSV files hold (plain numbers, the same "< 5")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.i18n import Strings


@dataclass(frozen=True)
class Cell:
    text: str  # as shown
    value: Any = None  # as written to CSV; None: the text
    hidden: bool = False  # suppressed by the privacy rules
    lines: tuple[str, ...] = ()  # shown one under the other instead of `text`
    whole: bool = False  # each line is kept on one line (short ones: an option and its share)

    @property
    def csv(self) -> Any:
        return self.text if self.value is None else self.value


@dataclass
class Table:
    id: str
    caption: str
    heads: list[str]
    rows: list[list[Cell]]
    foot: list[Cell] | None = None


@dataclass
class Csv:
    name: str  # file name in the report's folder
    heads: list[str]
    rows: list[list[Any]]


@dataclass
class Section:
    id: str
    title: str
    intro: list[str] = field(default_factory=list)
    blocks: list[Any] = field(default_factory=list)  # Table, Picture or Note, in order
    csv: list[Csv] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    text: str
    kind: str = ""  # "" or "warn"


@dataclass(frozen=True)
class Picture:
    """An inline SVG (already escaped, from svg.py) and the id of the table that says the
    same in words."""

    svg: str
    table: str


class Numbers:
    """Numbers, shares and suppressed counts as the report shows and writes them."""

    def __init__(self, t: Strings, min_group: int) -> None:
        self.t, self.min_group = t, min_group
        self.hidden_text = t("report_hidden", n=min_group)

    def count(self, n: int | None) -> Cell:
        if n is None:
            return Cell(self.hidden_text, self.hidden_text, hidden=True)
        return Cell(self.t.number(n), n)

    def share(self, part: float | None, digits: int = 0) -> Cell:
        """A share (0–1) as a percentage; "—" when there is none, hidden when hidden."""
        if part is None:
            return Cell("—", "")
        percent = round(part * 100, digits) if digits else round(part * 100)
        return Cell(f"{self.t.number(percent)}%", percent)

    def hidden(self) -> Cell:
        return Cell(self.hidden_text, self.hidden_text, hidden=True)

    def value(self, number: float | None, digits: int = 1) -> Cell:
        if number is None:
            return Cell("—", "")
        rounded = round(number, digits)
        return Cell(self.t.number(rounded), rounded)

    def text(self, text: str) -> Cell:
        return Cell(text, text)
