"""`mkdocs serve` rebuilds what an edit affects: site_config, lessons, banks, paths."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ASN_AND_ONE, MINIMAL_CONFIG, write_tree

FRAMEWORK = ASN_AND_ONE


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float = 40) -> str:
    """The page at `url` once it shows `text` (polled)."""
    deadline, body = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {text!r}")


def test_serve_rebuilds_when_site_config_changes(tmp_path: Path):
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_CONFIG,
            "site_config/competencies.yml": FRAMEWORK,
            "content/index.md": "# Beranda\n",
            "content/a.md": "---\ntitle: A\ncompetencies: {keamanan-informasi: 1}\n---\nIsi.\n",
        },
    )
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/kompetensi/keamanan-informasi/"
        _wait_for(url, "Keamanan Informasi")
        path = tmp_path / "site_config" / "competencies.yml"
        _edit(path, "Keamanan Informasi", "Keamanan Siber", url)
        lesson = _wait_for(f"http://127.0.0.1:{port}/a/", "Keamanan Siber")
        assert 'data-asah-competency="keamanan-informasi"' in lesson
    finally:
        server.terminate()
        server.wait(10)


DIRTY_COURSE = {
    "mkdocs.yml": MINIMAL_CONFIG.replace("  - asah/quiz\n", "  - asah/quiz\n  - asah/paths\n"),
    "site_config/competencies.yml": FRAMEWORK,
    "site_config/paths.yml": """
        paths:
          - id: aman
            title: Jalur Aman
            steps: [a.md, b.md]
    """,
    "quizzes/dasar.yml": """
        title: Uji Dasar
        questions:
          - id: satu
            type: truefalse
            prompt: Kata sandi boleh dibagikan.
            answer: false
    """,
    "content/index.md": "# Beranda\n\nSelamat datang.\n",
    "content/a.md": """
        ---
        title: Pelajaran Pertama
        competencies: {keamanan-informasi: 1}
        ---
        Isi pertama.

        /// quiz | dasar
        ///
    """,
    "content/b.md": """
        ---
        title: Pelajaran Kedua
        competencies: {keamanan-informasi: 2}
        prerequisites: [a.md]
        ---
        Isi kedua.
    """,
}


def _edit(path: Path, old: str, new: str, url: str, shows: str = "", seconds: float = 40) -> str:
    """Save an edit and wait until the page at `url` shows it. The server may start watching
    only after a first save (it is told to once its first build is done): then save again."""
    text = path.read_text("utf-8")
    assert old in text
    deadline = time.monotonic() + seconds
    while True:
        path.write_text(text.replace(old, new), "utf-8")
        try:
            return _wait_for(url, shows or new, min(5, max(deadline - time.monotonic(), 0.5)))
        except AssertionError:
            if time.monotonic() >= deadline:
                raise


def test_dirty_serve_keeps_every_affected_page_up_to_date(tmp_path: Path):
    """`mkdocs serve --dirty` rebuilds only what changed; Asah adds the pages made from it."""
    write_tree(tmp_path, DIRTY_COURSE)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    site = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{site}/b/", "Pelajaran Pertama")  # b lists a as its prerequisite

        # a lesson: its title and level show on the pages made from it
        _edit(tmp_path / "content/a.md", "Pelajaran Pertama", "Dasar Sandi", f"{site}/a/")
        _edit(
            tmp_path / "content/a.md",
            "keamanan-informasi: 1",
            "keamanan-informasi: 3",
            f"{site}/course.json",
            shows='{"id":"keamanan-informasi","level":3}',
        )
        _wait_for(f"{site}/b/", "Dasar Sandi")  # prerequisite list of an unedited lesson
        competency = _wait_for(f"{site}/kompetensi/keamanan-informasi/", "Dasar Sandi")
        level_3 = competency.split('<h3 id="level-3"')[1].split("<h3")[0]
        assert "Dasar Sandi" in level_3
        _wait_for(f"{site}/kompetensi/", "Dasar Sandi")
        _wait_for(f"{site}/jalur/aman/", "Dasar Sandi")
        _wait_for(f"{site}/course.json", '"title":"Dasar Sandi"')
        index = json.loads(_wait_for(f"{site}/search/search_index.json", "Dasar Sandi"))
        pages = [d["location"] for d in index["docs"] if "#" not in d["location"]]
        assert sorted(pages) == sorted(set(pages))  # each page once
        assert {"", "a/", "b/", "kompetensi/"} <= set(pages)  # and none lost

        # a bank: the lesson embedding it shows the new question
        _edit(tmp_path / "quizzes/dasar.yml", "boleh dibagikan", "wajib dirahasiakan", f"{site}/a/")

        # the paths file: the step navigation under a lesson shows the new title
        _edit(tmp_path / "site_config/paths.yml", "Jalur Aman", "Jalur Sandi Aman", f"{site}/b/")
        _wait_for(f"{site}/jalur/", "Jalur Sandi Aman")
    finally:
        server.terminate()
        server.wait(10)
