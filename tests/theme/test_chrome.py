"""The theme's header, footer and credit in the site's language, given to its templates."""

from __future__ import annotations

import jinja2

from asah.theme import chrome
from tests.conftest import MINIMAL_CONFIG, build_tree, write_tree

LANGUAGE = (
    '{% macro t(key) %}{{ {\n  "footer": "Footer",\n  "header": "Header",\n}[key] }}{% endmacro %}'
)
CREDIT = (
    '<div class="md-copyright">\n  Made with\n  <a href="https://example.org/">Theme</a>\n</div>'
)
WORDS = ("Kepala halaman", "Kaki halaman", "Dibuat dengan")


def env_with(templates: dict[str, str]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(templates))
    chrome.use_site_words(env, "id", *WORDS)
    return env


def test_the_language_partial_gets_the_site_words():
    env = env_with({"partials/languages/id.html": LANGUAGE, "page.html": "x"})
    t = env.get_template("partials/languages/id.html").module.t
    assert (str(t("header")), str(t("footer"))) == ("Kepala halaman", "Kaki halaman")
    assert env.get_template("page.html").render() == "x"  # every other template as it was


def test_the_credit_gets_the_site_words_before_the_theme_link():
    page = env_with({chrome.CREDIT_TEMPLATE: CREDIT}).get_template(chrome.CREDIT_TEMPLATE).render()
    assert "Dibuat dengan\n  <a " in page and "Made with" not in page
    # a "Made with" that is not the theme's credit stays
    other = "<p>Made with love</p>"
    assert (
        env_with({chrome.CREDIT_TEMPLATE: other}).get_template(chrome.CREDIT_TEMPLATE).render()
        == other
    )


def test_a_theme_translation_of_its_own_and_english_sites_are_left_alone():
    german = LANGUAGE.replace('"Footer"', '"Fußzeile"')
    assert chrome.language_partial(german, *WORDS[:2]).count("Fußzeile") == 1
    assert "Kepala halaman" in chrome.language_partial(german, *WORDS[:2])
    assert chrome.language_partial(LANGUAGE, "Header", "Footer") == LANGUAGE
    assert chrome.credit_partial(CREDIT, "Made with") == CREDIT


def test_words_with_quotes_stay_text():
    source = chrome.language_partial(LANGUAGE, 'Ke"pala', "Kaki\\")
    t = jinja2.Environment().from_string(source).module.t
    assert str(t("header")) == "Ke&quot;pala"  # in an attribute
    assert str(t("footer")) == "Kaki\\"


def test_used_once_per_environment():
    env = env_with({"partials/languages/id.html": LANGUAGE})
    loader = env.loader
    chrome.use_site_words(env, "id", *WORDS)
    assert env.loader is loader


def test_every_page_and_the_404_page_and_a_custom_dir_override(tmp_path):
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    own_credit = (
        '<div class="md-copyright">Made with\n<a href="https://example.org/">our team</a></div>'
    )
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": config,
            "content/index.md": "# Beranda\n",
            "overrides/partials/copyright.html": own_credit,
        },
    )
    result = build_tree(tmp_path, strict=True)
    assert result.error is None
    for name in ("index.html", "404.html"):
        page = (tmp_path / "site" / name).read_text("utf-8")
        assert 'aria-label="Kepala halaman"' in page and 'aria-label="Header"' not in page
        # the course's own credit, in the site's language
        assert 'Dibuat dengan\n<a href="https://example.org/">our team</a>' in page


def test_the_templates_can_still_be_listed():
    env = env_with({"partials/languages/id.html": LANGUAGE, "page.html": "x"})
    assert env.list_templates() == ["page.html", "partials/languages/id.html"]
