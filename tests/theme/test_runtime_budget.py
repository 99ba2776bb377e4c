"""The browser runtime stays small, dependency-free and free of eval and inline handlers."""

import gzip
import re
from pathlib import Path

from asah import theme

ASSETS = Path(theme.__file__).parent
QUIZ_BUDGET = 10 * 1024  # bytes, gzip, JS + CSS of the quiz runtime
EVERY_PAGE_BUDGET = 10 * 1024  # what Asah adds to every page; the page-weight budget is 15 KB
APP_BUDGET = 8 * 1024  # what an app page (kemajuan/, penilaian-diri/) loads on top
# the progress page also makes the file a learner hands in (export version 2) and the activity
# history for SIASN (progress/export.js)
APP_BUDGETS = {"progress": 10 * 1024}


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def parts(feature: str, kind: int) -> list[str]:
    return [theme.ASSETS + p for p in theme.EVERY_PAGE[feature][kind]]


def every_page_script() -> str:
    return theme.bundle([*parts("quiz", 0), *parts("paths", 0)])


def test_quiz_runtime_fits_its_budget():
    script = theme.bundle([theme.ASSETS + p for p in theme.quiz_parts()])
    total = gzipped(script) + gzipped(theme.bundle([theme.ASSETS + "quiz/quiz.css"]))
    print(f"quiz runtime: {total} bytes gzip")
    assert total <= QUIZ_BUDGET


def test_every_question_type_has_its_browser_module():
    from asah.quiz import types

    names = {Path(p).stem for p in theme.quiz_parts() if p.startswith("quiz/types/")}
    assert set(types.NAMES) <= names


def test_what_every_page_loads_fits_its_budget():
    style = theme.bundle(
        [*parts("competencies", 1), *parts("quiz", 1), *parts("paths", 1), *parts("fixes", 1)]
    )
    total = gzipped(every_page_script()) + gzipped(style)
    print(f"runtime on every page: {total} bytes gzip in 2 files")
    assert total <= EVERY_PAGE_BUDGET


def test_app_pages_load_little_more():
    for app, (scripts, styles) in theme.APP_PARTS.items():
        total = gzipped(theme.bundle([theme.ASSETS + p for p in scripts])) + gzipped(
            theme.bundle([theme.ASSETS + p for p in styles])
        )
        print(f"{app} app: {total} bytes gzip")
        assert total <= APP_BUDGETS.get(app, APP_BUDGET), app


def test_bundles_keep_every_component_and_its_order():
    script = every_page_script()
    assert script.count("window.AsahStore=") == 1  # store.js once, though both features use it
    assert script.index("window.AsahLoader=") < script.index("window.AsahStore=")
    # loaded where an element asks for them: quizzes, lessons' end, path pages, the apps
    assert "AsahQuizTypes" not in script and "AsahProgress" not in script
    assert "/*" not in script  # comments are not shipped
    for parts in (theme.LESSON_PARTS, theme.PATHS_PARTS, *(a[0] for a in theme.APP_PARTS.values())):
        loaded = theme.bundle([theme.ASSETS + p for p in parts])
        assert loaded.index("AsahProgress=") < loaded.rindex("AsahProgress")  # record.js first


def test_what_a_lesson_loads_fits_its_budget():
    lesson = gzipped(theme.bundle([theme.ASSETS + p for p in theme.LESSON_PARTS]))
    print(f"lesson end: {lesson} bytes gzip")
    assert lesson <= 2 * 1024


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
