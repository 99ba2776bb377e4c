"""`asah report RECORD... [--lrs URL] -o DIR`: the training unit's report from learners' export
files and a record store's cmi5 statements (docs/report.md). Needs DuckDB:
`pip install "asah[report]"`."""

from __future__ import annotations

import argparse
import datetime
import os
from pathlib import Path
from typing import TextIO

from .config import ConfigError, add_config_option

USAGE = 2


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help="the training unit's report (HTML and CSV) from learners' export files",
        description="Reads export files (JSON), folders and zip files of them, and with --lrs "
        "the statements of a record store; writes DIR/index.html and CSV files.",
    )
    parser.add_argument("records", nargs="*", metavar="RECORD", help="files, folders, zip files")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="the report's folder")
    add_config_option(parser)
    parser.add_argument(
        "--min-group",
        type=int,
        default=5,
        metavar="N",
        help="hide counts of fewer than N learners (default 5, at least 3)",
    )
    parser.add_argument(
        "--with-names", action="store_true", help="add a per-learner table with names and NIP"
    )
    parser.add_argument(
        "--year", type=int, default=datetime.date.today().year, help="the year JP are counted for"
    )
    parser.add_argument(
        "--lrs",
        default="",
        metavar="URL",
        help="also read the cmi5 statements of a record store's xAPI endpoint; credentials "
        "from ASAH_LRS_USER and ASAH_LRS_PASSWORD, or ASAH_LRS_AUTH (a whole Authorization "
        "header)",
    )
    parser.add_argument(
        "--since", default="", metavar="DATE", help="with --lrs: statements from (ISO 8601)"
    )
    parser.add_argument(
        "--until", default="", metavar="DATE", help="with --lrs: statements until (ISO 8601)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(4, os.cpu_count() or 1),
        metavar="N",
        help="processes reading the files (default: the machine's cores, at most 4)",
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        from ..report.privacy import LOWEST_MIN_GROUP, Privacy
        from ..report.run import Options, report
    except ImportError as error:  # DuckDB is an extra
        print(f'asah report: {error}; install it with: pip install "asah[report]"', file=err)
        return USAGE
    if args.min_group < LOWEST_MIN_GROUP:
        print(
            f"asah report: --min-group must be {LOWEST_MIN_GROUP} or more, got {args.min_group}",
            file=err,
        )
        return USAGE
    options = Options(
        config=Path(args.config_file),
        records=args.records,
        out=Path(args.output),
        privacy=Privacy(args.min_group, args.with_names),
        year=args.year,
        jobs=max(1, args.jobs),
        lrs=args.lrs,
        since=args.since,
        until=args.until,
    )
    try:
        return report(options, out, err)
    except ConfigError as error:
        print(f"asah report: {error}", file=err)
        return USAGE
