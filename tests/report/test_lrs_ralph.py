"""`asah report --lrs` against a real learning record store: Ralph (tests/browser/cmi5_lms.py
starts it on a loopback port), holding the statements Asah's cmi5 runtime sends for forty
learners (tests/report/statements.py); the report reads them page by page through the xAPI
statements API and comes to the numbers the same statements give from any store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asah.cli import main
from tests.browser.cmi5_lms import PASSWORD, USER, XAPI, running_ralph
from tests.report import statements as xapi
from tests.report.course import write_course
from tests.report.test_lrs import check_forty


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    with running_ralph(tmp_path_factory.mktemp("ralph")) as lrs:
        yield lrs


def test_the_report_reads_ralph(ralph, tmp_path, monkeypatch, capsys):
    other = xapi.defined(
        xapi.actor("A"), "completed", "2026-03-01T03:00:00.000Z", au="https://lain.id/x/au"
    )
    sent = [*xapi.population(40), other]
    headers = {"Authorization": ralph.auth, "Content-Type": "application/json", **XAPI}
    status, body = ralph.request("POST", "/xAPI/statements", json.dumps(sent).encode(), headers)
    assert status == 200, body
    config = write_course(tmp_path / "course")
    url = f"http://127.0.0.1:{ralph.port}/xAPI"
    out = tmp_path / "out"
    args = ["report", "-f", str(config), "-o", str(out), "--year", "2026", "--lrs", url]
    monkeypatch.setenv("ASAH_LRS_USER", USER)
    monkeypatch.setenv("ASAH_LRS_PASSWORD", PASSWORD)
    # Ralph pages by 100 statements at most: five pages, followed by `more`
    assert main([*args, "--since", "2026-02-01T01:30:00Z"]) == 0
    captured = capsys.readouterr()
    assert "0 berkas, 40 peserta, 0 dilewati" in captured.out
    assert captured.err == (
        f"{url}: 1 pernyataan dari kursus lain dilewati (misalnya aktivitas https://lain.id/x/au)\n"
    )
    html = (out / "index.html").read_text("utf-8")
    check_forty(html, out)
    # `since` went to Ralph (which filters by the statements' time): no `initialized`
    assert "<dt>Pernyataan dari record store</dt><dd>457 (40 peserta)</dd>" in html
    # a wrong password: one line, no secret, the report without the store's learners
    monkeypatch.setenv("ASAH_LRS_PASSWORD", "salah-" + PASSWORD)
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"{url}: record store menjawab HTTP 401; tidak ada pernyataan yang dibaca (401 atau 403: "
        "periksa ASAH_LRS_USER dan ASAH_LRS_PASSWORD, atau ASAH_LRS_AUTH)"
    ]
    assert PASSWORD not in err and PASSWORD not in (out / "index.html").read_text("utf-8")
    assert not Path(out / "learners.csv").exists()
