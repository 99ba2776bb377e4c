#!/usr/bin/env python3
"""Bytes transferred (gzip, as a web host serves them) and requests per page type, Asah against
stock Material on the same content.

    .venv/bin/python scripts/page_weight.py

Builds the example course twice — with Asah, and with stock Material (the same pages with quiz
blocks removed, no Asah plugins) — serves each with gzip (scripts/serve_gzip.py), loads every
page type in Chromium from an empty cache and sums what crossed the network. Budget: the Asah
page ≤ the stock page + 15 KB. Pages only Asah has are compared with the stock home page.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 15 * 1024
PAGES = {
    "home": ("", ""),
    "lesson with quiz": ("keamanan-informasi/phishing/", "keamanan-informasi/phishing/"),
    "kompetensi/": ("kompetensi/", ""),
    "kompetensi/<id>/": ("kompetensi/keamanan-informasi/", ""),
    "jalur/": ("jalur/", ""),
    "jalur/<id>/": ("jalur/aman-digital/", ""),
    "kuis/<id>/": ("kuis/evaluasi-akhir/", ""),
    "kemajuan/": ("kemajuan/", ""),
    "penilaian-diri/": ("penilaian-diri/", ""),
}


def stock_copy(target: Path) -> Path:
    """The example course as stock Material would build it."""
    shutil.copytree(ROOT / "content", target / "content")
    for page in (target / "content").rglob("*.md"):
        text = page.read_text("utf-8")
        page.write_text(re.sub(r"^/// quiz[^\n]*\n(?:.*\n)*?///\n", "", text, flags=re.M))
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\n  - asah/[^\n]*(?:\n      [^\n]*)*", "", config)
    config = re.sub(
        r"\n  - (Kompetensi|Jalur Belajar|Penilaian Diri|Kemajuan Saya): [^\n]*", "", config
    )
    config = config.replace("watch:\n  - site_config\n", "")
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


def weigh(site: Path, urls: list[str]) -> dict[str, tuple[int, int]]:
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
                sizes: list[int] = []
                page.on(
                    "requestfinished",
                    lambda r, sizes=sizes: sizes.append(
                        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                    ),
                )
                page.goto(f"http://127.0.0.1:{port}/{url}", wait_until="networkidle")
                results[url] = (sum(sizes), len(sizes))
                context.close()
            browser.close()
    finally:
        server.terminate()
    return results


def main() -> None:
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
