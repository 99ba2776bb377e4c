#!/usr/bin/env bash
# Lighthouse (mobile) on a lesson with a quiz and on kemajuan/: performance, accessibility,
# best practices. Not part of CI (it fetches lighthouse from the npm registry on first use).
#   ./scripts/lighthouse.sh            → median scores of 3 runs, reports in out/lighthouse/
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
runs=${LIGHTHOUSE_RUNS:-3}  # this VM's timings vary: report the median of several runs
for page in keamanan-informasi/phishing/ kemajuan/; do
  name=$(echo "$page" | tr '/' '_')
  for run in $(seq "$runs"); do
    CHROME_PATH=$(command -v chromium) npx --yes lighthouse@12.8.2 "http://127.0.0.1:$port/$page" \
      --quiet --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" \
      --only-categories=performance,accessibility,best-practices \
      --output=json --output=html --output-path="out/lighthouse/$name-$run" >/dev/null 2>&1 || true
  done
  .venv/bin/python - "$page" out/lighthouse/"$name"-*.report.json <<'PY'
import json, statistics, sys
page, paths = sys.argv[1], sys.argv[2:]
runs = []
for path in paths:
    try:
        report = json.load(open(path))
    except OSError:
        continue
    runs.append({k: v["score"] for k, v in report["categories"].items()})
if not runs:
    sys.exit(f"{page}: no report (see out/lighthouse/)")
scores = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
each = " ".join(f"{r['performance']:.2f}" for r in runs)
print(page, " ".join(f"{k}={v:.2f}" for k, v in scores.items()), f"(performance: {each})")
PY
done
