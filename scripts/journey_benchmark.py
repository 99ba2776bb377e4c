#!/usr/bin/env python3
"""The learner's journey on a phone: taps, time until the lesson text shows and the quiz can be
used, and the bytes, on a first visit and a cached visit; and Lighthouse (mobile).

    .venv/bin/python scripts/journey_benchmark.py               # the journey, median of 3 runs
    .venv/bin/python scripts/journey_benchmark.py --lighthouse  # + Lighthouse, median of 3 runs
    .venv/bin/python scripts/journey_benchmark.py --lighthouse-only

Builds the example course (`mkdocs build --strict`) into a temporary folder and serves it on
127.0.0.1 with the small server below: text gzipped (level 6) as web hosts send it, an ETag on
every file, HTML `Cache-Control: no-cache` (revalidated on every visit: a 304 when unchanged),
everything else `max-age=86400`. Chromium (Debian's, driven by Playwright) plays a phone: 390 ×
844 CSS px, touch, device scale 2, its CPU 4× slower (CDP `Emulation.setCPUThrottlingRate`), on
slow 3G: 400 kbit/s down, 400 ms before each response (`--down`, `--latency`, `--cpu` change
them). The server slows the network, not Chromium: CDP's `Network.emulateNetworkConditions`
(same model: a delay per request, one shared throughput) slows the page's own requests only,
and once the site's service worker (asah/offline) controls the page, requests go through it
unslowed (measured: a page's HTML in 14–61 ms). Requests are a few hundred bytes: the upload
is not limited. Each run starts from an empty cache:

1. the home page, then taps to the first lesson of a path (the links the script taps are the
   ones a learner sees first: "langkah 1 jalur …");
2. a lesson with a quiz opened from a link (first visit), then opened again in a new tab
   (cached visit: the HTML revalidated, the rest from the browser's cache).

"Text visible" is when the lesson's title and its first paragraph are painted (Element Timing;
for a lesson reached by a tap, from the tap); "quiz usable" when the quiz's root carries
`data-asah-ready` (its runtime has loaded and set it up). Bytes are counted by the server, for
every request of the page and of its service worker: body before gzip, body sent (gzip for
text), and the response headers.

`--lighthouse` also runs Lighthouse (npm devDependency, `node_modules/.bin/lighthouse`) with
Debian's chromium, mobile (its defaults: simulated slow 4G, 4× CPU), on a lesson and on
`kemajuan/`, served by the same server, and prints the median scores and the audits that lose
points. Reports stay in out/lighthouse/.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PHONE = {"width": 390, "height": 844}
FIRST_LESSON_LINKS = ["langkah 1 jalur Aman di Dunia Digital"]  # what the learner taps, in order
FIRST_LESSON_TITLE = "Pengantar Literasi Digital bagi ASN"
QUIZ_LESSON = "keamanan-informasi/phishing/"  # step 3 of that path, its first quiz
LIGHTHOUSE_PAGES = [QUIZ_LESSON, "kemajuan/"]
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
KINDS = ["HTML", "CSS", "JS", "fonts", "search", "offline", "images", "other"]


# ---- the server ----------------------------------------------------------------------------


@dataclass
class Served:
    path: str
    status: int
    raw: int  # body bytes before gzip
    sent: int  # body bytes sent
    headers: int


@dataclass
class Log:
    entries: list[Served] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, entry: Served) -> None:
        with self.lock:
            self.entries.append(entry)

    def take(self) -> list[Served]:
        with self.lock:
            taken, self.entries = self.entries, []
        return taken


class Link:
    """A slow connection, shared by every request as a phone's is: `latency_ms` before each
    response, then its bytes at `kbit` kbit/s, the responses under way sharing the rate (the
    model of Chromium's network emulation: a delay per request and one shared throughput)."""

    CHUNK = 1024

    def __init__(self, kbit: float, latency_ms: float) -> None:
        self.rate = kbit * 1000 / 8  # bytes per second
        self.latency = latency_ms / 1000
        self.free_at = 0.0
        self.lock = threading.Lock()

    def send(self, wfile, data: bytes) -> None:
        for start in range(0, len(data), self.CHUNK):
            chunk = data[start : start + self.CHUNK]
            with self.lock:
                self.free_at = max(time.monotonic(), self.free_at) + len(chunk) / self.rate
                until = self.free_at
            time.sleep(max(0.0, until - time.monotonic()))
            wfile.write(chunk)


class Handler(http.server.BaseHTTPRequestHandler):
    """GET of a built site: gzip for text, ETag and 304, no-cache for HTML, over the slow link
    when there is one; logs what it sends."""

    protocol_version = "HTTP/1.1"  # keep-alive, as browsers and hosts use
    site: Path
    log: Log
    link: Link | None
    files: dict[Path, tuple[bytes, bytes, str]]  # path → (raw, gzip, etag), made once
    head = b""

    def flush_headers(self) -> None:  # sent with the body, in reply()
        self.head, self._headers_buffer = b"".join(self._headers_buffer), []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.link:
            time.sleep(self.link.latency)
        url = unquote(urlsplit(self.path).path)
        target = (self.site / url.lstrip("/")).resolve()
        if self.site not in target.parents and target != self.site:
            return self.reply(url, 404, b"", {})
        if target.is_dir():
            if not url.endswith("/"):
                return self.reply(url, 301, b"", {"Location": url + "/"})
            target = target / "index.html"
        if not target.is_file():
            return self.reply(url, 404, b"not found", {"Content-Type": "text/plain"})
        raw, packed, etag = self.read(target)
        kind = "text/html; charset=utf-8" if target.suffix == ".html" else self.type_of(target)
        headers = {
            "Content-Type": kind,
            "ETag": etag,
            "Cache-Control": "no-cache" if target.suffix == ".html" else "max-age=86400",
        }
        if self.headers.get("If-None-Match") == etag:
            return self.reply(url, 304, b"", headers, raw=0)
        if packed and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self.reply(url, 200, packed, {**headers, "Content-Encoding": "gzip"}, len(raw))
        return self.reply(url, 200, raw, headers)

    def read(self, target: Path) -> tuple[bytes, bytes, str]:
        if target not in self.files:
            raw = target.read_bytes()
            packed = gzip.compress(raw, compresslevel=6, mtime=0) if target.suffix in TEXT else b""
            self.files[target] = (raw, packed, f'"{zlib.crc32(raw):08x}-{len(raw)}"')
        return self.files[target]

    @staticmethod
    def type_of(target: Path) -> str:
        types = {".js": "text/javascript", ".webmanifest": "application/manifest+json"}
        guessed = mimetypes.guess_type(target.name)[0]
        return types.get(target.suffix) or guessed or "application/octet-stream"

    def reply(self, url: str, status: int, body: bytes, headers: dict, raw: int | None = None):
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        head = self.head
        if self.link:
            self.link.send(self.wfile, head + body)
        else:
            self.wfile.write(head + body)
        self.log.add(Served(url, status, len(body) if raw is None else raw, len(body), len(head)))


@contextlib.contextmanager
def serve(site: Path, link: Link | None):
    log = Log()
    handler = type(
        "SiteHandler", (Handler,), {"site": site.resolve(), "log": log, "link": link, "files": {}}
    )
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", log
    finally:
        httpd.shutdown()
        httpd.server_close()


def kind_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if path.startswith("/search/") or name.startswith("search."):
        return "search"
    if name.startswith(("asah-sw", "asah-offline", "manifest.")) or "/asah/offline" in path:
        return "offline"
    if path.endswith("/") or name.endswith(".html"):
        return "HTML"
    suffix = name.rsplit(".", 1)[-1] if "." in name else ""
    kinds = {"css": "CSS", "js": "JS", "woff2": "fonts", "woff": "fonts", "ttf": "fonts"}
    if suffix in kinds:
        return kinds[suffix]
    return "images" if suffix in ("png", "svg", "ico", "jpg", "jpeg", "webp", "gif") else "other"


@dataclass
class Bytes:
    raw: int = 0
    sent: int = 0
    headers: int = 0
    requests: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind → [raw, sent]
    entries: list[Served] = field(default_factory=list)

    @classmethod
    def of(cls, entries: list[Served]) -> Bytes:
        total = cls(entries=entries)
        for e in entries:
            total.raw += e.raw
            total.sent += e.sent
            total.headers += e.headers
            total.requests += 1
            kind = total.by_kind.setdefault(kind_of(e.path), [0, 0])
            kind[0] += e.raw
            kind[1] += e.sent
        return total


# ---- the phone -----------------------------------------------------------------------------

# Runs in every page before its own scripts: marks the lesson's title and first paragraph for
# Element Timing as the parser (or Material's instant navigation) adds them, and notes when a
# quiz becomes usable and when the learner taps.
INSTRUMENT = """(() => {
  const marks = window.__journey = {paint: {}, quiz: null};
  const tag = () => {
    const article = document.querySelector('article.md-content__inner');
    if (!article) return;
    const title = article.querySelector(':scope > h1');
    const text = article.querySelector(':scope > p');
    if (title && !title.hasAttribute('elementtiming')) title.setAttribute('elementtiming', 'title');
    if (text && !text.hasAttribute('elementtiming')) text.setAttribute('elementtiming', 'text');
    if (!marks.quiz && document.querySelector('[data-asah-quiz][data-asah-ready]')) {
      marks.quiz = performance.now();
    }
  };
  new MutationObserver(tag).observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-asah-ready'],
  });
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      (marks.paint[entry.identifier] ||= []).push(entry.renderTime || entry.loadTime);
    }
  }).observe({type: 'element', buffered: true});
  addEventListener('click', event => {  // the tap's time, kept across a page load
    sessionStorage.setItem('journey-tap', String(performance.timeOrigin + event.timeStamp));
  }, true);
})();"""

# The lesson's text visible: its title and its first paragraph painted, in ms since the page's
# navigation began, or since the tap (`tap`: the tap's time since the epoch) when there is one.
TEXT_VISIBLE = """tap => {
  const m = window.__journey, since = tap ? tap - performance.timeOrigin : 0;
  const after = id => (m.paint[id] || []).find(t => t >= Math.max(since, 0));
  const title = after('title'), text = after('text');
  return title === undefined || text === undefined ? null : Math.max(title, text) - since;
}"""


def phone_page(context, cpu: float):
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    return page


def settle(page, log: Log) -> list[Served]:
    """Wait until the page and its service worker are done, then take what they fetched."""
    page.wait_for_load_state("networkidle")
    with contextlib.suppress(Exception):
        page.evaluate(
            "() => navigator.serviceWorker && Promise.race([navigator.serviceWorker.ready,"
            " new Promise(r => setTimeout(r, 15000))])"
        )
    quiet, last = 0, -1
    while quiet < 3:  # the worker's own downloads: until the server has been idle 1.5 s
        page.wait_for_timeout(500)  # (Playwright's wait: events, such as a new worker, run)
        now = len(log.entries)
        quiet = quiet + 1 if now == last else 0
        last = now
    return log.take()


def wait_for(page, script: str, arg: object = None, timeout: float = 60.0) -> float:
    value = page.wait_for_function(script, arg=arg, timeout=timeout * 1000, polling=50)
    return value.json_value() / 1000


def visit(page, url: str, log: Log, quiz: bool) -> dict:
    """A full page load: text visible and quiz usable from the start of the navigation."""
    log.take()  # late requests of the step before (a service worker's update check)
    page.goto(url, wait_until="commit")
    result = {"text": wait_for(page, TEXT_VISIBLE, None)}
    if quiz:
        result["quiz"] = wait_for(page, "() => window.__journey.quiz")
    result["bytes"] = Bytes.of(settle(page, log))
    return result


def tap_through(page, links: list[str]) -> tuple[int, int]:
    """Tap each link in turn, as a learner does: the number of taps, and of links that were not
    in the screen as the page opened (the learner had to scroll to them)."""
    taps = scrolls = 0
    for name in links:
        link = page.get_by_role("link", name=name, exact=True)
        box, screen = link.bounding_box(), page.viewport_size
        if not box or not screen or box["y"] < 0 or box["y"] + box["height"] > screen["height"]:
            scrolls += 1
        link.tap()
        taps += 1
    return taps, scrolls


def journey(browser, base: str, log: Log, cpu: float) -> dict:
    from playwright.sync_api import expect

    phone = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
    runs: dict = {}
    # 1. home, then to the first lesson by tapping
    context = browser.new_context(**phone)
    context.add_init_script(INSTRUMENT)
    page = phone_page(context, cpu)
    home = visit(page, f"{base}/", log, quiz=False)
    runs["home"] = home
    log.take()
    taps, scrolls = tap_through(page, FIRST_LESSON_LINKS)
    expect(page.locator("h1")).to_have_text(FIRST_LESSON_TITLE, timeout=60_000)
    tap = float(page.evaluate("() => sessionStorage.getItem('journey-tap')"))
    runs["tap"] = {"taps": taps, "scrolls": scrolls, "text": wait_for(page, TEXT_VISIBLE, tap)}
    runs["tap"]["bytes"] = Bytes.of(settle(page, log))
    context.close()
    # 2. a lesson with a quiz: first visit, then cached visit in a new tab
    context = browser.new_context(**phone)
    context.add_init_script(INSTRUMENT)
    page = phone_page(context, cpu)
    runs["first"] = visit(page, f"{base}/{QUIZ_LESSON}", log, quiz=True)
    page.close()
    page = phone_page(context, cpu)
    runs["cached"] = visit(page, f"{base}/{QUIZ_LESSON}", log, quiz=True)
    context.close()
    return runs


def build(target: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)],
        check=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target


