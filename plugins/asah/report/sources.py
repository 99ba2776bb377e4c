"""Where records come from: files, folders (every `.json` inside, at any depth) and zip files
(every `.json` member). A source is named as the administrator will recognise it:
`folder/file.json`, or `bundle.zip:member.json`."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# a record is a few kilobytes; anything far larger is not one (and is not read into memory)
MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One record file: a file on disk (`member` empty) or a member of a zip file."""

    path: str
    member: str = ""

    @property
    def label(self) -> str:
        return f"{self.path}:{self.member}" if self.member else self.path


class SourceError(Exception):
    """A source that cannot be read at all: `label: what is wrong`."""


def _hidden(path: str) -> bool:
    """Files an archiver or a system adds beside the records (`__MACOSX/`, `._x.json`,
    `.Trash/`): not the learners'."""
    return any(part.startswith((".", "__MACOSX")) for part in path.replace("\\", "/").split("/"))


def find(arguments: list[str]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Every record file the arguments name, in a stable order, and the arguments that name
    nothing readable as (label, problem key)."""
    found: list[Source] = []
    problems: list[tuple[str, str]] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and not _hidden(str(p.relative_to(path)))
            )
            for file in files:
                if file.suffix.lower() == ".json":
                    found.append(Source(str(file)))
                elif file.suffix.lower() == ".zip":
                    found.extend(_zip(str(file), problems))
        elif path.is_file() and path.suffix.lower() == ".zip":
            found.extend(_zip(argument, problems))
        elif path.is_file():
            found.append(Source(argument))
        else:
            problems.append((argument, "problem_missing"))
    return found, problems


def _zip(path: str, problems: list[tuple[str, str]]) -> list[Source]:
    try:
        with zipfile.ZipFile(path) as bundle:
            names = [
                info.filename
                for info in bundle.infolist()
                if not info.is_dir()
                and info.filename.lower().endswith(".json")
                and not _hidden(info.filename)
            ]
    except (zipfile.BadZipFile, OSError):
        problems.append((path, "problem_bad_zip"))
        return []
    return [Source(path, name) for name in sorted(names)]


class Reader:
    """Reads sources, keeping the zip file last opened open (members come together)."""

    def __init__(self) -> None:
        self._zip: zipfile.ZipFile | None = None
        self._zip_path = ""

    def read(self, source: Source) -> bytes:
        if not source.member:
            with open(source.path, "rb") as file:
                data = file.read(MAX_BYTES + 1)
        else:
            if self._zip_path != source.path:
                self.close()
                self._zip = zipfile.ZipFile(source.path)
                self._zip_path = source.path
            assert self._zip is not None
            with self._zip.open(source.member) as member:
                data = member.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise SourceError("problem_too_large")
        return data

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._zip, self._zip_path = None, ""

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iterate(sources: list[Source]) -> Iterator[tuple[Source, bytes | str]]:
    """Each source with its bytes, or with a problem key when it cannot be read."""
    with Reader() as reader:
        for source in sources:
            try:
                yield source, reader.read(source)
            except SourceError as error:
                yield source, str(error)
            except (OSError, zipfile.BadZipFile, KeyError):
                yield source, "problem_unreadable"
