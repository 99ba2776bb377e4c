"""The quizzes a page places: each `/// quiz` block checked against the banks, with the quiz it
shows or the reason it cannot show one. Read once per build for every page (by the course site,
and so by `asah check`); the Markdown extension renders what was found here."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..core.diagnostics import Location, Reporter, suggest
from .blocks import Block
from .model import Bank
from .parse import read_bank, read_block_options


@dataclass
class Placed:
    """One quiz block of a page."""

    key: tuple[str, str, str]  # Block.key: finds the block again when the page is rendered
    location: Location  # where the block starts
    quiz_id: str | None  # bank id, or `<page>#<n>` for an inline quiz; None for a near miss
    bank: Bank | None = None  # with the block's options applied; None when it cannot show
    error: str = ""  # why it cannot show (the first problem), for the box shown instead
    heading: int = 1  # level of the last heading before it


class PagePlacer:
    """Checks the blocks of one page, in order (inline quizzes are numbered as they come)."""

    def __init__(
        self,
        page_id: str,
        display_path: str,
        banks: Mapping[str, Bank],
        competencies: Mapping[str, str] | None,
        reporter: Reporter,
        line_offset: int | None = 0,
        options_cache: dict[object, object] | None = None,
        unreadable: Collection[str] = (),
    ) -> None:
        self.page_id, self.display = page_id, display_path
        # the options of embedding blocks, read once for all the pages that write them alike
        self.options_cache = {} if options_cache is None else options_cache
        self.banks, self.competencies, self.reporter = banks, competencies, reporter
        self.line_offset = line_offset  # file line = body index + 1 + offset; None: unknown
        self.unreadable = unreadable  # banks whose file could not be read (reported)
        self.inline = 0

    def location(self, index: int) -> Location:
        line = index + 1 + self.line_offset if self.line_offset is not None else None
        return Location(self.display, line)

    def place(self, block: Block) -> Placed:
        where = self.location(block.start)
        placed = Placed(block.key, where, None, heading=block.heading)
        own = self.reporter.child()
        if not block.is_quiz:
            own.warn(where, "block_unknown", name=block.name)
        elif block.end is None:
            own.warn(where, "block_not_closed", closing=block.prefix.rstrip() + "///")
        elif block.arg in self.unreadable:
            placed.quiz_id = block.arg  # its file's own message says what is wrong
            placed.error = self.reporter.words("bank_unreadable", bank=block.arg)
            return placed
        elif block.arg:
            placed.quiz_id = block.arg
            placed.bank = self.embed(block, where, own)
        else:
            self.inline += 1
            placed.quiz_id = f"{self.page_id}#{self.inline}"
            placed.bank = read_bank(
                block.body,
                placed.quiz_id,
                self.display,
                own,
                line_offset=block.start + 1 + (self.line_offset or 0),
                inline=True,
                competencies=self.competencies,
            )
        for problem in own.problems:
            self.reporter.add(problem)
        if own.problems:
            placed.bank, placed.error = None, own.problems[0].message
        elif placed.bank is not None and not placed.bank.questions:
            # its bank file was reported already
            placed.bank, placed.error = None, self.reporter.words("bank_empty", bank=block.arg)
        return placed

    def embed(self, block: Block, where: Location, reporter: Reporter) -> Bank | None:
        # a bank embedded the same way on many pages is the same quiz: made once
        embedded = self.options_cache.get((block.arg, block.body))
        if isinstance(embedded, Bank):
            return embedded
        bank = self.banks.get(block.arg)
        options = self.options_cache.get(block.body)
        if options is None:
            offset = block.start + 1 + (self.line_offset or 0)
            problems = len(reporter.problems)
            options = read_block_options(block.body, self.display, reporter, offset)
            if options is not None and len(reporter.problems) == problems:
                self.options_cache[block.body] = options
        if bank is None:
            hint = suggest(block.arg, self.banks)
            reporter.warn(where, "block_unknown_bank", bank=block.arg, hint=hint)
            return None
        if options is None:
            return None
        if bank.draw is None and options.get("draw", 0) > len(bank.questions):
            reporter.warn(
                where,
                "block_draw_too_large",
                draw=options["draw"],
                bank=block.arg,
                n=len(bank.questions),
            )
            return bank.with_options(options)
        embedded = self.options_cache[(block.arg, block.body)] = bank.with_options(options)
        return embedded


def place_all(
    blocks: Sequence[Block],
    page_id: str,
    display_path: str,
    banks: Mapping[str, Bank],
    competencies: Mapping[str, str] | None,
    reporter: Reporter,
    line_offset: int = 0,
    options_cache: dict[object, object] | None = None,
    unreadable: Collection[str] = (),
) -> list[Placed]:
    """Every quiz block of a page's Markdown body, as `blocks.scanned` found them (body line n
    is file line n + line_offset)."""
    placer = PagePlacer(
        page_id, display_path, banks, competencies, reporter, line_offset, options_cache, unreadable
    )
    return [placer.place(block) for block in blocks]
