"""The package file: a zip of the built folder, its manifest first. Entries are sorted and
dated alike, so the same site gives the same bytes."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

DATE = (2000, 1, 1, 0, 0, 0)  # every entry's date: the zip does not change between builds


def write_zip(folder: Path, target: Path, first: str) -> int:
    """Zip every file of `folder` into `target` (written whole or not at all); the number of
    files."""
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    names.sort(key=lambda name: name != first)  # stable: the rest stay sorted
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            entry = zipfile.ZipInfo(name, DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, (folder / name).read_bytes(), compresslevel=9)
    os.replace(partial, target)
    return len(names)
