"""Units as a report shows them: units with fewer learners than the privacy rule allows are shown
together as one row ("other units"), and learners who gave no unit are a row of their own."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.i18n import Strings

OTHER = "\x00other"  # the key of the pooled row (no unit can be written with it)


@dataclass(frozen=True)
class UnitRow:
    key: str  # a unit's key, or OTHER
    name: str
    learners: int


def pool(
    units: list[tuple[str, str, int]], min_group: int, t: Strings
) -> tuple[list[UnitRow], dict[str, str]]:
    """The rows to show (largest first, the pooled row last) and each unit key's row key."""
    rows: list[UnitRow] = []
    row_of: dict[str, str] = {}
    pooled = 0
    for key, name, learners in units:
        if learners >= min_group:
            rows.append(UnitRow(key, name or t("report_no_unit"), learners))
            row_of[key] = key
        else:
            pooled += learners
            row_of[key] = OTHER
    if pooled:
        rows.append(UnitRow(OTHER, t("report_other_units", n=min_group), pooled))
    return rows, row_of
