"""Write the built-in ASN framework's competencies and levels into the author guide, between
`<!-- asah-asn-ids:start -->` and `<!-- asah-asn-ids:end -->`, from the framework Asah ships
(plugins/asah/course/data/asn.yml). tests/guide/test_asn_ids.py fails when the guide is behind.

    .venv/bin/python scripts/guide_asn_ids.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from asah.course.framework import Framework, load_built_in

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "id": ROOT / "docs/guide/id/kompetensi.md",
    "en": ROOT / "docs/guide/en/competencies.md",
}
HEADERS = {
    "id": (("id", "kode", "nama", "kelompok"), ("level", "arti")),
    "en": (("id", "code", "name", "group"), ("level", "meaning")),
}
BLOCK = re.compile(r"(<!-- asah-asn-ids:start -->\n).*?(<!-- asah-asn-ids:end -->)", re.DOTALL)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def tables(language: str, framework: Framework | None = None) -> str:
    """The two tables, as the guide in `language` shows them."""
    framework = framework or load_built_in("asn")
    competency_header, level_header = HEADERS[language]
    lines = [_row(competency_header), _row(("---",) * len(competency_header))]
    for group in framework.groups:
        for competency in group.competencies:
            code = competency.code or "—"
            lines.append(_row((f"`{competency.id}`", code, competency.name, group.name)))
    lines += ["", _row(level_header), _row(("---",) * len(level_header))]
    lines += [_row((str(level), label)) for level, label in sorted(framework.level_labels.items())]
    return "\n".join(lines) + "\n"


def current(language: str) -> str | None:
    """What the guide in `language` shows between the markers now (None: no markers)."""
    found = BLOCK.search(PAGES[language].read_text("utf-8"))
    return found.group(0)[len(found.group(1)) : -len(found.group(2))] if found else None


def write(language: str) -> bool:
    """Rewrite the tables of one page; True when it changed."""
    page = PAGES[language]
    text = page.read_text("utf-8")
    if not BLOCK.search(text):
        raise SystemExit(f"{page}: no <!-- asah-asn-ids:start --> ... end --> markers")
    new = BLOCK.sub(lambda m: m.group(1) + tables(language) + m.group(2), text)
    page.write_text(new, "utf-8")
    return new != text


def main() -> int:
    for language in PAGES:
        changed = write(language)
        print(f"{PAGES[language].relative_to(ROOT)}: {'updated' if changed else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
