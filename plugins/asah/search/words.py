"""Words as the search index and the browser cut them: tokens, and word-family keys.

The browser runs the same rules (runtime `search/words.js`); tests/fixtures/search/words.json
keeps the two equal, so change both or neither.

Tokens: text is folded (NFKD, combining marks dropped, lower case), then every run of `a-z0-9`
is a token and anything else separates, except that
- an apostrophe between two letters is dropped (`Jum'at` → `jumat`, the standard spelling);
- `.` or `,` between two digits is dropped, so a number is one token whichever marks group it
  (`1.500`, `1,500` and `1500` → `1500`; `2,5` → `25`); `/` still separates (`11/2017`);
- a hyphen between two equal letter runs joins them into one token (`kegiatan-kegiatan` →
  `kegiatan`); any other hyphenated halves stay separate tokens (`bolak-balik`, `sehari-hari`,
  `buku-bukunya`, `covid-19`), whose keys then meet their families.

Keys: the word itself, then each plausible root of it, once, in a fixed order. Without a
dictionary we cannot tell `masa+lah` from `masalah`, so keys over-generate on purpose: a wrong
reading only costs something when another word shares it, and the right root must be there.
- Suffixes come off in layers, outermost first: a particle (-lah, -kah, -pun; -tah only after a
  vowel, as in `apatah`, which keeps `perintah`), a possessive (-nya, -ku, -mu), a derivational
  suffix (-kan, -an, -i; `-kan` is also read as `k` + `-an`: kebijakan → bijak).
- Then at most two prefix layers (memper- = meN- + per-, keberhasilan = ke- + ber-). meN- and
  peN- give every reading of their nasal: meng+vowel → vowel root and k-root (mengadu → adu,
  mengirim → kirim), men+vowel → t-root and n-root (menipu → tipu, menilai → nilai; not ipu:
  meN- before a vowel is meng-), mem+vowel → p-root and m-root (memakai → pakai, memakan →
  makan), meny+vowel → s-root and ny-root, mem+r → pr-root (pemrograman), menge-/penge- before
  a one-syllable root (mengecek → cek); me-/pe- before l r w y; pe- also before any consonant +
  vowel (pekerja). ber-/ter- are also be-/te- before r and before a first syllable in -er
  (bekerja), bel-/pel- only before ajar; di-, ke-, se-, per- plain.
- Prefix and suffix pairs Indonesian does not combine are skipped (di-…-an, ke-…-kan, meN-…-an,
  ter-…-an, ber-…-i, se-…-i/-kan, ke-…-i, peN-…-i/-kan).
- A key has three letters or more, a vowel, and starts as Indonesian words do (a vowel, a
  consonant + vowel, or an onset such as pr, st, sy, ny); a three-letter key that starts with a
  consonant must come from removing a prefix (dites → tes), so bukan does not give buk.
- `ROOTS` are common words that only look affixed; they are not cut further (berita keeps
  berita rather than ita, memberikan gives beri but not ikan).
- A token with a digit is its own only key.
"""

from __future__ import annotations

import functools
import re
import unicodedata

VOWELS = frozenset("aeiou")
PARTICLES = ("lah", "kah", "pun", "tah")
POSSESSIVES = ("nya", "ku", "mu")
DERIVATIONAL = ("kan", "an", "i")
# Two-consonant starts of roots (mostly loans: proses, struktur, klasifikasi, syarat, nyata).
ONSETS = frozenset(
    {"bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr"}
    | {"kh", "sy", "ny", "ps", "sc", "sk", "sl", "sm", "sn", "sp", "st", "sw"}
)
# Prefix kind (first letters) with a derivational suffix it never takes.
NO_CONFIX = frozenset(
    {
        ("be", "i"),
        ("di", "an"),
        ("ke", "i"),
        ("ke", "kan"),
        ("me", "an"),
        ("pe", "i"),
        ("pe", "kan"),
        ("se", "i"),
        ("se", "kan"),
        ("te", "an"),
    }
)
# Roots that look affixed and whose pieces are other words or frequent keys.
ROOTS = frozenset(
    {
        "beranda",  # anda
        "beri",  # ikan (berikan, memberikan)
        "berita",  # ita
        "berkas",  # kas
        "bersih",  # sih
        "kelas",  # las
        "kepala",  # pala
        "keras",  # ras
        "masalah",  # masa
        "mereka",  # reka
        "peran",  # per, ran
        "perangkat",  # angkat
        "peranti",  # anti
        "pesan",  # san
        "sebab",  # bab
        "sebut",  # but
        "sedia",  # dia
        "sering",  # ring
        "terapi",  # api, rapi
        "terima",  # rima (menerima, penerimaan)
    }
)

# an apostrophe between letters (jum'at) and a mark between digits (1.500) go; the mark first in
# the pattern, so the regex engine skips ahead from one mark to the next
_JOINED = re.compile(
    r"[.,'\u2018\u2019\u02bc]"
    r"(?:(?<=[a-z]['\u2018\u2019\u02bc])(?=[a-z])|(?<=[0-9][.,])(?=[0-9]))"
)
_RUN = re.compile(r"[a-z0-9]+")
# ASCII text is cut faster by mapping every other character to a space and splitting
_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if not _RUN.fullmatch(c)})
_LETTERS = re.compile(r"[a-z]+")
_ONE_SYLLABLE = re.compile(r"[^aeiou]+[aeiou]+[^aeiou]*")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _without_marks(match: re.Match[str]) -> str:
    """Combining marks (Unicode category M) out; other characters stay (they separate words)."""
    return "".join(c for c in match.group() if not unicodedata.category(c).startswith("M"))


