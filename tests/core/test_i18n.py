"""Interface strings: every language has every key, with the same placeholders."""

import re

import pytest

from asah.core import i18n
from asah.core.i18n import Strings, _load, available

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("language", [lang for lang in available() if lang != "en"])
def test_every_locale_has_the_english_keys_and_placeholders(language):
    english, other = _load("en"), _load(language)
    assert set(other) == set(english)
    for key, text in english.items():
        assert set(PLACEHOLDER.findall(other[key])) == set(PLACEHOLDER.findall(text)), key


def test_a_language_without_strings_gets_english():
    strings = Strings("fr-FR")
    assert strings.language == "en" and strings.missing and strings.requested == "fr"
    assert strings("mark_done") == "Mark as done"
    assert Strings("id-ID")("mark_done") == "Tandai selesai" and not Strings("id").missing


def test_a_package_for_an_lms_says_where_the_record_goes():
    web, lms = Strings("id"), Strings("id", "lms")
    assert web("paths_intro").endswith("di peramban ini saja.")
    assert lms("paths_intro").endswith("di peramban ini dan dikirim ke LMS.")
    assert lms("quiz_n", n=2) == web("quiz_n", n=2)  # every other text as on the web
    assert Strings("en", "lms")("app_assess_intro").endswith("sent to the LMS.")


def test_an_english_variant_never_replaces_a_language_s_own_text(monkeypatch):
    tables = {
        "en": {"intro": "Kept in this browser only.", "intro_lms": "Sent to the LMS."},
        "xx": {"intro": "Gardé dans ce navigateur."},  # no `intro_lms` of its own yet
    }
    monkeypatch.setattr(i18n, "_load", tables.__getitem__)
    monkeypatch.setattr(i18n, "available", lambda: ("en", "xx"))
    assert Strings("xx", "lms")("intro") == "Gardé dans ce navigateur."
    assert Strings("en", "lms")("intro") == "Sent to the LMS."
