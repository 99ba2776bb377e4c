"""asah/search in whole builds, on courses unlike the example: an English course titled in
`nav:` with quizzes inside collapsibles, admonitions and tabs, its own glossary; mkdocs-static-
i18n (each language its own index); and every mistake in a glossary as a `path:line` message
that fails `--strict`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.builds.test_course_shapes import english_files
from tests.builds.test_other_plugins import BASE, FILES, I18N
from tests.conftest import build_tree, write_tree

GLOSSARY = """\
terms:
  - term: ETL
    expansion: extract, transform, load
    synonyms: [data pipeline]
    description: Moving data from its *sources* into one place.
"""


def with_asah_search(config: str) -> str:
    assert "  - search\n" in config
    return config.replace("  - search\n", "  - asah/search\n")


def data(text: str) -> object:
    return json.loads(text.split(",", 1)[1].rsplit(")", 1)[0])


def index_pages(site: Path) -> dict[str, dict]:
    pages = (data(p.read_text("utf-8")) for p in (site / "search/p").glob("*.js"))
    return {page["l"]: page for page in pages}


def indexed_words(site: Path) -> set[str]:
    found: set[str] = set()
    for shard in (site / "search/t").glob("*.js"):
        found |= set(data(shard.read_text("utf-8"))["t"])
    return found


def english(root: Path, glossary: str | None = None, **changes: str):
    """The English course of the shape tests with asah/search (and `glossary` as its file)."""
    files = english_files()
    files["mkdocs.yml"] = with_asah_search(files["mkdocs.yml"])
    if glossary is not None:
        files["mkdocs.yml"] = files["mkdocs.yml"].replace(
            "  - asah/search\n", "  - asah/search:\n      glossary: glossary.yml\n"
        )
        files["glossary.yml"] = glossary
    write_tree(root, {**files, **changes})
    return build_tree(root, strict=True)


def test_an_english_course_titled_in_nav_with_quizzes_in_blocks(tmp_path: Path):
    files = english_files()
    intro = files["docs/week1/intro.md"] + "\nWe use ETL every week, and ETL again.\n"
    result = english(tmp_path, GLOSSARY, **{"docs/week1/intro.md": intro})
    assert result.error is None and result.warnings == []
    site = result.site
    pages = index_pages(site)
    # titles from nav:, English URLs, the glossary page, no app pages
    assert pages["week1/intro/"]["t"] == "Getting started"
    assert pages["week1/cleaning/"]["t"] == "Cleaning data"
    assert pages["week1/intro/"]["c"] == [["data-cleaning", 1]] and pages["week1/intro/"]["m"] == 90
    assert "glossary/" in pages and "progress/" not in pages and "self-assessment/" not in pages
    assert [s[0] for s in pages["glossary/"]["s"]] == ["term-etl"]
    # quiz prompts inside collapsibles, admonitions, tabs, quotes, details: not searched
    words = indexed_words(site)
    assert "pandas" in words  # the lesson's own code and text
    for quiz_only in ("quoted", "nested", "bear"):
        assert quiz_only not in words
    # the acronym explained on its first use only, in English
    intro_html = result.page("week1/intro")
    assert intro_html.count('<abbr title="extract, transform, load">ETL</abbr>') == 1
    glossary = result.page("glossary")
    assert '<dt id="term-etl">ETL</dt>' in glossary and "<em>sources</em>" in glossary
    assert "Also called: data pipeline" in glossary
    assert '<meta name="asah-search-index" content="../../search/">' in intro_html
    # the interface in English
    bundle = (site / "assets/asah/asah.js").read_text("utf-8")
    assert '"en":"Search"' in bundle


def test_an_english_course_without_a_glossary_gets_none(tmp_path: Path):
    result = english(tmp_path)
    assert result.error is None and result.warnings == []
    assert not (result.site / "glossary").exists()
    assert "<abbr" not in result.page("week1/intro")
    assert (result.site / "search/meta.js").is_file()


def test_i18n_each_language_searches_its_own_index(tmp_path: Path):
    config = with_asah_search(BASE.format(others=I18N))
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": config,
            **FILES,
            "docs/cleaning.id.md": (
                "---\ncompetencies: {data-cleaning: 2}\n---\n# Membersihkan\n\n"
                "Data kotor dibersihkan sebelum dianalisis oleh ASN.\n"
            ),
        },
    )
    result = build_tree(tmp_path, strict=True)
    assert result.error is None, result.warnings
    english, indonesian = index_pages(result.site), index_pages(result.site / "id")
    assert english["cleaning/"]["t"] == "Cleaning"
    assert indonesian["id/cleaning/"]["t"] == "Membersihkan"
    assert "id/istilah/" in indonesian and "glossary/" not in english  # ASN glossary: id only
    page = (result.site / "id/cleaning/index.html").read_text("utf-8")
    assert '<meta name="asah-search-index" content="../../id/search/">' in page
    assert re.search(r'<abbr title="aparatur sipil negara">ASN</abbr>', page, re.IGNORECASE)


@pytest.mark.parametrize(
    ("glossary", "message"),
    [
        (
            "terms:\n  - term: SKP\n    expansion: sasaran kinerja pegawai\n"
            "  - term: SKP\n    expansion: lain\n",
            "glossary.yml:4: duplicate term 'SKP' (first at line 2); expected each term once",
        ),
        (
            "terms:\n  - term: SOP\n    expansion: ''\n",
            "glossary.yml:3: term 'SOP' has no expansion; expected 'expansion:' with what 'SOP' "
            "stands for or means",
        ),
        (
            "extends: asm\n",
            "glossary.yml:1: unknown glossary 'asm' in 'extends' (did you mean 'asn'?); expected "
            "one of: asn",
        ),
    ],
)
def test_glossary_mistakes_fail_a_strict_build(tmp_path: Path, glossary: str, message: str):
    result = english(tmp_path, glossary)
    assert any(w.endswith(message) for w in result.warnings), result.warnings
    assert result.error is not None and "Traceback" not in (result.error or "")


def test_a_glossary_that_does_not_parse_stops_the_build(tmp_path: Path):
    result = english(tmp_path, "terms:\n  - term: [ETL\n")
    assert result.error is not None
    assert re.search(r"glossary\.yml:2: YAML syntax error: the '\['", result.error), result.error


def test_the_themes_search_beside_asah_search_is_a_warning(tmp_path: Path):
    files = english_files()
    files["mkdocs.yml"] = files["mkdocs.yml"].replace(
        "  - search\n", "  - search\n  - asah/search\n"
    )
    write_tree(tmp_path, files)
    result = build_tree(tmp_path, strict=True)
    assert any(
        "plugin is enabled beside asah/search; expected only asah/search" in w
        for w in result.warnings
    ), result.warnings
    assert result.error is not None  # --strict
