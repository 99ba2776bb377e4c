"""`asah report --lrs`: statements mapped to learners' records (pure), the statements API read
page by page with credentials from the environment, and the report made from a small stand-in
record store on a loopback port (tests/browser/test_report_lrs.py runs Ralph)."""

from __future__ import annotations

import base64
import contextlib
import http.server
import io
import json
import random
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from asah.cli import main
from asah.report.course import read_course
from asah.report.derive import derive
from asah.report.lrs import (
    FromStatements,
    LrsError,
    authorization,
    check_url,
    course_ids,
    learner_key,
    nip_of,
    read_statements,
)
from asah.report.privacy import Privacy
from asah.report.run import Options, report
from tests.report import statements as xapi
from tests.report.course import answers_for, attempt, export, record, save, write_course
from tests.report.test_report import rows, table

NOW = datetime(2026, 7, 1, tzinfo=timezone.utc)
SECRET = "s3cret-Passw0rd"
ASKED: dict[str, list[str | None]] = {}  # a stand-in store's URL → Authorization headers
ENV = {"ASAH_LRS_USER": "laporan", "ASAH_LRS_PASSWORD": SECRET}


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    return write_course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def course(config):
    return read_course(config)


def mapped(course, statements: list[dict[str, Any]]) -> FromStatements:
    found = FromStatements(
        course_ids(course.data, ""),
        {key: (q.type, q.fp) for key, q in course.questions.items()},
        NOW,
    )
    for statement in statements:
        found.add(statement)
    return found


# -- mapping -----------------------------------------------------------------------------------


def test_the_units_are_the_au_ids_asah_package_gives(course):
    ids = course_ids(course.data, "")
    assert ids.root == xapi.ROOT
    assert set(ids.units) == {xapi.COURSE_AU, xapi.PATH_AU}
    path = ids.units[xapi.PATH_AU]
    assert path.lessons == ("a.md", "b.md", "c.md") and path.quizzes == ()
    with_url = course_ids(course.data, "https://belajar.go.id/kursus/")
    assert with_url.root == "https://belajar.go.id/kursus/cmi5/"


def test_statements_in_any_order_give_the_records_the_browser_would_keep(course):
    who = xapi.actor("Budi", xapi.nip(7))
    statements = [
        xapi.defined(who, "initialized", "2026-03-01T01:00:00.000Z"),
        xapi.defined(who, "completed", "2026-03-02T03:00:00.000Z"),
        xapi.defined(who, "completed", "2026-03-01T03:00:00.000Z"),  # again: the earlier counts
        xapi.defined(who, "failed", "2026-03-01T03:00:00.000Z", result={"success": False}),
        xapi.answered(
            who, "uji", "mudah", "true", 1.0, "2026-03-01T02:00:00.000Z", kind="true-false"
        ),
        xapi.answered(who, "uji", "baik-1", "1", 0.0, "2026-03-01T02:00:00.000Z"),
        xapi.answered(who, "uji", "baik-1", "0", 1.0, "2026-03-01T02:30:00.000Z"),  # 2nd attempt
        xapi.answered(who, "uji", "baik-2", "0", 1.0, "2026-03-01T02:30:00.000Z"),  # 2nd only
        xapi.answered(who, "uji", "multi", "0[,]2", 0.5, "2026-03-01T02:00:09.000Z"),
    ]
    random.Random(4).shuffle(statements)
    found = mapped(course, statements)
    assert found.skipped == {}
    [(label, file)] = found.records("uji-1")
    assert label == "LRS account:https://lms.asah.id|" + xapi.nip(7)
    assert file.keys == (f"lrs:account:https://lms.asah.id|{xapi.nip(7)}", f"nip:{xapi.nip(7)}")
    assert file.learner == {"name": "Budi", "nip": xapi.nip(7)}
    assert file.course_version == "uji-1"
    records = file.records
    assert records["lessons"] == {
        p: {"done": True, "date": "2026-03-01T03:00:00.000Z"} for p in ("a.md", "b.md", "c.md")
    }
    first = records["quizzes"]["uji"]["first"]
    assert first["date"] == "2026-03-01T02:00:00.000Z"
    assert first["answers"] == {"baik-1": "1", "mudah": "true", "multi": {"response": "0[,]2"}}
    assert first["questions"]["baik-1"] == {
        "fp": course.questions[("uji", "baik-1")].fp,
        "score": 0.0,
    }
    assert first["questions"]["multi"] == {"fp": "", "score": 0.5}  # a question the course lacks
    assert first["score"] == 50.0
    assert records["quizzes"]["uji"]["passed"] is False
    facts = derive(course.index, records)
    assert facts.reached == {"keamanan-informasi": 2, "integritas": 2}
    assert facts.paths == [("p", 3, 3, True)]
    assert facts.years[2026].minutes == 180
    assert [(a.question, a.answer, a.score) for a in facts.answers if a.question == "baik-1"] == [
        ("baik-1", "1", 0.0)
    ]


