"""`asah package {scorm12,cmi5} [--path ID] [-f CONFIG] -o FILE.zip`: the course, or one learning
path, as a package an LMS imports (plugins/asah/package/)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any, TextIO

from .config import add_config_option

STANDARDS = ("scorm12", "cmi5")  # the manifest of each: written first in the zip


def add_parser(commands: Any) -> None:
    packing = commands.add_parser(
        "package", help="the course, or one learning path, as an LMS package"
    )
    packing.add_argument(
        "standard", choices=STANDARDS, help="scorm12: SCORM 1.2; cmi5: cmi5 (xAPI)"
    )
    packing.add_argument("--path", default="", metavar="ID", help="one learning path's id")
    add_config_option(packing)
    packing.add_argument("-o", "--output", required=True, metavar="FILE.zip")


def package(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..package import cmi5, scorm12
    from ..package.archive import write_zip
    from ..package.build import BuildFailed, UsageError, build_site, path_ids
    from ..package.unit import UnknownPath, unknown_path_message

    config = Path(args.config_file)
    output = Path(args.output)
    if not config.is_file():
        print(f"asah package: {config}: no such config file", file=err)
        return 2
    if not output.parent.is_dir():
        print(f"asah package: {output.parent}: no such folder for the package", file=err)
        return 2
    try:
        if args.path:
            known = path_ids(config)
            if known is not None and args.path not in known:
                raise UnknownPath(unknown_path_message(args.path, known))
        with tempfile.TemporaryDirectory(prefix="asah-package-") as folder:
            site = Path(folder) / "site"
            build_site(config, site, args.standard, args.path, err)
            manifest = cmi5.MANIFEST if args.standard == "cmi5" else scorm12.MANIFEST
            count = write_zip(site, output, manifest)
    except (UsageError, UnknownPath) as error:
        print(f"asah package: {error}", file=err)
        return 2
    except BuildFailed as error:
        print(f"asah package: {error} No package was written.", file=err)
        return 1
    size = output.stat().st_size / 1e6
    print(f"{output}: {args.standard} package, {count} files, {size:.1f} MB", file=out)
    return 0