# a word, hyphen, the same word again (and again): one token (`kegiatan-kegiatan`)
_DOUBLED = re.compile(r"(?<![a-z0-9])([a-z]+)(?=[-\u2010])(?:[-\u2010]\1(?![a-z0-9]))+")


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    # the index folds every page's text: only the few characters outside ASCII are looked at
    return _NON_ASCII.sub(_without_marks, unicodedata.normalize("NFKD", text)).lower()


def tokens(text: str) -> list[str]:
    """`Kegiatan-kegiatan Jum'at, 1.500 orang` → `kegiatan jumat 1500 orang`."""
    folded = _JOINED.sub("", _fold(text))
    if "-" in folded or "\u2010" in folded:
        folded = _DOUBLED.sub(r"\1", folded)
    return folded.translate(_SPACES).split() if folded.isascii() else _RUN.findall(folded)


def _valid(key: str, prefixed: bool) -> bool:
    if len(key) < 3 or VOWELS.isdisjoint(key):
        return False
    if not (key[0] in VOWELS or key[1] in VOWELS or key[:2] in ONSETS):
        return False
    return len(key) > 3 or key[0] in VOWELS or prefixed


def _strip(forms: list[tuple[str, str]], endings: tuple[str, ...], derivational: bool):
    out = list(forms)
    for form, _ in forms:
        if form in ROOTS or not form.endswith(endings):
            continue
        for end in endings:
            if not form.endswith(end):
                continue
            rest = form[: -len(end)]
            if len(rest) < 3:
                continue
            if end == "tah" and rest[-1] not in VOWELS:
                continue
            out.append((rest, end if derivational else ""))
    return out


@functools.lru_cache(maxsize=65536)  # a course's words share their forms (latih, latihan)
def _stems(word: str) -> tuple[tuple[str, str], ...]:
    """The word without 0-3 suffix layers, each with the derivational suffix it lost ("")."""
    forms = _strip([(word, "")], PARTICLES, False)
    forms = _strip(forms, POSSESSIVES, False)
    return tuple(_strip(forms, DERIVATIONAL, True))


@functools.lru_cache(maxsize=65536)
def _has_root(form: str) -> bool:
    """Whether `form` is one of the ROOTS, or one with suffixes (beritanya → berita)."""
    return any(stem in ROOTS for stem, _ in _stems(form))


def _nasal(rest: str) -> list[str]:
    """Roots under meN-/peN- once `me`/`pe` is gone: `rest` starts with the nasal."""
    if rest.startswith("ng"):
        after = rest[2:]
        if after[:1] in VOWELS:
            out = [after, "k" + after]
            if after[0] == "e" and _ONE_SYLLABLE.fullmatch(after[1:]):
                out.append(after[1:])  # menge- before one-syllable roots: mengecek
            return out
        return [after] if after[:1] in ("g", "h", "k") else []
    if rest.startswith("ny"):
        after = rest[2:]
        return ["s" + after, rest] if after[:1] in VOWELS else []
    if rest[:1] in ("n", "m"):
        after = rest[1:]
        if after[:1] in VOWELS:
            return [("t" if rest[0] == "n" else "p") + after, rest]
        if rest[0] == "m" and after[:1] == "r":
            return ["p" + after]  # pemrograman, pemrosesan: p of a pr- loan lost too
        lost = "cdjstz" if rest[0] == "n" else "bpfv"
        return [after] if after[:1] and after[0] in lost else []
    return [rest] if rest[:1] and rest[0] in "lrwy" else []


@functools.lru_cache(maxsize=65536)  # the first layer's results come up again as roots
def _unprefix(form: str) -> tuple[tuple[str, str], ...]:
    """One prefix layer off `form`: (rest, prefix kind) for each reading."""
    head, rest = form[:2], form[2:]
    out: list[tuple[str, str]] = []
    if head in ("me", "pe"):
        out += [(root, head) for root in _nasal(rest)]
        if head == "pe" and rest[:1] not in VOWELS and rest[1:2] in VOWELS:
            out.append((rest, head))  # pekerja, petugas (pe- of ber- verbs)
        if form.startswith("per"):
            out.append((form[3:], "per"))
    if head in ("be", "te"):
        if form[2:3] == "r":
            out += [(form[3:], head), (rest, head)]  # berupa → upa, rupa
        elif rest[:1] not in VOWELS and rest[1:3] == "er":
            out.append((rest, head))  # bekerja, tepercaya
    if form.startswith(("belajar", "pelajar")):
        out.append((form[3:], "be" if head == "be" else "per"))
    if head in ("di", "ke", "se"):
        out.append((rest, head))
    return tuple(out)


def keys(word: str) -> list[str]:
    """`pelatihannya` → the word, pelatihan, pelatih, latihannya, latihan, latih."""
    out = [word] if word else []
    if not _LETTERS.fullmatch(word):
        return out

    stems = _stems(word)
    roots = [stem for stem, _ in stems if stem in ROOTS]  # as _has_root, from the stems at hand
    for stem, _ in stems:
        if stem not in out and _valid(stem, False):
            out.append(stem)
    for stem, suffix in stems:
        if roots and any(stem.startswith(root) for root in roots):
            continue  # berikan: neither beri nor berik (a wrong -an reading) is cut
        for first, kind in _unprefix(stem):
            if (kind, suffix) in NO_CONFIX or not _valid(first, True):
                continue
            if first not in out:
                out.append(first)
            if _has_root(first):
                continue
            for second, _ in _unprefix(first):
                if second not in out and _valid(second, True):
                    out.append(second)
    return out