def test_passed_marks_the_quizzes_the_unit_waits_for(course):
    from asah.report.lrs import Unit

    ids = course_ids(course.data, "")
    ids.units.clear()
    ids.units[xapi.ROOT + "t/au"] = Unit(xapi.ROOT + "t/au", ("a.md",), ("uji",))
    found = FromStatements(ids, {}, NOW)
    found.add(
        xapi.defined(
            xapi.actor("A"),
            "passed",
            "2026-03-01T03:00:00.000Z",
            au=xapi.ROOT + "t/au",
            result={"success": True, "score": {"scaled": 0.8}},
        )
    )
    [(_, file)] = found.records("")
    assert file.records["quizzes"]["uji"] == {
        "attempts": 1,
        "best": 0,
        "passed": True,
        "passedDate": "2026-03-01T03:00:00.000Z",
    }
    assert file.records["lessons"]["a.md"]["done"] is True


def test_statements_that_cannot_be_counted_are_counted_by_kind(course):
    who = xapi.actor("A")
    other = xapi.defined(
        who, "completed", "2026-03-01T03:00:00.000Z", au="https://lain.id/cmi5/x/au"
    )
    other["object"]["id"] = "https://lain.id/activity/1"
    group = xapi.defined(who, "completed", "2026-03-01T03:00:00.000Z")
    group["actor"] = {"objectType": "Group", "member": []}
    nameless = xapi.defined(who, "completed", "2026-03-01T03:00:00.000Z")
    nameless["actor"] = {"objectType": "Agent", "name": "Tanpa Akun"}
    gone = xapi.defined(who, "completed", "2026-03-01T03:00:00.000Z", au=xapi.ROOT + "lama/au")
    gone_question = xapi.answered(
        who, "uji", "baik-1", "0", 1, "2026-03-01T03:00:00.000Z", au=xapi.ROOT + "lama/au"
    )
    future = xapi.defined(who, "completed", "2027-01-01T00:00:00.000Z")
    broken = {"verb": {"id": "x"}, "object": {}}
    found = mapped(
        course,
        [
            other,
            other,
            group,
            nameless,
            gone,
            gone_question,
            future,
            broken,
            "text",
            xapi.defined(who, "launched", "2026-03-01T03:00:00.000Z"),
        ],
    )
    assert found.statements == 10
    assert found.skipped == {
        "lrs_other_course": [2, "https://lain.id/cmi5/x/au"],
        "lrs_no_learner": [2, ""],
        "lrs_other_unit": [2, xapi.ROOT + "lama/au"],
        "lrs_future": [1, "2027-01-01T00:00:00.000Z"],
        "lrs_unreadable": [2, ""],
    }
    assert found.records("") == []  # launched changes nothing


def test_learner_keys_are_accounts_or_mailboxes_never_names():
    assert learner_key(xapi.actor("Budi", "budi")) == "account:https://lms.asah.id|budi"
    assert learner_key({"mbox": "mailto:Budi@Instansi.go.id", "name": "Budi"}) == (
        "mbox:mailto:budi@instansi.go.id"
    )
    assert learner_key({"name": "Budi"}) == ""
    assert learner_key({"objectType": "Group", "mbox": "mailto:tim@x.id"}) == ""
    assert nip_of(xapi.actor("x", "199001012015031001")) == "199001012015031001"
    assert nip_of(xapi.actor("x", "budi")) == nip_of(xapi.actor("x", "12345")) == ""


# -- the statements API ------------------------------------------------------------------------


def test_credentials_come_from_the_environment_only():
    basic = "Basic " + base64.b64encode(f"laporan:{SECRET}".encode()).decode()
    assert authorization(ENV) == basic
    assert authorization({**ENV, "ASAH_LRS_AUTH": "Bearer abc"}) == "Bearer abc"
    assert authorization({}) == ""
    with pytest.raises(LrsError) as error:
        check_url(f"https://laporan:{SECRET}@lrs.id/xAPI")
    assert error.value.key == "lrs_credentials_in_url" and SECRET not in str(error.value.values)
    with pytest.raises(LrsError):
        check_url("ftp://lrs.id/xAPI")
    assert check_url("https://lrs.id/xAPI/") == "https://lrs.id/xAPI"


