"""All banks of a course: `quizzes/<id>.yml`, the id being the path without the extension."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..core.diagnostics import Location, Reporter
from ..core.rebuild import ReadCache
from ..course.framework import ID_PATTERN
from .model import Bank
from .parse import read_bank

EXTENSIONS = (".yml", ".yaml")


def bank_id(relative: Path) -> str:
    return relative.with_suffix("").as_posix()


def load_banks(
    folder: Path,
    display_folder: str,
    reporter: Reporter,
    competencies: Mapping[str, str] | None = None,
    cache: ReadCache[Bank | None] | None = None,
    unreadable: set[str] | None = None,
) -> dict[str, Bank]:
    """Every bank below `folder`, by id, in path order; problems go to `reporter`. With a
    `cache` (`mkdocs serve`), a bank file that did not change is not parsed again. The ids of
    banks that could not be read at all are added to `unreadable`."""
    banks: dict[str, Bank] = {}
    sources: dict[str, str] = {}
    if not folder.is_dir():
        return banks
    files = sorted(p for p in folder.rglob("*") if p.suffix in EXTENSIONS and p.is_file())
    for file in files:
        relative = file.relative_to(folder)
        display = f"{display_folder}/{relative.as_posix()}"
        bid = bank_id(relative)
        if not all(ID_PATTERN.match(part) for part in bid.split("/")):
            reporter.warn(Location(display), "bank_id_invalid", id=bid)
            continue
        if bid in sources:
            reporter.fatal(
                Location(display), "bank_two_files", id=bid, first=sources[bid], second=display
            )
            continue
        sources[bid] = display
        text = file.read_text("utf-8")

        def read(
            reporter: Reporter, text: str = text, bid: str = bid, display: str = display
        ) -> Bank | None:
            return read_bank(text, bid, display, reporter, competencies=competencies)

        if cache is None:
            bank = read(reporter)
        else:
            names = tuple((competencies or {}).items()) if competencies is not None else None
            bank = cache.read(display, (text, names), reporter, read)
        if bank is not None:
            banks[bid] = bank
        elif unreadable is not None:
            unreadable.add(bid)
    return banks
