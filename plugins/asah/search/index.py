"""Asah's search index: small files a browser loads only when the learner searches, and only
those a query needs (docs/decisions.md, "Search").

Every file is a classic script that hands its data to the runtime (`AsahSearchData(name,
data)`), so the index loads from `file://` as well as over http:

- `meta.js`: what every query needs: the number of sections, where each page's sections start,
  each page's competencies, the glossary's phrases and the stop words;
- `t/<n>.js`: a term shard: each indexed word's postings (section id deltas and weights), and
  each word-family key's words (`keys` in words.py), for the words and keys whose hash is n;
- `v/<length>.js`: the indexed words of one length (typo correction looks at three lengths);
- `p/<i>.js`: page i: its location, title, competencies, minutes and sections' text (for the
  results list and its snippets).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat

from .glossary import Glossary
from .patterns import alternation, standalone
from .sections import Section
from .words import keys, tokens

VERSION = 1
SHARDS = 256  # term shards for a course of up to SECTIONS_PER_SHARDS sections; doubled after
SECTIONS_PER_SHARDS = 4000
GROUP = "~"  # a glossary entry's token: "~3" stands for the term, its expansion and synonyms
# Field weights: a word in the page title or a heading says more than one in the text.
TITLE, HEADING = 5, 3
K1, B = 1.2, 0.75  # BM25's saturation and length normalisation
SCALE = 40  # weights are stored as small integers
TOP = 40  # counts above this weigh as much (BM25 has saturated long before)
MIN_TYPO_WORD = 4  # words kept for typo correction (queries of five letters or more)
# Words too common to say anything; the project's own short list (longer published lists hold
# content words such as "masalah" or "tahun").
# fmt: off
STOP_WORDS = frozenset((
    "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "ini", "itu", "atau", "dalam",
    "adalah", "akan", "juga", "oleh", "sebagai", "karena", "bahwa", "agar", "jika", "bila",
    "maka", "serta", "tidak", "ada", "bisa", "dapat", "harus", "sudah", "telah", "belum", "masih",
    "para", "tersebut", "lebih", "sangat", "setiap", "antara", "kepada", "bagi", "hal", "secara",
    "saat", "ia", "mereka", "kita", "kami", "anda", "kamu", "saya", "nya", "pun", "lah", "kah",
    "the", "a", "an", "of", "to", "and", "in", "is", "are", "was", "be", "for", "on", "that",
    "this", "with", "as", "by", "or", "it", "its", "at", "from", "not", "you", "your", "we",
    "our", "can", "will",
))
# fmt: on


@dataclass
class SearchPage:
    location: str  # from the site root, as Material writes it: "keamanan-informasi/phishing/"
    title: str
    sections: list[Section]
    competencies: list[tuple[str, int | None]] = field(default_factory=list)
    minutes: int | None = None
    # how much its words count: the glossary's short entries would otherwise outrank the
    # lessons that teach the term (BM25 favours short sections)
    weight: float = 1.0


@functools.lru_cache(maxsize=65536)  # a word family's keys come up again and again
def shard_of(word: str, shards: int = SHARDS) -> int:
    """FNV-1a over the word's characters (the runtime's `shardOf` is the same function)."""
    value = 0x811C9DC5
    for char in word:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value % shards


class _Phrases:
    """Finds a glossary's terms, expansions and synonyms in a section. This runs on every section
    of every build, so one-word phrases are looked up among the words already counted, and the
    patterns for longer ones run only where their first words follow each other."""

    def __init__(self, glossary: Glossary) -> None:
        self.query: list[list[str]] = []  # per entry: its phrases as the runtime matches them
        self.words: dict[str, int] = {}  # a one-word phrase (any case) → its entry
        self.acronyms: dict[str, int] = {}  # a one-word acronym, as written → its entry
        phrases: dict[str, int] = {}  # longer phrases, words joined by a space → entry
        cased: dict[str, int] = {}  # longer acronyms, as written → entry
        for group, term in enumerate(glossary.terms):
            written: list[str] = []
            for phrase in term.phrases():
                words = tokens(phrase)
                if not words:
                    continue
                written.append(" ".join(words))
                acronym = phrase == term.term and term.case_sensitive
                if acronym:
                    (self.acronyms if len(words) == 1 else cased).setdefault(phrase, group)
                elif len(words) == 1:
                    self.words.setdefault(words[0], group)
                else:
                    phrases.setdefault(" ".join(words), group)
            self.query.append(list(dict.fromkeys(written)))
        self.phrases, self.cased = phrases, cased
        self.phrase_pattern = alternation(phrases, r"(?<![^ ])(", r")(?![^ ])")
        self.cased_pattern = alternation(cased, "(", r")(?![\w-])")
        self.pairs = {tuple(p.split(" ")[:2]) for p in phrases}
        # an acronym is looked for as written only in sections that have its word in any case
        self.acronym_patterns: dict[str, list[tuple[str, re.Pattern[str], int]]] = defaultdict(list)
        for written, group in self.acronyms.items():
            pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(written)}(?![A-Za-z0-9])")
            self.acronym_patterns[tokens(written)[0]].append((written, pattern, group))
        self.cased_pairs = {tuple(tokens(a)[:2]) for a in cased}
        # a longer phrase or acronym is looked for only where its first two words follow each other
        self.first_pairs = self.pairs | self.cased_pairs
        self.first_words = {first for first, *_ in self.first_pairs}

    def groups(self, raw: str, words: list[str], counts: Counter[str]) -> Counter[str]:
        """Entries found in `raw`, whose words (lowercase) are `words`, counted in `counts`."""
        found: Counter[str] = Counter()
        present = counts.keys()
        for word in self.words.keys() & present:
            found[f"{GROUP}{self.words[word]}"] += counts[word]
        for word in self.acronym_patterns.keys() & present:
            for written, pattern, group in self.acronym_patterns[word]:
                # the pattern's look-behind makes it scan slowly: only where the letters are
                if written in raw and (times := len(pattern.findall(raw))):
                    found[f"{GROUP}{group}"] += times
        if self.first_words.isdisjoint(present):
            return found
        pairs = self.first_pairs.intersection(itertools.pairwise(words))
        if not pairs:
            return found
        if self.cased_pattern is not None and not self.cased_pairs.isdisjoint(pairs):
            for match in standalone(self.cased_pattern, raw):
                found[f"{GROUP}{self.cased[match.group(1)]}"] += 1
        if self.phrase_pattern is not None and not self.pairs.isdisjoint(pairs):
            for match in self.phrase_pattern.finditer(" ".join(words)):
                found[f"{GROUP}{self.phrases[match.group(1)]}"] += 1
        return found


# not indexed: stop words and single letters or digits
_LEFT_OUT = STOP_WORDS | set("abcdefghijklmnopqrstuvwxyz0123456789")


def _counts(page: SearchPage, section: Section, top: bool, phrases: _Phrases) -> Counter[str]:
    """Each word's weighted count in a section (title and heading count more)."""
    words = tokens(section.text)
    counts = Counter(words)  # counted in C; stop words and single letters out after
    if groups := phrases.groups(section.text, words, counts):
        counts.update(groups)
    for text, weight in ((section.heading, HEADING), (page.title if top else "", TITLE)):
        if text:
            words = tokens(text)
            found = Counter(words)
            if groups := phrases.groups(text, words, found):
                found.update(groups)
            for word, count in found.items():
                counts[word] += count * weight
    for word in _LEFT_OUT.intersection(counts):
        counts.pop(word)  # dict's, in C (Counter's `del` is Python)
    return counts


