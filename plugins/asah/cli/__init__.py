"""The `asah` command. Every command prints problems as `path:line: message` and exits 0 when all
is well, 1 when the content has problems, 2 when the command is used wrongly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import new, scaffold, schemas
from . import package as packaging
from . import report as reporting
from .check import check
from .config import add_config_option
from .engines import ENGINES


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="asah", description="Competency-based courses as static sites."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checking = commands.add_parser(
        "check", help="report every content problem a build would, without building"
    )
    add_config_option(checking)
    building = commands.add_parser("build", help="build the site with the chosen engine")
    serving = commands.add_parser("serve", help="live preview with the chosen engine")
    for command in (building, serving):
        command.add_argument("--engine", choices=ENGINES, default="mkdocs", help="default: mkdocs")
        add_config_option(command)
    building.add_argument("-d", "--site-dir", metavar="SITE", help="default: the config's site_dir")
    serving.add_argument("-a", "--dev-addr", metavar="IP:PORT", help="default: localhost:8000")
    scaffold.add_parser(commands)
    new.add_parser(commands)
    packaging.add_parser(commands)
    schemas.add_parser(commands)
    reporting.add_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.config_file, sys.stdout, sys.stderr)
    if args.command == "init":
        return scaffold.run(args, sys.stdout, sys.stderr)
    if args.command == "new":
        return new.run(args, sys.stdout, sys.stderr)
    if args.command == "package":
        return packaging.package(args, sys.stdout, sys.stderr)
    if args.command == "schemas":
        return schemas.run(args, sys.stdout, sys.stderr)
    if args.command == "report":
        return reporting.run(args, sys.stdout, sys.stderr)
    from .engines import run

    return run(args, sys.stdout, sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
