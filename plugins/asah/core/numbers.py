"""Numbers as a site's language writes and reads them.

Indonesian groups thousands with `.` and marks decimals with `,` (`1.500` is fifteen hundred,
`2,5` two and a half); English and every other language the other way round. The browser does
the same (runtime `base/asah.js`); tests/fixtures/shared/numbers.json keeps the two equal.

Reading is lenient where a learner's meaning is clear:
- a currency sign or code before the number (`Rp 200.000.000`, `Rp.`, `IDR`, `$`) and a `%`
  after it are ignored;
- a scale word after it multiplies it (`200 juta`, `1,5 miliar`, `3 ribu`, `2 million`);
- a group mark that does not group three digits is taken as the decimal mark when it is the only
  one (`2.5` is 2.5 on an Indonesian site too), so no answer is misread by a thousand times;
- the decimal mark used more than once can only group thousands (`200,000,000` on an
  Indonesian site, `200.000.000` on an English one).
"""

from __future__ import annotations

import re

_MARKS = {"id": (".", ",")}  # language: (group mark, decimal mark)
_DEFAULT_MARKS = (",", ".")
SCALES = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_CURRENCY = re.compile(r"^(?:rp\.?|idr|usd|\$)", re.IGNORECASE)
_SCALE = re.compile(r"([a-z]+)$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def marks(language: str) -> tuple[str, str]:
    return _MARKS.get(language, _DEFAULT_MARKS)


def format_number(value: float, language: str) -> str:
    """`200000000` → `200.000.000` (id) or `200,000,000` (en); `2.5` → `2,5` (id)."""
    group, decimal = marks(language)
    if isinstance(value, int) or float(value).is_integer():
        whole, fraction = f"{abs(int(value)):,}", ""
    else:
        from decimal import Decimal  # the shortest digits of a float, without an exponent

        whole, _, fraction = f"{Decimal(repr(abs(float(value)))):,f}".partition(".")
    fraction = fraction.rstrip("0")
    out = whole.replace(",", group) + (decimal + fraction if fraction else "")
    return ("-" if value < 0 else "") + out


def parse_number(text: str, language: str) -> float | None:
    """What a learner typed, as a number; None when it is not one."""
    group, decimal = marks(language)
    clean = _SPACES.sub("", str(text)).strip()
    clean = _CURRENCY.sub("", clean).removesuffix("%")
    scale = 1.0
    if match := _SCALE.search(clean):
        word = match.group(1).lower()
        if word not in SCALES:
            return None
        scale = SCALES[word]
        clean = clean[: match.start()]
    sign = ""
    if clean[:1] in "+-" and clean:
        sign, clean = clean[0], clean[1:]
    if not clean:
        return None
    if clean.count(decimal) > 1 and group not in clean:
        whole, fraction = _ungroup(clean, decimal), ""
    elif decimal in clean:
        whole, _, fraction = clean.rpartition(decimal)
        if not fraction.isdigit():
            return None
        whole = _ungroup(whole, group) if whole else "0"
    elif group in clean:
        grouped = _ungroup(clean, group)
        if grouped is not None:
            whole, fraction = grouped, ""
        elif clean.count(group) == 1:  # `2.5` on an Indonesian site: a decimal point
            whole, _, fraction = clean.partition(group)
            if not fraction.isdigit():
                return None
            whole = whole or "0"
        else:
            return None
    else:
        whole, fraction = clean, ""
    if whole is None or not whole.isdigit():
        return None
    number = float(f"{sign}{whole}.{fraction or '0'}")
    return number * scale


def _ungroup(text: str, group: str) -> str | None:
    """`1.500.000` → `1500000` when the group marks group three digits each, else None
    (digits without group marks are returned as they are)."""
    if group not in text:
        return text if text.isdigit() else None
    head, *rest = text.split(group)
    if not (head.isdigit() and 1 <= len(head) <= 3):
        return None
    if not all(len(part) == 3 and part.isdigit() for part in rest):
        return None
    return head + "".join(rest)