def build(
    pages: Iterable[SearchPage],
    glossary: Glossary,
    competencies: Sequence[tuple[str, str]] = (),
    shards: int = 0,
) -> dict[str, str]:
    """The index files: path (relative to the index folder) → the script's text."""
    phrases = _Phrases(glossary)
    competency_index = {cid: i for i, (cid, _) in enumerate(competencies)}
    # word → [(section id, count), ...]; made into differences and weights once lengths are known
    postings: dict[str, list] = defaultdict(list)
    files: dict[str, str] = {}
    firsts: list[int] = []
    page_competencies: list[list[int]] = []
    lengths: list[int] = []
    tops: list[int] = []  # each section's highest count
    weights: list[float] = []
    for number, page in enumerate(pages):
        firsts.append(len(lengths))
        page_competencies.append(
            [competency_index[c] for c, _ in page.competencies if c in competency_index]
        )
        for position, section in enumerate(page.sections):
            section_id = len(lengths)
            counts = _counts(page, section, position == 0, phrases)
            # (section, count) onto each word's list, in C: a plain loop over the 200,000
            # postings of a 1,000-lesson course costs more than the rest of the indexing
            deque(
                map(
                    list.append,
                    map(postings.__getitem__, counts),
                    zip(repeat(section_id), counts.values()),
                ),
                maxlen=0,
            )
            lengths.append(sum(counts.values()))
            tops.append(max(counts.values(), default=0))
            weights.append(page.weight)
        files[f"p/{number}.js"] = _script(
            f"p/{number}",
            {
                "l": page.location,
                "t": page.title,
                "c": [[c, level] for c, level in page.competencies],
                "m": page.minutes,
                "s": [[s.anchor, s.heading, s.text] for s in page.sections],
            },
        )
    _weigh(postings, lengths, tops, weights)
    shards = shards or shard_count(len(lengths))
    files.update(_term_shards(postings, shards))
    files.update(_vocabulary(postings))
    files["meta.js"] = _script(
        "meta",
        {
            "v": VERSION,
            "n": len(lengths),
            "shards": shards,
            "pages": firsts,
            "pc": page_competencies,
            "comp": [list(c) for c in competencies],
            "gl": phrases.query,
            "stop": sorted(STOP_WORDS),
        },
    )
    return files