# ---- the report ----------------------------------------------------------------------------


def kb(n: float) -> str:
    return f"{n / 1024:.1f}"


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_journey(runs: list[dict], args: argparse.Namespace) -> None:
    print(
        f"phone {PHONE['width']} px, {args.down:g} kbit/s down and {args.latency:g} ms a "
        f"request, CPU {args.cpu:g}× slower; median of {len(runs)} runs (each run's value)\n"
    )
    taps = {(run["tap"]["taps"], run["tap"]["scrolls"]) for run in runs}
    said = ", ".join(f"{n} ({s} of them after scrolling)" for n, s in sorted(taps))
    print(f"taps from the home page to the first lesson: {said}\n")

    def seconds(step: str, key: str) -> str:
        values = [run[step][key] for run in runs]
        return f"{median(values):5.2f} s ({', '.join(f'{v:.2f}' for v in values)})"

    rows = [
        ("home page, first visit: text visible", "home", "text"),
        ("tap to the first lesson: text visible", "tap", "text"),
        ("lesson with quiz, first visit: text visible", "first", "text"),
        ("lesson with quiz, first visit: quiz usable", "first", "quiz"),
        ("lesson with quiz, cached visit: text visible", "cached", "text"),
        ("lesson with quiz, cached visit: quiz usable", "cached", "quiz"),
    ]
    for label, step, key in rows:
        print(f"{label:46} {seconds(step, key)}")
    print(
        f"\n{'bytes (KB; first run)':46} {'before gzip':>11} {'sent':>8} {'headers':>8}"
        f" {'requests':>8}"
    )
    first = runs[0]
    for label, step in [
        ("home page, first visit", "home"),
        ("tap to the first lesson", "tap"),
        ("lesson with quiz, first visit", "first"),
        ("lesson with quiz, cached visit", "cached"),
    ]:
        b = first[step]["bytes"]
        print(f"{label:46} {kb(b.raw):>11} {kb(b.sent):>8} {kb(b.headers):>8} {b.requests:>8}")
        for e in b.entries if args.detail else []:
            print(f"  {e.status} {e.path[:52]:52} {e.raw:8} {e.sent:8} {kind_of(e.path)}")
    print(
        f"\n{'first visits, by kind (KB: before gzip / sent)':46} {'home page':>17} {'lesson':>17}"
    )
    for kind in KINDS:
        cells = [first[step]["bytes"].by_kind.get(kind, [0, 0]) for step in ("home", "first")]
        print(f"  {kind:44}" + "".join(f" {kb(raw):>8} /{kb(sent):>7}" for raw, sent in cells))


