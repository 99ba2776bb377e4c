"""`asah package scorm12`: the package an LMS imports — `imsmanifest.xml` at the root, valid
against the SCORM 1.2 schemas (tests/fixtures/scorm12/), every file listed, named and described
by the course or the path — built from the example course and from a small English course in a
temp folder. The runtime's decisions are tested in tests/js/lms.test.js, in an LMS in
tests/browser/test_lms_scorm12.py."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from asah import theme
from asah.cli import main
from asah.package import scorm12
from asah.package.build import plugins_for_package
from asah.package.unit import UnknownPath, tables, unit_of
from tests.conftest import ROOT, build_tree
from tests.package.packaging import (
    RUNTIME_BUDGET,
    launch_data,
    package,
    runtime_size,
    schema_errors,
)
from tests.package.small_course import write_small_course

SCHEMAS = ROOT / "tests" / "fixtures" / "scorm12"
NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "md": "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
}
XML = "http://www.w3.org/XML/1998/namespace"
STANDARD = "scorm12"  # of the packages tests/package/conftest.py builds


class _Schemas(etree.Resolver):
    """The schemas from tests/fixtures/scorm12/, as published, read with two adjustments that
    XML parsers of today need: `ims_xml.xsd` binds the default namespace to the XML namespace,
    which Namespaces in XML forbids (libxml2 refuses the file), and `imsmd_rootv1p2p1.xsd` lets
    any element follow optional ones (`##any`), which breaks XML Schema's unique particle rule
    (libxml2 refuses the content model); read as `##other`, it still accepts every IMS
    metadata element and refuses unknown ones."""

    def resolve(self, url: str, pubid: str, context: object) -> object:
        name = url.rsplit("/", 1)[-1]
        text = (SCHEMAS / name).read_bytes()
        if name == "ims_xml.xsd":
            text = text.replace(b' xmlns="http://www.w3.org/XML/1998/namespace"', b"")
        if name == "imsmd_rootv1p2p1.xsd":
            text = text.replace(b'<xsd:any namespace="##any"', b'<xsd:any namespace="##other"')
        return self.resolve_string(text, context, base_url=(SCHEMAS / name).as_uri())


@functools.cache
def scorm12_schema() -> etree.XMLSchema:
    parser = etree.XMLParser()
    parser.resolvers.add(_Schemas())
    imports = "".join(
        f'<xsd:import namespace="{NS[prefix]}" schemaLocation="{name}"/>'
        for prefix, name in (
            ("cp", "imscp_rootv1p1p2.xsd"),
            ("adlcp", "adlcp_rootv1p2.xsd"),
            ("md", "imsmd_rootv1p2p1.xsd"),
        )
    )
    driver = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    root = etree.fromstring(driver.encode(), parser, base_url=(SCHEMAS / "all.xsd").as_uri())
    return etree.XMLSchema(root)


def valid(manifest: bytes) -> list[str]:
    return schema_errors(scorm12_schema(), manifest)


def manifest_of(archive: zipfile.ZipFile) -> etree._Element:
    return etree.fromstring(archive.read(scorm12.MANIFEST))


@pytest.mark.parametrize("which", ["course_zip", "path_zip"])
def test_the_manifest_is_valid_scorm_12_and_lists_every_file(request, which):
    archive = request.getfixturevalue(which)
    names = archive.namelist()
    assert names[0] == scorm12.MANIFEST  # at the root, first
    assert valid(archive.read(scorm12.MANIFEST)) == []
    manifest = manifest_of(archive)
    resources = manifest.findall("cp:resources/cp:resource", NS)
    assert len(resources) == 1
    sco = resources[0]
    assert sco.get(f"{{{NS['adlcp']}}}scormtype") == "sco"
    assert sco.get("href") == "asah-lms.html"
    listed = [f.get("href") for f in sco.findall("cp:file", NS)]
    assert sorted(listed) == sorted(n for n in names if n != scorm12.MANIFEST)
    item = manifest.find("cp:organizations/cp:organization/cp:item", NS)
    assert item.get("identifierref") == sco.get("identifier")
    # SCORM 1.2 does not name a mastery score: Asah decides passed and failed itself
    assert manifest.find(".//adlcp:masteryscore", NS) is None


def test_the_schemas_catch_what_is_wrong(course_zip):
    good = course_zip.read(scorm12.MANIFEST)
    for before, after in (
        (b'adlcp:scormtype="sco"', b'adlcp:scormtype="lesson"'),
        (b"imsmd:language>", b"imsmd:lang>"),  # an element IMS metadata does not have
        (b'isvisible="true"', b'isvisible="yes"'),
        (b"<schema>ADL SCORM", b"<schema><b/>ADL SCORM"),  # text only
        (b'identifierref="sco"', b'identifierref="sco" href="x.html"'),
    ):
        assert valid(good.replace(before, after)), before


def test_the_course_package_is_named_and_described_by_the_course(course_zip):
    manifest = manifest_of(course_zip)
    assert manifest.get("identifier") == "asah-kompetensi-asn"
    assert manifest.findtext("cp:organizations/cp:organization/cp:title", None, NS) == (
        "Asah Kompetensi ASN"
    )
    general = manifest.find("cp:metadata/md:lom/md:general", NS)
    assert general.findtext("md:title/md:langstring", None, NS) == "Asah Kompetensi ASN"
    assert general.findtext("md:language", None, NS) == "id"
    assert general.findtext("md:description/md:langstring", None, NS).startswith(
        "Kursus contoh pengembangan kompetensi ASN"
    )


def test_a_path_package_is_named_and_described_by_its_path(path_zip):
    manifest = manifest_of(path_zip)
    assert manifest.get("identifier") == "data-basics.basics"
    assert manifest.findtext(".//cp:item/cp:title", None, NS) == "Data basics"
    general = manifest.find("cp:metadata/md:lom/md:general", NS)
    # the path's Markdown as text
    assert general.findtext("md:description/md:langstring", None, NS) == (
        "Two short lessons and a check."
    )
    assert general.findtext("md:title/md:langstring", None, NS) == "Data basics"
    language = general.find("md:title/md:langstring", NS).get(f"{{{XML}}}lang")
    assert language == "en"
    data = launch_data(path_zip)
    assert data["launch"] == "paths/basics.html"
    assert data["unit"] == {
        "completion": "quiz_passed",
        "steps": [
            {"kind": "lesson", "ref": "tables.md", "quizzes": []},
            {"kind": "lesson", "ref": "charts.md", "quizzes": ["charts.md#1"]},
            {"kind": "quiz", "ref": "check"},
        ],
        "quizzes": ["charts.md#1", "check"],
    }
    assert data["tables"]["lessons"] == ["tables.md", "charts.md"]
    assert data["t"]["retry"] == "Send again"


def test_the_package_is_the_site_built_for_a_frame(course_zip):
    names = set(course_zip.namelist())
    # links to files (an LMS serves files, not folders), the runtime, no offline app
    home = course_zip.read("index.html").decode()
    assert 'href="kemajuan/index.html"' in home
    assert "asah-sw.js" not in names and "manifest.webmanifest" not in names
    assert "data-asah-worker" not in home
    assert {"asah-lms.html", scorm12.RUNTIME, "course.json"} <= names
    assert "window.parent.AsahLms" in course_zip.read(theme.SCRIPT).decode()
    data = launch_data(course_zip)
    assert data["launch"] == "index.html"
    assert data["site"] == "asah-kompetensi-asn"
    steps = data["unit"]["steps"]
    lessons = [s for s in steps if s["kind"] == "lesson"]
    assert len(lessons) == 20
    # a bank taken on its own page (no lesson embeds it) is a step of the course
    assert {"kind": "quiz", "ref": "evaluasi-akhir"} in steps
    assert "evaluasi-akhir" in data["unit"]["quizzes"]
    page = course_zip.read("asah-lms.html").decode()
    assert '<html lang="id">' in page and "<title>Asah Kompetensi ASN</title>" in page
    assert 'role="alert"' in page and 'role="status"' in page


def test_the_same_course_gives_the_same_package(small, path_zip, tmp_path):
    again = package(STANDARD, small, tmp_path / "again.zip", "--path", "basics")
    assert Path(again.filename).read_bytes() == Path(path_zip.filename).read_bytes()


def test_the_runtime_fits_its_budget():
    bridge, session = runtime_size(scorm12.RUNTIME_PARTS)
    print(f"LMS runtime: {bridge} + {session} = {bridge + session} bytes gzip")
    assert bridge + session <= RUNTIME_BUDGET


def test_a_wrong_path_is_told_and_nothing_is_written(small, tmp_path, capsys):
    target = tmp_path / "x.zip"
    args = ["package", "scorm12", "--path", "basic", "-f", str(small), "-o", str(target)]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        "asah package: unknown path 'basic' (did you mean 'basics'?); expected one of: basics\n"
    )
    assert not target.exists()


def test_a_course_without_paths_has_no_path_to_package(tmp_path, capsys):
    config = write_small_course(tmp_path)
    (tmp_path / "paths.yml").unlink()
    assert main(["package", "scorm12", "--path", "x", "-f", str(config), "-o", "x.zip"]) == 2
    assert "unknown path 'x': the course has no learning paths" in capsys.readouterr().err


def test_content_problems_stop_the_package(tmp_path, capsys):
    config = write_small_course(tmp_path)
    tables_md = tmp_path / "docs" / "tables.md"
    tables_md.write_text(tables_md.read_text().replace("data-literacy: 1", "data-litracy: 1"))
    target = tmp_path / "x.zip"
    assert main(["package", "scorm12", "-f", str(config), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert (
        "docs/tables.md:2: unknown competency 'data-litracy' (did you mean 'data-literacy'?)\n"
    ) in err
    assert err.endswith("No package was written.\n")
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_the_command_used_wrongly(tmp_path, capsys):
    assert main(["package", "scorm12", "-f", str(tmp_path / "none.yml"), "-o", "x.zip"]) == 2
    assert "none.yml: no such config file" in capsys.readouterr().err
    config = write_small_course(tmp_path)
    out = tmp_path / "missing" / "x.zip"
    assert main(["package", "scorm12", "-f", str(config), "-o", str(out)]) == 2
    assert "no such folder for the package" in capsys.readouterr().err


def test_the_lms_plugin_needs_links_to_files(tmp_path):
    write_small_course(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - asah/offline\n", "  - asah/lms\n"))
    result = build_tree(tmp_path)
    assert result.error == "asah/lms: a package needs 'use_directory_urls: false'"


def test_the_package_build_keeps_the_authors_plugins_but_the_offline_app():
    listed = ["search", {"asah/quiz": {"banks_dir": "q"}}, "asah/offline", {"asah/lms": {}}]
    assert plugins_for_package(listed, "scorm12", "p") == [
        "search",
        {"asah/quiz": {"banks_dir": "q"}},
        {"asah/lms": {"standard": "scorm12", "path": "p"}},
    ]
    as_mapping = {"asah/paths": {"completion": "marked"}, "asah/offline": {}}
    assert plugins_for_package(as_mapping, "scorm12", "") == [
        {"asah/paths": {"completion": "marked"}},
        {"asah/lms": {"standard": "scorm12", "path": ""}},
    ]


CATALOGUE = {
    "title": "Kursus",
    "site": "kursus-uji",
    "language": "id",
    "completion": "marked",
    "lessons": [
        {"path": "a.md", "quizzes": ["a.md#1"]},
        {"path": "b.md", "quizzes": ["bank-1"]},
    ],
    "banks": [
        {"id": "bank-1", "url": "b/#asah-quiz-1"},
        {"id": "akhir", "url": "kuis/akhir/"},
        {"id": "unused", "url": ""},
    ],
    "paths": [
        {
            "id": "p",
            "title": "Jalur *P*",
            "description": "Lihat [panduan](x.md).\n\nDua paragraf.",
            "url": "jalur/p.html",
            "steps": [{"kind": "lesson", "ref": "b.md"}, {"kind": "quiz", "ref": "akhir"}],
        }
    ],
    "framework": {"groups": [{"competencies": [{"id": "k1"}, {"id": "k2"}]}]},
}


def test_the_unit_of_the_course_and_of_a_path():
    course = unit_of(CATALOGUE, description="Kursus **uji**.")
    assert (course.identifier, course.title, course.description) == (
        "kursus-uji",
        "Kursus",
        "Kursus uji.",
    )
    assert course.steps == [
        {"kind": "lesson", "ref": "a.md", "quizzes": ["a.md#1"]},
        {"kind": "lesson", "ref": "b.md", "quizzes": ["bank-1"]},
        {"kind": "quiz", "ref": "akhir"},  # taken on its own page; an unused bank is not
    ]
    assert course.quizzes == ["a.md#1", "bank-1", "akhir"]
    path = unit_of(CATALOGUE, "p")
    assert (path.identifier, path.launch, path.description) == (
        "kursus-uji.p",
        "jalur/p.html",
        "Lihat panduan. Dua paragraf.",
    )
    assert path.steps == [
        {"kind": "lesson", "ref": "b.md", "quizzes": ["bank-1"]},
        {"kind": "quiz", "ref": "akhir"},
    ]
    assert path.quizzes == ["bank-1", "akhir"]
    assert tables(CATALOGUE) == {
        "lessons": ["a.md", "b.md"],
        "quizzes": ["a.md#1", "bank-1", "akhir", "unused"],
        "paths": ["p"],
        "competencies": ["k1", "k2"],
    }
    with pytest.raises(UnknownPath, match=r"unknown path 'q'; expected one of: p"):
        unit_of(CATALOGUE, "q")
    assert unit_of({**CATALOGUE, "site": "2024 kursus!"}).identifier == "asah-2024-kursus"


def test_a_title_with_markup_stays_text_in_the_manifest(tmp_path):
    config = write_small_course(tmp_path)
    config.write_text(config.read_text().replace("Data Basics", "Data & <Basics>"))
    archive = package(STANDARD, config, tmp_path / "x.zip")
    assert valid(archive.read(scorm12.MANIFEST)) == []
    assert manifest_of(archive).findtext(".//cp:item/cp:title", None, NS) == "Data & <Basics>"
    assert "<title>Data &amp; &lt;Basics&gt;</title>" in archive.read("asah-lms.html").decode()


def test_the_pages_say_the_record_also_goes_to_the_lms(course_zip):
    """A package's pages do not tell learners their record stays in the browser only."""
    paths = course_zip.read("jalur/index.html").decode()
    assert "Kemajuan Anda disimpan di peramban ini dan dikirim ke LMS." in paths
    assert "peramban ini saja" not in paths
    progress = course_zip.read("kemajuan/index.html").decode()
    assert "dikirim ke LMS bersama catatan belajar Anda" in progress  # the learner's fields
    assessment = course_zip.read("penilaian-diri/index.html").decode()
    assert "Jawaban Anda tersimpan di peramban ini dan dikirim ke LMS." in assessment
