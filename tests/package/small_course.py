"""A small English course unlike the example, for packages: titles only in `nav:`, a framework
of its own, a lesson whose quiz must be passed (`completion: quiz_passed`) and a final test
that no lesson embeds (its own page), in one path; `asah/offline` listed, as a site has it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_tree

FILES = {
    "mkdocs.yml": """
        site_name: Data Basics
        site_description: Reading *tables* and charts at work.
        docs_dir: docs
        theme:
          name: material
          language: en
          font: false
        plugins:
          - asah/competencies:
              framework: competencies.yml
          - asah/quiz:
              banks_dir: banks
          - asah/paths:
              paths_file: paths.yml
              completion: quiz_passed
          - asah/offline
        nav:
          - Welcome: index.md
          - Reading tables: tables.md
          - Charts that tell: charts.md
        """,
    "competencies.yml": """
        groups:
          - id: data
            name: Data skills
            competencies:
              - id: data-literacy
                name: Data literacy
        """,
    "paths.yml": """
        paths:
          - id: basics
            title: Data basics
            description: Two short lessons and a **check**.
            steps:
              - tables.md
              - charts.md
              - quiz: check
        """,
    "banks/check.yml": """
        title: Check your reading
        pass: 100
        questions:
          - id: axis
            type: truefalse
            prompt: A bar chart's value axis should start at zero.
            answer: true
        """,
    "docs/index.md": """
        Welcome. Start with the path.
        """,
    "docs/tables.md": """
        ---
        competencies: {data-literacy: 1}
        duration: 20
        ---
        Rows are records, columns are fields.
        """,
    "docs/charts.md": """
        ---
        competencies: {data-literacy: 2}
        duration: 25
        ---
        A chart shows one message.

        /// quiz
        questions:
          - id: parts
            type: single
            prompt: Which chart shows the parts of a whole?
            options:
              - text: A line chart
              - text: A pie chart
                correct: true
        ///
        """,
}


def write_small_course(root: Path) -> Path:
    """The course in `root`; its config file."""
    write_tree(root, FILES)
    return root / "mkdocs.yml"
