"""Finding `/// quiz` blocks in a page's Markdown, wherever an author may put one: at the left
margin, indented inside an admonition, a collapsible (`???`), a content tab (`===`) or an
`md_in_html` element, behind `>` in a block quote, or nested in another `///` block (closed
with as many slashes as it was opened with). Blocks inside fenced code are examples, and blocks
inside an HTML comment are switched off: neither is a quiz.
Used by the Markdown extension and by `asah check` alike, so both see the same blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

NAME = "quiz"
NEAR_MISSES = ("kuis", "quizz", "quis", "qiuz", "kuiz", "quizzes", "kuis-kuis")
_START = re.compile(
    r"^(?P<prefix>[ \t>]*)(?P<slashes>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)[ \t]*"
    r"(?:\|[ \t]*(?P<arg>.*?))?[ \t]*$"
)
_FENCE = re.compile(r"^[ \t>]*(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
_HEADING = re.compile(r"^(#{1,6})[ \t]")
# the only characters a line that matters here can start with
_STARTS = frozenset("/#`~ \t><")
_NOT_FENCE = frozenset("/#<")  # a fence is indented or quoted at most
_NAMES = frozenset((NAME, *NEAR_MISSES))
_COMMENT_START = re.compile(r"^[ \t>]*<!--")


@dataclass(frozen=True)
class Block:
    start: int  # index of the opening line
    end: int | None  # index of the closing line; None when the block is not closed
    prefix: str  # what precedes `///` (indentation, `>`), repeated on every line of the block
    name: str  # as written (`quiz`, or a near miss such as `kuis`)
    arg: str  # the bank id after `|`, or "" for an inline quiz
    body: str  # the lines between, without the prefix
    heading: int  # level of the last heading before the block (1 when there is none)

    @property
    def is_quiz(self) -> bool:
        return self.name == NAME

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the block when the same page is read twice."""
        return (self.name, self.arg, self.body)

    def moved(self, lines: int) -> Block:
        """The same block `lines` further down."""
        end = self.end + lines if self.end is not None else None
        return Block(
            self.start + lines, end, self.prefix, self.name, self.arg, self.body, self.heading
        )


@dataclass(frozen=True)
class ScannedText:
    """A page's Markdown as read with the course, and its blocks. The Markdown extension, given
    the same text (as it is for most pages), takes them instead of finding them again: the
    same lines give the same blocks, and finding them cost more than placing the quiz."""

    text: str
    blocks: list[Block]

    def blocks_of(self, lines: Sequence[str]) -> list[Block] | None:
        """The blocks of `lines` when they are this text but for blank lines before and after
        it (Markdown adds some), else None (another plugin or Markdown changed the text)."""
        given = "\n".join(lines)
        given_body, own_body = given.lstrip("\n"), self.text.lstrip("\n")
        if given_body.rstrip("\n") != own_body.rstrip("\n"):
            return None
        down = (len(given) - len(given_body)) - (len(self.text) - len(own_body))
        return [block.moved(down) for block in self.blocks] if down else list(self.blocks)


def scanned(markdown: str) -> ScannedText:
    """The blocks of a page's Markdown (its text after the front matter)."""
    if "\r" in markdown:  # as Markdown reads it
        markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    return ScannedText(markdown, scan(markdown.split("\n")))


def scan(lines: Sequence[str]) -> list[Block]:
    """Every quiz block (and near miss) of the Markdown `lines`, in order."""
    blocks: list[Block] = []
    fence: str | None = None
    in_comment = False
    heading = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if in_comment:  # an author's `<!-- ... -->` around a block switches it off
            in_comment = "-->" not in line
            continue
        first = line[:1]
        if first not in _STARTS:  # prose: no fence, heading or block starts here
            continue
        # each regex only where its line can start: this runs on every line of every page
        if first not in _NOT_FENCE and (match := _FENCE.match(line)):
            marker = match["fence"]
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence) and not match["rest"].strip():
                fence = None
            continue
        if fence is not None:
            continue
        if first == "#":
            if level := _HEADING.match(line):
                heading = len(level.group(1))
            continue
        if first != "/" and (comment := _COMMENT_START.match(line)):
            in_comment = "-->" not in line[comment.end() :]
            continue
        start = _START.match(line) if first not in "`~<" else None
        if start is None or start["name"].lower() not in _NAMES:
            continue
        prefix = start["prefix"]
        end = _closing(lines, i, prefix, start["slashes"])
        body_lines = lines[i:end] if end is not None else []
        body = "\n".join(_without(prefix, text) for text in body_lines)
        blocks.append(
            Block(i - 1, end, prefix, start["name"], (start["arg"] or "").strip(), body, heading)
        )
        if end is not None:
            i = end + 1
    return blocks


def _closing(lines: Sequence[str], first: int, prefix: str, slashes: str) -> int | None:
    """The index of the line closing a block opened with `slashes` after `prefix`."""
    closing = prefix.rstrip() + slashes
    quote = ">" in prefix
    for j in range(first, len(lines)):
        text = lines[j].rstrip()
        if text == closing or text == prefix + slashes:
            return j
        if quote and not text.lstrip().startswith(">"):
            return None  # the block quote ended before the block did
    return None


def _without(prefix: str, line: str) -> str:
    """A body line without the block's prefix (a shorter blank line is just blank)."""
    if line.startswith(prefix):
        return line[len(prefix) :]
    stripped = prefix.rstrip()
    if line.rstrip() == stripped or not line.strip():
        return ""
    if stripped and line.startswith(stripped):  # `>` without its space
        return line[len(stripped) :].lstrip(" ")
    return line.lstrip()


def anchor(position: int) -> str:
    """The element id of a page's quiz block at `position` (1 for the first block `scan` finds,
    near misses included): where a link to that quiz goes (`lesson/#asah-quiz-2`)."""
    return f"asah-quiz-{position}"


def quiz_places(blocks: Sequence[Block], page_id: str) -> dict[str, str]:
    """The quizzes a page's blocks place, in order: bank ids, and `<page>#<n>` for inline
    quizzes, each with the element id of its first block (`anchor`)."""
    places: dict[str, str] = {}
    inline = 0
    for position, block in enumerate(blocks, 1):
        if not block.is_quiz or block.end is None:
            continue
        quiz_id = block.arg
        if not quiz_id:
            inline += 1
            quiz_id = f"{page_id}#{inline}"
        places.setdefault(quiz_id, anchor(position))
    return places