class Page:
    def __init__(self, body: Any) -> None:
        self.body = json.dumps(body).encode()

    def read(self) -> bytes:
        return self.body

    def __enter__(self) -> Page:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def test_pages_follow_more_on_the_same_host_only():
    asked: list[tuple[str, dict]] = []
    pages = {
        "https://lrs.id/xAPI/statements?since=2026-01-01": {
            "statements": [1, 2],
            "more": "/xAPI/statements?p=2",
        },
        "https://lrs.id/xAPI/statements?p=2": {"statements": [3], "more": ""},
    }

    def opener(request, timeout):
        asked.append((request.full_url, dict(request.header_items())))
        return Page(pages[request.full_url])

    found = list(read_statements("https://lrs.id/xAPI", ENV, "2026-01-01", opener=opener))
    assert found == [1, 2, 3]
    assert [a[0] for a in asked] == list(pages)
    assert asked[0][1]["X-experience-api-version"] == "1.0.3"
    assert asked[0][1]["Authorization"] == authorization(ENV)
    pages["https://lrs.id/xAPI/statements?p=2"]["more"] = "https://elsewhere.id/steal"
    with pytest.raises(LrsError) as error:
        list(read_statements("https://lrs.id/xAPI", ENV, "2026-01-01", opener=opener))
    assert error.value.key == "lrs_other_host"


# -- the report, from a stand-in record store --------------------------------------------------


@contextlib.contextmanager
def record_store(
    statements: list[dict], page: int = 50, status: int = 200, redirect: str = ""
) -> Iterator[str]:
    """A loopback statements API that wants ENV's credentials and pages by `more` (or sends
    every request to `redirect`); `asked` holds each request's Authorization header."""
    expected = authorization(ENV)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            asked.append(self.headers.get("Authorization"))
            if redirect:
                self.send_response(302)
                self.send_header("Location", redirect + self.path)
                self.end_headers()
                return
            if self.headers.get("Authorization") != expected or status != 200:
                self.send_response(401 if status == 200 else status)
                self.end_headers()
                return
            start = int(parse_qs(url.query).get("from", ["0"])[0])
            body: dict[str, Any] = {"statements": statements[start : start + page]}
            if start + page < len(statements):
                body["more"] = f"/xAPI/statements?from={start + page}"
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    asked: list[str | None] = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/xAPI"
        ASKED[url] = asked
        yield url
    finally:
        server.shutdown()
        server.server_close()


def run(config: Path, records: list[Path], out: Path, lrs: str, environ=ENV, **options):
    stdout, stderr = io.StringIO(), io.StringIO()
    status = report(
        Options(
            config,
            [str(r) for r in records],
            out,
            Privacy(5, options.pop("with_names", False)),
            2026,
            lrs=lrs,
            environ=environ,
        ),
        stdout,
        stderr,
        now=NOW,
    )
    return status, stdout.getvalue(), stderr.getvalue()


def check_forty(html: str, out: Path) -> None:
    """What statements of xapi.population(40) come to: the same question analysis as the
    learners' files give (test_report), and attainment only from completed units."""
    heat = {row[0]: row[1:] for row in table(html, "table-heat")[1:]}
    assert heat["Keamanan Informasi"][:2] == ["16 (40%)", "16 (40%)"]
    assert heat["Integritas"][:2] == ["16 (40%)", "16 (40%)"]
    assert table(html, "table-paths")[1] == ["Jalur P", "3", "16", "16", "40%"]
    questions = {r["question_id"]: r for r in rows(out / "questions.csv")}
    assert questions["kunci-salah"]["flags"] == "key|able|distractor"
    assert questions["kunci-salah"]["discrimination"] == "-1.0"
    assert questions["mudah"]["flags"] == "easy"
    options = [r for r in rows(out / "options.csv") if r["question_id"] == "kunci-salah"]
    assert [(o["option"], o["chosen"]) for o in options] == [("A", "16"), ("B", "24"), ("C", "0")]


def test_the_report_from_a_record_store(config, tmp_path):
    statements = xapi.population(40)
    other = xapi.defined(
        xapi.actor("A"), "completed", "2026-03-01T03:00:00.000Z", au="https://lain.id/x/au"
    )
    with record_store([*statements, other, other]) as url:
        status, out, err = run(config, [], tmp_path / "out", url)
    assert status == 0  # other courses' statements are no fault
    assert (
        err
        == f"{url}: 2 pernyataan dari kursus lain dilewati (misalnya aktivitas https://lain.id/x/au)\n"
    )
    assert "0 berkas, 40 peserta, 0 dilewati" in out
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    check_forty(html, tmp_path / "out")
    # 40 × (initialized, 5 + 5 answered, terminated), 16 completed, 2 of another course
    assert "<dt>Pernyataan dari record store</dt><dd>498 (40 peserta)</dd>" in html
    for i in range(40):
        assert f"Peserta Nomor {i}" not in html and xapi.nip(i) not in html


