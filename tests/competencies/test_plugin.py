"""Build small courses with MkDocs and check pages, course.json and messages."""

from __future__ import annotations

import json

from tests.conftest import injections

FRAMEWORK = """
extends: asn
groups:
  - id: teknis
    name: Teknis
    competencies:
      - id: keamanan-informasi
        name: Keamanan Informasi
        description: Melindungi *data* kerja.
        levels: {1: Mengenali ancaman, 2: Mencegah ancaman}
"""

LESSON_A = """
---
title: Pengantar
competencies:
  keamanan-informasi: 1
duration: 2 JP
objectives:
  - Mengenali ancaman
---
Isi pelajaran.
"""

LESSON_B = """
---
title: Phishing
competencies:
  keamanan-informasi: 2
  integritas: 1
duration: 45
prerequisites:
  - a.md
---
# Phishing

Isi.
"""


def good_course(course, **extra):
    return course(
        {
            "site_config/competencies.yml": FRAMEWORK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON_A,
            "content/modul/b.md": LESSON_B,
            **extra,
        }
    )


def test_lesson_page_shows_badges_duration_objectives_prerequisites(course):
    result = course(
        {
            "site_config/competencies.yml": FRAMEWORK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON_A,
            "content/b.md": LESSON_B,
        },
        strict=True,
    )
    assert result.error is None and result.warnings == []
    html = result.page("b")
    assert (
        '<a class="asah-badge" data-asah-competency="keamanan-informasi" '
        'href="../kompetensi/keamanan-informasi/#level-2">'
    ) in html
    assert '<span class="asah-badge__level">Level 2</span>' in html
    assert 'data-asah-competency="integritas" href="../kompetensi/integritas/#level-1"' in html
    assert '<dd class="asah-duration" data-asah-minutes="45">45 menit &#183; 1 JP</dd>' in html
    assert '<li><a href="../a/">Pengantar</a></li>' in html
    # the header comes after the page's own H1
    assert html.index("<h1") < html.index('class="asah-lesson"')
    a = result.page("a")
    assert "90 menit &#183; 2 JP" in a and "<li>Mengenali ancaman</li>" in a


