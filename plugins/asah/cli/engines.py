"""`asah build` and `asah serve` on either engine: MkDocs (or ProperDocs, which keeps its plugin
API) with Asah's plugins, or Zensical through asah/zensical/."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from .config import ConfigError

ENGINES = ("mkdocs", "zensical")


def mkdocs_command() -> list[str] | None:
    """MkDocs 1.6, or ProperDocs where MkDocs is not installed (MaterialX sites)."""
    for module in ("properdocs", "mkdocs"):  # ProperDocs installs an `mkdocs` too: prefer it
        if importlib.util.find_spec(module) is not None and _runs(module):
            return [sys.executable, "-m", module]
    return None


def _runs(module: str) -> bool:
    return importlib.util.find_spec(f"{module}.__main__") is not None


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = Path(args.config_file)
    if not config.is_file():
        print(f"asah {args.command}: {config}: no such config file", file=err)
        return 2
    if args.engine == "zensical":
        from ..zensical import run as zensical

        try:
            if args.command == "build":
                return zensical.build(config, args.site_dir, out, err)
            return zensical.serve(config, args.dev_addr, out, err)
        except ConfigError as error:
            print(f"asah {args.command}: {error}", file=err)
            return 2
    command = mkdocs_command()
    if command is None:
        print(f"asah {args.command}: install an engine: pip install 'asah[material]'", file=err)
        return 2
    if args.command == "build":
        command += ["build", "--strict", "-f", str(config)]
        if args.site_dir:
            command += ["-d", args.site_dir]
    else:
        command += ["serve", "-f", str(config)] + (["-a", args.dev_addr] if args.dev_addr else [])
    return min(subprocess.call(command), 1)
