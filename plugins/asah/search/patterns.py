"""Regular expressions that find any of many phrases (glossary terms, acronyms) in text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def alternation(choices: Iterable[str], before: str, after: str) -> re.Pattern[str] | None:
    """One pattern for all `choices` as a trie (`a(?:b|c)`), so the longest phrase wins and
    a position that starts no choice is passed at once: a plain alternation of a hundred
    phrases tries each of them at every character of every section."""
    trie: dict[str, dict] = {}
    for choice in choices:
        node = trie
        for char in choice:
            node = node.setdefault(char, {})
        node[""] = {}  # a choice ends here
    return re.compile(before + _trie(trie) + after) if trie else None


def _trie(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a shorter choice ends here: the longer ones first (regex alternation is ordered)
        return f"(?:{body})?"
    return body


_WORD_BEFORE = re.compile(r"[\w-]")


def standalone(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern`'s matches that no word character or hyphen comes right before. The check is
    here rather than a look-behind at the pattern's start, which stops the regex engine from
    skipping ahead to the characters that can start a match (five times slower on a page)."""
    at = 0
    while (match := pattern.search(text, at)) is not None:
        start = match.start()
        if start and _WORD_BEFORE.match(text, start - 1):
            at = start + 1
            continue
        yield match
        at = max(match.end(), start + 1)
