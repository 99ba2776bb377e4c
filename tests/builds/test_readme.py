"""The README's `mkdocs.yml` snippets (each marked by an HTML comment naming this file, in the
Indonesian and the English part) build a course `--strict` as they are written, and their
`nav:` keeps Asah's pages after the course's modules."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import build_tree, write_tree

ROOT = Path(__file__).resolve().parents[2]
MARKED = re.compile(
    r"<!--[^>]*tests/builds/test_readme\.py[^>]*-->\n```yaml\n(.*?)\n```", re.DOTALL
)


def snippets() -> list[str]:
    return MARKED.findall((ROOT / "README.md").read_text("utf-8"))


def test_the_readme_marks_its_configurations():
    found = snippets()
    assert len(found) == 2  # Bahasa Indonesia and English
    languages = [yaml.safe_load(text)["theme"]["language"] for text in found]
    assert languages == ["id", "en"]


def _nav_files(nav: list) -> list[str]:
    files = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        files += _nav_files(value) if isinstance(value, list) else [value]
    return files


def _plugin(config: dict, name: str) -> dict:
    for entry in config["plugins"]:
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return {}


def course_for(snippet: str) -> dict[str, str]:
    """A small course with the files the configuration names: the pages of its `nav`, a quiz
    bank embedded in a lesson, a framework file, a path."""
    config = yaml.safe_load(snippet)
    docs = config["docs_dir"]
    files = {"mkdocs.yml": snippet + "\n"}
    lessons = []
    for name in _nav_files(config["nav"]):
        title = Path(name).stem.replace("-", " ").capitalize()
        if Path(name).name == "index.md":
            files[f"{docs}/{name}"] = f"# {Path(name).parent.name or 'Kursus'}\n\nPengantar.\n"
            continue
        lessons.append(name)
        files[f"{docs}/{name}"] = (
            f"---\ntitle: {title}\ncompetencies: {{integritas: {len(lessons)}}}\nduration: 45\n"
            f"---\nIsi pelajaran {title}.\n"
        )
    quiz = "/// quiz | dasar\n///\n"
    files[f"{docs}/{lessons[0]}"] += f"\n## Latihan\n\n{quiz}"
    files[f"{_plugin(config, 'asah/quiz').get('banks_dir', 'quizzes')}/dasar.yml"] = """\
        title: Cek
        questions:
          - id: kata-sandi
            type: single
            prompt: Kata sandi yang kuat?
            options:
              - {text: '`Tr0ub4dor&3` panjang dan acak', correct: true}
              - text: Tanggal lahir
        """
    framework = _plugin(config, "asah/competencies").get("framework")
    files[framework] = "extends: asn\n"
    steps = ", ".join(lessons)
    files[_plugin(config, "asah/paths")["paths_file"]] = f"""\
        paths:
          - id: dasar
            title: Dasar
            steps: [{steps}, {{quiz: dasar}}]
        """
    return files


class _Nav(HTMLParser):
    """The addresses of the primary navigation, in order (no anchors of a page's contents)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        href = attributes.get("href") or ""
        if tag == "a" and "md-nav__link" in (attributes.get("class") or "") and "#" not in href:
            self.links.append(href)


@pytest.mark.parametrize("snippet", snippets(), ids=["id", "en"])
def test_the_readme_configuration_builds_strict_with_asah_pages_after_the_modules(
    tmp_path, snippet
):
    write_tree(tmp_path, course_for(snippet))
    result = build_tree(tmp_path, strict=True)
    assert result.error is None, result.error
    assert result.warnings == []

    config = yaml.safe_load(snippet)
    nav = _Nav()
    nav.feed((result.site / "index.html").read_text("utf-8"))
    links = [link.strip("./") for link in nav.links]
    modules = [
        str(Path(name).parent) if Path(name).name == "index.md" else name[: -len(".md")]
        for name in _nav_files(config["nav"])
    ]
    modules = [m for m in modules if m != "."]
    asah = (
        ["kompetensi", "jalur", "penilaian-diri", "kemajuan"]
        if config["theme"]["language"] == "id"
        else ["competencies", "paths", "self-assessment", "progress"]
    )
    for page in asah:
        assert (result.site / page / "index.html").exists(), page
    authors = [links.index(m) for m in modules]
    glossary = ["istilah", "glossary"]  # when the site has terms (the built-in ASN glossary)
    generated = [i for i, link in enumerate(links) if link.split("/")[0] in asah + glossary]
    assert generated, links
    assert max(authors) < min(generated), links