def test_competency_pages_and_matrix(course):
    result = course(
        {
            "site_config/competencies.yml": FRAMEWORK,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON_A,
            "content/b.md": LESSON_B,
        }
    )
    assert result.error is None and result.warnings == []
    overview = result.page("kompetensi")
    assert "<h1" in overview and "Kerangka Kompetensi" in overview
    # integritas has one lesson at level 1; keamanan-informasi one at 1 and one at 2
    assert (
        'href="../kompetensi/integritas/#level-1" aria-label="Integritas, Level 1: 1 pelajaran">'
        "1</a>"
    ) in overview
    assert overview.count('class="asah-cell asah-gap"') == 10 * 5 - 3
    # competencies with no lesson at all are listed as gaps
    assert (
        '<li><a href="../kompetensi/komunikasi/" data-asah-competency="komunikasi">'
        "Komunikasi</a></li>"
    ) in overview
    page = result.page("kompetensi/keamanan-informasi")
    assert "<p>Melindungi <em>data</em> kerja.</p>" in page
    assert '<h3 id="level-2">Level 2: Berkembang' in page
    assert (
        '<li><a href="../../b/">Phishing</a> <span class="asah-muted">'
        "(45 menit &#183; 1 JP)</span></li>"
    ) in page
    assert page.count("Belum ada pelajaran pada level ini.") == 3
    # searchable: the search index has the generated pages
    index = json.loads((result.site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "kompetensi/" in locations and "kompetensi/keamanan-informasi/" in locations


def test_course_json(course):
    result = good_course(course)
    assert result.error is None and result.warnings == []
    data = json.loads((result.site / "course.json").read_text("utf-8"))
    assert data["format"] == "asah-course" and data["version"] == 1
    assert data["minutes_per_jp"] == 45
    lessons = {lesson["path"]: lesson for lesson in data["lessons"]}
    assert lessons["modul/b.md"] == {
        "path": "modul/b.md",
        "url": "modul/b/",
        "title": "Phishing",
        "description": None,
        "competencies": [
            {"id": "keamanan-informasi", "level": 2},
            {"id": "integritas", "level": 1},
        ],
        "minutes": 45,
        "jp": 1.0,
        "objectives": [],
        "prerequisites": ["a.md"],
        "quizzes": [],
    }
    groups = {g["id"]: g for g in data["framework"]["groups"]}
    assert list(groups) == ["manajerial", "sosial-kultural", "teknis"]
    assert groups["teknis"]["competencies"][0]["url"] == "kompetensi/keamanan-informasi/"
    assert data["framework"]["levels"]["1"].startswith("Dasar")


def test_nav_gets_the_framework_page_when_missing(course):
    result = good_course(
        course,
        **{"mkdocs.yml": _config_with_nav()},
    )
    assert result.error is None
    home = result.page("")
    assert 'href="kompetensi/"' in home


def _config_with_nav() -> str:
    from tests.conftest import MINIMAL_CONFIG

    return MINIMAL_CONFIG + "nav:\n  - index.md\n  - a.md\n  - modul/b.md\n"


def test_all_problems_in_one_run_and_strict_fails(course):
    result = course(
        {
            "site_config/competencies.yml": FRAMEWORK,
            "content/index.md": "# Beranda\n",
            "content/a.md": "---\ncompetencies:\n  kemanan-informasi: 2\nduration: sebentar\n---\n",
            "content/b.md": "---\ncompetencies: {integritas: 9}\nprerequisites: [c.md]\n---\n",
        },
        strict=True,
    )
    assert result.warnings == [
        "asah: content/a.md:3: kompetensi 'kemanan-informasi' tidak dikenal "
        "(maksud Anda 'keamanan-informasi'?)",
        "asah: content/a.md:4: durasi 'sebentar' tidak dapat dibaca; "
        "diharapkan menit (45), '90m', '1h30m' atau '2 JP'",
        "asah: content/b.md:2: level 'integritas' tidak sah: 9; diharapkan bilangan bulat 1–5",
        "asah: content/b.md:3: prasyarat 'c.md' tidak ada (maksud Anda 'a.md'?); "
        "diharapkan path pelajaran relatif terhadap content/",
    ]
    assert result.error == "Aborted with 4 warnings in strict mode!"


def test_framework_syntax_error_stops_the_build(course):
    result = course(
        {
            "site_config/competencies.yml": "extends: asn\ngroups:\n  - id: [teknis\n",
            "content/index.md": "# Beranda\n",
        }
    )
    assert result.error == (
        "site_config/competencies.yml:3: kesalahan sintaks YAML: '[' yang dibuka di baris ini "
        "tidak ditutup dengan ']'; tutuplah, atau beri tanda kutip pada teksnya bila teks itu "
        "memang diawali '['"
    )


def test_generated_page_conflict_is_fatal(course):
    result = good_course(course, **{"content/kompetensi/index.md": "# Milik saya\n"})
    assert result.error == (
        "content/kompetensi/index.md: halaman ini dibuat oleh asah/competencies; pindahkan "
        "halaman ini, atau atur pengaturan url asah/competencies ke folder selain 'kompetensi'"
    )


def test_english_interface_urls_and_no_jp(course):
    english = _config_with_nav().replace("language: id", "language: en")
    result = good_course(course, **{"mkdocs.yml": english})
    html = result.page("modul/b")
    assert ">Prerequisites</dt>" in html and "45 minutes</dd>" in html and "JP" not in html
    assert 'href="../../competencies/keamanan-informasi/#level-2"' in html
    assert (result.site / "competencies" / "index.html").exists()
    assert not (result.site / "kompetensi").exists()
    data = json.loads((result.site / "course.json").read_text("utf-8"))
    assert data["minutes_per_jp"] is None and data["lessons"][0]["jp"] is None


def test_jp_is_a_setting(course):
    english = _config_with_nav().replace("language: id", "language: en")
    result = good_course(
        course,
        **{
            "mkdocs.yml": english.replace(
                "- asah/competencies", "- asah/competencies:\n      jp: true"
            )
        },
    )
    assert "45 minutes &#183; 1 JP</dd>" in result.page("modul/b")


def test_hostile_text_is_escaped(course):
    hostile = '</script><script>alert(1)</script>" onmouseover="alert(2)'
    framework = FRAMEWORK.replace("name: Keamanan Informasi", f"name: '{hostile}'")
    result = course(
        {
            "site_config/competencies.yml": framework,
            "content/index.md": "# Beranda\n",
            "content/a.md": LESSON_A.replace("Mengenali ancaman", f"'{hostile}'").replace(
                "title: Pengantar", "title: '<img src=x onerror=alert(3)>'"
            ),
            "content/b.md": LESSON_B,
        }
    )
    for page in ("a", "b", "kompetensi", "kompetensi/keamanan-informasi"):
        html = result.page(page)
        assert "<script>alert" not in html
        assert injections(html) == []
        assert "<img src=x" not in html.split('class="md-content"')[1]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in result.page("b")


def test_competency_pages_show_authors_the_id_and_code(course):
    """Small, at the end: what a lesson writes to name the competency (its code works too)."""
    result = good_course(
        course, **{"content/c.md": "---\ntitle: Hasil\ncompetencies: {M.04: 2}\n---\nIsi.\n"}
    )
    assert result.error is None and result.warnings == []
    html = result.page("kompetensi/orientasi-pada-hasil")
    assert (
        '<p class="asah-competency__ids">id: <code>orientasi-pada-hasil</code> &#183; kode '
        "<code>M.04</code></p>"
    ) in html
    assert '<a href="../../c/">Hasil</a>' in html  # the lesson that named it by its code
    own = result.page("kompetensi/keamanan-informasi")
    assert '<p class="asah-competency__ids">id: <code>keamanan-informasi</code></p>' in own
    # the framework page lists every id and code, folded, out of search
    framework = result.page("kompetensi")
    ids = framework[framework.index('<details class="asah-ids"') :]
    assert "<summary>Id kompetensi untuk penulis</summary>" in ids
    assert (
        "<tr><td>Orientasi pada Hasil</td><td><code>orientasi-pada-hasil</code></td>"
        "<td><code>M.04</code></td></tr>"
    ) in ids
    assert "<tr><td>Keamanan Informasi</td><td><code>keamanan-informasi</code></td><td></td>" in ids
    index = (result.site / "search" / "search_index.json").read_text("utf-8")
    assert "orientasi-pada-hasil</code>" not in index and "untuk penulis" not in index
