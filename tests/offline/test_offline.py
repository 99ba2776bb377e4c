"""The installable web app (asah/offline) in real builds: the manifest and its icons, the
service worker and what it saves paths from, the offline notice in the site's language, the
tags every page gets, the build's version; and the theme's header and footer in the site's
language."""

from __future__ import annotations

import json
import struct
import zlib

import pytest

from asah import theme
from asah.offline import icon, manifest, outputs
from tests.conftest import MINIMAL_CONFIG, build_tree, write_tree

CONFIG = MINIMAL_CONFIG.replace(
    "  - asah/quiz\n", "  - asah/quiz\n  - asah/paths\n  - asah/offline\n"
).replace("site_name: Kursus Uji\n", "site_name: Kursus Uji Keamanan Siber\n")
LESSON = "---\ntitle: {title}\nduration: 45\ncompetencies: {{integritas: 1}}\n---\n{body}\n"
COURSE = {
    "mkdocs.yml": CONFIG,
    "quizzes/akhir.yml": (
        "title: Akhir\nquestions:\n  - {id: a, type: truefalse, prompt: P, answer: true}\n"
    ),
    "content/index.md": "# Beranda\n",
    "content/a.md": LESSON.format(title="Satu", body="Isi satu."),
    "content/b.md": LESSON.format(title="Dua", body="Isi dua.\n\n/// quiz | akhir\n///\n"),
    "content/c.md": LESSON.format(title="Tiga", body="Bukan bagian jalur."),
    "site_config/paths.yml": (
        "paths:\n  - id: jalan\n    title: Jalan\n    steps: [a.md, b.md, {quiz: akhir}]\n"
    ),
}


def built(tmp_path, files=None, strict=True):
    write_tree(tmp_path, {**COURSE, **(files or {})})
    result = build_tree(tmp_path, strict=strict)
    assert result.error is None and result.warnings == []
    return result


def test_the_site_is_an_installable_app_with_a_worker(tmp_path):
    result = built(tmp_path)
    site = result.site
    app = json.loads((site / "manifest.webmanifest").read_text("utf-8"))
    assert app["name"] == "Kursus Uji Keamanan Siber" and app["short_name"] == "Kursus Uji"
    assert app["lang"] == "id" and app["start_url"] == "./" and app["display"] == "standalone"
    assert app["theme_color"] == "#4051b5"  # Material's default primary colour
    for entry in app["icons"]:
        size = int(entry["sizes"].split("x")[0])
        data = (site / entry["src"]).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", data[16:24]) == (size, size)
    assert {e["purpose"] for e in app["icons"]} == {"any", "maskable"}

    data = json.loads((site / "asah-offline.json").read_text("utf-8"))
    assert data["pages"] == [
        {"url": "./", "title": "Beranda"},
        {"url": "kemajuan/", "title": "Kemajuan Saya"},
    ]
    assert data["files"] == ["sitemap.xml"]
    # the bank embedded in b is taken there: the step is b's quiz, not a page of its own
    assert data["paths"] == [
        {
            "id": "jalan",
            "title": "Jalan",
            "url": "jalur/jalan/",
            "steps": ["a/", "b/", "b/#asah-quiz-1"],
        }
    ]
    worker = (site / "asah-sw.js").read_text("utf-8")
    settings = json.loads(worker.split("\n", 1)[0].removeprefix("self.ASAH_OFFLINE=")[:-1])
    assert settings["site"] == "kursus-uji-keamanan-siber"
    assert settings["version"] == data["version"] and len(data["version"]) == 12
    assert "AsahOfflinePlan" in worker and "/*" not in worker  # plan.js, minified

    notice = (site / "asah-offline.html").read_text("utf-8")
    assert notice.startswith('<!doctype html>\n<html lang="id">')
    assert "<h1>Halaman ini belum tersedia offline</h1>" in notice
    assert 'href="#asah-requested"' in notice and "<!--asah:saved-->" in notice
    assert "<script" not in notice  # the worker fills it in: it works with nothing else

    home, path = result.page(""), result.page("jalur/jalan")
    assert '<link rel="manifest" href="manifest.webmanifest" data-asah-worker="asah-sw.js">' in home
    assert '<link rel="manifest" href="../../manifest.webmanifest"' in path
    assert '<meta name="theme-color" content="#4051b5">' in path
    assert 'data-asah-offline-path="jalan"' in path
    assert "Simpan jalur ini untuk dibaca offline" in path
    assert "data-asah-offline-storage" in result.page("jalur")
    assert (site / "assets" / "asah" / "offline.js").is_file()
    assert "offline/register.js" not in (site / "assets" / "asah" / "asah.js").read_text()
    assert "AsahOfflineWorker" in (site / "assets" / "asah" / "asah.js").read_text()


