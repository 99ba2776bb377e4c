"""A test LMS for SCORM 1.2 packages: one loopback http server that serves an LMS page running
scorm-again (npm, the LMS-side runtime) as `window.API`, the unpacked packages under
`/pkg/<name>/`, and the LMS's store: every commit scorm-again sends (`POST /commit`) is kept per
learner and package, and the next launch loads the last one back into the data model, as an LMS
does. `failing = True` makes commits fail (HTTP 500), as an LMS that is down; the LMS page's
`refuse=initialize` makes it refuse to start a session, `display=window` opens the package in a
window of its own."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.browser.lms_server import LmsHandler, serve
from tests.conftest import ROOT

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"

LMS_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again/scorm12.min.js"></script>
<style>body{margin:0;font-family:sans-serif}header{padding:.4rem 1rem;background:#334;color:#fff}
iframe{display:block;width:100%;height:calc(100vh - 2.3rem);border:0}</style></head>
<body><header>Test LMS · <span id="who"></span></header>
<iframe id="sco" title="Course"></iframe>
<script>
const query = new URLSearchParams(location.search);
const learner = query.get("learner"), pkg = query.get("pkg");
const where = `learner=${encodeURIComponent(learner)}&pkg=${encodeURIComponent(pkg)}`;
const xhr = new XMLHttpRequest();
xhr.open("GET", "/state?" + where, false);
xhr.send();
const saved = JSON.parse(xhr.responseText || "null");
window.API = new Scorm12API({lmsCommitUrl: "/commit?" + where, logLevel: 5});
const cmi = (saved && saved.cmi) || {core: {}};
const core = cmi.core;
core.student_id = learner;
core.student_name = "Learner, " + learner;
core.entry = core.exit === "suspend" ? "resume" : "ab-initio";
core.exit = "";
core.session_time = "";
if (!core.lesson_status) core.lesson_status = "not attempted";
window.launched = saved;
API.loadFromJSON({cmi: cmi});
if (query.get("refuse") === "initialize") {  // an LMS that will not start a session
  API.LMSInitialize = () => "false";
  API.LMSGetLastError = () => "101";
}
document.getElementById("who").textContent = core.student_name;
const launch = `/pkg/${pkg}/asah-lms.html`;
if (query.get("display") === "window") {  // Moodle's "Display package: New window"
  const sco = document.getElementById("sco");
  const button = document.createElement("button");
  button.textContent = "Enter";
  button.onclick = () => window.open(launch, "course");
  sco.replaceWith(button);
} else {
  document.getElementById("sco").src = launch;
}
</script>
</body>
</html>
"""


class TestLms:
    def __init__(self, packages: dict[str, Path]) -> None:
        self.packages = packages
        self.failing = False
        self.refused = 0  # commits answered with an error while failing
        self.commits: dict[tuple[str, str], list[dict]] = {}
        self.lock = threading.Lock()

    def last(self, learner: str, package: str) -> dict | None:
        with self.lock:
            found = self.commits.get((learner, package))
            return found[-1] if found else None

    def count(self, learner: str, package: str) -> int:
        with self.lock:
            return len(self.commits.get((learner, package), []))


class _Handler(LmsHandler):
    lms: TestLms

    def _who(self) -> tuple[str, str]:
        query = parse_qs(urlsplit(self.path).query)
        return query["learner"][0], query["pkg"][0]

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/lms.html":
            return self._send(200, LMS_PAGE.encode(), "text/html; charset=utf-8")
        if path == "/scorm-again/scorm12.min.js":
            return self._send(200, SCORM_AGAIN.read_bytes(), "text/javascript")
        if path == "/state":
            state = self.lms.last(*self._who())
            return self._send(200, json.dumps(state).encode(), "application/json")
        if not self._serve_package(path):
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if urlsplit(self.path).path != "/commit":
            return self._send(404, b"not found", "text/plain")
        if self.lms.failing:
            with self.lms.lock:
                self.lms.refused += 1
            return self._send(500, b'{"result": false}', "application/json")
        with self.lms.lock:
            self.lms.commits.setdefault(self._who(), []).append(json.loads(body))
        self._send(200, b'{"result": true, "errorCode": 0}', "application/json")


@contextlib.contextmanager
def serve_lms(packages: dict[str, Path]) -> Iterator[tuple[str, TestLms]]:
    """The test LMS on 127.0.0.1 for the test's duration: (its URL, its state)."""
    lms = TestLms(packages)
    with serve(_Handler, lms) as url:
        yield url, lms