# ---- Lighthouse ----------------------------------------------------------------------------


def lighthouse(url: str, out: Path, categories: str, timeout: float = 180) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={categories}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            "--output=json",
            "--output=html",
            f"--output-path={out}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=timeout,
        capture_output=True,
    )
    return json.loads(out.with_suffix(".report.json").read_text("utf-8"))


def losing(reports: list[dict]) -> list[str]:
    """Each scored audit below 1 in some run: its score and value in each run, and the points
    it costs its category (weight × lost score, median of the runs)."""
    lines = []
    for name, category in reports[0]["categories"].items():
        total = sum(ref["weight"] for ref in category["auditRefs"]) or 1
        for ref in category["auditRefs"]:
            audits = [r["audits"][ref["id"]] for r in reports]
            scores = [a["score"] for a in audits if a["score"] is not None]
            if not ref["weight"] or not scores or min(scores) >= 1:
                continue
            lost = median([ref["weight"] * (1 - s) / total for s in scores])
            each = ", ".join(
                f"{a['score']:.2f} {a.get('displayValue') or ''}".strip() for a in audits
            )
            lines.append(f"  {name}: {ref['id']} −{lost:.3f} ({each})")
    return lines


def run_lighthouse(base: str, runs: int) -> None:
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `bash scripts/setup.sh --test` (npm ci)")
    out = ROOT / "out" / "lighthouse"
    out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    print(
        f"\nLighthouse {version.stdout.strip()} (mobile), median of {runs} runs; reports in {out}"
    )
    categories = "performance,accessibility,best-practices"
    for url in LIGHTHOUSE_PAGES:
        reports = []
        for n in range(1, runs + 1):
            name = (url.strip("/").replace("/", "_") or "home") + f"-{n}"
            reports.append(lighthouse(f"{base}/{url}", out / name, categories))
        scores = {
            key: [r["categories"][key]["score"] for r in reports]
            for key in reports[0]["categories"]
        }
        print(
            url,
            "  ".join(
                f"{key} {median(values):.2f} ({', '.join(f'{v:.2f}' for v in values)})"
                for key, values in scores.items()
            ),
        )
        metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time"]
        metrics += ["cumulative-layout-shift", "speed-index"]
        print(
            "  metrics (median):",
            ", ".join(
                f"{m} {median([r['audits'][m]['numericValue'] for r in reports]):.0f}"
                if m != "cumulative-layout-shift"
                else f"{m} {median([r['audits'][m]['numericValue'] for r in reports]):.3f}"
                for m in metrics
            ),
        )
        lost = losing(reports)
        print("\n".join(lost) if lost else "  no audit loses points")


# ---- main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of the journey (median)")
    parser.add_argument("--down", type=float, default=400, help="kbit/s (400)")
    parser.add_argument("--latency", type=float, default=400, help="ms before each response")
    parser.add_argument("--cpu", type=float, default=4, help="CPU slowdown (4)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse")
    parser.add_argument("--lighthouse-only", action="store_true", help="only Lighthouse")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--detail", action="store_true", help="print every request")
    parser.add_argument("--site", type=Path, help="a built site (default: build the example)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="asah-journey-") as tmp:
        site = args.site or build(Path(tmp) / "site")
        if not args.lighthouse_only:
            from playwright.sync_api import sync_playwright

            with serve(site, Link(args.down, args.latency)) as (base, log), sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                )
                runs = [journey(browser, base, log, args.cpu) for _ in range(args.runs)]
                browser.close()
            print_journey(runs, args)
        if args.lighthouse or args.lighthouse_only:
            with serve(site, None) as (base, _):  # Lighthouse simulates its own network
                run_lighthouse(base, args.lighthouse_runs)


if __name__ == "__main__":
    main()
