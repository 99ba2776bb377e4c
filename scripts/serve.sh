#!/usr/bin/env bash
# Set up and serve the example course at http://127.0.0.1:8000 (live reload on every edit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# --dirty: rebuild only what an edit affects (Asah adds the competency, path and quiz pages made
# from it), so a saved edit shows in about a second even on a course of 1,000 lessons.
exec .venv/bin/mkdocs serve --dirty "$@"
