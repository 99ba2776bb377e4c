"""The live preview keeps the search index up to date: a word added to a lesson is found once
the page is rebuilt, with MkDocs (`--dirty` too: only the edited page is rendered again) and on
the Zensical route (which indexes the pages Zensical wrote)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from asah.search.index import shard_of
from tests.conftest import write_tree
from tests.search.test_builds import english_files, with_asah_search
from tests.serving import edit, serving, wait_for

MKDOCS = ["-m", "mkdocs", "serve"]
ZENSICAL = ["-m", "asah.cli", "serve", "--engine", "zensical"]


@pytest.mark.parametrize(
    "command", [MKDOCS, [*MKDOCS, "--dirty"], ZENSICAL], ids=["mkdocs", "mkdocs-dirty", "zensical"]
)
def test_an_edit_is_found(tmp_path: Path, command: list[str]):
    files = english_files()
    files["mkdocs.yml"] = with_asah_search(files["mkdocs.yml"])
    write_tree(tmp_path, files)
    with serving(tmp_path, command=[sys.executable, *command]) as served:
        base = served.url
        wait_for(f"{base}/search/meta.js", "AsahSearchData")
        word = "zebrafish"
        shard = f"{base}/search/t/{shard_of(word)}.js"
        lesson = tmp_path / "docs/week1/reshaping.md"
        # saved again until the watcher, which may start after the first build, has seen it
        edit(lesson, "Text.", f"Text.\n\nA {word} table.", shard, f'"{word}"', seconds=60)
        # the other pages are still in the index after a rebuild of one
        wait_for(f"{base}/search/t/{shard_of('pandas')}.js", '"pandas"')
