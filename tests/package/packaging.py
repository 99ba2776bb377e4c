"""What the package tests share: `asah package`, schema errors, the launch page's data and the
runtime's size."""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from asah import theme
from asah.cli import main
from asah.package import plugin

RUNTIME_BUDGET = 8 * 1024  # bytes, gzip: what the LMS runtime adds (packages only)


def package(standard: str, config: Path, target: Path, *options: str) -> zipfile.ZipFile:
    """`asah package <standard>` of the course at `config`, written to `target`."""
    assert main(["package", standard, *options, "-f", str(config), "-o", str(target)]) == 0
    return zipfile.ZipFile(target)


def schema_errors(schema: etree.XMLSchema, document: bytes) -> list[str]:
    schema.validate(etree.fromstring(document))
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def launch_data(archive: zipfile.ZipFile) -> dict:
    page = archive.read("asah-lms.html").decode()
    found = re.search(r'<script type="application/json" id="asah-lms-data">(.*?)</script>', page)
    assert found
    return json.loads(found.group(1))


def runtime_size(parts: Iterable[str]) -> tuple[int, int]:
    """Bytes, gzip: the bridge in every page, and the session scripts made of `parts`."""

    def gzipped(text: str) -> int:
        return len(gzip.compress(text.encode(), compresslevel=9, mtime=0))

    bridge = gzipped(theme.bundle([plugin.BRIDGE]))
    return bridge, gzipped(theme.bundle([theme.ASSETS + p for p in parts]))
