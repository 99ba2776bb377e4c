#!/usr/bin/env bash
# Lighthouse (mobile) on a lesson with a quiz and on kemajuan/: performance, accessibility,
# best practices. Not part of CI (it fetches lighthouse from the npm registry on first use).
#   ./scripts/lighthouse.sh            → scores printed, reports in out/lighthouse/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test >/dev/null
export NO_MKDOCS_2_WARNING=1
.venv/bin/mkdocs build --strict --quiet
mkdir -p out/lighthouse
port=$(.venv/bin/python -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
.venv/bin/python scripts/serve_gzip.py site "$port" &
server=$!
trap 'kill $server' EXIT
sleep 1
for page in keamanan-informasi/phishing/ kemajuan/; do
  name=$(echo "$page" | tr '/' '_')
  CHROME_PATH=$(command -v chromium) npx --yes lighthouse@12.8.2 "http://127.0.0.1:$port/$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
    --only-categories=performance,accessibility,best-practices \
    --output=json --output=html --output-path="out/lighthouse/$name" >/dev/null 2>&1 || true
  .venv/bin/python - "$page" "out/lighthouse/$name.report.json" <<'PY'
import json, sys
page, path = sys.argv[1], sys.argv[2]
try:
    report = json.load(open(path))
except OSError:
    sys.exit(f"{page}: no report (see out/lighthouse/)")
scores = {k: v["score"] for k, v in report["categories"].items()}
print(page, " ".join(f"{k}={v:.2f}" for k, v in scores.items()))
PY
done
