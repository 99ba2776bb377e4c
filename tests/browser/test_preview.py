"""The live preview in Chromium: a content error shows in a banner on the open page (live
reload), the banner passes axe on a phone in both colour schemes, and it goes once the error is
fixed."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import Browser

from tests.browser.conftest import AXE_JS, set_scheme
from tests.builds.test_preview import BROKEN_BANK, _fix
from tests.conftest import write_tree
from tests.serving import COURSE, edit, serving, wait_for

PHONE = {"width": 390, "height": 844}
SHOTS = Path(os.environ.get("ASAH_SCREENSHOTS", "/tmp"))
BANNER = '.asah-preview[role="alert"]'


def _axe(page, context: str) -> list[dict[str, object]]:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "ctx => axe.run(ctx, {resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target)})))",
        context,
    )


def test_the_banner_comes_with_the_error_passes_axe_and_goes_with_the_fix(
    browser: Browser, tmp_path: Path
):
    write_tree(tmp_path, COURSE)
    phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    with phone as context, serving(tmp_path) as served:
        site = served.url
        page = context.new_page()
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(site) else outside.append(r.url))
        wait_for(f"{site}/a/", "Kata sandi boleh dibagikan.")
        page.goto(f"{site}/a/")
        assert page.locator(BANNER).count() == 0

        bank = tmp_path / "quizzes/dasar.yml"
        edit(bank, *BROKEN_BANK, f"{site}/a/", shows="<!--asah:preview-->")
        banner = page.locator(BANNER)  # the open page reloads by itself
        banner.wait_for(timeout=30_000)
        assert banner.locator("code").first.inner_text() == "quizzes/dasar.yml:5"
        box = banner.bounding_box()
        assert box and box["y"] == 0 and box["width"] == PHONE["width"]  # first, full width
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert page.get_by_text("Kata sandi boleh dibagikan.").count()  # the last good quiz

        assert _axe(page, BANNER) == []
        page.screenshot(path=str(SHOTS / "asah-preview-phone.png"))
        set_scheme(page, "slate")
        assert _axe(page, BANNER) == []
        page.screenshot(path=str(SHOTS / "asah-preview-phone-dark.png"))

        _fix(bank, BROKEN_BANK)
        banner.wait_for(state="detached", timeout=30_000)
        assert page.get_by_text("Kata sandi boleh dibagikan.").count()
        assert outside == []
