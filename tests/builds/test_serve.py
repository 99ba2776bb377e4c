"""`mkdocs serve` rebuilds what an edit affects: site_config, lessons, banks, paths."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ASN_AND_ONE, MINIMAL_CONFIG, write_tree
from tests.serving import COURSE, edit, serving, wait_for


def test_serve_rebuilds_when_site_config_changes(tmp_path: Path):
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_CONFIG,
            "site_config/competencies.yml": ASN_AND_ONE,
            "content/index.md": "# Beranda\n",
            "content/a.md": "---\ntitle: A\ncompetencies: {keamanan-informasi: 1}\n---\nIsi.\n",
        },
    )
    with serving(tmp_path) as served:
        url = f"{served.url}/kompetensi/keamanan-informasi/"
        wait_for(url, "Keamanan Informasi")
        path = tmp_path / "site_config" / "competencies.yml"
        edit(path, "Keamanan Informasi", "Keamanan Siber", url)
        lesson = wait_for(f"{served.url}/a/", "Keamanan Siber")
        assert 'data-asah-competency="keamanan-informasi"' in lesson


def test_dirty_serve_keeps_every_affected_page_up_to_date(tmp_path: Path):
    """`mkdocs serve --dirty` rebuilds only what changed; Asah adds the pages made from it."""
    write_tree(tmp_path, COURSE)
    with serving(tmp_path, "--dirty") as served:
        site = served.url
        wait_for(f"{site}/b/", "Pelajaran Pertama")  # b lists a as its prerequisite

        # a lesson: its title and level show on the pages made from it
        edit(tmp_path / "content/a.md", "Pelajaran Pertama", "Dasar Sandi", f"{site}/a/")
        edit(
            tmp_path / "content/a.md",
            "keamanan-informasi: 1",
            "keamanan-informasi: 3",
            f"{site}/course.json",
            shows='{"id":"keamanan-informasi","level":3}',
        )
        wait_for(f"{site}/b/", "Dasar Sandi")  # prerequisite list of an unedited lesson
        competency = wait_for(f"{site}/kompetensi/keamanan-informasi/", "Dasar Sandi")
        level_3 = competency.split('<h3 id="level-3"')[1].split("<h3")[0]
        assert "Dasar Sandi" in level_3
        wait_for(f"{site}/kompetensi/", "Dasar Sandi")
        wait_for(f"{site}/jalur/aman/", "Dasar Sandi")
        wait_for(f"{site}/course.json", '"title":"Dasar Sandi"')
        index = json.loads(wait_for(f"{site}/search/search_index.json", "Dasar Sandi"))
        pages = [d["location"] for d in index["docs"] if "#" not in d["location"]]
        assert sorted(pages) == sorted(set(pages))  # each page once
        assert {"", "a/", "b/", "kompetensi/"} <= set(pages)  # and none lost

        # a bank: the lesson embedding it shows the new question
        edit(tmp_path / "quizzes/dasar.yml", "boleh dibagikan", "wajib dirahasiakan", f"{site}/a/")

        # the paths file: the step navigation under a lesson shows the new title
        edit(tmp_path / "site_config/paths.yml", "Jalur Aman", "Jalur Sandi Aman", f"{site}/b/")
        wait_for(f"{site}/jalur/", "Jalur Sandi Aman")
