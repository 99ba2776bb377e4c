#!/usr/bin/env python3
"""Bytes transferred (gzip, as a web host serves them) and requests per page type, Asah against
stock Material on the same content.

    .venv/bin/python scripts/page_weight.py

Builds the example course twice — with Asah, and with stock Material (the same pages with quiz
blocks written out as the Markdown an author would write without Asah: every prompt, option,
feedback and explanation as text) — serves each with gzip (scripts/serve_gzip.py), loads every
page type in Chromium from an empty cache and sums what crossed the network. Budget: the Asah
page ≤ the stock page + 15 KB. `kuis/<id>/` is compared with a stock page holding the bank as
text; the other pages only Asah has with the stock home page.

    .venv/bin/python scripts/page_weight.py --package

compares instead a lesson on the site with the same lesson in the SCORM 1.2 package (`asah
package scorm12`), framed as an LMS frames it: the package's launch page, its LMS runtime and
the lesson, less the LMS's own page (a stand-in that answers every call). Budget: the packaged
lesson ≤ the lesson on the site + 15 KB.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 15 * 1024
DETAIL = "--detail" in sys.argv  # print every request
PACKAGE = "--package" in sys.argv  # the lesson in the SCORM 1.2 package against the site's
PACKAGED_LESSON = ("keamanan-informasi/phishing/", "keamanan-informasi/phishing.html")
# the least an LMS does: an API that keeps nothing, and the package's launch page in a frame,
# sent to the lesson (cmi.core.lesson_location)
STAND_IN_LMS = """<!doctype html><html lang="id"><head><meta charset="utf-8"><title>LMS</title>
<script>window.API = {LMSInitialize: () => "true", LMSFinish: () => "true",
LMSCommit: () => "true", LMSSetValue: () => "true", LMSGetLastError: () => "0",
LMSGetErrorString: () => "", LMSGetDiagnostic: () => "",
LMSGetValue: (name) => name === "cmi.core.lesson_location" ? "%s" : ""};</script></head>
<body><iframe src="asah-lms.html" title="Kursus"></iframe></body></html>
"""
PAGES = {
    "home": ("", ""),
    "lesson with quiz": ("keamanan-informasi/phishing/", "keamanan-informasi/phishing/"),
    "kompetensi/": ("kompetensi/", ""),
    "kompetensi/<id>/": ("kompetensi/keamanan-informasi/", ""),
    "jalur/": ("jalur/", ""),
    "jalur/<id>/": ("jalur/aman-digital/", ""),
    "kuis/<id>/": ("kuis/evaluasi-akhir/", "kuis/evaluasi-akhir/"),
    "kemajuan/": ("kemajuan/", ""),
    "penilaian-diri/": ("penilaian-diri/", ""),
}


def quiz_as_markdown(bank: dict[str, Any]) -> str:
    """A quiz as an author would write it on a page of stock Material: all of its text (kept out
    of search, as Asah keeps quizzes out, so the search index compares like for like)."""
    out = ["<div data-search-exclude markdown>", f"**{bank.get('title') or 'Kuis'}**"]
    out.append(str(bank.get("description") or ""))
    for n, q in enumerate(bank.get("questions") or [], 1):
        out.append(f"**Soal {n}.** {q.get('prompt', '')}")
        for option in q.get("options") or []:
            out.append(f"- {option.get('text', '')}: {option.get('feedback', '')}")
        out += [f"- {item}" for item in q.get("items") or []]
        out += [f"- {pair.get('left')} — {pair.get('right')}" for pair in q.get("pairs") or []]
        answers = q.get("answers") or [q.get("answer", "")]
        out.append(f"Jawaban: {', '.join(str(a) for a in answers)}")
        out += [str(q[key]) for key in ("hint", "explanation") if q.get(key)]
    return "\n\n".join([*out, "</div>"]) + "\n"


def _quiz_text(match: re.Match[str]) -> str:
    arg, body = (match["arg"] or "").strip(), match["body"]
    if arg:
        return quiz_as_markdown(yaml.safe_load((ROOT / "quizzes" / f"{arg}.yml").read_text()))
    return quiz_as_markdown(yaml.safe_load(body) or {})


def stock_copy(target: Path) -> Path:
    """The example course as stock Material would build it: quizzes as plain text."""
    shutil.copytree(ROOT / "content", target / "content")
    block = re.compile(r"^/// quiz(?: *\| *(?P<arg>[^\n]*))?\n(?P<body>(?:.*\n)*?)///\n", re.M)
    for page in (target / "content").rglob("*.md"):
        page.write_text(block.sub(lambda m: _quiz_text(m) or "", page.read_text("utf-8")))
    final = yaml.safe_load((ROOT / "quizzes" / "evaluasi-akhir.yml").read_text("utf-8"))
    (target / "content" / "kuis").mkdir()
    (target / "content" / "kuis" / "evaluasi-akhir.md").write_text(
        f"# {final['title']}\n\n{quiz_as_markdown(final)}", "utf-8"
    )
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\n  - asah/[^\n]*(?:\n      [^\n]*)*", "", config)
    config = re.sub(
        r"\n  - (Kompetensi|Jalur Belajar|Penilaian Diri|Kemajuan Saya): [^\n]*", "", config
    )
    config = config.replace("watch:\n  - site_config\n", "")
    config = config.replace("\nplugins:\n", "\nplugins:\n  - search\n", 1)  # Material's own
    (target / "mkdocs.yml").write_text(config, "utf-8")
    return target


def build(folder: Path, config: Path) -> Path:
    site = folder / "site-out"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def weigh(site: Path, urls: list[str], skip: str = "") -> dict[str, tuple[int, int]]:
    """Bytes and requests of each page, less the requests whose URL ends with `skip`."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve_gzip.py"), str(site), str(port)]
    )
    time.sleep(0.8)
    results = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for url in urls:
                context = browser.new_context()
                page = context.new_page()
                sizes: list[tuple[str, int]] = []
                page.on(
                    "requestfinished",
                    lambda r, sizes=sizes: (
                        (not skip or not r.url.endswith(skip))
                        and sizes.append(
                            (
                                r.url,
                                r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"],
                            )
                        )
                    ),
                )
                page.goto(f"http://127.0.0.1:{port}/{url}", wait_until="networkidle")
                results[url] = (sum(n for _, n in sizes), len(sizes))
                if DETAIL:
                    for request_url, n in sizes:
                        print(f"  {url or 'home':28} {n:7} {request_url.split('/', 3)[-1]}")
                context.close()
            browser.close()
    finally:
        server.terminate()
    return results


