#!/usr/bin/env bash
# Build the offline copy of the course (opens from a folder or USB stick, no server, no internet)
# and pack it as site-offline.zip for a training unit to hand out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/mkdocs build --strict --quiet -f mkdocs-offline.yml
rm -f site-offline.zip
.venv/bin/python - <<'PY'
import os, zipfile
with zipfile.ZipFile("site-offline.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, _, names in sorted(os.walk("site-offline")):
        for name in sorted(names):
            path = os.path.join(folder, name)
            archive.write(path, os.path.relpath(path, "site-offline"))
print(f"site-offline.zip: {os.path.getsize('site-offline.zip') / 1e6:.1f} MB — open index.html")
PY
