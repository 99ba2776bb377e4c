"""The pages Asah generates: which, where, and the Markdown stub each starts from (its HTML is
made by the feature's renderer once the page is built)."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

MARKER = "<!-- asah:generated -->"
# Pages listed in the navigation (the others are reached from them), in the order Asah adds them.
LISTED = ("framework", "paths", "assessment", "progress", "glossary")
# kind → (feature, strings key of the title, strings key of the description)
KINDS = {
    "framework": ("competencies", "competency_framework", "competency_overview_description"),
    "competency": ("competencies", "", ""),
    "paths": ("paths", "paths_title", "paths_description"),
    "path": ("paths", "", ""),
    "quiz": ("paths", "", ""),
    "progress": ("paths", "progress_title", "progress_description"),
    "assessment": ("paths", "assess_title", "assess_description"),
    "glossary": ("search", "glossary_title", "glossary_description"),
}


# the setting (Settings.url) that names the folder of each kind of page
FOLDER = {
    "framework": "competencies",
    "competency": "competencies",
    "paths": "paths",
    "path": "paths",
    "quiz": "quiz",
    "progress": "progress",
    "assessment": "assessment",
    "glossary": "glossary",
}


@dataclass(frozen=True)
class GeneratedPage:
    src: str  # relative to the docs folder, e.g. "kompetensi/index.md"
    kind: str  # one of KINDS
    key: str  # competency, path or bank id; "" for the overview pages
    title: str
    description: str = ""

    @property
    def feature(self) -> str:
        return KINDS[self.kind][0]

    @property
    def listed(self) -> bool:
        return self.kind in LISTED

    def markdown(self, intro: str = "") -> str:
        """The stub MkDocs reads: the title and description, then a marker the page's HTML
        replaces; a quiz page holds the quiz block itself."""
        meta = {
            "title": self.title,
            **({"description": self.description} if self.description else {}),
        }
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        body = f"{intro}\n\n/// quiz | {self.key}\n///\n" if self.kind == "quiz" else MARKER
        return f"---\n{front}---\n\n{body}\n"


def source_path(folder: str, key: str = "") -> str:
    """Where a generated page stands among the docs: `<folder>/index.md` or `<folder>/<key>.md`."""
    return f"{folder.strip('/')}/{key or 'index'}.md"
