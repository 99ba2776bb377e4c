"""`mkdocs serve` rebuilds when the framework in site_config/ changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import MINIMAL_CONFIG, write_tree

FRAMEWORK = """
extends: asn
groups:
  - id: teknis
    name: Teknis
    competencies:
      - {id: keamanan-informasi, name: Keamanan Informasi}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float = 40) -> str:
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
        time.sleep(1)  # let the watcher settle before the edit
        path = tmp_path / "site_config" / "competencies.yml"
        path.write_text(FRAMEWORK.replace("Keamanan Informasi", "Keamanan Siber"), "utf-8")
        _wait_for(url, "Keamanan Siber")
        lesson = _wait_for(f"http://127.0.0.1:{port}/a/", "Keamanan Siber")
        assert 'data-asah-competency="keamanan-informasi"' in lesson
    finally:
        server.terminate()
        server.wait(10)
