"""Packages built once per test module, in the standard the module names (`STANDARD`): the
example course, and the small course's path `basics`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.package.packaging import package
from tests.package.small_course import write_small_course


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return write_small_course(tmp_path_factory.mktemp("small"))


@pytest.fixture(scope="module")
def course_zip(request, tmp_path_factory) -> zipfile.ZipFile:
    target = tmp_path_factory.mktemp("course") / "course.zip"
    return package(request.module.STANDARD, ROOT / "mkdocs.yml", target)


@pytest.fixture(scope="module")
def path_zip(request, small, tmp_path_factory) -> zipfile.ZipFile:
    target = tmp_path_factory.mktemp("path") / "basics.zip"
    return package(request.module.STANDARD, small, target, "--path", "basics")
