"""`asah schemas DIR`: write the package's JSON Schemas into a course (`site_config/schemas`), so
that after an upgrade the editor checks the course's files as this version of Asah reads them.
Its messages are in the course's message language, read from `mkdocs.yml` (English without one:
the schemas need no course)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .. import schemas as shipped
from ..core.messages import Messages
from .config import add_config_option, message_language


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
    add_config_option(command, "the course's configuration, for the language of messages; ")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    words = Messages(message_language(Path(args.config_file)))
    return write_schemas(args.directory, out, err, words)


def write_schemas(folder: str, out: TextIO, err: TextIO, words: Messages | None = None) -> int:
    words = words or Messages()
    target = Path(folder)
    if target.exists() and not target.is_dir():
        print(f"asah schemas: {words('schemas_is_file', path=folder)}", file=err)
        return 2
    try:
        written = shipped.write(target)
    except OSError as error:
        reason = error.strerror or error
        print(
            f"asah schemas: {words('schemas_cannot_write', path=folder, reason=reason)}", file=err
        )
        return 2
    for path in written:
        print(f"asah schemas: {words('schemas_wrote', path=path.as_posix())}", file=out)
    return 0
