"""What an author should check when YAML cannot be read, in place of the parser's wording.

PyYAML says where it noticed a problem ("mapping values are not allowed here"); an author needs
to hear the usual cause: an indentation, a colon inside a text that needs quotes, a tab, a
quote or bracket never closed. `explain` sorts a parser error into one of these kinds (the
message keys `yaml_<kind>`), with the line to look at: for an unclosed quote or bracket, the
line where it was opened rather than the end of the file where the parser gave up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_CANNOT_START = re.compile(r"found character '(.+?)' that cannot start any token")
_INDENT = (
    "expected <block end>, but found '<block mapping start>'",
    "expected <block end>, but found '<block sequence start>'",
    "expected <block end>, but found '?'",
    "expected <block end>, but found '-'",
    "did not find expected key",
    "did not find expected '-' indicator",
)


@dataclass
class Explained:
    kind: str  # tab, colon, indent, quote, bracket, after_value, special_start, no_colon,
    # escape, other (message key `yaml_<kind>`)
    line: int | None  # 0-based, in the text parsed
    values: dict[str, Any] = field(default_factory=dict)


def explain(error: yaml.MarkedYAMLError, text: str) -> Explained:
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    line = mark.line if mark else None
    opened = error.context_mark
    if "'\\t'" in problem:
        return Explained("tab", line)
    if found := _CANNOT_START.search(problem):
        return Explained("special_start", line, {"char": found.group(1)})
    if "alias" in context or "anchor" in context or problem.startswith("found undefined alias"):
        char = "&" if "anchor" in context else "*"
        return Explained("special_start", line, {"char": char})
    if "block scalar" in context and opened is not None:
        return Explained("special_start", opened.line, {"char": _char_at(text, opened)})
    if problem == "sequence entries are not allowed here":
        return Explained("special_start", line, {"char": "-"})
    if problem == "mapping keys are not allowed here":
        return Explained("special_start", line, {"char": "?"})
    if "quoted scalar" in context and "end of stream" in problem and opened is not None:
        return Explained("quote", opened.line, {"quote": _char_at(text, opened)})
    if "escape character" in problem:
        return Explained("escape", line)
    if ("flow sequence" in context or "flow mapping" in context) and opened is not None:
        bracket = "[" if "sequence" in context else "{"
        return Explained("bracket", opened.line, _brackets(bracket))
    if "flow node" in context and "<stream end>" in problem:  # `[` and nothing after it
        for index in range(len(text.splitlines()) - 1, -1, -1):
            line = _line(text, index)
            found = max(line.rfind("["), line.rfind("{"))
            if found >= 0:
                return Explained("bracket", index, _brackets(line[found]))
    if problem == "could not find expected ':'":
        return Explained("no_colon", opened.line if opened else line)
    if problem == "mapping values are not allowed here" and mark is not None:
        before = _line(text, mark.line)[: mark.column]
        # a key earlier on the same line: the colon is inside that key's text
        kind = "colon" if re.search(r":(\s|$)", before) else "indent"
        return Explained(kind, line)
    if problem == "expected <block end>, but found '<scalar>'":
        return Explained("after_value", line)
    if problem in _INDENT:
        return Explained("indent", line)
    return Explained("other", line, {"detail": problem or context or "invalid YAML"})


def _brackets(bracket: str) -> dict[str, str]:
    return {"open": bracket, "close": "]" if bracket == "[" else "}"}


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _char_at(text: str, mark: yaml.Mark) -> str:
    line = _line(text, mark.line)
    return line[mark.column] if mark.column < len(line) else ""
