"""Regular expressions that find any of many phrases (glossary terms, acronyms) in text."""

from __future__ import annotations

import re
from collections.abc import Iterable


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
