"""Page order, titles and URLs from mkdocs.yml, for builds without MkDocs."""

from asah.site.navigation import from_nav, page_url, sort_key


def test_urls_as_mkdocs_makes_them():
    assert page_url("index.md") == "" and page_url("index.md", False) == "index.html"
    assert page_url("a/index.md") == "a/" and page_url("a/README.md", False) == "a/index.html"
    assert page_url("a/b.md") == "a/b/" and page_url("a/b.md", False) == "a/b.html"


def test_file_order_puts_index_first_and_folders_after_files():
    pages = ["b/x.md", "z.md", "index.md", "b/index.md", "a.md"]
    assert sorted(pages, key=sort_key) == ["index.md", "a.md", "z.md", "b/index.md", "b/x.md"]


def test_nav_order_and_titles_then_the_pages_it_leaves_out():
    nav = [
        {"Beranda": "index.md"},
        {"Modul": ["m/index.md", {"Judul dari nav": "m/b.md"}, "https://example.org/"]},
        "/m/a.md",
        "tidak-ada.md",
    ]
    order, titles = from_nav(nav, ["m/a.md", "m/b.md", "m/index.md", "index.md", "lain.md"])
    assert order == ["index.md", "m/index.md", "m/b.md", "m/a.md", "lain.md"]
    assert titles == {"index.md": "Beranda", "m/b.md": "Judul dari nav"}


def test_without_a_nav_the_file_order():
    assert from_nav(None, ["b.md", "index.md", "a/x.md"]) == (["index.md", "b.md", "a/x.md"], {})
