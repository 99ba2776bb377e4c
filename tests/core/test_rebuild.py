"""Dirty rebuilds: which pages changed inputs, and merging the search index."""

from asah.core.diagnostics import Location, Problem, Reporter, Severity
from asah.core.messages import Messages
from asah.core.rebuild import Fingerprints, ReadCache, fingerprint, merge_search_entries


def test_fingerprint_is_stable_and_sees_every_change():
    assert fingerprint({"b": [1, 2], "a": "x"}) == fingerprint({"a": "x", "b": [1, 2]})
    assert fingerprint(["Pelajaran A", 1]) != fingerprint(["Pelajaran A", 2])


def test_first_build_counts_every_page_then_only_the_changed_ones():
    seen = Fingerprints()
    assert seen.changed({"a.md": "1", "b.md": "1"}) == {"a.md", "b.md"}
    assert seen.changed({"a.md": "1", "b.md": "2", "c.md": "1"}) == {"b.md", "c.md"}
    assert seen.changed({"a.md": "1", "b.md": "2", "c.md": "1"}) == set()


def test_rebuilt_pages_replace_all_their_search_entries():
    old = [
        {"location": ""},
        {"location": "a/"},
        {"location": "a/#bagian"},
        {"location": "b/"},
        {"location": "kompetensi/"},
    ]
    new = [{"location": "a/", "text": "baru"}, {"location": "kompetensi/", "text": "baru"}]
    merged = merge_search_entries(old, new)
    assert [e["location"] for e in merged] == ["", "b/", "a/", "kompetensi/"]
    assert merged[-1]["text"] == "baru"


def test_read_cache_parses_a_file_again_only_when_it_changed_and_repeats_its_problems():
    cache: ReadCache[dict[str, list[str]]] = ReadCache()
    calls = []

    def read(text: str):
        def compute(reporter: Reporter) -> dict[str, list[str]]:
            calls.append(text)
            reporter.warn(Location("content/a.md", 2), "yaml_other", detail=f"problem in {text}")
            return {"items": [text]}

        return compute

    first = Reporter()
    value = cache.read("content/a.md", "v1", first, read("v1"))
    value["items"].append("changed by the caller")
    again = Reporter()
    assert cache.read("content/a.md", "v1", again, read("v1")) == {"items": ["v1"]}
    assert calls == ["v1"]  # not parsed again, and the caller's change did not leak in
    assert again.messages() == first.messages() == ["content/a.md:2: problem in v1"]
    edited = Reporter()
    assert cache.read("content/a.md", "v2", edited, read("v2")) == {"items": ["v2"]}
    assert calls == ["v1", "v2"] and edited.messages() == ["content/a.md:2: problem in v2"]


def test_read_cache_words_problems_in_the_language_of_the_build():
    """A file read for a build in one language is read again for a build in another (the
    `messages` setting changed): its problems are worded anew."""
    cache: ReadCache[None] = ReadCache()

    def compute(reporter: Reporter) -> None:
        reporter.warn(Location("content/a.md", 2), "competencies_empty")

    english, indonesian = Reporter(), Reporter(Messages("id"))
    cache.read("content/a.md", "v1", english, compute)
    cache.read("content/a.md", "v1", indonesian, compute)
    assert english.messages() == [
        "content/a.md:2: 'competencies' is empty; expected at least one id"
    ]
    assert indonesian.messages() == [
        "content/a.md:2: 'competencies' kosong; diharapkan paling sedikit satu id kompetensi"
    ]


def test_read_cache_gives_the_last_good_reading_of_a_file_that_would_stop_a_build():
    """The live preview keeps showing what a bank made while it cannot be read."""
    cache: ReadCache[str | None] = ReadCache()

    def read(text: str):
        def compute(reporter: Reporter) -> str | None:
            if "broken" in text:
                reporter.add(Problem(Location("quizzes/a.yml", 5), "cannot read", Severity.FATAL))
                return None
            return text

        return compute

    assert cache.read("quizzes/a.yml", "v1", Reporter(), read("v1")) == "v1"
    broken = Reporter()
    assert cache.read("quizzes/a.yml", "broken", broken, read("broken")) == "v1"
    assert broken.messages() == ["quizzes/a.yml:5: cannot read"]  # reported all the same
    assert cache.read("quizzes/a.yml", "v2", Reporter(), read("v2")) == "v2"
    # never read well: what the reading gave
    assert cache.read("quizzes/b.yml", "broken", Reporter(), read("broken")) is None
