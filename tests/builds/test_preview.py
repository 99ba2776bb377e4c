"""Problems in the live preview: `mkdocs serve` never stops on a content error; every page shows
the problems (`path:line`) in a banner until they are fixed; a build never has the banner."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import build_tree, write_tree
from tests.serving import COURSE, edit, serving, wait_for

# a colon in unquoted text: a YAML syntax error at line 5 of the bank
BROKEN_BANK = ("prompt: Kata sandi boleh dibagikan.", "prompt: Kata sandi: boleh dibagikan.")
# an unclosed flow mapping: the front matter of a.md cannot be read
BROKEN_FRONT_MATTER = ("{keamanan-informasi: 1}", "{keamanan-informasi: 1")


def _banner(html: str) -> str:
    """The banner's text (its style left out), or "" when the page has none."""
    found = re.search(r"<!--asah:preview-->(.*?)<!--/asah:preview-->", html, re.DOTALL)
    return re.sub(r"<style>.*?</style>", "", found.group(1)) if found else ""


def _preview_build(root: Path) -> tuple[Path, list[str]]:
    """Build `root` as `mkdocs serve` does (its plugins told the command is serve)."""
    messages: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "preview"))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
    finally:
        logger.removeHandler(handler)
    return root / "preview", messages


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


# what stops a build, and where: each must leave the preview running with the banner
STOPPING = {
    "bank syntax": ("quizzes/dasar.yml", *BROKEN_BANK, "quizzes/dasar.yml:5"),
    "question id twice": (
        "quizzes/dasar.yml",
        "    answer: false\n",
        "    answer: false\n  - id: satu\n    type: truefalse\n    prompt: Lagi.\n"
        "    answer: true\n",
        "quizzes/dasar.yml:7",
    ),
    "framework syntax": (
        "site_config/competencies.yml",
        "name: Teknis",
        "name: Teknis: Siber",
        "site_config/competencies.yml:4",
    ),
    "path id twice": (
        "site_config/paths.yml",
        "steps: [a.md, b.md]\n",
        "steps: [a.md, b.md]\n  - id: aman\n    title: Lagi\n    steps: [b.md]\n",
        "site_config/paths.yml:5",
    ),
}


@pytest.mark.parametrize("case", STOPPING, ids=list(STOPPING))
def test_a_problem_that_stops_a_build_leaves_every_preview_page_with_the_banner(
    tmp_path: Path, case: str
):
    path, old, new, where = STOPPING[case]
    write_tree(tmp_path, COURSE)
    file = tmp_path / path
    file.write_text(file.read_text("utf-8").replace(old, new), "utf-8")

    site, messages = _preview_build(tmp_path)

    pages = _pages(site)
    assert {"index.html", "a/index.html", "b/index.html", "jalur/index.html"} <= set(pages)
    for name, html in pages.items():
        if name == "404.html":
            continue  # the theme's, served for a missing page
        shown = _banner(html)
        assert f"<code>{where}</code>" in shown, name
        assert html.count("<!--asah:preview-->") == 1, name  # once, whatever plugins are on
        assert html.index("<!--asah:preview-->") < html.index('class="md-header'), name
    assert any(m.startswith(f"asah: {where}: ") for m in messages)  # and in the terminal


def test_the_first_preview_with_a_broken_bank_still_shows_its_lessons(tmp_path: Path):
    """With no earlier reading of the bank, the lesson is made without its quiz."""
    write_tree(tmp_path, COURSE)
    bank = tmp_path / "quizzes/dasar.yml"
    bank.write_text(bank.read_text("utf-8").replace(*BROKEN_BANK), "utf-8")
    site, _ = _preview_build(tmp_path)
    lesson = (site / "a/index.html").read_text("utf-8")
    assert "Isi pertama." in lesson
    assert "<code>quizzes/dasar.yml:5</code>" in _banner(lesson)


def test_banner_text_is_escaped(tmp_path: Path):
    write_tree(tmp_path, COURSE)
    page = tmp_path / "content/a.md"
    page.write_text(
        page.read_text("utf-8").replace(
            "{keamanan-informasi: 1}", "{keamanan-informasi: 1, <script>alert(1)</script>: 2}"
        ),
        "utf-8",
    )
    site, _ = _preview_build(tmp_path)
    shown = _banner((site / "index.html").read_text("utf-8"))
    assert "<code>content/a.md:3</code>" in shown
    assert "&lt;script&gt;" in shown and "<script" not in shown


