"""The glossary file: terms read with their lines; every mistake an author can make is a
`path:line` message saying what is expected."""

from __future__ import annotations

import pytest

from asah.core.diagnostics import Reporter
from asah.search.glossary import built_in, read_glossary

PATH = "site_config/glossary.yml"


def read(text: str) -> tuple[list[str], list[str]]:
    reporter = Reporter()
    glossary = read_glossary(text, PATH, reporter)
    return [t.term for t in glossary.terms], reporter.messages()


def test_terms_with_expansions_and_synonyms():
    glossary = read_glossary(
        "terms:\n"
        "  - term: TTE\n"
        "    expansion: tanda tangan elektronik\n"
        "    synonyms: [tanda tangan digital]\n"
        "    description: Tanda tangan *sah* pada dokumen elektronik.\n"
        "  - term: phishing\n"
        "    expansion: penipuan lewat pesan palsu\n",
        PATH,
        Reporter(),
    )
    tte, phishing = glossary.terms
    assert tte.case_sensitive and not phishing.case_sensitive
    assert tte.phrases() == ["TTE", "tanda tangan elektronik", "tanda tangan digital"]
    assert tte.anchor == "term-tte"


def test_extends_the_built_in_glossary_and_a_course_term_replaces_its_entry():
    glossary = read_glossary(
        "extends: asn\nterms:\n  - term: JP\n    expansion: jam pelajaran (45 menit)\n",
        PATH,
        Reporter(),
    )
    by_term = {t.term: t for t in glossary.terms}
    assert {"ASN", "PNS", "PPPK", "SKP", "AKPK", "BKN", "LAN", "SIASN", "TTE"} <= set(by_term)
    assert by_term["JP"].expansion == "jam pelajaran (45 menit)"
    assert by_term["JP"].source == ""
    assert by_term["ASN"].source == "asn"


def test_the_built_in_glossary_is_valid_and_has_no_duplicates():
    terms = built_in("asn")
    assert len(terms) >= 40
    assert len({t.term for t in terms}) == len(terms)
    assert all(t.expansion for t in terms)


def test_duplicate_term():
    terms, problems = read(
        "terms:\n  - term: SKP\n    expansion: sasaran kinerja pegawai\n"
        "  - term: SKP\n    expansion: satuan kredit profesi\n"
    )
    assert terms == ["SKP"]
    assert problems == [
        f"{PATH}:4: duplicate term 'SKP' (first at line 2); expected each term once"
    ]


def test_empty_or_missing_expansion():
    terms, problems = read("terms:\n  - term: SOP\n    expansion: ''\n  - term: OPD\n")
    assert terms == []
    assert problems == [
        f"{PATH}:3: term 'SOP' has no expansion; expected 'expansion:' with what 'SOP' stands "
        "for or means",
        f"{PATH}:4: term 'OPD' has no expansion; expected 'expansion:' with what 'OPD' stands "
        "for or means",
    ]


def test_yaml_syntax_error_stops_the_build():
    reporter = Reporter()
    read_glossary("terms:\n  - term: [ASN\n", PATH, reporter)
    (problem,) = reporter.fatal_problems
    assert str(problem).startswith(f"{PATH}:2: YAML syntax error: the '[' opened on this line")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "extends: asm\n",
            f"{PATH}:1: unknown glossary 'asm' in 'extends' (did you mean 'asn'?); expected one "
            "of: asn",
        ),
        (
            "extends: [asn]\n",
            f"{PATH}:1: 'extends' takes one name, not a list; write for example `extends: asn`",
        ),
        (
            "term:\n  - term: X\n",
            f"{PATH}:1: unknown key 'term' (did you mean 'terms'?); expected one of: extends, "
            "terms",
        ),
        (
            "terms:\n  - term: TTE\n    expansion: tanda tangan elektronik\n    sinonim: [x]\n",
            f"{PATH}:4: unknown key 'sinonim' in term 'TTE' (did you mean 'synonyms'?); "
            "expected one of: term, expansion, synonyms, description",
        ),
        (
            "terms:\n  - TTE\n",
            f"{PATH}:2: a glossary entry must be a mapping with 'term:' and 'expansion:'",
        ),
        (
            "terms:\n  - expansion: x\n",
            f"{PATH}:2: glossary entry without 'term:'",
        ),
        (
            "terms:\n  - term: TTE\n    expansion: tanda tangan elektronik\n    synonyms: [yes]\n",
            f"{PATH}:4: synonym true of 'TTE' is not text; expected a list of other ways to say it",
        ),
        (
            "terms: TTE\n",
            f"{PATH}:1: 'terms' must be a list of terms, each with 'term:' and 'expansion:'",
        ),
    ],
)
def test_mistakes(text, message):
    _, problems = read(text)
    assert problems == [message]