def test_the_version_changes_with_the_course_and_only_then(tmp_path):
    first = json.loads((built(tmp_path).site / "asah-offline.json").read_text())["version"]
    again = json.loads((built(tmp_path).site / "asah-offline.json").read_text())["version"]
    assert again == first
    changed = built(tmp_path, {"content/a.md": LESSON.format(title="Satu", body="Isi baru.")})
    assert json.loads((changed.site / "asah-offline.json").read_text())["version"] != first


def test_without_the_plugin_the_site_has_no_worker(tmp_path):
    result = built(tmp_path, {"mkdocs.yml": CONFIG.replace("  - asah/offline\n", "")})
    for name in ("asah-sw.js", "asah-offline.json", "asah-offline.html", "manifest.webmanifest"):
        assert not (result.site / name).exists(), name
    path = result.page("jalur/jalan")
    assert 'rel="manifest"' not in path and "data-asah-offline" not in path


def test_an_english_site_gets_its_notice_and_settings(tmp_path):
    config = (
        CONFIG.replace("language: id", "language: en")
        .replace("  - asah/offline\n", "  - asah/offline:\n      short_name: Data\n")
        .replace("theme:\n", "theme:\n  palette: {primary: deep orange}\n")
    )
    result = built(
        tmp_path, {"mkdocs.yml": config, "site_config/competencies.yml": "extends: asn\n"}
    )
    notice = (result.site / "asah-offline.html").read_text("utf-8")
    assert '<html lang="en">' in notice and "This page is not available offline" in notice
    app = json.loads((result.site / "manifest.webmanifest").read_text("utf-8"))
    assert app["theme_color"] == "#ff6e42" and app["lang"] == "en"  # the palette's primary
    assert app["short_name"] == "Data"


@pytest.mark.parametrize(
    ("theme_config", "given", "colour"),
    [
        ({}, "", "#4051b5"),
        ({"palette": {"primary": "teal"}}, "", "#009485"),
        ({"palette": [{"primary": "deep orange"}, {"primary": "indigo"}]}, "", "#ff6e42"),
        ({"palette": {"primary": "custom"}}, "", "#4051b5"),
        ({"palette": {"primary": "teal"}}, "#ABC", "#abc"),
        ({}, "not a colour", "#4051b5"),
    ],
)
def test_theme_colour(theme_config, given, colour):
    assert manifest.theme_colour(theme_config, given) == colour


def test_ink_reads_on_the_colour():
    assert manifest.ink("#4051b5") == "#ffffff"
    assert manifest.ink("#ffec3d") == "#000000"  # yellow
    assert manifest.ink("#ffffff") == "#000000"


@pytest.mark.parametrize(
    ("name", "given", "short"),
    [
        ("Asah Kompetensi ASN", "", "Asah"),
        ("Kursus Uji", "", "Kursus Uji"),
        ("Pelatihan  Dasar   CPNS", "", "Pelatihan"),
        ("Keamananinformasi", "", "Keamananinfo"),
        ("Asah Kompetensi ASN", " Asah ASN ", "Asah ASN"),
    ],
)
def test_short_name(name, given, short):
    assert manifest.short_name(name, given) == short


def pixels(png: bytes) -> list[bytes]:
    """The rows of an 8-bit RGB PNG with no filters (as icon.png writes it)."""
    width = struct.unpack(">I", png[16:20])[0]
    at, data = 8, b""
    while at < len(png):
        length = struct.unpack(">I", png[at : at + 4])[0]
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    rows = [raw[i * (3 * width + 1) : (i + 1) * (3 * width + 1)] for i in range(width)]
    assert all(row[0] == 0 for row in rows)
    return [row[1:] for row in rows]


def test_the_icon_is_the_glyph_on_the_theme_colour():
    rows = pixels(icon.png(192, "#4051b5", "#ffffff"))
    assert len(rows) == 192 and len(rows[0]) == 3 * 192
    assert rows[0][:3] == bytes((0x40, 0x51, 0xB5))  # a corner: the colour
    assert rows[96][3 * 96 : 3 * 96 + 3] == b"\xff\xff\xff"  # the middle: the cap
    # the glyph stays inside a maskable icon's safe zone (a circle of 40 % of the size)
    for y, row in enumerate(rows):
        for x in range(192):
            if row[3 * x : 3 * x + 3] != bytes((0x40, 0x51, 0xB5)):
                assert (x + 0.5 - 96) ** 2 + (y + 0.5 - 96) ** 2 <= (0.4 * 192) ** 2


