"""A test LMS for cmi5 packages, with a real learning record store behind it.

- `Ralph`: the LRS (`ralph-malph` 5.1, file-system backend), installed in `.venv-lrs` by
  `scripts/setup.sh --test`, served by uvicorn on a free loopback port in its own process group,
  and stopped with the whole group. Stopped and started again on the same port and folder, it
  keeps what it stored. Its file-system backend writes each batch of statements in "create"
  mode, which refuses a file that exists: the second statement ever sent fails (HTTP 500). The
  server is started with that backend set to append, as a file of statements is meant to grow
  (`SERVE`); nothing else of Ralph changes.
- `serve_cmi5_lms`: one loopback http server that plays the LMS. It serves the unpacked packages
  under `/pkg/<name>/`; makes a registration and a session for a launch (`launch_url`): writes
  `LMS.LaunchData` and records `launched`, then gives the launch URL with `endpoint`, `fetch`,
  `actor`, `registration` and `activityId`; its fetch URL hands the auth token out once. Its
  xAPI endpoint (`/xapi/`) is the LMS's, as in most cmi5 LMSs: it answers the State API itself
  (Ralph has none; the AU may write its own documents, never `LMS.LaunchData`) and passes
  statements on to Ralph with the LMS's own credentials — 502 while Ralph is down, as a proxy
  does."""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import secrets
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from tests.browser.lms_server import LmsHandler, serve
from tests.conftest import ROOT
from tests.serving import free_port

