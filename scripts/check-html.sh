#!/usr/bin/env bash
# Validate every built page with the Nu HTML checker (vnu-jar from npm, system Java).
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-site}"
# Material's known false positive: autocomplete="off" on its checkbox toggles (drawer, search);
# browsers need it there to not restore the toggles' state, the spec only allows it on text inputs.
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html \
  --filterpattern '.*Attribute “autocomplete” is only allowed when the input type is.*' \
  "$site"
echo "Nu HTML checker: 0 errors in $(find "$site" -name '*.html' | wc -l) pages"