def test_a_build_fails_on_the_problem_and_never_has_the_banner(tmp_path: Path):
    write_tree(tmp_path, COURSE)
    bank = tmp_path / "quizzes/dasar.yml"
    bank.write_text(bank.read_text("utf-8").replace(*BROKEN_BANK), "utf-8")
    for strict in (False, True):
        failed = build_tree(tmp_path, strict=strict)
        assert failed.error and "quizzes/dasar.yml:5" in failed.error

    bank.write_text(bank.read_text("utf-8").replace(*reversed(BROKEN_BANK)), "utf-8")
    page = tmp_path / "content/a.md"
    page.write_text(page.read_text("utf-8").replace(*BROKEN_FRONT_MATTER), "utf-8")
    strict = build_tree(tmp_path, strict=True)
    assert strict.error and "strict mode" in strict.error
    assert any(w.startswith("asah: content/a.md:") for w in strict.warnings)

    built = build_tree(tmp_path)
    assert built.error is None
    assert any(w.startswith("asah: content/a.md:") for w in built.warnings)
    for file in built.site.rglob("*"):  # no banner, nor its style or words, anywhere
        if file.is_file() and file.suffix in {".html", ".css", ".js", ".json"}:
            text = file.read_text("utf-8")
            assert "asah-preview" not in text and "Pratinjau:" not in text, file


def _fix(path: Path, mistake: tuple[str, str]) -> None:
    path.write_text(path.read_text("utf-8").replace(mistake[1], mistake[0]), "utf-8")


def _wait_without_banner(url: str, seconds: float = 40) -> str:
    deadline = time.monotonic() + seconds
    while True:
        html = wait_for(url, "</html>", seconds)
        if "<!--asah:preview-->" not in html:
            return html
        if time.monotonic() >= deadline:
            raise AssertionError(f"{url} still shows the banner")
        time.sleep(0.3)


def test_serve_shows_the_problem_on_every_page_until_it_is_fixed(tmp_path: Path):
    write_tree(tmp_path, COURSE)
    with serving(tmp_path) as served:
        site = served.url
        wait_for(f"{site}/a/", "Kata sandi boleh dibagikan.")

        # a bank that cannot be read: the preview goes on, the lesson keeps its last good quiz
        bank = tmp_path / "quizzes/dasar.yml"
        lesson = edit(bank, *BROKEN_BANK, f"{site}/a/", shows="<!--asah:preview-->")
        assert "<code>quizzes/dasar.yml:5</code>" in _banner(lesson)
        assert "Kata sandi boleh dibagikan." in lesson  # the last good bank
        for url in ("", "b/", "jalur/aman/", "kompetensi/"):
            assert "<code>quizzes/dasar.yml:5</code>" in _banner(wait_for(f"{site}/{url}", "<"))
        _fix(bank, BROKEN_BANK)
        assert "Kata sandi boleh dibagikan." in _wait_without_banner(f"{site}/a/")
        _wait_without_banner(f"{site}/")

        # a front matter that cannot be read
        page = tmp_path / "content/a.md"
        home = edit(page, *BROKEN_FRONT_MATTER, f"{site}/", shows="<!--asah:preview-->")
        assert re.search(r"<code>content/a\.md:\d+</code>", _banner(home))
        _fix(page, BROKEN_FRONT_MATTER)
        _wait_without_banner(f"{site}/")
        _wait_without_banner(f"{site}/a/")


def test_dirty_serve_puts_the_banner_on_pages_it_does_not_rebuild(tmp_path: Path):
    write_tree(tmp_path, COURSE)
    with serving(tmp_path, "--dirty") as served:
        site = served.url
        wait_for(f"{site}/", "Selamat datang.")
        bank = tmp_path / "quizzes/dasar.yml"
        edit(bank, *BROKEN_BANK, f"{site}/", shows="<code>quizzes/dasar.yml:5</code>")
        _fix(bank, BROKEN_BANK)
        _wait_without_banner(f"{site}/")  # not rebuilt either
        _wait_without_banner(f"{site}/a/")
