"""Quiz blocks found once, when the course is read, and taken by the Markdown extension when it
is given the same text."""

from __future__ import annotations

from asah.quiz.blocks import quiz_places, scan, scanned

PAGE = """
## Phishing

!!! question "Cek"
    /// quiz | siber/phishing
    draw: 2
    ///

```markdown
/// quiz | contoh
///
```

/// quiz
questions: []
///
"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_the_blocks_of_the_same_text_are_those_scanning_would_find():
    found = scanned(PAGE)
    # as Markdown gives it: a blank line before (MkDocs), two after (Markdown)
    given = _lines("\n" + PAGE + "\n\n")
    assert found.blocks_of(given) == scan(given)
    assert [b.start for b in found.blocks_of(given)] == [b.start + 1 for b in found.blocks]
    assert found.blocks_of(_lines(PAGE)) == scan(_lines(PAGE))


def test_text_changed_after_reading_is_scanned_again():
    found = scanned(PAGE)
    # Markdown expands tabs; another plugin (macros) may rewrite the page
    assert found.blocks_of(_lines(PAGE.replace("    ", "\t"))) is None
    assert found.blocks_of(_lines(PAGE.replace("draw: 2", "draw: 3"))) is None
    assert found.blocks_of(_lines("## Phishing\n" + PAGE)) is None


def test_line_ends_as_markdown_reads_them():
    found = scanned(PAGE.replace("\n", "\r\n"))
    assert found.blocks_of(_lines(PAGE)) == scan(_lines(PAGE))


def test_the_places_skip_examples_and_number_every_block():
    places = quiz_places(scanned(PAGE).blocks, "bab/a.md")
    assert places == {"siber/phishing": "asah-quiz-1", "bab/a.md#1": "asah-quiz-2"}
