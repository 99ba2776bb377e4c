#!/usr/bin/env bash
# Set up and serve the example course at http://127.0.0.1:8000 (live reload on every edit).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve "$@"
