"""`asah serve --engine zensical` shows the course's problems as `mkdocs serve` does: the last
good pages with the problems in a banner on every page, gone once they are fixed."""

from __future__ import annotations

from pathlib import Path

from tests.builds.test_preview import BROKEN_BANK, _banner, _fix, _wait_without_banner
from tests.conftest import write_tree
from tests.engines.test_zensical import ZENSICAL_SERVE
from tests.serving import COURSE, edit, serving, wait_for


def test_zensical_preview_shows_the_problem_on_every_page_until_it_is_fixed(tmp_path: Path):
    write_tree(tmp_path, COURSE)
    with serving(tmp_path, command=ZENSICAL_SERVE, keep_output=True) as served:
        site = served.url
        wait_for(f"{site}/a/", "Kata sandi boleh dibagikan.", 90)
        bank = tmp_path / "quizzes/dasar.yml"
        lesson = edit(bank, *BROKEN_BANK, f"{site}/a/", shows="<!--asah:preview-->", seconds=60)
        assert "<code>quizzes/dasar.yml:5</code>" in _banner(lesson)
        assert "Kata sandi boleh dibagikan." in lesson  # the last good pages
        home = wait_for(f"{site}/", "<!--asah:preview-->")
        assert "<code>quizzes/dasar.yml:5</code>" in _banner(home)
        _fix(bank, BROKEN_BANK)
        _wait_without_banner(f"{site}/a/", 60)
        _wait_without_banner(f"{site}/", 60)
    assert "quizzes/dasar.yml:5" in served.output and "Traceback" not in served.output
