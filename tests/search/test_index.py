"""The search index: its files, what goes into them, and the fixture index the runtime's Node
tests search (tests/search/index_fixture.py)."""

from __future__ import annotations

import json

from asah.search.glossary import Glossary, Term
from asah.search.index import SearchPage, build, home, shard_of
from asah.search.sections import Section
from asah.search.words import keys
from tests.search import index_fixture


def data(text: str) -> object:
    """The data an index file hands to the runtime: `AsahSearchData("name", DATA);`."""
    return json.loads(text.split(",", 1)[1].rsplit(")", 1)[0])


def test_the_fixture_index_is_up_to_date():
    made = index_fixture.files()
    written = {
        p.relative_to(index_fixture.FOLDER).as_posix(): p.read_text("utf-8")
        for p in index_fixture.FOLDER.rglob("*.js")
    }
    assert written == made, "run: .venv/bin/python -m tests.search.index_fixture"


def test_files_and_what_they_hold():
    files = build(
        [
            SearchPage(
                "a/",
                "Pelatihan Terbuka",
                [Section("", "", "Pelatihan bagi pegawai dan ASN."), Section("x", "Jadwal", "")],
                [("c1", 2)],
                45,
            )
        ],
        Glossary([Term("ASN", "aparatur sipil negara")]),
        [("c1", "Satu")],
        shards=4,
    )
    meta = data(files["meta.js"])
    assert meta["n"] == 2 and meta["pages"] == [0] and meta["pc"] == [[0]]
    assert meta["gl"] == [["asn", "aparatur sipil negara"]]
    assert "dan" in meta["stop"]
    page = data(files["p/0.js"])
    assert page == {
        "l": "a/",
        "t": "Pelatihan Terbuka",
        "c": [["c1", 2]],
        "m": 45,
        "s": [["", "", "Pelatihan bagi pegawai dan ASN."], ["x", "Jadwal", ""]],
    }
    terms: dict[str, list[int]] = {}
    family: dict[str, list[str]] = {}
    for name, text in files.items():
        if name.startswith("t/"):
            shard = data(text)
            # a word is kept with its family, at its shortest key
            assert all(shard_of(home(w, keys(w)), 4) == int(name[2:-3]) for w in shard["t"])
            terms.update(shard["t"])
            family.update(shard["f"])
    assert "dan" not in terms  # a stop word
    assert terms["~0"][0] == 0  # the acronym, as written, stands for its entry
    assert terms["jadwal"][0] == 1  # a heading's word, in its section
    assert terms["pelatihan"][1] > terms["pegawai"][1]  # in the title too
    assert "pelatihan" in family["latih"]  # derived forms: the word family's key
    assert data(files["v/9.js"]) == "pelatihan"  # words by length, for typos


def test_script_text_cannot_close_its_script_element():
    files = build(
        [SearchPage("a/", "</script><script>alert(1)</script>", [Section("", "", "x")])],
        Glossary(),
    )
    assert "</script>" not in files["p/0.js"]


def test_a_word_family_shares_a_home():
    homes = {home(w, keys(w)) for w in ("pelatihan", "melatih", "latihan", "pelatih")}
    assert homes == {"latih"}
    assert home("~3", ["~3"]) == "~3"


def test_shard_of_is_fnv1a():
    # the runtime's shardOf gives the same (tests/js/search-engine.test.js searches shards)
    assert shard_of("", 2**32) == 0x811C9DC5
    assert shard_of("a", 2**32) == 0xE40C292C