def _weigh(
    postings: dict[str, list], lengths: list[int], tops: list[int], weights: list[float]
) -> None:
    """[(section id, count), ...] → [section id difference, weight, ...], weights by BM25."""
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    # each section's stored weight of a count (counts are small whole numbers)
    stored: list[list[int]] = []
    for length, top, weight in zip(lengths, tops, weights, strict=True):
        norm = K1 * (1 - B + B * length / average)
        scale = weight * (K1 + 1) * SCALE
        table = [min(255, int(scale * c / (c + norm) + 0.5)) or 1 for c in range(min(top, TOP) + 1)]
        stored.append(table + table[-1:] * (top - TOP))
    for word, found in postings.items():
        ids = [section for section, _ in found]
        flat = [0] * (2 * len(found))
        flat[0::2] = [b - a for a, b in zip([0, *ids], ids, strict=False)]
        flat[1::2] = [stored[section][count] for section, count in found]
        postings[word] = flat


def shard_count(sections: int) -> int:
    """Term shards for a course: a shard stays about the same size as courses grow."""
    shards = SHARDS
    while shards * SECTIONS_PER_SHARDS < sections * SHARDS:
        shards *= 2
    return shards


def home(word: str, word_keys: Sequence[str]) -> str:
    """Where a word's postings are kept: its shortest key (the last, of equals), so a word
    family (pelatihan, melatih, latihan: latih) mostly shares one shard and a query for any of
    them loads few. The runtime's `home` is the same function."""
    if word.startswith(GROUP):
        return word
    found = word_keys[-1]
    for key in reversed(word_keys):
        if len(key) < len(found):
            found = key
    return found


def _term_shards(postings: dict[str, list[int]], shards: int) -> dict[str, str]:
    terms: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    family: list[dict[str, list[str]]] = [{} for _ in range(shards)]
    for word in sorted(postings):
        word_keys = [word] if word.startswith(GROUP) else keys(word)
        terms[shard_of(home(word, word_keys), shards)][word] = postings[word]
        for key in word_keys[1:]:
            family[shard_of(key, shards)].setdefault(key, []).append(word)
    return {
        f"t/{n}.js": _script(f"t/{n}", {"t": terms[n], "f": family[n]})
        for n in range(shards)
        if terms[n] or family[n]
    }


def _vocabulary(postings: dict[str, list[int]]) -> dict[str, str]:
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(postings):
        if len(word) >= MIN_TYPO_WORD and word.isalpha():
            by_length[len(word)].append(word)
    return {f"v/{n}.js": _script(f"v/{n}", " ".join(words)) for n, words in by_length.items()}


def _script(name: str, data: object) -> str:
    # `</` never appears in the JSON (escaped), so the text cannot close a script element
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"AsahSearchData({json.dumps(name)},{text});\n"