PAGE = (
    '<nav class="md-header__inner md-grid" aria-label="Header"></nav>'
    '<nav class="md-footer__inner md-grid" aria-label="Footer" ></nav>'
    '<div class="md-copyright">\n    Made with\n    <a href="https://squidfunk.github.io/">M</a>'
)


def test_the_theme_header_and_footer_in_the_site_language():
    page = theme.chrome_in_language(PAGE, "Kepala halaman", "Kaki halaman", "Dibuat dengan")
    assert 'aria-label="Kepala halaman"' in page and 'aria-label="Kaki halaman"' in page
    assert "Dibuat dengan\n    <a " in page and "Made with" not in page
    assert theme.chrome_in_language(PAGE, "Header", "Footer", "Made with") == PAGE
    # a theme translation of its own is kept
    german = PAGE.replace('"Footer"', '"Fußzeile"')
    assert 'aria-label="Fußzeile"' in theme.chrome_in_language(german, "a", "b", "c")


def test_a_built_page_has_its_footer_in_the_site_language(tmp_path):
    config = CONFIG.replace("  font: false\n", "  font: false\n  features: [navigation.footer]\n")
    page = built(tmp_path, {"mkdocs.yml": config}).page("a")
    assert 'class="md-footer__inner md-grid" aria-label="Kaki halaman"' in page
    assert 'aria-label="Kepala halaman"' in page
    assert "Dibuat dengan" in page and "Made with" not in page


def test_each_language_of_an_i18n_site_keeps_its_own_saved_paths(tmp_path):
    from tests.builds.test_other_plugins import BASE, FILES, I18N

    config = BASE.format(others=I18N).replace(
        "      paths_file: paths.yml\n", "      paths_file: paths.yml\n  - asah/offline\n"
    )
    write_tree(tmp_path, {"mkdocs.yml": config, **FILES})
    result = build_tree(tmp_path, strict=True)
    assert result.error is None, result.warnings
    for folder, language, key in (("", "en", "data-skills"), ("id/", "id", "data-skills/id")):
        site = result.site / folder
        worker = (site / "asah-sw.js").read_text("utf-8")
        assert f'"site":"{key}"' in worker
        notice = (site / "asah-offline.html").read_text("utf-8")
        assert f'<html lang="{language}">' in notice
        data = json.loads((site / "asah-offline.json").read_text("utf-8"))
        # URLs from the language's own folder, the worker's scope
        assert data["paths"][0]["url"] == ("paths/start/" if language == "en" else "jalur/start/")
        assert data["paths"][0]["steps"] == ["intro/", "cleaning/"]
        assert data["pages"][0]["url"] == "./"
        lesson = (site / "cleaning" / "index.html").read_text("utf-8")
        manifest_link = f'<link rel="manifest" href="../{"../id/" if folder else ""}manifest'
        assert manifest_link in lesson


def gzipped(text: str) -> int:
    import gzip

    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def test_the_offline_runtime_stays_small():
    every = theme.bundle([theme.ASSETS + p for p in theme.EVERY_PAGE["paths"][0]])
    register = theme.bundle([theme.ASSETS + "offline/register.js"])
    added = gzipped(every + register) - gzipped(every)
    control = gzipped(theme.bundle([theme.ASSETS + "offline/offline.js"]))
    style = gzipped(theme.bundle([theme.ASSETS + "offline/offline.css"]))
    worker = gzipped(outputs.worker_script("kursus", "0123456789ab"))
    print(f"offline: every page +{added} B, control {control + style} B, worker {worker} B gzip")
    assert added <= 400  # every page's script
    assert control + style <= 4 * 1024  # path pages and the list of paths
    assert worker <= 6 * 1024  # the service worker, fetched once in the background


def test_a_theme_colour_that_is_not_one_is_reported(tmp_path):
    config = CONFIG.replace("  - asah/offline\n", "  - asah/offline:\n      theme_color: biru\n")
    write_tree(tmp_path, {**COURSE, "mkdocs.yml": config})
    result = build_tree(tmp_path, strict=True)
    assert result.warnings == [
        "asah: mkdocs.yml: setting 'theme_color' of asah/offline must be a colour written "
        "#rrggbb, got 'biru'"
    ]
