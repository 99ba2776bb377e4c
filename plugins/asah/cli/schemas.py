"""`asah schemas DIR`: write the package's JSON Schemas into a course (`site_config/schemas`), so
that after an upgrade the editor checks the course's files as this version of Asah reads them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .. import schemas as shipped


def add_parser(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "schemas",
        help="write Asah's JSON Schemas into DIR, for editor completion (e.g. site_config/schemas)",
        description=(
            "Write the JSON Schemas of lesson front matter, quiz banks, competencies.yml, "
            "paths.yml and glossary.yml into DIR, replacing older copies: run it after "
            "upgrading Asah, e.g. `asah schemas site_config/schemas`."
        ),
    )
    command.add_argument("directory", metavar="DIR", help="folder to write the schemas into")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return write_schemas(args.directory, out, err)


def write_schemas(folder: str, out: TextIO, err: TextIO) -> int:
    target = Path(folder)
    if target.exists() and not target.is_dir():
        print(
            f"asah schemas: {folder} is a file; expected a folder, e.g. site_config/schemas",
            file=err,
        )
        return 2
    try:
        written = shipped.write(target)
    except OSError as error:
        print(f"asah schemas: cannot write to {folder}: {error.strerror or error}", file=err)
        return 2
    for path in written:
        print(f"asah schemas: wrote {path.as_posix()}", file=out)
    return 0
