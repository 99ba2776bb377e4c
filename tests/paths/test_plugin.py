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
    # a bank embedded in a lesson links to its quiz there; another gets its own quiz page
    assert 'href="../../kuis/akhir/?jalur=jalan">Akhir</a>' in page
    assert '<a href="../../b/?jalur=jalan#asah-quiz-1">Akhir</a> <span class="asah-muted">' in page
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
    assert banks["akhir"]["url"] == "kuis/akhir/" and banks["tertanam"]["url"] == "b/#asah-quiz-1"
    assert [s["url"] for s in paths["jalan"]["steps"]] == [
        "a/",
        "b/",
        "kuis/akhir/",
        "b/#asah-quiz-1",
    ]


def test_lesson_footer_knows_its_paths(course):
    result = course(COURSE)
    page = result.page("b")
    assert 'data-asah-done="b.md"' in page
    assert (
        '<li data-asah-path="jalan"><span class="asah-pathnav__where">Langkah 2 dari 4 &#183; '
        '<a href="../jalur/jalan/">Jalan</a></span> <a class="asah-pathnav__prev" rel="prev" '
        'href="../a/?jalur=jalan">&#8592; Sebelumnya: Satu</a> <a class="asah-pathnav__next '
        'md-button md-button--primary" rel="next" href="../kuis/akhir/?jalur=jalan">'
        "Berikutnya: Akhir &#8594;</a></li>"
    ) in page  # dots and arrows as references: the page stays narrow (templates.narrow)
    assert 'data-asah-path="jujur"' in page


def test_a_quiz_page_knows_its_place_in_paths(course):
    """The bank taken on its own page, step 3 of 4: its previous and next steps; the last step
    (the quiz in lesson b, away from b's own step) leads back to the path's page."""
    result = course(COURSE)
    quiz_page = result.page("kuis/akhir")
    assert (
        '<li data-asah-path="jalan"><span class="asah-pathnav__where">Langkah 3 dari 4 &#183; '
        '<a href="../../jalur/jalan/">Jalan</a></span> <a class="asah-pathnav__prev" rel="prev" '
        'href="../../b/?jalur=jalan">&#8592; Sebelumnya: Dua</a> <a class="asah-pathnav__next '
        'md-button md-button--primary" rel="next" href="../../b/?jalur=jalan#asah-quiz-1">'
        "Berikutnya: Akhir &#8594;</a></li>"
    ) in quiz_page
    assert "data-asah-done" not in quiz_page  # a quiz counts when passed: no "mark as done"
    lesson_b = result.page("b")
    # b holds two places on the path: its own step 2, and step 4 (its quiz), not next to it
    assert (
        '<li data-asah-path="jalan" data-asah-anchors="asah-quiz-1"><span '
        'class="asah-pathnav__where">Langkah 4 dari 4 &#183; <a href="../jalur/jalan/">Jalan</a>'
        '</span> <a class="asah-pathnav__prev" rel="prev" href="../kuis/akhir/?jalur=jalan">'
        '&#8592; Sebelumnya: Akhir</a> <a class="asah-pathnav__end md-button" '
        'href="../jalur/jalan/">Akhir jalur: kembali ke Jalan &#8594;</a></li>'
    ) in lesson_b


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
        "asah: site_config/paths.yml:4: pelajaran 'z.md' di jalur 'x' tidak dikenal (maksud Anda "
        "'c.md'?); diharapkan path pelajaran relatif terhadap content/"
    ]


def test_one_mistake_gives_one_message_in_a_build(course):
    """A lesson whose front matter cannot be read, and a bank that cannot be read: the paths,
    prerequisites and quiz blocks that name them add nothing to their own messages."""
    files = dict(COURSE)
    files["content/a.md"] = "---\ntitle: Satu: awal\ncompetencies: {integritas: 1}\n---\nIsi.\n"
    files["quizzes/tertanam.yml"] = "title: 'Tertanam\nquestions: []\n"
    result = course(files)
    assert result.warnings == [
        "asah: content/a.md:2: front matter bukan YAML yang sah: ada titik dua yang diikuti "
        'spasi di dalam teks; beri tanda kutip pada seluruh teksnya (title: "Kata sandi: '
        'dasar-dasarnya")'
    ]
    assert result.error == (
        "quizzes/tertanam.yml:1: kesalahan sintaks YAML: tanda kutip ' yang membuka teks di baris "
        "ini tidak pernah ditutup; akhiri teksnya dengan '"
    )


