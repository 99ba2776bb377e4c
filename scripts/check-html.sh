#!/usr/bin/env bash
# Validate every built page with the Nu HTML checker (vnu-jar from npm, system Java).
#   bash scripts/check-html.sh [SITE_DIR] [THEME]
# THEME is the theme the site was built with: material (default; MkDocs + Material), zensical
# (asah build --engine zensical) or materialx (ProperDocs + MaterialX). Each theme's own markup
# errors are filtered below, matched on vnu's whole message; never filter Asah's own markup.
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-site}"
theme="${2:-material}"
# Material's known false positive (Zensical and MaterialX keep the same markup):
# autocomplete="off" on its checkbox toggles (drawer, search; MaterialX's toc too); browsers
# need it there to not restore the toggles' state; the spec allows it only on text-like inputs.
filters=('.*Attribute “autocomplete” is only allowed when the input type is.*')
case "$theme" in
  material) ;;
  zensical)
    # Zensical's base.html: <label class="md-overlay" for="__drawer" aria-hidden="true">, the
    # click-away overlay of its navigation drawer, hidden on purpose (the header's menu label
    # toggles the same drawer).
    # vnu names no element in the message, so Asah's labels are kept to this rule by the
    # material run (the same markup on every engine), not by this one.
    filters+=('The “aria-hidden” attribute must not be used on any “label” element that is associated with a labelable element\.')
    ;;
  materialx)
    # MaterialX's base.html adds a table-of-contents toggle <input id="__toc"> while its
    # partials/nav-item.html (as in Material) still writes <input id="__toc"> for the table of
    # contents in the navigation of every page that has one.
    filters+=('Duplicate ID “__toc”\.')
    ;;
  *)
    echo "check-html.sh: unknown theme '$theme' (material, zensical or materialx)" >&2
    exit 2
    ;;
esac
pattern="$(IFS='|' && echo "${filters[*]}")"
java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html \
  --filterpattern "($pattern)" \
  "$site"
echo "Nu HTML checker: 0 errors in $(find "$site" -name '*.html' | wc -l) pages"
