"""A live preview server for tests: start it on a free port, poll its pages, save edits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ASN_AND_ONE, MINIMAL_CONFIG

MKDOCS_SERVE = (sys.executable, "-m", "mkdocs", "serve")

# a home page, two lessons (the first with a quiz, a prerequisite of the second) and a path
COURSE = {
    "mkdocs.yml": MINIMAL_CONFIG.replace("  - asah/quiz\n", "  - asah/quiz\n  - asah/paths\n"),
    "site_config/competencies.yml": ASN_AND_ONE,
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    url: str  # the site's root, without a trailing slash
    output: str = ""  # what the server printed, once stopped (when asked to keep it)
    log: Path | None = None  # where it prints while it runs (when asked to keep it)

    def printed(self, text: str, seconds: float = 40) -> None:
        """Wait until the server has printed `text`."""
        assert self.log is not None, "serving(..., keep_output=True) keeps what it prints"
        deadline = time.monotonic() + seconds
        while text not in self.log.read_text("utf-8", errors="replace"):
            if time.monotonic() >= deadline:
                raise AssertionError(f"the server never printed {text!r}")
            time.sleep(0.2)


@contextmanager
def serving(
    root: Path,
    *options: str,
    command: Sequence[str] = MKDOCS_SERVE,
    keep_output: bool = False,
) -> Iterator[Served]:
    """Run `command` with `options` in `root` on a free port; stop it on leaving."""
    port = free_port()
    served = Served(f"http://127.0.0.1:{port}")
    with tempfile.TemporaryDirectory() as folder:
        if keep_output:  # a file, not a pipe: read while the server runs (`printed`)
            served.log = Path(folder) / "server.log"
        with open(served.log or os.devnull, "w", encoding="utf-8") as out:
            server = subprocess.Popen(
                [*command, *options, "-a", f"127.0.0.1:{port}"],
                cwd=root,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
            )
            try:
                yield served
            finally:
                server.terminate()
                server.wait(20)
        if served.log is not None:
            served.output = served.log.read_text("utf-8", errors="replace")


def wait_for(url: str, text: str, seconds: float = 40) -> str:
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


def edit(path: Path, old: str, new: str, url: str, shows: str = "", seconds: float = 40) -> str:
    """Save an edit and wait until the page at `url` shows it. The server may start watching
    only after a first save (it is told to once its first build is done): then save again."""
    text = path.read_text("utf-8")
    assert old in text
    deadline = time.monotonic() + seconds
    while True:
        path.write_text(text.replace(old, new), "utf-8")
        try:
            return wait_for(url, shows or new, min(5, max(deadline - time.monotonic(), 0.5)))
        except AssertionError:
            if time.monotonic() >= deadline:
                raise
