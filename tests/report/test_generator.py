"""scripts/report_records.py makes files that `asah report` reads as the browser's own: for the
example course, every learner counted, duplicates merged, the broken files named."""

from __future__ import annotations

import importlib.util
import io
import json
from datetime import datetime, timezone
from pathlib import Path

from asah.report.privacy import Privacy
from asah.report.records import checksum
from asah.report.run import Options, report

ROOT = Path(__file__).resolve().parents[2]


def generator():
    spec = importlib.util.spec_from_file_location(
        "report_records", ROOT / "scripts" / "report_records.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_records_are_read_as_the_browsers_own(tmp_path, capsys):
    year = datetime.now(timezone.utc).year
    args = [
        "-f",
        str(ROOT / "mkdocs.yml"),
        "-n",
        "40",
        "-o",
        str(tmp_path / "in"),
        "--seed",
        "3",
        "--bad",
        "3",
        "--duplicates",
        "0.2",
        "--year",
        str(year),
    ]
    assert generator().main(args) == 0
    files = sorted((tmp_path / "in").rglob("*.json"))
    sample = json.loads(files[0].read_text("utf-8"))
    assert sample["checksum"] == checksum(sample) and sample["version"] == 2
    assert {"learner", "completions", "quizzes", "competencies", "paths", "history"} <= set(sample)
    stdout, stderr = io.StringIO(), io.StringIO()
    options = Options(
        ROOT / "mkdocs.yml", [str(tmp_path / "in")], tmp_path / "out", Privacy(), year
    )
    assert report(options, stdout, stderr) == 1
    problems = stderr.getvalue().splitlines()
    assert len([p for p in problems if "rusak-" in p]) == 3
    assert all("rusak-" in p or "peserta yang sama" in p for p in problems)
    assert f"{len(files)} berkas, 40 peserta, 3 dilewati" in stdout.getvalue()


def test_the_checksum_is_javascripts_json_stringify():
    # JSON.stringify({a: 100, b: [1e16, "x\ud800", "e-5 1.0]"], c: 2.5, d: -2.5e-8, e: 3}) is
    # '{"a":100,"b":[10000000000000000,"x\\ud800","e-5 1.0]"],"c":2.5,"d":-2.5e-8,"e":3}'
    odd = {"a": 100.0, "b": [1e16, "x\ud800", "e-5 1.0]"], "c": 2.5, "d": -2.5e-8, "e": 3}
    assert checksum(odd) == "crc32:21c95301"
    assert checksum({"a": 100, "checksum": "x"}) == checksum({"a": 100.0})
