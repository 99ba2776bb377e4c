"""Messages to authors: one file per language, the same keys and placeholders in each, every
key the code names written, and the reporter wording them in the course's language."""

import ast
import re
from pathlib import Path

import pytest

from asah.core.diagnostics import Location, Reporter, quote, suggest
from asah.core.messages import Messages, _load, available, language_of, msg

PLACEHOLDER = re.compile(r"\{(\w+)\}")
PLUGINS = Path(__file__).resolve().parents[2] / "plugins" / "asah"
# keys the code makes from a word (`f"yaml_{kind}"`), and the keys they may give
DYNAMIC = {
    "yaml_": ("tab colon indent quote bracket after_value special_start no_colon escape other"),
    "setting_kind_": "bool int list str",
    "part_": "left_of_pair right_of_pair",
    "value_": "nothing list mapping",  # Messages words author values with them
}


def test_indonesian_and_english_at_least():
    assert {"en", "id"} <= set(available())


@pytest.mark.parametrize("language", [lang for lang in available() if lang != "en"])
def test_every_language_has_the_english_keys_and_placeholders(language):
    english, other = _load("en"), _load(language)
    assert set(other) == set(english)
    for key, text in english.items():
        assert set(PLACEHOLDER.findall(other[key])) == set(PLACEHOLDER.findall(text)), key
        assert other[key] != text or text == "{detail}", f"{key} is not translated"


# the calls that name a message, and which of their arguments do
KEY_ARGUMENTS = {"warn": (1,), "fatal": (1,), "msg": (0,), "words": (0,), "problem": (0,)}
KEY_ARGUMENTS["identifier"] = (2, 3)  # course/framework.py: a missing id, a bad one


def _keys_named_in_code() -> set[str]:
    """Message keys the code names: the second argument of `warn`/`fatal`, the first of
    `msg`, `words` and `problem` (cli/config.py), the third and fourth of `identifier`
    (course/framework.py), when it is written out."""
    found = set()
    for path in PLUGINS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            for position in KEY_ARGUMENTS.get(name, ()):
                argument = node.args[position] if len(node.args) > position else None
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.add(argument.value)
    for prefix, words in DYNAMIC.items():
        found.update(prefix + word for word in words.split())
    return found


def test_every_key_the_code_names_is_written_and_every_message_is_used():
    named, written = _keys_named_in_code(), set(_load("en"))
    assert named - written == set()
    assert written - named == set()


def test_the_reporter_words_messages_in_its_language():
    for language, expected in (
        (None, "content/a.md:3: unknown key 'durasi' (did you mean 'duration'?); expected "),
        ("id", "content/a.md:3: kunci 'durasi' tidak dikenal (maksud Anda 'duration'?); "),
    ):
        reporter = Reporter(Messages(language))
        reporter.warn(
            Location("content/a.md", 3),
            "unknown_key",
            key=quote("durasi"),
            where="",
            hint=suggest("durasi", ["duration", "objectives"], 0.5),
            allowed="duration, objectives",
        )
        assert reporter.messages()[0].startswith(expected)


def test_values_and_pieces_are_worded_in_the_same_language():
    words = Messages("id")
    assert words("text_expected", name="title", got=quote(None)).endswith("berisi kosong")
    assert words("text_expected", name="title", got=quote([1])).endswith("sebuah daftar")
    assert words("level_range", id="integritas", where=msg("in_path_target", id="p"), got=7) == (
        "level 'integritas' di target jalur 'p' tidak sah: 7; diharapkan bilangan bulat 1–5"
    )
    # outside a reporter (an exception, an f-string) the pieces read in English
    assert f"{quote(True)} {suggest('intgritas', ['integritas'])}" == (
        "true  (did you mean 'integritas'?)"
    )


def test_the_language_follows_the_site_and_falls_back_to_english():
    assert language_of("id-ID") == "id" and language_of("id_ID") == "id"
    assert language_of("fr") == "en" and language_of(None) == "en"
    assert Reporter().words.language == "en"
