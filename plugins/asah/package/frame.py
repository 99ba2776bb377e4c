"""The package's launch page: what the LMS opens. It holds the LMS session for the whole visit
(the standard's script: find the LMS, start once, report, finish when it is left) and shows the
site in a frame below a message area, so that going from page to page inside the course never
ends the session. Without an LMS it hands over to the site's first page."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ..core.i18n import Strings

LAUNCH = "asah-lms.html"
# the launch page's script, before each standard's own parts (theme bundles, assets/asah/): the
# unit's status and score, merging records, the page's frame and messages
RUNTIME_PARTS = ("progress/record.js", "progress/merge.js", "lms/unit.js", "lms/page.js")

STYLE = (
    "html,body,main{height:100%;margin:0}"
    "body{font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}"
    "main{display:flex;flex-direction:column}"
    "h1{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    ".asah-lms__note{margin:0;padding:.6rem 1rem;border-bottom:1px solid #8a6d00;"
    "background:#fff4ce}"
    # empty, a note takes no room but stays in the page: a live region must be there before
    # its message, or screen readers may not say it
    ".asah-lms__note:empty{padding:0;border:0}"
    ".asah-lms__note--error{background:#fde7e9;border-color:#a4262c}"
    ".asah-lms__note button{font:inherit;margin-left:.5rem;min-height:44px;padding:0 .9rem;"
    "border:1px solid currentColor;border-radius:.2rem;background:#fff;color:inherit;"
    "cursor:pointer}"
    ".asah-lms__frame{flex:1;width:100%;border:0}"
    "@media (prefers-color-scheme:dark){body{color:#eee;background:#1e2129}"
    ".asah-lms__note{background:#3d3200;border-color:#e0c045}"
    ".asah-lms__note--error{background:#4a1c1f;border-color:#f1707b}"
    ".asah-lms__note button{background:#1e2129}}"
)


def launch_page(
    title: str, language: str, runtime: str, data: dict[str, Any], strings: Strings
) -> str:
    """The page; `runtime` is its script (relative URL), `data` what the script needs."""
    island = {**data, "t": strings.prefixed("lms_")}
    text = json.dumps(island, ensure_ascii=True, separators=(",", ":")).replace("</", "<\\/")
    launch = escape(str(data["launch"]), quote=True)
    return f"""<!doctype html>
<html lang="{escape(language, quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
<div class="asah-lms__note asah-lms__note--error" role="alert"></div>
<div class="asah-lms__note" role="status"></div>
<noscript><p class="asah-lms__note">{escape(strings("lms_noscript"))}
<a href="{launch}">{escape(title)}</a></p></noscript>
<iframe class="asah-lms__frame" title="{escape(title, quote=True)}"></iframe>
</main>
<script type="application/json" id="asah-lms-data">{text}</script>
<script src="{escape(runtime, quote=True)}"></script>
</body>
</html>
"""
