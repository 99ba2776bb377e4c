"""What the LMS tests (SCORM 1.2, cmi5) share: packages built and unpacked as an LMS holds them,
a loopback http server that serves them under `/pkg/<name>/`, and a learner's walk through the
small course's path."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import FrameLocator, Page, expect

from tests.browser.test_progress_record import press
from tests.conftest import ROOT
from tests.package.packaging import package
from tests.package.small_course import write_small_course


def unpack(standard: str, config: Path, folder: Path, *options: str) -> Path:
    """`asah package <standard>` of the course at `config`, unpacked in `folder`."""
    with package(standard, config, folder / "package.zip", *options) as opened:
        opened.extractall(folder / "unpacked")
    return folder / "unpacked"


def course_packages(standard: str, tmp_path_factory: Any) -> dict[str, Path]:
    """The example course as one package; the small course's path `basics` as another."""
    small = write_small_course(tmp_path_factory.mktemp("small-course"))
    course = tmp_path_factory.mktemp("course-package")
    basics = tmp_path_factory.mktemp("basics-package")
    return {
        "course": unpack(standard, ROOT / "mkdocs.yml", course),
        "basics": unpack(standard, small, basics, "--path", "basics"),
    }


class LmsHandler(http.server.SimpleHTTPRequestHandler):
    """Quiet, never cached; `lms.packages` maps a package's name to its folder."""

    lms: Any

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _serve_package(self, path: str) -> bool:
        """Serve a file of `/pkg/<name>/…`; False when `path` is not one of a package."""
        if not path.startswith("/pkg/"):
            return False
        name, _, rest = path[5:].partition("/")
        folder = self.lms.packages.get(name)
        if folder is None:
            return False
        self.directory = str(folder)
        self.path = "/" + rest
        super().do_GET()
        return True


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # a browser closed at the end of a test drops its last beacon: not the test's matter
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(handler: type[LmsHandler], lms: Any) -> Iterator[str]:
    """`handler` answering for `lms` on 127.0.0.1 for the test's duration: its URL."""
    bound = type("Handler", (handler,), {"lms": lms})
    httpd = _Server(("127.0.0.1", 0), functools.partial(bound, directory=str(ROOT)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def walk_basics_failing(page: Page, course: FrameLocator) -> None:
    """Both lessons marked done, both quizzes tried and not passed."""
    course.locator(".asah-steps a", has_text="Reading tables").click()
    press(page, course.get_by_role("button", name="Mark as done"))
    course.locator(".asah-pathnav__next").click()
    expect(course.locator("h1")).to_have_text("Charts that tell")
    quiz = course.locator("[data-asah-quiz]")
    quiz.locator("label", has_text="A line chart").click()
    press(page, quiz.get_by_role("button", name="Check answers"))
    expect(quiz.locator(".asah-quiz__status")).to_contain_text("Not passed")
    press(page, course.get_by_role("button", name="Mark as done"))
    course.locator(".asah-pathnav__next").click()
    final = course.locator("[data-asah-quiz]")
    final.locator("label", has_text="False").click()
    press(page, final.get_by_role("button", name="Check answers"))
    expect(final.locator(".asah-quiz__status")).to_contain_text("Not passed")
