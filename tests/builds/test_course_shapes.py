"""Asah on courses unlike its own: an English course titled only in `nav:`, exercises inside
collapsibles, admonitions, tabs, block quotes and `details`, its own palette; other languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import build_tree, write_tree

ENGLISH = """\
site_name: Data Skills
docs_dir: docs
theme:
  name: material
  language: en
  font: false
  palette:
    primary: red
    accent: red
plugins:
  - search
  - asah/competencies:
      framework: competencies.yml
  - asah/quiz
  - asah/paths:
      paths_file: paths.yml
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.blocks.details
  - pymdownx.tabbed:
      alternate_style: true
nav:
  - Home: index.md
  - Week 1:
    - Getting started: week1/intro.md
    - Cleaning data: week1/cleaning.md
    - week1/reshaping.md
"""
FRAMEWORK = """
groups:
  - id: data
    name: Data
    competencies:
      - {id: data-cleaning, name: Data cleaning}
"""
PATHS = """
paths:
  - id: first-week
    title: First week
    steps: [week1/intro.md, week1/cleaning.md, week1/reshaping.md, {quiz: basics}]
"""
BANK = """
title: Basics
questions:
  - id: pandas
    type: single
    prompt: What is *pandas*?
    options:
      - {text: "A Python library", correct: true}
      - {text: "A bear"}
"""
INTRO = """\
---
competencies: {data-cleaning: 1}
duration: 90
---
```python
# load the data
import pandas
```

??? question "Exercise 1"
    /// quiz
    questions:
      - {id: lib, type: truefalse, prompt: pandas is a library., answer: true}
    ///

???+ note "Exercise 2"
    /// quiz
    questions:
      - {id: two, type: truefalse, prompt: Two., answer: true}
    ///

!!! tip
    /// quiz
    questions:
      - {id: three, type: truefalse, prompt: Three., answer: true}
    ///

=== "Python"
    /// quiz | basics
    ///

=== "R"
    Not yet.

> /// quiz
> questions:
>   - {id: quoted, type: truefalse, prompt: Quoted., answer: true}
> ///

//// details | Summary
    type: note

/// quiz
questions:
  - {id: nested, type: truefalse, prompt: Nested., answer: true}
///
////

<details markdown>
<summary>More</summary>

/// quiz
questions:
  - {id: html, type: truefalse, prompt: In HTML., answer: true}
///

</details>

```markdown
/// quiz | not-a-quiz
///
```
"""
CLEANING = """\
---
competencies: {data-cleaning: 2}
prerequisites: [week1/intro.md]
---
Text without a heading.
"""
RESHAPING = """\
---
competencies: {data-cleaning: 2}
prerequisites: [week1/cleaning.md]
---
# Reshaping *tables*