RALPH = ROOT / ".venv-lrs" / "bin" / "ralph"
USER, PASSWORD = "lms", "asah-test-lms"
MBOX = "mailto:lrs@asah.id"  # Ralph refuses reserved domains (example.com, .invalid)
XAPI = {"X-Experience-API-Version": "1.0.3"}
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
ACCOUNT_HOME = "https://lms.asah.id"
SERVE = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend
FSDataBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
"""


class Ralph:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(folder),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "data"),
        }
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "auth.json").unlink(missing_ok=True)  # `ralph auth` adds to it
        subprocess.run(
            [str(RALPH), "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", MBOX, "-w"],
            env=self.env,
            check=True,
            capture_output=True,
        )

    @property
    def auth(self) -> str:
        return "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

    def start(self) -> None:
        command = [str(RALPH.with_name("python")), "-c", SERVE, str(self.port)]
        log = (self.folder / "ralph.log").open("ab")
        self.process = subprocess.Popen(
            command, env=self.env, stdout=log, stderr=log, start_new_session=True
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self.request("GET", "/__heartbeat__")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"Ralph did not start: {(self.folder / 'ralph.log').read_text()}")

    def stop(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body, {**(headers or {})})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def statements(self, registration: str) -> list[dict[str, Any]]:
        """Every statement of a registration, oldest first (by timestamp, cmi5's order)."""
        found: list[dict[str, Any]] = []
        path = f"/xAPI/statements?registration={registration}&limit=500"
        status, body = self.request("GET", path, headers={"Authorization": self.auth, **XAPI})
        assert status == 200, body
        found = json.loads(body)["statements"]
        return sorted(found, key=lambda s: s["timestamp"])


@contextlib.contextmanager
def running_ralph(folder: Path) -> Iterator[Ralph]:
    """Ralph holding its statements in `folder`, started, and stopped on leaving."""
    assert RALPH.is_file(), "Ralph is installed in .venv-lrs by scripts/setup.sh --test"
    lrs = Ralph(folder)
    lrs.start()
    try:
        yield lrs
    finally:
        lrs.stop()


class TestCmi5Lms:
    def __init__(self, packages: dict[str, Path], ralph: Ralph) -> None:
        self.packages = packages
        self.ralph = ralph
        self.url = ""
        self.lock = threading.Lock()
        self.tokens: dict[str, str | None] = {}  # fetch key → token, None once handed out
        self.valid: set[str] = set()  # tokens handed out
        self.state: dict[tuple[str, str, str], bytes] = {}  # (activity, registration, id)
        self.fetches: list[str] = []  # every call of a fetch URL

    def structure(self, package: str) -> dict[str, str]:
        """The AU's publisher id, moveOn and masteryScore, from the package's cmi5.xml."""
        from lxml import etree

        tree = etree.parse(str(self.packages[package] / "cmi5.xml"))
        au = tree.find("{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}au")
        return {key: au.get(key) for key in ("id", "moveOn", "masteryScore")}

    @staticmethod
    def actor(learner: str) -> dict[str, Any]:
        return {
            "objectType": "Agent",
            "name": learner,
            "account": {"homePage": ACCOUNT_HOME, "name": learner},
        }

    def launch_url(
        self, package: str, learner: str, registration: str, mode: str = "Normal"
    ) -> str:
        """A new session of `learner` in `registration`: LaunchData written, `launched`
        recorded, a one-time fetch URL; the URL the LMS opens."""
        au = self.structure(package)
        activity = f"https://lms.asah.id/activity/{package}"
        session = str(uuid.uuid4())
        template = {
            "contextActivities": {"grouping": [{"id": au["id"], "objectType": "Activity"}]},
            "extensions": {SESSION: session},
        }
        data: dict[str, Any] = {
            "contextTemplate": template,
            "launchMode": mode,
            "moveOn": au["moveOn"],
        }
        if au["masteryScore"]:
            data["masteryScore"] = float(au["masteryScore"])
        with self.lock:
            self.state[(activity, registration, "LMS.LaunchData")] = json.dumps(data).encode()
            key = secrets.token_hex(8)
            self.tokens[key] = secrets.token_hex(16)
        launched = {
            "id": str(uuid.uuid4()),
            "actor": self.actor(learner),
            "verb": {"id": "http://adlnet.gov/expapi/verbs/launched"},
            "object": {"id": activity, "objectType": "Activity"},
            "context": {
                **template,
                "registration": registration,
                "contextActivities": {
                    **template["contextActivities"],
                    "category": [{"id": CMI5_CATEGORY}],
                },
                "extensions": {
                    SESSION: session,
                    "https://w3id.org/xapi/cmi5/context/extensions/launchmode": mode,
                    "https://w3id.org/xapi/cmi5/context/extensions/moveon": au["moveOn"],
                },
            },
            "timestamp": _now(),
        }
        status, body = self.ralph.request(
            "POST",
            "/xAPI/statements",
            json.dumps(launched).encode(),
            {"Authorization": self.ralph.auth, "Content-Type": "application/json", **XAPI},
        )
        assert status == 200, body
        query = {
            "endpoint": f"{self.url}/xapi/",
            "fetch": f"{self.url}/fetch?key={key}",
            "actor": json.dumps(self.actor(learner)),
            "registration": registration,
            "activityId": activity,
        }
        text = "&".join(f"{k}={quote(v, safe='')}" for k, v in query.items())
        return f"{self.url}/pkg/{package}/asah-lms.html?{text}"


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _Handler(LmsHandler):
    lms: TestCmi5Lms

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _authorised(self) -> bool:
        given = (self.headers.get("Authorization") or "").removeprefix("Basic ")
        with self.lms.lock:
            return given in self.lms.valid

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/xapi/activities/state":
            if not self._authorised():
                return self._send(401, b"{}")
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            key = (query.get("activityId"), query.get("registration"), query.get("stateId"))
            with self.lms.lock:
                found = self.lms.state.get(key)  # type: ignore[arg-type]
            return self._send(200, found) if found else self._send(404, b"{}")
        if parts.path == "/xapi/statements":
            return self._query()
        if not self._serve_package(parts.path):
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        body = self._body()
        if parts.path == "/fetch":
            key = parse_qs(parts.query).get("key", [""])[0]
            with self.lms.lock:
                self.lms.fetches.append(key)
                token = self.lms.tokens.get(key)
                if token:
                    self.lms.tokens[key] = None  # once
                    self.lms.valid.add(token)
            if token:
                return self._send(200, json.dumps({"auth-token": token}).encode())
            answer = {"error-code": "1", "error-text": "The token has already been returned."}
            return self._send(200, json.dumps(answer).encode())
        self._forward("POST", body)

    def do_PUT(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/xapi/activities/state":
            return self._forward("PUT", self._body())
        if not self._authorised():
            return self._send(401, b"{}")
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        key = (query["activityId"], query["registration"], query["stateId"])
        if key[2] == "LMS.LaunchData":  # the AU must not change it
            return self._send(403, b"{}")
        with self.lms.lock:
            self.lms.state[key] = self._body()
        self._send(204, b"")

    def _query(self) -> None:
        """GET statements: Ralph's file-system backend compares the `verb` and `activity`
        filters (IRI objects) with strings and never matches, so those two are applied here."""
        query = parse_qs(urlsplit(self.path).query)
        verb = query.pop("verb", [""])[0]
        activity = query.pop("activity", [""])[0]
        limit = query.pop("limit", ["0"])[0]
        rest = "&".join(f"{k}={quote(v[0], safe='')}" for k, v in query.items())
        self.path = f"/xapi/statements?{rest}&limit=500"
        self._forward(
            "GET",
            None,
            lambda s: (
                (not verb or s["verb"]["id"] == verb)
                and (not activity or s["object"].get("id") == activity)
            ),
            int(limit),
        )

    def _forward(self, method: str, body: bytes | None, keep: Any = None, limit: int = 0) -> None:
        parts = urlsplit(self.path)
        if not parts.path.startswith("/xapi/statements"):
            return self._send(404, b"{}")
        if not self._authorised():
            return self._send(401, b"{}")
        target = "/xAPI/statements" + (f"?{parts.query}" if parts.query else "")
        headers = {"Authorization": self.lms.ralph.auth}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            status, answer = self.lms.ralph.request(method, target, body, {**headers, **XAPI})
        except OSError:
            return self._send(502, b'{"error": "the LRS does not answer"}')
        if keep is not None and status == 200:
            found = [s for s in json.loads(answer)["statements"] if keep(s)]
            answer = json.dumps({"statements": found[:limit] if limit else found}).encode()
        self._send(status, answer)


@contextlib.contextmanager
def serve_cmi5_lms(packages: dict[str, Path], ralph: Ralph) -> Iterator[TestCmi5Lms]:
    """The test LMS on 127.0.0.1 for the test's duration; `lms.url` is its address."""
    lms = TestCmi5Lms(packages, ralph)
    with serve(_Handler, lms) as lms.url:
        yield lms
