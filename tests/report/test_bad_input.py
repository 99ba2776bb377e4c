"""Bad input to `asah report`: each bad file is named with what is wrong, the others are still
counted, and the exit status says whether anything was skipped."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from asah.report.privacy import Privacy
from asah.report.records import RecordProblem, read
from asah.report.run import Options, report
from tests.report.course import SITE, export, record, save, write_course

NOW = datetime(2026, 7, 1, tzinfo=timezone.utc)
A = {"a.md": "2026-02-01T03:00:00.000Z"}
AB = {"a.md": "2026-02-01T03:00:00.000Z", "b.md": "2026-03-01T03:00:00.000Z"}
HOSTILE = '<script>alert("unit")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    return write_course(tmp_path_factory.mktemp("course"))


def learner(i: int, unit: str = "Biro Umum") -> dict[str, str]:
    return {"name": f"Peserta {i}", "nip": f"1990010120150300{i:02d}", "unit": unit}


def run(config: Path, records: list[Path], out: Path) -> tuple[int, str, list[str]]:
    stdout, stderr = io.StringIO(), io.StringIO()
    options = Options(config, [str(r) for r in records], out, Privacy(), 2026)
    status = report(options, stdout, stderr, now=NOW)
    return status, stdout.getvalue(), stderr.getvalue().splitlines()


def test_each_bad_file_is_named_and_the_rest_is_counted(config, tmp_path):
    inbox = tmp_path / "masuk"
    for i in range(5):
        save(inbox, f"baik-{i}.json", export(record(AB), learner(i), learner_id=f"id-{i}"))
    save(inbox, "kursus-lain.json", export(record(A), learner(10), site="kursus-lain"))
    save(inbox, "versi-3.json", export(record(A), learner(11)) | {"version": 3})
    whole = json.dumps(export(record(AB), learner(12)), indent=1)
    save(inbox, "terpotong.json", whole[: len(whole) // 2])
    edited = export(record(A), learner(13))
    edited["records"]["lessons"]["c.md"] = {"done": True, "date": "2026-03-01T00:00:00.000Z"}
    save(inbox, "diubah.json", edited)
    save(
        inbox, "masa-depan.json", export(record({"a.md": "2999-01-01T00:00:00.000Z"}), learner(14))
    )
    save(
        inbox,
        "dibuat-nanti.json",
        export(record(A), learner(15), exported="2999-01-01T00:00:00.000Z"),
    )
    save(inbox, "bukan-json.json", "ini bukan JSON")
    save(inbox, "bukan-catatan.json", {"format": "asah-course", "version": 1})
    (inbox / "bukan-teks.json").write_bytes(b"\xff\xfe\x00{")
    # version 1 (no checksum, no learner id) is still counted
    save(inbox, "lama.json", export(record(A), learner(16), version=1))
    (inbox / "._lama.json").write_bytes(b"\x00\x05\x16\x07")
    # a zip of two good records and a bad one, and a zip that is not one
    with zipfile.ZipFile(tmp_path / "kiriman.zip", "w") as bundle:
        for i in (20, 21):
            bundle.writestr(f"unit/{i}.json", json.dumps(export(record(A), learner(i))))
        bundle.writestr("unit/rusak.json", "{")
        bundle.writestr("catatan.txt", "dilewati: bukan .json")
        # what an archiver adds beside the files is not a learner's file: passed over quietly
        bundle.writestr("__MACOSX/unit/._20.json", b"\x00\x05\x16\x07")
    (tmp_path / "rusak.zip").write_bytes(b"PK not really")
    status, out, errors = run(
        config,
        [inbox, tmp_path / "kiriman.zip", tmp_path / "rusak.zip", tmp_path / "tidak-ada"],
        tmp_path / "laporan",
    )
    assert status == 1
    folder = str(inbox)
    assert sorted(errors) == sorted(
        [
            f"{tmp_path / 'tidak-ada'}: tidak ada berkas atau folder ini",
            f"{tmp_path / 'rusak.zip'}: bukan berkas zip yang dapat dibaca",
            f'{folder}/kursus-lain.json: berasal dari kursus lain (situs "kursus-lain"); '
            f'diharapkan situs "{SITE}"',
            f"{folder}/versi-3.json: versi 3 tidak dikenal; Asah ini membaca versi 1 dan 2 "
            "(perbarui Asah bila berkas dibuat oleh versi yang lebih baru)",
            f"{folder}/terpotong.json: bukan JSON yang utuh (rusak atau terpotong di baris 12); "
            "minta peserta menyimpan cadangan catatan lagi",
            f"{folder}/diubah.json: rusak atau diubah setelah disimpan (checksum tidak cocok); "
            "minta peserta menyimpan cadangan catatan lagi",
            f"{folder}/masa-depan.json: tanggal di masa depan di lessons.a.md: "
            "2999-01-01T00:00:00.000Z (jam perangkat salah atau berkas diubah)",
            f"{folder}/dibuat-nanti.json: tanggal di masa depan di exported: "
            "2999-01-01T00:00:00.000Z (jam perangkat salah atau berkas diubah)",
            f"{folder}/bukan-json.json: bukan JSON yang utuh (rusak atau terpotong di baris 1); "
            "minta peserta menyimpan cadangan catatan lagi",
            f"{folder}/bukan-catatan.json: bukan catatan kemajuan Asah; diharapkan "
            '"format": "asah-progress" dengan "records"',
            f"{folder}/bukan-teks.json: bukan teks UTF-8; diharapkan berkas JSON dari halaman "
            "kemajuan",
            f"{tmp_path / 'kiriman.zip'}:unit/rusak.json: bukan JSON yang utuh (rusak atau "
            "terpotong di baris 1); minta peserta menyimpan cadangan catatan lagi",
        ]
    )
    # 18 files found: 5 good, 1 of version 1, 2 good in the zip; the two sources that are no
    # files count as skipped
    assert "18 berkas, 8 peserta, 12 dilewati" in out
    html = (tmp_path / "laporan" / "index.html").read_text("utf-8")
    assert "12 berkas tidak dihitung" in html
    assert "1 peserta menyerahkan berkas versi 1 (tanpa versi kursus)." in html
    assert "7 peserta menyimpan catatannya pada versi lain kursus ini" in html


def test_the_same_learner_twice_is_merged_and_counted_once(config, tmp_path):
    inbox = tmp_path / "masuk"
    for i in range(5):
        save(inbox, f"p{i}.json", export(record(A), learner(i), learner_id=f"id-{i}"))
    # p0 again later, with one more lesson (same NIP): merged, not a sixth learner
    later = export(
        record({"b.md": "2026-03-01T03:00:00.000Z"}),
        learner(0),
        learner_id="id-0",
        exported="2026-06-30T09:00:00.000Z",
    )
    save(inbox, "p0-lagi.json", later)
    # the same file twice, under another name
    save(inbox, "salinan/p1.json", export(record(A), learner(1), learner_id="id-1"))
    # a version 1 file of p2 (no id; its NIP says who it is)
    save(inbox, "p2-lama.json", export(record(A), learner(2), version=1))
    # another browser of p3: the record id links it though it has no NIP
    save(
        inbox,
        "p3-hp.json",
        export(record({"c.md": "2026-04-01T03:00:00.000Z"}), None, learner_id="id-3"),
    )
    status, out, errors = run(config, [inbox], tmp_path / "laporan")
    assert status == 0
    assert sorted(errors) == sorted(
        f"{inbox}/{name}: peserta yang sama dengan {inbox}/{first}; catatannya digabung dan "
        "dihitung sekali"
        for name, first in [
            ("p0.json", "p0-lagi.json"),
            ("salinan/p1.json", "p1.json"),
            ("p2.json", "p2-lama.json"),
            ("p3.json", "p3-hp.json"),
        ]
    )
    assert "9 berkas, 5 peserta, 0 dilewati" in out
    html = (tmp_path / "laporan" / "index.html").read_text("utf-8")
    # JP of 2026: p0 a + b = 3 JP, p3 a + c = 2 JP, the others 1 JP
    jp = {
        row["bin"]: row["learners"]
        for row in csv.DictReader(
            io.StringIO((tmp_path / "laporan" / "jp.csv").read_text("utf-8-sig"))
        )
    }
    assert jp["di bawah 5 JP"] == "5"
    paths = (tmp_path / "laporan" / "paths.csv").read_text("utf-8-sig")
    assert "p,Jalur P,3,5,0" in paths
    assert "Berkas digabung (peserta yang sama)" in html


def test_hostile_text_never_runs_and_never_starts_a_formula(config, tmp_path):
    inbox = tmp_path / "masuk"
    for i in range(5):
        save(
            inbox,
            f"h{i}.json",
            export(record(A), learner(i, HOSTILE) | {"name": HOSTILE}, learner_id=f"h-{i}"),
        )
    for i in range(5, 10):
        save(
            inbox,
            f"f{i}.json",
            export(record(A), learner(i, '=HYPERLINK("http://x","y")'), learner_id=f"f-{i}"),
        )
    status, _, errors = run(config, [inbox], tmp_path / "laporan")
    assert (status, errors) == (0, [])
    html = (tmp_path / "laporan" / "index.html").read_text("utf-8")
    assert (
        "<script" not in html
        and "<img" not in html
        and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    )
    assert "&lt;script&gt;alert(&#34;unit&#34;)&lt;/script&gt;" in html
    units = list(
        csv.reader(io.StringIO((tmp_path / "laporan" / "units.csv").read_text("utf-8-sig")))
    )
    assert ['\'=HYPERLINK("http://x","y")', "5"] in [row[:2] for row in units]


@pytest.mark.parametrize(
    ("text", "key", "values"),
    [
        ("[]", "problem_not_record", {}),
        (
            '{"format": "asah-progress", "version": 2, "site": "kursus-laporan", "records": []}',
            "problem_not_record",
            {},
        ),
        (
            '{"format": "asah-progress", "version": "2", "site": "x", "records": {}}',
            "problem_version",
            {"version": '"2"'},
        ),
        (
            '{"format": "asah-progress", "version": true, "site": "x", "records": {}}',
            "problem_version",
            {"version": "true"},
        ),
        (
            '{"format": "asah-progress", "version": 1, "site": "kursus-laporan", '
            '"records": {"lessons": []}}',
            "problem_shape",
            {"part": "records.lessons"},
        ),
        (
            '{"format": "asah-progress", "version": 1, "site": "kursus-laporan", '
            '"records": {"lessons": {"a.md": {"done": true, "date": "kemarin"}}}}',
            "problem_date",
            {"where": "lessons.a.md", "value": '"kemarin"'},
        ),
        ("[" * 100000, "problem_not_json", {"line": 1}),
    ],
)
def test_what_read_says_of_odd_files(text, key, values):
    with pytest.raises(RecordProblem) as problem:
        read(text.encode("utf-8"), SITE, NOW)
    assert (problem.value.key, problem.value.values) == (key, values)


def test_a_file_saved_again_by_another_program_is_still_whole():
    """A checksum over the values, not the bytes: indentation, line ends and 100.0 for 100
    (a program that rewrites JSON) leave it whole."""
    file = export(record(A), learner(1))
    file["records"]["quizzes"] = {"uji": {"attempts": 1, "best": 100, "passed": True}}
    from asah.report.records import checksum

    file["checksum"] = checksum(file)
    text = json.dumps(file, indent=4).replace('"best": 100', '"best": 100.0').replace("\n", "\r\n")
    assert read(text.encode("utf-8-sig"), SITE, NOW).learner["name"] == "Peserta 1"
