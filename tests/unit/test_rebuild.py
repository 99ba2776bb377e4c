"""Dirty rebuilds: which pages changed inputs, and merging the search index."""

from asah.core.rebuild import Fingerprints, fingerprint, merge_search_entries


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
