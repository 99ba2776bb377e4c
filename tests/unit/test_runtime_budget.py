"""The browser runtime stays small, dependency-free and free of eval and inline handlers."""

import gzip
import re
from pathlib import Path

from asah import theme
from asah.quiz import plugin as quiz_plugin

ASSETS = Path(theme.__file__).parent
QUIZ_BUDGET = 12 * 1024  # bytes, gzip, JS + CSS of the quiz runtime


def gzipped(uri: str) -> int:
    return len(gzip.compress(theme.asset_path(uri).read_bytes(), compresslevel=9))


def test_quiz_runtime_fits_its_budget():
    files = [*quiz_plugin.RUNTIME, quiz_plugin.STYLESHEET]
    total = sum(gzipped(uri) for uri in files)
    print(f"quiz runtime: {total} bytes gzip ({', '.join(files)})")
    assert total <= QUIZ_BUDGET


EVERY_PAGE_BUDGET = 15 * 1024  # what Asah adds to every page (issue 5: stock + 15 KB)


def test_what_every_page_loads_fits_its_budget():
    from asah.paths import plugin as paths_plugin

    files = {
        theme.STYLESHEET,
        *quiz_plugin.RUNTIME,
        quiz_plugin.STYLESHEET,
        *paths_plugin.RUNTIME,
        *paths_plugin.STYLESHEETS,
    }
    total = sum(gzipped(uri) for uri in files)
    print(f"runtime on every page: {total} bytes gzip in {len(files)} files")
    assert total <= EVERY_PAGE_BUDGET


def test_no_eval_no_modules_no_dependencies():
    for script in ASSETS.rglob("*.js"):
        text = script.read_text("utf-8")
        assert not re.search(r"\beval\s*\(|new Function\s*\(", text), script
        assert not re.search(r"^\s*(import|export)\s", text, re.MULTILINE), script
        assert "require(" not in text, script
        assert "innerHTML" not in text, script


def test_templates_have_no_inline_handlers_or_scripts():
    templates = Path(theme.__file__).parent.parent / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text("utf-8")
        assert not re.search(r"\son[a-z]+=", text), template
        assert "<script>" not in text and "javascript:" not in text, template
