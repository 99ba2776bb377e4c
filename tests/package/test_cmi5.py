"""`asah package cmi5`: `cmi5.xml` at the root, valid against the cmi5 course structure schema
(tests/fixtures/cmi5/), one assignable unit whose `moveOn` and `masteryScore` follow the unit's
rule — built from the example course and from a small English course in a temp folder. The
runtime's decisions are tested in tests/js/cmi5.test.js, against a real learning record store in
tests/browser/test_lms_cmi5.py."""

from __future__ import annotations

import functools
import zipfile

import pytest
from lxml import etree

from asah.cli import main
from asah.package import cmi5, scorm12
from asah.package.unit import Unit
from tests.conftest import ROOT
from tests.package.packaging import RUNTIME_BUDGET, launch_data, runtime_size, schema_errors

SCHEMA = ROOT / "tests" / "fixtures" / "cmi5" / "CourseStructure.xsd"
NS = {"c": cmi5.NAMESPACE}
STANDARD = "cmi5"  # of the packages tests/package/conftest.py builds


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def valid(structure: bytes) -> list[str]:
    return schema_errors(schema(), structure)


def structure_of(archive: zipfile.ZipFile) -> etree._Element:
    return etree.fromstring(archive.read(cmi5.MANIFEST))


@pytest.mark.parametrize("which", ["course_zip", "path_zip"])
def test_the_course_structure_is_valid_cmi5_with_one_au(request, which):
    archive = request.getfixturevalue(which)
    assert archive.namelist()[0] == cmi5.MANIFEST  # at the root, first
    assert valid(archive.read(cmi5.MANIFEST)) == []
    structure = structure_of(archive)
    units = structure.findall("c:au", NS)
    assert len(units) == 1
    assert units[0].findtext("c:url", None, NS) == "asah-lms.html"
    assert "asah-lms.html" in archive.namelist()
    assert scorm12.MANIFEST not in archive.namelist()


def test_the_schema_catches_what_is_wrong(path_zip):
    good = path_zip.read(cmi5.MANIFEST)
    for before, after in (
        (b'moveOn="CompletedAndPassed"', b'moveOn="Done"'),
        (b'masteryScore="0.85"', b'masteryScore="85"'),
        (b"<url>asah-lms.html</url>", b""),
        (b'<course id="urn:asah:data-basics/cmi5/basics">', b"<course>"),
        (b'<langstring lang="en">Data basics</langstring>', b""),  # a title without text
    ):
        assert before in good, before
        assert valid(good.replace(before, after)), before


def test_a_path_moves_on_when_completed_and_passed(path_zip):
    structure = structure_of(path_zip)
    course = structure.find("c:course", NS)
    au = structure.find("c:au", NS)
    assert course.get("id") == "urn:asah:data-basics/cmi5/basics"
    assert au.get("id") == "urn:asah:data-basics/cmi5/basics/au"
    assert au.findtext("c:title/c:langstring", None, NS) == "Data basics"
    assert au.find("c:title/c:langstring", NS).get("lang") == "en"
    assert au.findtext("c:description/c:langstring", None, NS) == ("Two short lessons and a check.")
    # quizzes to pass (quiz_passed): the final test (pass 100) and the lesson's quiz (70)
    assert au.get("moveOn") == "CompletedAndPassed"
    assert au.get("masteryScore") == "0.85"
    data = launch_data(path_zip)
    assert data["au"] == au.get("id")
    assert data["launch"] == "paths/basics.html"
    page = path_zip.read("asah-lms.html").decode()
    assert f'src="{cmi5.RUNTIME}"' in page
    assert cmi5.RUNTIME in path_zip.namelist() and scorm12.RUNTIME not in path_zip.namelist()


def test_the_course_package(course_zip):
    structure = structure_of(course_zip)
    assert structure.findtext("c:course/c:title/c:langstring", None, NS) == ("Asah Kompetensi ASN")
    au = structure.find("c:au", NS)
    assert au.get("moveOn") == "CompletedAndPassed"
    assert 0.7 <= float(au.get("masteryScore")) <= 0.75  # the pass marks are 70 and 75
    assert launch_data(course_zip)["launch"] == "index.html"


def unit(completion: str, steps: list[dict]) -> Unit:
    return Unit("u", "T", "", "en", "index.html", steps=steps, completion=completion)


LESSON = {"kind": "lesson", "ref": "a.md", "quizzes": ["a.md#1"]}


def test_move_on_and_mastery_from_the_rule():
    # nothing to pass: completed is enough, and there is no mastery score
    assert cmi5.move_on(unit("marked", [LESSON]), {}) == ("Completed", None)
    # the lesson's quiz must be passed under quiz_passed; its pass mark from its page
    assert cmi5.move_on(unit("quiz_passed", [LESSON]), {"a.md#1": 80}) == (
        "CompletedAndPassed",
        0.8,
    )
    # the mean of the pass marks, rounded down to four decimals
    steps = [LESSON, {"kind": "quiz", "ref": "b"}, {"kind": "quiz", "ref": "c"}]
    marks = {"a.md#1": 70, "b": 70, "c": 75}
    assert cmi5.move_on(unit("quiz_passed", steps), marks) == ("CompletedAndPassed", 0.7166)
    assert cmi5.required(unit("marked", steps)) == ["b", "c"]


def test_identifiers_under_the_site_address_or_a_urn():
    assert cmi5.identifiers("https://diklat.go.id/asah/", "asah", "") == (
        "https://diklat.go.id/asah/cmi5/course",
        "https://diklat.go.id/asah/cmi5/course/au",
    )
    assert cmi5.identifiers("", "my site", "jalur 1")[1] == "urn:asah:my%20site/cmi5/jalur%201/au"


def test_a_wrong_standard_is_refused(small, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["package", "cmi6", "-f", str(small), "-o", str(tmp_path / "x.zip")])
    assert "cmi5" in capsys.readouterr().err


def test_the_runtime_fits_its_budget():
    bridge, session = runtime_size(cmi5.RUNTIME_PARTS)
    print(f"cmi5 runtime: {bridge} + {session} = {bridge + session} bytes gzip")
    assert bridge + session <= RUNTIME_BUDGET