def test_a_learner_in_a_file_and_in_the_store_is_counted_once(config, tmp_path):
    fps = {qid: read_course(config).questions[("uji", qid)].fp for qid in answers_for(0)}
    first = attempt("2026-01-15T02:00:00.000Z", answers_for(0.9), fps)
    quiz = {"attempts": 1, "best": first["score"], "passed": True, "last": first}
    learner = {"name": "Peserta Nomor 0", "nip": xapi.nip(0), "unit": "Biro Umum"}
    save(
        tmp_path / "in",
        "budi.json",
        export(record({"a.md": "2026-01-15T03:00:00.000Z"}, quiz=quiz), learner),
    )
    with record_store(xapi.population(5)) as url:
        status, out, err = run(config, [tmp_path / "in"], tmp_path / "out", url, with_names=True)
    assert status == 0
    assert err == (
        f"LRS account:https://lms.asah.id|{xapi.nip(0)}: peserta yang sama dengan "
        f"{tmp_path / 'in' / 'budi.json'}; catatannya digabung dan dihitung sekali\n"
    )
    assert "1 berkas, 5 peserta, 0 dilewati" in out
    named = {r["nip"]: r for r in rows(tmp_path / "out" / "learners.csv")}
    assert len(named) == 5
    assert named[xapi.nip(0)]["unit"] == "Biro Umum"  # the file's fields
    # learner 4 (ability 0.9) completed the path through the LMS
    assert named[xapi.nip(4)]["paths_completed"] == "1"
    # the file's first attempt (January) is older than the statements' (February)
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Peserta Nomor 0" in html


def test_a_record_store_that_refuses_or_is_away_is_one_line_and_no_secret(config, tmp_path):
    with record_store([], status=403) as url:
        status, _, err = run(config, [], tmp_path / "out", url)
    assert status == 1
    assert err.splitlines() == [
        f"{url}: record store menjawab HTTP 403; tidak ada pernyataan yang dibaca (401 atau 403: "
        "periksa ASAH_LRS_USER dan ASAH_LRS_PASSWORD, atau ASAH_LRS_AUTH)"
    ]
    assert (tmp_path / "out" / "index.html").exists()
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "Record store tidak dapat dibaca" in html
    with record_store([]) as url:
        status, _, err = run(
            config,
            [],
            tmp_path / "out",
            url,
            environ={"ASAH_LRS_USER": "x", "ASAH_LRS_PASSWORD": SECRET + "!"},
        )
        assert status == 1 and "HTTP 401" in err
    away = url  # the server is gone
    status, _, err = run(config, [], tmp_path / "out", away, environ=ENV)
    assert status == 1 and len(err.splitlines()) == 1
    assert "tidak dapat dihubungi" in err
    for text in (err, html):
        assert SECRET not in text and "laporan:" not in text
        assert base64.b64encode(f"laporan:{SECRET}".encode()).decode() not in text


def test_the_command_line_takes_no_credentials(config, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASAH_LRS_USER", "laporan")
    monkeypatch.setenv("ASAH_LRS_PASSWORD", SECRET)
    out = str(tmp_path / "out")
    args = ["report", "-f", str(config), "-o", out, "--year", "2026"]
    assert main([*args, "--lrs", f"http://laporan:{SECRET}@127.0.0.1:9/xAPI"]) == 2
    err = capsys.readouterr().err
    assert "ASAH_LRS_USER" in err and SECRET not in err
    assert main([*args, "--lrs", "http://127.0.0.1:9/xAPI", "--since", "kemarin"]) == 2
    assert "--since kemarin: diharapkan tanggal ISO 8601" in capsys.readouterr().err
    with record_store(xapi.population(5)) as url:
        assert main([*args, "--lrs", url, "--since", "2026-01-01"]) == 0
    assert "0 berkas, 5 peserta, 0 dilewati" in capsys.readouterr().out


def test_a_redirect_to_another_host_is_not_followed(config, tmp_path):
    with record_store([]) as elsewhere:
        away = elsewhere.removesuffix("/xAPI")
        with record_store([], redirect=away) as url:
            status, _, err = run(config, [], tmp_path / "out", url)
        assert status == 1
        assert err.startswith(f"{url}: record store menjawab HTTP 302;")
        assert len(err.splitlines()) == 1
        assert ASKED[url] == [authorization(ENV)] and ASKED[elsewhere] == []


def test_statements_of_this_course_that_cannot_be_counted_set_the_exit_status(config, tmp_path):
    gone = xapi.defined(
        xapi.actor("A"), "completed", "2026-03-01T03:00:00.000Z", au=xapi.ROOT + "lama/au"
    )
    with record_store([*xapi.population(5), gone]) as url:
        status, out, err = run(config, [], tmp_path / "out", url)
    assert status == 1
    assert err == (
        f"{url}: 1 pernyataan menyebut unit atau soal yang tidak ada lagi di kursus ini "
        f"(misalnya {xapi.ROOT}lama/au); tidak dihitung\n"
    )
    assert "0 berkas, 5 peserta, 0 dilewati" in out  # files skipped: none
