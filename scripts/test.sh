#!/usr/bin/env bash
# Set up everything the tests need, then run them all: lint, the runtime's unit tests (Node),
# `asah check` and strict builds of the example course, HTML validity (Nu checker), unit and build
# tests and real-browser tests (pytest, Playwright + Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1

echo "==> ruff"
.venv/bin/ruff check plugins tests scripts
.venv/bin/ruff format --check plugins tests scripts

echo "==> node --test (browser runtime: scoring, numbers, learner model)"
node --test tests/js/

echo "==> asah check (example course)"
.venv/bin/asah check

echo "==> mkdocs build --strict (example course)"
.venv/bin/mkdocs build --strict --quiet --site-dir site

echo "==> mkdocs build --strict (offline copy)"
.venv/bin/mkdocs build --strict --quiet -f mkdocs-offline.yml

echo "==> Nu HTML checker"
bash scripts/check-html.sh site
bash scripts/check-html.sh site-offline

echo "==> pytest"
.venv/bin/python -m pytest "$@"
