"""A course built in several languages (mkdocs-static-i18n) packs as one package: the default
language's launch page and manifest at the root, every language's pages listed in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builds.test_other_plugins import BASE, FILES, I18N
from tests.conftest import write_tree

from .packaging import launch_data, package


@pytest.mark.parametrize(
    ("standard", "manifest"), [("scorm12", "imsmanifest.xml"), ("cmi5", "cmi5.xml")]
)
def test_an_i18n_course_is_one_package_in_its_default_language(
    tmp_path: Path, standard: str, manifest: str
):
    indonesian = "---\ncompetencies: {data-cleaning: 2}\nprerequisites: [intro.md]\n---\n# Bersih\n"
    write_tree(
        tmp_path,
        {"mkdocs.yml": BASE.format(others=I18N), **FILES, "docs/cleaning.id.md": indonesian},
    )
    archive = package(standard, tmp_path / "mkdocs.yml", tmp_path / "course.zip")
    names = set(archive.namelist())
    assert {manifest, "asah-lms.html", "cleaning.html", "id/cleaning.html"} <= names
    assert not {f"id/{manifest}", "id/asah-lms.html"} & names  # one launch page, one manifest
    page = archive.read("asah-lms.html").decode()
    assert 'lang="en"' in page and "<title>Data Skills" in page
    assert launch_data(archive)["launch"] == "index.html"
    if standard == "scorm12":  # every file of every language is listed
        listed = archive.read(manifest).decode()
        assert 'href="id/cleaning.html"' in listed and 'href="cleaning.html"' in listed
