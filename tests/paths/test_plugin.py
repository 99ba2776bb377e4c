"""Learning paths and the progress pages in real MkDocs builds."""

from __future__ import annotations

import json

from tests.conftest import MINIMAL_CONFIG

CONFIG = MINIMAL_CONFIG.replace("  - asah/quiz\n", "  - asah/quiz\n  - asah/paths\n")
BANK = "title: Akhir\nquestions:\n  - {id: a, type: truefalse, prompt: P, answer: true}\n"


def lesson(title: str, competencies: str, prerequisites: str = "", body: str = "") -> str:
    pre = f"prerequisites: [{prerequisites}]\n" if prerequisites else ""
    return (
        f"---\ntitle: {title}\nduration: 45\ncompetencies: {competencies}\n{pre}---\nIsi.\n{body}"
    )


COURSE = {
    "mkdocs.yml": CONFIG,
    "quizzes/akhir.yml": BANK,
    "quizzes/tertanam.yml": BANK,
    "content/index.md": "# Beranda\n",
    "content/a.md": lesson("Satu", "{integritas: 1}"),
    "content/b.md": lesson("Dua", "{integritas: 2}", "a.md", "\n/// quiz | tertanam\n///\n"),
    "content/c.md": lesson("Tiga", "{komunikasi: 1}"),
    "site_config/paths.yml": """
paths:
  - id: jalan
    title: Jalan
    steps: [a.md, b.md, {quiz: akhir}, {quiz: tertanam}]
  - id: jujur
    title: Jujur
    target: {integritas: 2}
""",
}


def test_path_pages_and_catalogue(course):
    result = course(COURSE, strict=True)
    assert result.error is None and result.warnings == []
    listing = result.page("jalur")
    assert '<a href="../jalur/jalan/">Jalan</a>' in listing
    page = result.page("jalur/jalan")
    assert '<a href="../../a/?jalur=jalan">Satu</a>' in page
    # a bank embedded in a lesson links to that lesson; another gets its own quiz page
    assert 'href="../../kuis/akhir/?jalur=jalan">Akhir</a>' in page
    assert '<a href="../../b/?jalur=jalan">Akhir</a> <span class="asah-muted">Kuis' in page
    assert (
        '<svg class="asah-path-picture" data-search-exclude role="img" '
        'aria-label="Gambar jalur dengan 4 langkah"' in page
    )
    assert "90 menit · 2 JP" in page
    quiz_page = result.page("kuis/akhir")
    assert 'data-asah-quiz="akhir"' in quiz_page
    assert not (result.site / "kuis" / "tertanam").exists()
    data = json.loads((result.site / "course.json").read_text("utf-8"))
    paths = {p["id"]: p for p in data["paths"]}
    assert paths["jujur"]["generated"] and [s["ref"] for s in paths["jujur"]["steps"]] == [
        "a.md",
        "b.md",
    ]
    assert paths["jalan"]["minutes"] == 90 and paths["jalan"]["jp"] == 2.0
    assert paths["jalan"]["competencies"] == [{"id": "integritas", "level": 2}]
    banks = {b["id"]: b for b in data["banks"]}
    assert banks["akhir"]["url"] == "kuis/akhir/" and banks["tertanam"]["url"] == "b/"


def test_lesson_footer_knows_its_paths(course):
    result = course(COURSE)
    page = result.page("b")
    assert 'data-asah-done="b.md"' in page
    assert (
        '<li data-asah-path="jalan"><span class="asah-pathnav__where">Langkah 2 dari 4 &#8212; '
        '<a href="../jalur/jalan/">Jalan</a></span> <a class="asah-pathnav__prev" rel="prev" '
        'href="../a/?jalur=jalan">&#8592; Sebelumnya: Satu</a> <a class="asah-pathnav__next" '
        'rel="next" href="../kuis/akhir/?jalur=jalan">Berikutnya: Akhir &#8594;</a></li>'
    ) in page  # dashes and arrows as references: the page stays narrow (templates.narrow)
    assert 'data-asah-path="jujur"' in page


def test_progress_and_assessment_pages_carry_the_course(course):
    result = course(COURSE)
    page = result.page("kemajuan")
    start = page.index('<script type="application/json" class="asah-course-data">') + 57
    data = json.loads(page[start : page.index("</script>", start)])
    assert 'data-asah-root="../"' in page
    assert data["site"] == "kursus-uji" and data["learner_fields"] == [
        "name",
        "nip",
        "unit",
        "position",
    ]
    course_json = json.loads((result.site / "course.json").read_text("utf-8"))
    # one serialiser: the browser's data is course.json without the texts it does not show
    assert [lesson["url"] for lesson in data["lessons"]] == [
        lesson["url"] for lesson in course_json["lessons"]
    ]
    assert "objectives" in course_json["lessons"][0] and "objectives" not in data["lessons"][0]
    assert [lesson["path"] for lesson in data["lessons"]] == ["a.md", "b.md", "c.md"]
    assert data["lessons"][1]["quizzes"] == ["tertanam"]
    assert {p["id"] for p in data["paths"]} == {"jalan", "jujur"}
    assert 'data-asah-app="assess"' in result.page("penilaian-diri")


def test_path_problems_are_reported(course):
    files = dict(COURSE)
    files["site_config/paths.yml"] = "paths:\n  - id: x\n    title: X\n    steps: [z.md]\n"
    result = course(files, strict=True)
    assert result.warnings == [
        "asah: site_config/paths.yml:4: unknown lesson 'z.md' in path 'x' (did you mean 'c.md'?); "
        "expected a lesson "
        "path relative to content/"
    ]