def package_folder(work: Path) -> Path:
    """The example course's SCORM 1.2 package, unpacked, with the stand-in LMS beside it."""
    archive = work / "course.zip"
    subprocess.run(
        [sys.executable, "-m", "asah.cli", "package", "scorm12", "-o", str(archive)],
        cwd=ROOT,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
    )
    folder = work / "package"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    (folder / "lms.html").write_text(STAND_IN_LMS % PACKAGED_LESSON[1], "utf-8")
    return folder


def main_package() -> None:
    with tempfile.TemporaryDirectory(prefix="asah-weight-") as tmp:
        work = Path(tmp)
        site_url, _ = PACKAGED_LESSON
        site = weigh(build(work / "asah", ROOT / "mkdocs.yml"), [site_url])[site_url]
        packaged = weigh(package_folder(work), ["lms.html"], skip="/lms.html")["lms.html"]
    extra = packaged[0] - site[0]
    verdict = "ok" if extra <= BUDGET else "OVER"
    print(f"{'page':24} {'package':>14} {'site':>14} {'difference':>11}  budget")
    print(
        f"{'lesson with quiz':24} {packaged[0] / 1024:7.1f} KB {packaged[1]:2} req "
        f"{site[0] / 1024:7.1f} KB {site[1]:2} req {extra / 1024:+8.1f} KB  {verdict}"
    )


def main() -> None:
    if PACKAGE:
        return main_package()
    with tempfile.TemporaryDirectory(prefix="asah-weight-") as tmp:
        work = Path(tmp)
        asah_site = build(work / "asah", ROOT / "mkdocs.yml")
        stock = stock_copy(work / "stock")
        stock_site = build(stock, stock / "mkdocs.yml")
        asah = weigh(asah_site, [a for a, _ in PAGES.values()])
        plain = weigh(stock_site, sorted({s for _, s in PAGES.values()}))
    print(f"{'page':20} {'Asah':>14} {'stock Material':>16} {'difference':>11}  budget")
    worst = 0
    for name, (asah_url, stock_url) in PAGES.items():
        (a_bytes, a_requests), (s_bytes, s_requests) = asah[asah_url], plain[stock_url]
        extra = a_bytes - s_bytes
        worst = max(worst, extra)
        verdict = "ok" if extra <= BUDGET else "OVER"
        print(
            f"{name:20} {a_bytes / 1024:7.1f} KB {a_requests:2} req {s_bytes / 1024:9.1f} KB "
            f"{s_requests:2} req {extra / 1024:+8.1f} KB  {verdict}"
        )
    print(f"largest difference: {worst / 1024:.1f} KB (budget {BUDGET / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
