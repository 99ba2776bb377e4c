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
