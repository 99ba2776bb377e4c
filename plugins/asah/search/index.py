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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .glossary import Glossary
from .patterns import alternation
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
                    as_written = _CASED.findall(phrase)
                    found = self.acronyms if len(as_written) == 1 else cased
                    found.setdefault(as_written[0] if len(as_written) == 1 else phrase, group)
                elif len(words) == 1:
                    self.words.setdefault(words[0], group)
                else:
                    phrases.setdefault(" ".join(words), group)
            self.query.append(list(dict.fromkeys(written)))
        self.phrases, self.cased = phrases, cased
        self.phrase_pattern = alternation(phrases, r"(?<![^ ])(", r")(?![^ ])")
        self.cased_pattern = alternation(cased, r"(?<![\w-])(", r")(?![\w-])")
        self.pairs = {tuple(p.split(" ")[:2]) for p in phrases}
        self.acronym_words = {w.lower() for w in self.acronyms} | {tokens(a)[0] for a in cased}

    def groups(self, raw: str, words: list[str], counts: Counter[str]) -> Counter[str]:
        """Entries found in `raw`, whose words (lowercase) are `words`, counted in `counts`."""
        found: Counter[str] = Counter()
        present = counts.keys()
        for word in self.words.keys() & present:
            found[f"{GROUP}{self.words[word]}"] += counts[word]
        if not self.acronym_words.isdisjoint(present):
            as_written = Counter(_CASED.findall(raw))
            for acronym in self.acronyms.keys() & as_written.keys():
                found[f"{GROUP}{self.acronyms[acronym]}"] += as_written[acronym]
            if self.cased_pattern is not None:
                for match in self.cased_pattern.finditer(raw):
                    found[f"{GROUP}{self.cased[match.group(1)]}"] += 1
        if self.phrase_pattern is not None and not self.pairs.isdisjoint(itertools.pairwise(words)):
            for match in self.phrase_pattern.finditer(" ".join(words)):
                found[f"{GROUP}{self.phrases[match.group(1)]}"] += 1
        return found


_CASED = re.compile(r"[A-Za-z0-9]+")  # words as written (acronyms match case and all)


def _counts(page: SearchPage, section: Section, top: bool, phrases: _Phrases) -> Counter[str]:
    """Each word's weighted count in a section (title and heading count more)."""
    counts: Counter[str] = Counter()
    parts = [(section.text, 1), (section.heading, HEADING)]
    if top:
        parts.append((page.title, TITLE))
    for text, weight in parts:
        if not text:
            continue
        words = tokens(text)
        found = Counter(words)  # counted in C; stop words and single letters out after
        found.update(phrases.groups(text, words, found))
        for word in [w for w in found if len(w) < 2 or w in STOP_WORDS]:
            del found[word]
        if weight == 1:
            counts.update(found)
        else:
            counts.update({w: c * weight for w, c in found.items()})
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
    # word → [section id difference, weight, ...] (weights as small integers)
    postings: dict[str, list[int]] = defaultdict(list)
    files: dict[str, str] = {}
    firsts: list[int] = []
    page_competencies: list[list[int]] = []
    lengths: list[float] = []
    all_counts: list[Counter[str]] = []
    weights: list[float] = []
    for number, page in enumerate(pages):
        firsts.append(len(lengths))
        page_competencies.append(
            [competency_index[c] for c, _ in page.competencies if c in competency_index]
        )
        for position, section in enumerate(page.sections):
            counts = _counts(page, section, position == 0, phrases)
            all_counts.append(counts)
            weights.append(page.weight)
            lengths.append(sum(counts.values()))
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
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    last: dict[str, int] = {}  # each word's previous section: postings hold the difference
    for section_id, counts in enumerate(all_counts):
        norm = K1 * (1 - B + B * lengths[section_id] / average)
        scale = weights[section_id] * (K1 + 1) * SCALE
        # the stored weight of each count in this section (counts are small whole numbers)
        top = min(TOP, max(counts.values(), default=0))
        stored = [min(255, int(scale * c / (c + norm) + 0.5)) or 1 for c in range(top + 1)]
        for word, count in counts.items():
            postings[word] += (section_id - last.get(word, 0), stored[min(count, TOP)])
            last[word] = section_id
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
