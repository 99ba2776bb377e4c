"""Lighthouse's accessibility audits (mobile) on a lesson with a quiz and on the progress page:
a score of 1.00. Lighthouse is an npm devDependency (node_modules/.bin/lighthouse), run on
Debian's chromium. Its performance score follows the machine's load, so it is measured by
`scripts/journey_benchmark.py --lighthouse`, not tested here."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.browser.conftest import CHROMIUM, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


@pytest.mark.parametrize("url", ["keamanan-informasi/phishing/", "kemajuan/"])
def test_lighthouse_accessibility_is_full(base_url, tmp_path, url):
    report = tmp_path / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            f"{base_url}/{url}",
            "--quiet",
            "--only-categories=accessibility",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
            "--output=json",
            f"--output-path={report}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=120,
    )
    result = json.loads(report.read_text("utf-8"))
    failing = [
        f"{audit['id']}: {audit['title']}"
        for audit in result["audits"].values()
        if audit.get("scoreDisplayMode") == "binary" and audit["score"] == 0
    ]
    assert result["categories"]["accessibility"]["score"] == 1, failing
