"""`asah report`: coverage from the course alone, attainment, gaps and question analysis from
learners' files, the privacy rules, the CSV files, and the command line."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from asah.cli import main
from asah.report.privacy import Privacy
from asah.report.run import Options, report
from tests.report.course import (
    answers_for,
    attempt,
    export,
    fingerprints,
    record,
    save,
    write_course,
)

NOW = datetime(2026, 7, 1, tzinfo=timezone.utc)
UNITS = ["Biro Umum"] * 20 + ["Dinas Kesehatan"] * 14 + ["Bappeda"] * 3 + [""] * 3


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    return write_course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def fps(config) -> dict[str, str]:
    return fingerprints(config)


def population(
    folder: Path, fps: dict[str, str], count: int = 40, units: list[str] = UNITS
) -> list[dict]:
    """`count` learners of rising ability: everyone did a.md and its quiz, the abler b.md and
    c.md; half assessed themselves against the path."""
    files = []
    for i in range(count):
        ability = (i + 0.5) / count
        lessons = {"a.md": "2026-02-01T03:00:00.000Z"}
        if ability > 0.3:
            lessons["b.md"] = "2026-03-01T03:00:00.000Z"
        if ability > 0.6:
            lessons["c.md"] = "2026-04-01T03:00:00.000Z"
        first = attempt("2026-02-01T02:00:00.000Z", answers_for(ability), fps)
        quiz = {"attempts": 1, "best": first["score"], "passed": first["passed"], "last": first}
        assessment = (
            {
                "date": "2026-01-10T00:00:00.000Z",
                "current": {"keamanan-informasi": 1},
                "target": {"kind": "path", "path": "p"},
            }
            if i % 2 == 0
            else None
        )
        learner = {
            "name": f"Peserta Nomor {i}",
            "nip": f"19900101201503{i:04d}",
            "unit": units[i % len(units)],
            "position": "Analis",
        }
        file = export(
            record(lessons, quiz=quiz, assessment=assessment), learner, learner_id=f"id-{i}"
        )
        save(folder, f"peserta-{i:02d}.json", file)
        files.append(file)
    return files


def run(config: Path, records: list[Path | str], out: Path, **options) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    privacy = Privacy(options.pop("min_group", 5), options.pop("with_names", False))
    status = report(
        Options(config, [str(r) for r in records], out, privacy, options.pop("year", 2026)),
        stdout,
        stderr,
        now=NOW,
    )
    return status, stdout.getvalue(), stderr.getvalue()


def rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def table(html: str, table_id: str) -> list[list[str]]:
    """The text of each row of a table of the report (cells stripped of tags)."""
    body = re.search(rf'<table id="{table_id}">(.*?)</table>', html, re.S)
    assert body, table_id
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        found.append([re.sub(r"<[^>]+>", "", c.replace("<br>", "; ")).strip() for c in cells])
    return found


def test_coverage_with_no_records(config, tmp_path):
    status, out, err = run(config, [], tmp_path / "out")
    assert (status, err) == (0, "")
    assert out.strip().startswith("asah report: 0 berkas, 0 peserta, 0 dilewati")
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Belum ada catatan peserta: laporan ini hanya berisi cakupan kursus." in html
    coverage = {row[0]: row[1:] for row in table(html, "table-coverage")}
    assert coverage["Keamanan Informasi"][:3] == [
        "1 pelajaran, 5 soal, 1 JP",
        "1 pelajaran, 2 JP",
        "—",
    ]
    assert coverage["Integritas"][:2] == ["1 pelajaran, 2 JP", "1 pelajaran, 1 JP"]
    assert coverage["Integritas"][-1] == "3 JP"
    assert coverage["Kerja Sama"][0] == "—"  # a gap: no lesson at any level
    csv_rows = rows(tmp_path / "out" / "coverage.csv")
    cell = next(
        r for r in csv_rows if r["competency_id"] == "keamanan-informasi" and r["level"] == "1"
    )
    assert (cell["lessons"], cell["questions"], cell["minutes"], cell["jp"]) == (
        "1",
        "5",
        "45",
        "1.0",
    )
    assert cell["lesson_titles"] == "Pelajaran A"
    assert 'id="attainment"' not in html
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["coverage.csv", "index.html"]


def test_attainment_gaps_and_questions_from_forty_learners(config, fps, tmp_path):
    files = population(tmp_path / "in", fps)
    status, out, err = run(config, [tmp_path / "in"], tmp_path / "out")
    assert (status, err) == (0, "")
    assert "40 berkas, 40 peserta, 0 dilewati" in out
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    # learners who reached at least each level: everyone level 1 of keamanan-informasi, the abler
    # (ability > 0.3) level 2; integritas 1 with b.md, 2 with c.md too
    heat = {row[0]: row[1:] for row in table(html, "table-heat")[1:]}
    assert heat["Keamanan Informasi"][:2] == ["40 (100%)", "28 (70%)"]
    assert heat["Integritas"][:2] == ["28 (70%)", "16 (40%)"]
    assert "<svg" in html and 'aria-labelledby="heat-title"' in html
    # JP in 2026: 1 JP (a), 3 JP (a, b), 4 JP (a, b, c)
    jp = {row[0]: row[1] for row in table(html, "table-jp")[1:]}
    assert jp == {
        "0 JP": "0",
        "di bawah 5 JP": "40",
        "5–9,9 JP": "0",
        "10–14,9 JP": "0",
        "15–19,9 JP": "0",
        "20 JP atau lebih": "0",
    }
    assert "Tahun 2026: 40 peserta, median 3 JP." in html
    paths = table(html, "table-paths")
    assert paths[1] == ["Jalur P", "3", "40", "16", "40%"]
    units = {row[0]: row[1:] for row in table(html, "table-units")[1:]}
    assert list(units) == [
        "Biro Umum",
        "Dinas Kesehatan",
        "Unit lain (masing-masing &lt; 5 peserta)",
    ]
    assert units["Biro Umum"][0] == "20"
    assert units["Unit lain (masing-masing &lt; 5 peserta)"][0] == "6"  # Bappeda and no unit
    # gaps: 20 assessed, current 1, target level 2 of keamanan-informasi (the path's highest)
    gaps = {row[0]: row[1:] for row in table(html, "table-gaps")[1:]}
    assert gaps["Keamanan Informasi"] == ["20", "1", "2", "20", "100%", "1"]
    assert gaps["Integritas"][:4] == ["20", "0", "2", "20"]
    closing = table(html, "table-closing")
    assert closing[1][0] == "Pelajaran B"  # builds keamanan-informasi 2 and integritas 1
    assert closing[1][2] == "20"
    # questions: the wrong key and the easy one are flagged, the good ones are not
    questions = {re.sub(r" \(.*", "", row[0]): row for row in table(html, "table-questions")[1:]}
    key = questions["Soal dengan kunci yang keliru"]
    assert key[3:6] == ["40", "40%", "-1"]
    assert key[6] == "A ✓: 40%; B: 60%; C: 0%"
    assert "periksa kunci jawaban" in key[7] and "Pilihan B lebih banyak dipilih" in key[7]
    assert "tidak membedakan" in questions["Soal yang terlalu mudah"][7]
    assert questions["Soal baik ketiga"][5] == "1" and questions["Soal baik ketiga"][7] == "—"
    assert "Soal yang ditandai: 2." in html
    question_rows = {r["question_id"]: r for r in rows(tmp_path / "out" / "questions.csv")}
    assert question_rows["kunci-salah"]["flags"] == "key|able|distractor"
    assert question_rows["kunci-salah"]["discrimination"] == "-1.0"
    assert question_rows["mudah"]["flags"] == "easy"
    options = [
        r for r in rows(tmp_path / "out" / "options.csv") if r["question_id"] == "kunci-salah"
    ]
    assert [(o["option"], o["right"], o["chosen"]) for o in options] == [
        ("A", "1", "16"),
        ("B", "0", "24"),
        ("C", "0", "0"),
    ]
    # no names or NIP anywhere in the aggregate report
    everything = html + "".join(p.read_text("utf-8-sig") for p in (tmp_path / "out").glob("*.csv"))
    for file in files:
        assert file["learner"]["name"] not in everything
        assert file["learner"]["nip"] not in everything
    assert not (tmp_path / "out" / "learners.csv").exists()
    assert "Tabel per peserta tidak dibuat (hanya dengan pilihan --with-names)." in html
    assert sorted(p.name for p in (tmp_path / "out").glob("*.csv")) == [
        "attainment.csv",
        "coverage.csv",
        "gap-lessons.csv",
        "gaps-by-unit.csv",
        "gaps.csv",
        "jp.csv",
        "options.csv",
        "paths.csv",
        "questions.csv",
        "units.csv",
    ]


def test_small_groups_are_hidden_and_the_report_says_so(config, fps, tmp_path):
    population(tmp_path / "in", fps, count=8, units=["Biro Umum"] * 5 + ["Bappeda"] * 3)
    status, _, _ = run(config, [tmp_path / "in"], tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert status == 0
    heat = {row[0]: row[1:] for row in table(html, "table-heat")[1:]}
    # 8 learners: all reached keamanan-informasi 1, 5 level 2 (ability > 0.3), 3 integritas 2
    assert heat["Keamanan Informasi"][:2] == ["8 (100%)", "6 (75%)"]
    assert heat["Integritas"][1] == "&lt; 5"
    assert '<td class="num hidden">&lt; 5</td>' in html
    assert "ditampilkan sebagai “&lt; 5”" in html
    # a unit of 3 is pooled with the other small ones; that row has 3 learners: hidden
    units = {row[0]: row[1:] for row in table(html, "table-units")[1:]}
    assert units["Biro Umum"][:2] == ["5", "3"]
    assert units["Unit lain (masing-masing &lt; 5 peserta)"][:2] == ["&lt; 5", "&lt; 5"]
    # 8 answers: too few to flag
    assert "Soal yang ditandai: 0." in html
    attainment = rows(tmp_path / "out" / "attainment.csv")
    assert {r["learners_at_least"] for r in attainment if r["competency_id"] == "integritas"} == {
        "6",
        "< 5",
    }


def test_a_larger_minimum_hides_more_and_never_below_three(config, fps, tmp_path, capsys):
    population(tmp_path / "in", fps, count=12)
    run(config, [tmp_path / "in"], tmp_path / "out", min_group=10)
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    heat = {row[0]: row[1:] for row in table(html, "table-heat")[1:]}
    assert heat["Keamanan Informasi"][:2] == ["12 (100%)", "&lt; 10"]
    assert "kurang dari 10 peserta ditampilkan sebagai “&lt; 10”" in html
    with pytest.raises(ValueError):
        Privacy(2)
    status = main(["report", "-f", str(config), "--min-group", "2", "-o", str(tmp_path / "x")])
    assert status == 2
    assert capsys.readouterr().err == "asah report: --min-group must be 3 or more, got 2\n"


def test_with_names_adds_the_per_learner_table(config, fps, tmp_path):
    population(tmp_path / "in", fps, count=6)
    run(config, [tmp_path / "in"], tmp_path / "out", with_names=True)
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    learners = table(html, "table-learners")
    assert learners[0][:4] == ["Nama", "NIP", "Unit kerja", "Jabatan"]
    assert [
        "Peserta Nomor 2",
        "199001012015030002",
        "Biro Umum",
        "Analis",
        "3",
        "3",
        "2",
        "0",
        "Integritas 1, Keamanan Informasi 2",
    ] in learners
    assert "memuat tabel per peserta dengan nama dan NIP" in html
    named = rows(tmp_path / "out" / "learners.csv")
    assert named[0]["name"] and named[0]["nip"].startswith("19900101")
    assert {r["competencies_reached"] for r in named} >= {"keamanan-informasi:1"}


def test_the_command_line(config, fps, tmp_path, capsys):
    population(tmp_path / "in", fps, count=5)
    status = main(
        [
            "report",
            "-f",
            str(config),
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "out"),
            "--year",
            "2026",
        ]
    )
    captured = capsys.readouterr()
    assert status == 0
    assert captured.out == (
        f"asah report: 5 berkas, 5 peserta, 0 dilewati → {tmp_path / 'out' / 'index.html'}\n"
    )
    assert main(["report", "-f", str(tmp_path / "none.yml"), "-o", str(tmp_path / "o")]) == 2
    assert "none.yml: cannot be read" in capsys.readouterr().err


def test_files_read_in_several_processes_give_the_same_report(config, fps, tmp_path, monkeypatch):
    from asah.report import collect

    population(tmp_path / "in", fps, count=30)
    save(
        tmp_path / "in",
        "peserta-00-lagi.json",
        export(record({"c.md": "2026-05-01T03:00:00.000Z"}), learner_id="id-0"),
    )
    one = run(config, [tmp_path / "in"], tmp_path / "one")
    monkeypatch.setattr(collect, "PARALLEL_FROM", 1)
    stdout, stderr = io.StringIO(), io.StringIO()
    options = Options(config, [str(tmp_path / "in")], tmp_path / "two", Privacy(), 2026, jobs=2)
    status = report(options, stdout, stderr, now=NOW)
    assert (status, stdout.getvalue().replace("two", "one"), stderr.getvalue()) == one
    for file in (tmp_path / "one").glob("*.csv"):
        assert (tmp_path / "two" / file.name).read_bytes() == file.read_bytes(), file.name


def test_three_learners_show_nothing_that_points_at_one(config, fps, tmp_path):
    population(tmp_path / "in", fps, count=3)
    assert run(config, [tmp_path / "in"], tmp_path / "out")[0] == 0
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Tahun 2026: 3 peserta, median &lt; 5." in html
    heat = {row[0]: row[1:] for row in table(html, "table-heat")[1:]}
    assert heat["Keamanan Informasi"][:2] == ["&lt; 5", "&lt; 5"]
    assert table(html, "table-units")[1][1:3] == ["&lt; 5", "&lt; 5"]
    questions = table(html, "table-questions")[1:]
    assert {row[3] for row in questions} == {"&lt; 5"}
    assert {row[4] for row in questions} == {"&lt; 5"}


def test_an_english_course_counts_minutes_in_english(fps, tmp_path):
    from tests.conftest import write_tree
    from tests.report.course import FILES

    write_tree(
        tmp_path / "en",
        {**FILES, "mkdocs.yml": FILES["mkdocs.yml"].replace("language: id", "language: en")},
    )
    config = tmp_path / "en" / "mkdocs.yml"
    population(tmp_path / "in", fingerprints(config), count=10)
    status, out, _ = run(config, [tmp_path / "in"], tmp_path / "out")
    assert status == 0 and out.startswith("asah report: 10 files, 10 learners, 0 skipped")
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert '<html lang="en">' in html
    assert "Competency development report: Kursus Laporan" in html
    jp = {row[0]: row[1] for row in table(html, "table-jp")[1:]}
    assert list(jp) == [
        "0 min",
        "under 120 min",
        "120–239 min",
        "240–359 min",
        "360–479 min",
        "480 min or more",
    ]
    assert "2026: 10 learners, median 135 min." in html
    coverage = {row[0]: row[1:] for row in table(html, "table-coverage")}
    assert coverage["Keamanan Informasi"][:2] == [
        "1 lesson, 5 questions, 45 min",
        "1 lesson, 90 min",
    ]
