"""The `asah` command. Every command prints problems as `path:line: message` and exits 0 when all
is well, 1 when the content has problems, 2 when the command is used wrongly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .check import check


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="asah", description="Competency-based courses as static sites."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checking = commands.add_parser(
        "check", help="report every content problem a build would, without building"
    )
    checking.add_argument(
        "-f", "--config-file", default="mkdocs.yml", metavar="CONFIG", help="default: mkdocs.yml"
    )
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.config_file, sys.stdout, sys.stderr)
    return 2  # pragma: no cover - argparse refuses unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
