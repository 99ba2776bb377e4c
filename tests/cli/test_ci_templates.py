"""The CI files `asah init` writes (GitHub Actions, GitLab CI) run on a course made by `asah init`.

How a template's steps map to this machine: every shell line (`run:` of a GitHub step;
`before_script:` and `script:` of a GitLab job, `default:` standing in where a job has none) runs
with bash -e in the course's folder, in the order of the jobs (GitHub: `needs` first; GitLab: by
stage). The install line, `python -m pip install -r requirements.txt`, is the one line not run:
the test's own environment stands in for it (its `bin/` first on PATH), since the package index
has no Asah. Steps that use an action (`uses:`) are not run; the files they upload or publish
must exist afterwards. Publishing steps run as if on the default branch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from asah.cli import main

INSTALL = "python -m pip install -r requirements.txt"
CHECKS = ["asah check", "mkdocs build --strict", "mkdocs build --strict -f mkdocs-offline.yml"]
PACKAGES = ["asah package scorm12 -o kursus-scorm12.zip", "asah package cmi5 -o kursus-cmi5.zip"]


@pytest.fixture
def course(tmp_path: Path, capsys) -> Path:
    root = tmp_path / "Kursus CI Ñandú"
    assert main(["init", str(root)]) == 0
    capsys.readouterr()
    return root


def shell(course: Path, lines: list[str]) -> None:
    environment = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "NO_MKDOCS_2_WARNING": "1",
    }
    for line in lines:
        if line.strip() == INSTALL:
            continue  # the test's environment has Asah installed
        done = subprocess.run(
            ["bash", "-e", "-c", line], cwd=course, env=environment, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"


def _site(folder: Path, page: str) -> None:
    assert folder.is_dir(), folder
    assert (folder / "index.html").is_file()
    assert (folder / page).is_file(), f"{folder}/{page}"


def _packages(course: Path, paths: list[str]) -> None:
    """The SCORM 1.2 and cmi5 packages of the course: each with its manifest at the root and
    the course's lessons."""
    manifests = []
    for path in paths:
        with zipfile.ZipFile(course / path) as package:
            names = set(package.namelist())
        manifests += sorted(names & {"imsmanifest.xml", "cmi5.xml"})
        assert "komunikasi-kerja/email-dinas.html" in names
    assert manifests == ["imsmanifest.xml", "cmi5.xml"]


# -- GitHub Actions --------------------------------------------------------------------------


def test_github_actions_runs_on_a_new_course(course: Path):
    workflow = yaml.safe_load((course / ".github/workflows/kursus.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    jobs = workflow["jobs"]
    assert list(jobs) == ["build", "pages"] and jobs["pages"]["needs"] == "build"
    ran, used = [], []
    for job in jobs.values():
        for step in job["steps"]:
            if "run" in step:
                ran.append(step["run"])
            else:
                used.append((step["uses"].split("@")[0], step.get("with", {})))
    assert ran.count(INSTALL) == 1 and ran.index(INSTALL) == 0
    assert ran[1:] == [*CHECKS, *PACKAGES]
    shell(course, ran)
    artifacts = {w["name"]: w["path"] for name, w in used if name == "actions/upload-artifact"}
    uploads = dict(used)
    assert set(uploads) == {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-artifact",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    # the offline copy, as built by its step, is the downloadable artifact
    assert set(artifacts) == {"salinan-luring", "paket-lms"}
    _site(course / artifacts["salinan-luring"], "komunikasi-kerja/email-dinas.html")
    _packages(course, artifacts["paket-lms"].split())
    # the site published to Pages, from the default branch only
    _site(course / uploads["actions/upload-pages-artifact"]["path"], "jalur/index.html")
    default_branch = (
        "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
    )
    publishing = [s for s in jobs["build"]["steps"] if "upload-pages" in s.get("uses", "")]
    assert publishing[0]["if"] == default_branch and jobs["pages"]["if"] == default_branch
    assert jobs["pages"]["permissions"] == {"pages": "write", "id-token": "write"}


# -- GitLab CI -------------------------------------------------------------------------------


def test_gitlab_ci_runs_on_a_new_course(course: Path):
    pipeline = yaml.safe_load((course / ".gitlab-ci.yml").read_text("utf-8"))
    stages = pipeline.get("stages", [".pre", "build", "test", "deploy", ".post"])
    jobs = {
        name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job
    }
    assert set(jobs) == {"kursus", "paket-lms", "pages"}
    default = pipeline.get("default", {})
    lines = {
        name: [*job.get("before_script", default.get("before_script", [])), *job["script"]]
        for name, job in jobs.items()
    }
    assert lines["kursus"] == [INSTALL, *CHECKS]
    assert lines["paket-lms"] == [INSTALL, *PACKAGES]
    order = sorted(jobs, key=lambda name: stages.index(jobs[name].get("stage", "test")))
    assert order == ["kursus", "paket-lms", "pages"]
    for name in order:
        shell(course, lines[name])
    artifacts = jobs["kursus"]["artifacts"]
    assert artifacts["expose_as"] == "Salinan luring"
    for path in artifacts["paths"]:
        _site(course / path, "komunikasi-kerja/email-dinas.html")
    package = jobs["paket-lms"]["artifacts"]
    assert package["expose_as"] == "Paket LMS"
    _packages(course, package["paths"])
    # GitLab Pages publishes `public/`, from the default branch only, once the checks passed
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]
    _site(course / "public", "komunikasi-kerja/email-dinas/index.html")
    assert jobs["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert jobs["pages"]["needs"][0]["job"] == "kursus"
    sources = [rule["if"] for rule in pipeline["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in sources
    assert "$CI_COMMIT_BRANCH" in sources  # every push to a branch