# A course unlike the example: English, pages as `name.html`, a bank embedded in two lessons
# (after an inline quiz in the second), a path that takes it in the second, and a path that
# starts with it (a warm-up before the lesson that holds it).
FIELD = {
    "mkdocs.yml": """\
site_name: Field Work
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  language: en
  font: false
  features: [navigation.instant]
plugins:
  - search
  - asah/competencies:
      framework: competencies.yml
  - asah/quiz
  - asah/paths:
      paths_file: paths.yml
""",
    "competencies.yml": (
        "groups:\n  - id: field\n    name: Field\n    competencies:\n"
        "      - {id: survey, name: Surveying}\n"
    ),
    "quizzes/check.yml": (
        "title: Site check\nquestions:\n"
        "  - {id: safe, type: truefalse, prompt: Is the site safe?, answer: true}\n"
    ),
    "paths.yml": """
paths:
  - id: field
    title: Field day
    steps: [b.md, {quiz: check}, c.md]
  - id: warm-up
    title: Warm-up first
    steps: [{quiz: check}, b.md, c.md]
""",
    "docs/index.md": "# Field Work\n",
    "docs/a.md": lesson("Reading the map", "{survey: 1}", body="\n/// quiz | check\n///\n"),
    "docs/b.md": lesson(
        "Walking the site",
        "{survey: 2}",
        body="".join(f"\nParagraph {n} about walking the site.\n" for n in range(40))
        + "\n/// quiz\nquestions:\n  - {id: own, type: truefalse, prompt: Own., answer: true}\n"
        "///\n\n/// quiz | check\n///\n",
    ),
    "docs/c.md": lesson("Writing it up", "{survey: 2}"),
}


def test_a_quiz_step_goes_to_the_quiz_in_the_lesson_of_the_path(course):
    result = course(FIELD, strict=True)
    assert result.error is None and result.warnings == []
    lesson_b = (result.site / "b.html").read_text("utf-8")
    assert 'id="asah-quiz-2" data-asah-quiz="check"' in lesson_b
    path = (result.site / "paths" / "field.html").read_text("utf-8")
    # not a.html, the first lesson that embeds the bank: the lesson of this path
    assert '<a href="../b.html?path=field#asah-quiz-2">Site check</a>' in path
    warm_up = (result.site / "paths" / "warm-up.html").read_text("utf-8")
    assert '<a href="../b.html?path=warm-up#asah-quiz-2">Site check</a>' in warm_up
    data = json.loads((result.site / "course.json").read_text("utf-8"))
    assert {b["id"]: b["url"] for b in data["banks"]} == {"check": "a.html#asah-quiz-1"}
    assert [s["url"] for s in data["paths"][0]["steps"]] == [
        "b.html",
        "b.html#asah-quiz-2",
        "c.html",
    ]


def test_next_on_a_lesson_goes_past_its_own_quiz(course):
    result = course(FIELD)
    lesson_b = (result.site / "b.html").read_text("utf-8")
    # the quiz step is on this page: a link to it, and "next" is the step after it
    assert (
        '<li data-asah-path="field"><span class="asah-pathnav__where">Step 1 of 3 &#183; '
        '<a href="paths/field.html">Field day</a></span> <a class="asah-pathnav__here" '
        'href="#asah-quiz-2">Step 2 is on this page: Site check &#8593;</a> '
        '<a class="asah-pathnav__next md-button md-button--primary" rel="next" '
        'href="c.html?path=field">Next: Writing it up &#8594;</a></li>'
    ) in lesson_b
    assert (
        '<li data-asah-path="warm-up"><span class="asah-pathnav__where">Step 2 of 3 &#183; '
        '<a href="paths/warm-up.html">Warm-up first</a></span> <a class="asah-pathnav__here" '
        'href="#asah-quiz-2">Step 1 is on this page: Site check &#8593;</a> '
        '<a class="asah-pathnav__next md-button md-button--primary" rel="next" '
        'href="c.html?path=warm-up">Next: Writing it up &#8594;</a></li>'
    ) in lesson_b
    lesson_c = (result.site / "c.html").read_text("utf-8")
    # from the next lesson, "previous" is the quiz, on the lesson that holds it
    assert (
        '<a class="asah-pathnav__prev" rel="prev" href="b.html?path=field#asah-quiz-2">'
        "&#8592; Previous: Site check</a>"
    ) in lesson_c
    lesson_a = (result.site / "a.html").read_text("utf-8")
    assert "asah-pathnav" not in lesson_a  # on no path, though it embeds the bank
