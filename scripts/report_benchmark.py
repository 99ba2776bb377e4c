#!/usr/bin/env python3
"""`asah report` at scale: wall time and peak memory for a province's worth of learners.

    .venv/bin/python scripts/report_benchmark.py                   # 100,000 learners
    .venv/bin/python scripts/report_benchmark.py -n 10000 --folders

Makes the learners' files once with scripts/report_records.py (in zip files of 1,000, or
`--folders`: folders of 1,000 files; kept in out/report-benchmark/ for the next run), then runs
`asah report` on them in a child process of its own and reports its wall time and peak resident
memory (the child's `ru_maxrss`: Python, DuckDB and its threads together). Goal: 100,000
learners in 60 s or less and 1 GiB or less. Run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS, GOAL_BYTES = 60, 1024**3
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
sys.stderr.write(done.stderr)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{seconds:.3f} {peak} {done.returncode}")
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--learners", type=int, default=100_000)
    parser.add_argument("--folders", action="store_true", help="files in folders, not zip files")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    kind = "folders" if args.folders else "zip"
    records = ROOT / "out" / "report-benchmark" / f"{args.learners}-{kind}-{args.seed}"
    python = sys.executable
    if not records.exists():
        started = time.perf_counter()
        command = [
            python,
            str(ROOT / "scripts" / "report_records.py"),
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-n",
            str(args.learners),
            "-o",
            str(records),
            "--seed",
            str(args.seed),
            "--bad",
            "30",
        ]
        subprocess.run([*command, *([] if args.folders else ["--zip"])], check=True)
        print(f"records made in {time.perf_counter() - started:.0f} s")
    size = sum(p.stat().st_size for p in records.rglob("*") if p.is_file())
    out = records.parent / f"{records.name}-report"
    command = [
        python,
        "-m",
        "asah.cli",
        "report",
        "-f",
        str(ROOT / "mkdocs.yml"),
        str(records),
        "-o",
        str(out),
    ]
    # a fresh parent of its own, so that the peak is the report's alone (not the generator's)
    result = subprocess.run(
        [python, "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    *lines, measured = result.stdout.strip().splitlines()
    seconds, peak_kb, status = measured.split()
    seconds, peak = float(seconds), int(peak_kb) * 1024  # ru_maxrss is in kilobytes on Linux
    print("\n".join(lines))
    skipped = len(result.stderr.splitlines())
    print(
        f"{args.learners:,} learners, {size / 1024**2:,.0f} MB of files ({kind}), "
        f"{skipped} lines of problems and merges"
    )
    print(
        f"wall time {seconds:.1f} s (goal {GOAL_SECONDS} s), "
        f"peak memory {peak / 1024**2:,.0f} MiB (goal {GOAL_BYTES // 1024**2:,} MiB), "
        f"exit status {status}"
    )
    ok = seconds <= GOAL_SECONDS and peak <= GOAL_BYTES
    print("within the goals" if ok else "OVER the goals")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
