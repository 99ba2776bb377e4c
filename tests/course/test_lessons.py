import textwrap

from asah.core.diagnostics import Reporter
from asah.course import framework
from asah.course.course import Course, check_prerequisites, find_cycles
from asah.course.lessons import read_page

ASN = framework.load_built_in("asn")


def read(source: str, path: str = "a.md"):
    reporter = Reporter()
    meta = read_page(
        path, f"content/{path}", textwrap.dedent(source).lstrip("\n"), ASN, 45, reporter
    )
    return meta, reporter.messages()


def test_full_lesson():
    meta, messages = read(
        """
        ---
        title: Pelajaran
        competencies:
          integritas: 2
          komunikasi: 1
        duration: 1h30m
        objectives:
          - Menjelaskan sesuatu
        prerequisites:
          - b.md
        ---
        Isi.
        """
    )
    assert messages == []
    lesson = meta.lesson
    assert lesson.competencies == {"integritas": 2, "komunikasi": 1}
    assert lesson.minutes == 90
    assert lesson.objectives == ["Menjelaskan sesuatu"]
    assert lesson.prerequisites == ["b.md"]
    assert lesson.title == "Pelajaran"


def test_competencies_as_a_list_have_no_level():
    meta, messages = read("---\ncompetencies: [integritas, komunikasi]\n---\n")
    assert messages == []
    assert meta.lesson.competencies == {"integritas": None, "komunikasi": None}


def test_page_without_competencies_is_not_a_lesson():
    meta, messages = read("---\ntitle: Beranda\nhide: [toc]\n---\n# Hai\n")
    assert meta.lesson is None and messages == []


def test_unknown_competency_with_suggestion():
    _, messages = read("---\ncompetencies:\n  integritass: 2\n  bebas: 1\n---\n")
    assert messages == [
        "content/a.md:3: unknown competency 'integritass' (did you mean 'integritas'?)",
        "content/a.md:4: unknown competency 'bebas'",
    ]


def test_level_must_be_1_to_5():
    _, messages = read(
        "---\ncompetencies:\n  integritas: 7\n  komunikasi: dua\n  kerja-sama: true\n---\n"
    )
    assert messages == [
        "content/a.md:3: level of 'integritas' must be an integer from 1 to 5, got 7",
        "content/a.md:4: level of 'komunikasi' must be an integer from 1 to 5, got 'dua'",
        "content/a.md:5: level of 'kerja-sama' must be an integer from 1 to 5, got true",
    ]


def test_malformed_duration():
    _, messages = read("---\ncompetencies: [integritas]\nduration: 1,5 jam\n---\n")
    assert messages == [
        "content/a.md:3: duration '1,5 jam' is not a duration; "
        "expected minutes (45), '90m', '1h30m' or '2 JP'"
    ]


def test_objectives_not_a_list():
    _, messages = read("---\ncompetencies: [integritas]\nobjectives: Memahami phishing\n---\n")
    assert messages == [
        "content/a.md:3: 'objectives' must be a list of sentences (one '- ' item per objective)"
    ]


def test_unknown_front_matter_keys_near_ours():
    _, messages = read(
        "---\ncompetencies: [integritas]\nprerequisite: [b.md]\ndurasi: 45\ntags: [x]\n---\n"
    )
    assert messages == [
        "content/a.md:3: unknown front-matter key 'prerequisite' (did you mean 'prerequisites'?)",
        "content/a.md:4: unknown front-matter key 'durasi' (did you mean 'duration'?)",
    ]


def test_theme_keys_are_not_misspellings():
    _, messages = read(
        "---\ntitle: T\ndescription: D\nstatus: new\ncompetencies: [integritas]\n---\n"
    )
    assert messages == []


def test_misspelt_competencies_key_on_a_page_is_reported():
    meta, messages = read("---\ncompetences:\n  integritas: 1\n---\n")
    assert meta.lesson is None
    assert messages == [
        "content/a.md:2: unknown front-matter key 'competences' (did you mean 'competencies'?)"
    ]


def test_front_matter_yaml_error():
    _, messages = read("---\ntitle: [Judul\ncompetencies: [integritas]\n---\n")
    assert messages == [
        "content/a.md:2: front matter is not valid YAML: the '[' opened on this line is not "
        "closed with ']'; close it, or put the text in quotes if it starts with '['"
    ]


def _course(**lessons: str) -> tuple[Course, Reporter]:
    course, reporter = Course(framework=ASN), Reporter()
    for name, source in lessons.items():
        meta = read_page(f"{name}.md", f"content/{name}.md", source, ASN, 45, reporter)
        course.lessons[f"{name}.md"] = meta.lesson
    return course, reporter


def lesson(*prerequisites: str) -> str:
    lines = "".join(f"  - {p}\n" for p in prerequisites)
    return f"---\ncompetencies: [integritas]\nprerequisites:\n{lines}---\n"


def test_missing_prerequisite_and_non_lesson():
    course, reporter = _course(a=lesson(), b=lesson("a-typo.md", "content/a.md", "index.md"))
    check_prerequisites(course, {"a.md", "b.md", "index.md"}, "content", reporter)
    assert reporter.messages() == [
        "content/b.md:4: prerequisite 'a-typo.md' does not exist (did you mean 'a.md'?); "
        "expected a lesson path relative to content/",
        "content/b.md:6: prerequisite 'index.md' is not a lesson (its front matter has no "
        "'competencies')",
    ]
    assert course.lessons["b.md"].prerequisites == ["a.md"]


def test_cycles_are_named():
    course, reporter = _course(
        a=lesson("c.md"), b=lesson("a.md"), c=lesson("b.md"), d=lesson("d.md")
    )
    check_prerequisites(course, set(course.lessons), "content", reporter)
    assert reporter.messages() == [
        "content/a.md:4: prerequisite cycle: a.md → c.md → b.md → a.md; "
        "a lesson cannot require itself",
        "content/d.md:4: prerequisite cycle: d.md → d.md; a lesson cannot require itself",
    ]
    assert len(find_cycles(course)) == 2


def test_a_repeated_key_is_reported_not_dropped():
    _, messages = read("---\ncompetencies: [integritas]\nduration: 45\nduration: 90\n---\n")
    assert messages == ["content/a.md:4: key 'duration' appears twice (first at line 3)"]