Text.
"""


def english_files() -> dict[str, str]:
    return {
        "mkdocs.yml": ENGLISH,
        "competencies.yml": FRAMEWORK,
        "paths.yml": PATHS,
        "quizzes/basics.yml": BANK,
        "docs/index.md": "# Data Skills\n",
        "docs/week1/intro.md": INTRO,
        "docs/week1/cleaning.md": CLEANING,
        "docs/week1/reshaping.md": RESHAPING,
    }


def english_course(root: Path, **changes: str):
    write_tree(root, {**english_files(), **changes})
    return build_tree(root, strict=True)


def test_quizzes_render_inside_every_kind_of_block(tmp_path: Path):
    result = english_course(tmp_path)
    assert result.error is None and result.warnings == []
    html = result.page("week1/intro")
    quizzes = re.findall(r'data-asah-quiz="([^"]+)"', html)
    assert quizzes == [f"week1/intro.md#{n}" for n in range(1, 4)] + ["basics"] + [
        f"week1/intro.md#{n}" for n in range(4, 7)
    ]
    assert "/// quiz" not in html.replace("/// quiz | not-a-quiz", "")  # none left as text
    assert "/// quiz | not-a-quiz" in html  # the example in a code block stays an example
    # each quiz is inside its block: the collapsible, the tab, the quote, the HTML details
    assert re.search(r'<details class="question">.*?data-asah-quiz="week1/intro.md#1"', html, re.S)
    assert re.search(r'class="tabbed-block">\s*<section class="asah-quiz"', html)
    assert re.search(r"<blockquote>\s*<section class=\"asah-quiz\"", html)


def test_titles_come_from_the_nav_then_the_first_heading_then_the_file(tmp_path: Path):
    result = english_course(tmp_path)
    data = json.loads((result.site / "course.json").read_text("utf-8"))
    titles = {lesson["path"]: lesson["title"] for lesson in data["lessons"]}
    assert titles == {
        "week1/intro.md": "Getting started",  # nav (not the comment in its code block)
        "week1/cleaning.md": "Cleaning data",  # nav
        "week1/reshaping.md": "Reshaping tables",  # its first heading
    }
    path = result.page("paths/first-week")
    assert ">Getting started</a>" in path and ">Cleaning data</a>" in path
    competency = result.page("competencies/data-cleaning")
    assert ">Cleaning data</a>" in competency and ">Reshaping tables</a>" in competency
    reshaping = result.page("week1/reshaping")
    assert '<a href="../../week1/cleaning/">Cleaning data</a>' in reshaping  # prerequisite
    assert "&#8592; Previous: Cleaning data</a>" in reshaping
    assert "Next: Basics &#8594;</a>" in reshaping
    assert "week1/intro.md" not in re.sub(r'data-asah-[a-z-]+="[^"]*"', "", path)


def test_an_english_course_gets_an_english_course(tmp_path: Path):
    result = english_course(tmp_path)
    site = result.site
    assert {p.name for p in site.iterdir() if p.is_dir()} >= {
        "competencies",
        "paths",
        "progress",
        "self-assessment",
    }
    assert not any((site / name).exists() for name in ("kompetensi", "jalur", "kemajuan"))
    # only the course's own competency: no built-in ASN framework on an English site
    assert sorted(p.name for p in (site / "competencies").iterdir()) == [
        "data-cleaning",
        "index.html",
    ]
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert not any("Integritas" in doc["title"] for doc in index["docs"])
    lesson = result.page("week1/intro")
    assert "90 minutes</dd>" in lesson and "JP" not in lesson.split('class="md-content"')[1]
    nav = re.findall(
        r'class="md-nav__link[^>]*>\s*<span class="md-ellipsis">\s*([^<]*?)\s*<', result.page("")
    )
    assert nav[-4:] == ["Competency framework", "Learning paths", "Self-assessment", "My progress"]


def test_asah_adds_only_pages_with_something_on_them(tmp_path: Path):
    result = english_course(tmp_path, **{"paths.yml": "paths: []\n"})
    assert result.error is None
    assert not (result.site / "paths").exists()
    assert "Learning paths" not in result.page("")


def test_a_quiz_that_cannot_be_placed_is_an_error_not_text(tmp_path: Path):
    # raw HTML is passed through as it is: Markdown does not look inside it
    page = (
        "---\ncompetencies: [data-cleaning]\n---\nText\n\n<div>\n/// quiz | basics\n///\n</div>\n"
    )
    result = english_course(tmp_path, **{"docs/week1/cleaning.md": page})
    assert result.warnings == [
        "asah: docs/week1/cleaning.md:7: this quiz block could not be placed where it is "
        "written (it ended up in code or in text shown as it is); put it at the left margin, "
        "or indented inside an admonition, a collapsible or a content tab"
    ]
    assert "asahquiz" not in result.page("week1/cleaning")


def test_another_language_gets_the_english_interface_and_one_line_saying_so(tmp_path: Path):
    result = english_course(
        tmp_path, **{"mkdocs.yml": ENGLISH.replace("language: en", "language: fr")}
    )
    assert result.error is None
    assert (
        result.infos.count(
            "asah: no interface strings for language 'fr': Asah's pages are in English "
            "(a translation is one file, plugins/asah/locales/fr.yml: see docs/locales.md)"
        )
        == 1
    )
    assert "Prerequisites</dt>" in result.page("week1/cleaning")
    assert (result.site / "competencies").is_dir()


def test_an_indonesian_course_without_a_framework_file_gets_the_asn_framework(tmp_path: Path):
    config = ENGLISH.replace("language: en", "language: id")
    result = english_course(
        tmp_path,
        **{
            "mkdocs.yml": config.replace("      framework: competencies.yml\n", ""),
            "docs/week1/intro.md": INTRO.replace("data-cleaning", "integritas"),
            "docs/week1/cleaning.md": CLEANING.replace("data-cleaning", "integritas"),
            "docs/week1/reshaping.md": RESHAPING.replace("data-cleaning", "integritas"),
        },
    )
    assert result.error is None and result.warnings == []
    assert (result.site / "kompetensi" / "integritas" / "index.html").exists()
    assert "90 menit &#183; 2 JP" in result.page("week1/intro")
