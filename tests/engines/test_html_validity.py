"""The Nu HTML checker (scripts/check-html.sh) on the example course as the other engines build
it — Zensical and ProperDocs + MaterialX, the site and its offline copy: no error but the ones in
the theme's own markup that check-html.sh filters by name. (scripts/test.sh checks the MkDocs +
Material builds.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.browser.test_engines import CONFIGS, PYTHON, ROOT, build


@pytest.mark.parametrize("copy", ["site", "offline"])
@pytest.mark.parametrize("engine", ["zensical", "materialx"])
def test_every_page_is_valid_html(engine: str, copy: str, tmp_path: Path):
    if not Path(PYTHON[engine]).is_file():
        pytest.fail(f"{PYTHON[engine]} missing: run scripts/setup.sh --test")
    _, online, offline = CONFIGS[engine]
    site = build(engine, online if copy == "site" else offline, tmp_path / copy)
    result = subprocess.run(
        ["bash", "scripts/check-html.sh", str(site), engine],  # the engine names its theme
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = re.search(r"0 errors in (\d+) pages", result.stdout)
    assert checked and int(checked[1]) > 40, result.stdout
