"""Browser fixtures: pytest-playwright driving Debian's chromium (no `playwright install`).

The example course is built once per test session into a temporary folder (or `SITE_DIR`
when set), served over 127.0.0.1, and also opened from file://.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LOCAL = ("http://127.0.0.1", "file://", "data:", "blob:", "about:")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    }


@pytest.fixture(autouse=True)
def _contexts_close_with_their_test(browser):
    """The browser contexts a test opens close with it: a page left open (an LMS page resending,
    a preview reloading) runs on beside the tests that follow, in the same browser."""
    before = set(browser.contexts)
    yield
    for context in browser.contexts:
        if context not in before:
            context.close()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The example course, built once (strict) for all browser tests."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    return build_course(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # rebuilt pages must not come back from the browser cache as 304s
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def build_course(config_file: Path, target: Path) -> Path:
    config = load_config(str(config_file), site_dir=str(target), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return target


@contextlib.contextmanager
def serve(folder: Path):
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def base_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The example course built as the offline copy (mkdocs-offline.yml), opened from file://."""
    return build_course(ROOT / "mkdocs-offline.yml", tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="session")
def quiz_site(tmp_path_factory) -> Path:
    """tests/fixtures/quiz-course: every question type, a draw, two quizzes, hostile text."""
    return build_course(
        ROOT / "tests" / "fixtures" / "quiz-course" / "mkdocs.yml",
        tmp_path_factory.mktemp("quiz-site"),
    )


@pytest.fixture(scope="session")
def quiz_url(quiz_site):
    with serve(quiz_site) as url:
        yield url


@pytest.fixture
def external_requests(page):
    """Abort and record every request that leaves this machine."""
    seen: list[str] = []

    def handler(route):
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            seen.append(url)
            route.abort()

    page.route("**/*", handler)
    return seen


@pytest.fixture
def axe(page):
    """Run axe-core (from node_modules, injected offline) on the current page."""

    def run(context=None):
        page.add_script_tag(path=str(AXE_JS))
        return page.evaluate(
            "([ctx]) => axe.run(ctx || document, {resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)})))",
            [context],
        )

    return run


@pytest.fixture
def file_url(site_dir):
    """file:// URL of a built page, e.g. file_url('kompetensi/')."""

    def make(url: str) -> str:
        return (site_dir / url / "index.html").as_uri()

    return make


def set_scheme(page, scheme: str) -> None:
    """Switch Material's colour scheme at once (no colour transitions for axe to catch midway)."""
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)


@pytest.fixture(params=["http", "file"])
def site(request, base_url, offline_site):
    """open(url) for a page of the example course, over http or from the offline copy."""

    def to(url: str) -> str:
        if request.param == "http":
            return f"{base_url}/{url}"
        target = offline_site / (url.rstrip("/") + ".html" if url else "index.html")
        if url.endswith("/") and not target.exists():
            target = offline_site / url / "index.html"
        return target.as_uri()

    to.scheme = request.param  # type: ignore[attr-defined]
    return to
