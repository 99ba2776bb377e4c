#!/usr/bin/env bash
# Set up what Asah needs. `setup.sh` = Python only (build and serve);
# `setup.sh --test` = also Debian's chromium, Java (HTML checker) and the npm test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
[[ "${1:-}" == "--test" ]] && want_test=true

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if $want_test; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v npm >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    echo "==> apt-get install ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "==> python3 -m venv .venv"
  python3 -m venv .venv
fi
extras="[material]"
$want_test && extras="[test]"  # test: Material and Zensical (and the test tools)
echo "==> pip install -e .${extras}"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}" 2>&1 \
  | grep -v "^WARNING: Location" || true

if $want_test; then
  # ProperDocs + MaterialX in a venv of their own: MaterialX installs a package named like
  # Material's (`material`), so the two cannot share one
  if [[ ! -x .venv-materialx/bin/python ]]; then
    echo "==> python3 -m venv .venv-materialx"
    python3 -m venv .venv-materialx
  fi
  echo "==> .venv-materialx: pip install -e .[materialx]"
  .venv-materialx/bin/python -m pip install -q --disable-pip-version-check -e ".[materialx]" 2>&1 \
    | grep -v "^WARNING: Location" || true
  # Ralph, a learning record store for the cmi5 tests, in a venv of its own: its pinned
  # dependencies (FastAPI, pydantic) must not move the test venv's
  if [[ ! -x .venv-lrs/bin/ralph ]]; then
    echo "==> python3 -m venv .venv-lrs: pip install ralph-malph"
    python3 -m venv .venv-lrs
    .venv-lrs/bin/python -m pip install -q --disable-pip-version-check \
      "ralph-malph[backend-lrs,lrs,cli]==5.1.0" requests 2>&1 | grep -v "^WARNING: Location" || true
  fi
  echo "==> npm ci (axe-core, vnu-jar, lighthouse, scorm-again)"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error 2>&1 | grep -v "Unknown user config" || true
fi
