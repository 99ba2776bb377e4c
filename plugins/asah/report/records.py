"""Reading one export file (docs/storage.md, versions 1 and 2) and checking it: JSON, an Asah
progress file of this course, a version this Asah knows, whole (version 2 carries a CRC-32 of
its other fields), dates that are not in the future. A file that fails is skipped with the
reason, as `file: what is wrong`; the report goes on with the others."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

FORMAT = "asah-progress"
VERSIONS = (1, 2)
# a day's slack for clocks and time zones before a date counts as "in the future"
SLACK = timedelta(days=1)
_JS_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


class RecordProblem(Exception):
    """Why a file is skipped: an interface string's key (report_<key>) and its values."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@dataclass
class RecordFile:
    """One learner's file, checked; `records` as the browser stores them."""

    version: int
    exported: str
    utc_offset: int  # the learner's clock, minutes east of UTC (0 when the file does not say)
    learner: dict[str, str]
    learner_id: str
    records: dict[str, Any]
    course_version: str = ""  # the course's version when the file was made ("" in version 1)
    keys: tuple[str, ...] = field(default=())  # who the learner is (learners.py)


# -- the checksum, as progress/export.js makes it ---------------------------------------------


def checksum(file: dict[str, Any]) -> str:
    """`crc32:<8 hex>` of the file's other fields as JavaScript's JSON.stringify writes them."""
    rest = {key: value for key, value in file.items() if key != "checksum"}
    text = json.dumps(rest, separators=(",", ":"), ensure_ascii=False)
    if _odd_numbers(text):
        text = _TOKEN.sub(_as_js, text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JavaScript writes it as \udxxx
        data = _TOKEN.sub(_as_js, text).encode("utf-8")
    return f"crc32:{zlib.crc32(data):08x}"


def _odd_numbers(text: str) -> bool:
    """Whether json.dumps may have written a number otherwise than JavaScript: with an exponent
    (1e+16, 1e-07) or as 100.0 (read from a file that says 100.0; JavaScript writes 100). A
    string that only looks so costs a slower, still right, rewrite."""
    if ".0," in text or ".0}" in text or ".0]" in text:
        return True
    for mark in ("e+", "e-", "E+", "E-"):
        at = text.find(mark)
        while at > 0:
            if text[at - 1].isdigit():
                return True
            at = text.find(mark, at + 2)
    return False


# a string or a number of json.dumps' output
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?')
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _as_js(match: re.Match[str]) -> str:
    token = match.group()
    if token.startswith('"'):
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", token)
    if "." in token or "e" in token or "E" in token:
        return _js_number(float(token))
    return token


def _js_number(number: float) -> str:
    """Number.prototype.toString of a finite number (ECMA-262 Number::toString): the shortest
    digits that read back, as Python's repr finds them, laid out as JavaScript lays them."""
    if number == 0:
        return "0"
    _, digits_tuple, exponent = Decimal(repr(abs(number))).as_tuple()
    digits = "".join(map(str, digits_tuple))
    stripped = digits.rstrip("0")
    exponent = int(exponent) + len(digits) - len(stripped)
    digits = stripped
    k = len(digits)
    n = exponent + k  # the value is 0.<digits> × 10^n
    sign = "-" if number < 0 else ""
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    body = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{body}e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"


# -- reading -----------------------------------------------------------------------------------


def read(data: bytes, site: str, now: datetime) -> RecordFile:
    """The file's record, or RecordProblem saying why it cannot be used."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RecordProblem("problem_not_text") from None
    try:
        file = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordProblem("problem_not_json", line=error.lineno) from None
    except RecursionError:
        raise RecordProblem("problem_not_json", line=1) from None
    if not isinstance(file, dict) or file.get("format") != FORMAT:
        raise RecordProblem("problem_not_record")
    records = file.get("records")
    if not isinstance(records, dict):
        raise RecordProblem("problem_not_record")
    version = file.get("version")
    if version not in VERSIONS or isinstance(version, bool):
        raise RecordProblem("problem_version", version=_shown(version))
    if file.get("site") != site:
        raise RecordProblem(
            "problem_other_site", site=_shown(file.get("site")), expected=_shown(site)
        )
    if version >= 2 and file.get("checksum") != checksum(file):
        raise RecordProblem("problem_changed")
    _check_shape(records)
    exported = file.get("exported")
    exported = exported if isinstance(exported, str) else ""
    _check_dates(records, exported, now)
    learner = file.get("learner")
    learner = (
        {k: v.strip() for k, v in learner.items() if isinstance(v, str) and v.strip()}
        if isinstance(learner, dict)
        else {}
    )
    offset = file.get("utc_offset")
    learner_id = file.get("learner_id")
    course_version = file.get("course_version")
    return RecordFile(
        version=version,
        exported=exported,
        utc_offset=offset if isinstance(offset, int) and abs(offset) <= 14 * 60 else 0,
        learner=learner,
        learner_id=learner_id if isinstance(learner_id, str) else "",
        records=records,
        course_version=course_version if isinstance(course_version, str) else "",
    )


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if value is not None else "—"
    return text if len(text) <= 40 else text[:39] + "…"


def _check_shape(records: dict[str, Any]) -> None:
    for part in ("lessons", "quizzes"):
        entries = records.get(part, {})
        if not isinstance(entries, dict) or not all(isinstance(e, dict) for e in entries.values()):
            raise RecordProblem("problem_shape", part=f"records.{part}")
    assessment = records.get("assessment")
    if assessment is not None and not isinstance(assessment, dict):
        raise RecordProblem("problem_shape", part="records.assessment")


def parse_date(text: str) -> datetime | None:
    """An ISO 8601 date and time; one without a time zone is UTC. None when it is not one."""
    try:
        value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    except (ValueError, TypeError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _dates(records: dict[str, Any]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for path, entry in records.get("lessons", {}).items():
        if "date" in entry:
            found.append((f"lessons.{path}", entry["date"]))
    for quiz, entry in records.get("quizzes", {}).items():
        for key in ("passedDate", "solutionDate"):
            if key in entry:
                found.append((f"quizzes.{quiz}.{key}", entry[key]))
        for key in ("first", "last"):
            attempt = entry.get(key)
            if isinstance(attempt, dict) and "date" in attempt:
                found.append((f"quizzes.{quiz}.{key}", attempt["date"]))
    assessment = records.get("assessment")
    if isinstance(assessment, dict) and "date" in assessment:
        found.append(("assessment", assessment["date"]))
    return found


def _check_dates(records: dict[str, Any], exported: str, now: datetime) -> None:
    """No date after the file was made, and no file made in the future (a day's slack)."""
    limit = now + SLACK
    if exported:
        made = parse_date(exported)
        if made is None:
            raise RecordProblem("problem_date", where="exported", value=_shown(exported))
        if made > limit:
            raise RecordProblem("problem_future", where="exported", value=exported)
        limit = min(limit, made + SLACK)
    # the browser writes UTC as 2026-03-05T08:00:00.000Z: such dates compare as text
    plain = limit.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    for where, value in _dates(records):
        if isinstance(value, str) and _JS_ISO.match(value):
            if value > plain:
                raise RecordProblem("problem_future", where=where, value=value)
            continue
        date = parse_date(value) if isinstance(value, str) else None
        if date is None:
            raise RecordProblem("problem_date", where=where, value=_shown(value))
        if date > limit:
            raise RecordProblem("problem_future", where=where, value=value)
