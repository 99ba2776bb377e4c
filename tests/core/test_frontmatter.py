"""Where a page's Markdown starts, as MkDocs hands it to plugins: quiz messages count file
lines from there."""

from mkdocs.utils.meta import get_data

from asah.core.frontmatter import body_start

SOURCES = [
    "---\ntitle: A\n---\n# A\n\n/// quiz\n///\n",
    "---\ntitle: A\n...\n\n\n# A\n",  # blank lines after the front matter are stripped
    "# No front matter\n\ntext\n",
    "---\n- not a mapping\n---\n# A\n",  # MkDocs keeps such a block in the Markdown
    "",
]


def test_body_start_matches_what_mkdocs_strips():
    for source in SOURCES:
        markdown, _ = get_data(source)
        start = body_start(source)
        offset = start.offset_for(markdown)
        assert offset is not None, source
        assert source.split("\n")[offset:] == markdown.split("\n"), source


def test_rewritten_markdown_has_no_line_offset():
    start = body_start(SOURCES[0])
    assert start.offset_for("# A plugin rewrote this page\n") is None
