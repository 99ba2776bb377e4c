"""Lesson durations: minutes, "90m", "1h30m", "2 JP" (and Indonesian "menit"/"jam")."""

from __future__ import annotations

import re

_HOURS_MINUTES = re.compile(
    r"^(?:(?P<h>\d+)\s*(?:h|jam))?\s*(?:(?P<m>\d+)\s*(?:m|min|menit))?$", re.IGNORECASE
)
_JP = re.compile(r"^(?P<jp>\d+(?:[.,]\d+)?)\s*JP$", re.IGNORECASE)


def parse(value: object, minutes_per_jp: int) -> int | None:
    """Minutes of a duration, or None when the value is not a duration."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdigit():
        return int(text) or None
    if match := _JP.match(text):
        minutes = round(float(match["jp"].replace(",", ".")) * minutes_per_jp)
        return minutes or None
    match = _HOURS_MINUTES.match(text)
    if match and (match["h"] or match["m"]):
        minutes = int(match["h"] or 0) * 60 + int(match["m"] or 0)
        return minutes or None
    return None


def jp(minutes: int, minutes_per_jp: int) -> float:
    """JP for a number of minutes, rounded to one decimal with halves up (15 minutes of 60 are
    0.3 JP), as the browser rounds (progress/model.js `jp`; fixtures/shared/path-left.json)."""
    return (minutes * 20 + minutes_per_jp) // (2 * minutes_per_jp) / 10
