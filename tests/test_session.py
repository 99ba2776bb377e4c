"""The build session's one mechanism for HTML that goes in after search indexing."""

import json
from types import SimpleNamespace

from asah.session import AfterSearch


def page(content: str, src: str = "a.md"):
    return SimpleNamespace(content=content, file=SimpleNamespace(src_uri=src))


def test_slots_are_filled_for_the_template_then_put_back():
    late, p = AfterSearch(), page("")
    made = []
    first = late.slot(p, "<b>facts</b>")
    second = late.slot(p, lambda: made.append(1) or "<i>quiz</i>")
    p.content = f"<h1>T</h1>{first}<p>text</p>{second}"
    assert made == []  # rendered only when the page is filled
    late.fill(p)
    assert p.content == "<h1>T</h1><b>facts</b><p>text</p><i>quiz</i>"
    late.restore(p)
    assert p.content == f"<h1>T</h1>{first}<p>text</p>{second}"
    late.fill(p)  # filled once: a second plugin's call changes nothing
    assert p.content == f"<h1>T</h1>{first}<p>text</p>{second}"


def test_each_page_has_its_own_slots():
    late, a, b = AfterSearch(), page("", "a.md"), page("", "b.md")
    a.content, b.content = late.slot(a, "A"), late.slot(b, "B")
    assert a.content == b.content  # the same marker text on two pages …
    late.fill(b)
    late.fill(a)
    assert (a.content, b.content) == ("A", "B")  # … filled with each page's own HTML


def test_a_page_without_content_is_left_alone():
    late, p = AfterSearch(), page("")
    late.slot(p, "x")
    p.content = None
    late.fill(p)
    late.restore(p)
    assert p.content is None


FRONT_MATTERS = {
    "a.md": (
        "---\ntitle: Judul & <Tanda>\ncompetencies: {integritas: 1}\ndate: 2026-12-01\n---\n# A\n"
    ),
    "b.md": "---\ntags: [x, y]\nhide:\n  - toc\nangka: 1.5\nya: yes\n---\n\nTitle: not meta-data\n",
    "c.md": "---\n- a list is not meta\n---\nBody\n",
    "d.md": "Title: MultiMarkdown\nAuthor: me\n\nBody\n",
    "e.md": "---\ndasar: &x {a: 1}\nturunan:\n  <<: *x\n  b: 2\n---\nBody\n",
}


def test_mkdocs_gets_the_front_matter_asah_read(tmp_path, monkeypatch):
    """Asah reads each page's front matter once and hands it to MkDocs (which would parse it
    again): pages get the same `meta` and Markdown as MkDocs gives them on its own."""
    from mkdocs.utils.meta import get_data

    from tests.conftest import MINIMAL_CONFIG, build_tree, write_tree

    hook = (
        "import json, pathlib\n"
        "from mkdocs.plugins import event_priority\n"
        "seen = {}\n"
        "@event_priority(-1000)\n"
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    seen[page.file.src_uri] = json.dumps([markdown, page.meta], default=str)\n"
        "def on_post_build(config, **kwargs):\n"
        "    out = pathlib.Path(config.config_file_path).parent / 'seen.json'\n"
        "    out.write_text(json.dumps(seen, default=str))\n"
    )
    files = {f"content/{name}": text for name, text in FRONT_MATTERS.items()}
    write_tree(
        tmp_path,
        {"mkdocs.yml": MINIMAL_CONFIG + "hooks: [hook.py]\n", "hook.py": hook, **files},
    )
    import mkdocs.structure.pages

    given = []  # what MkDocs was given to parse
    real = mkdocs.structure.pages.meta.get_data
    monkeypatch.setattr(
        mkdocs.structure.pages.meta, "get_data", lambda doc: given.append(doc) or real(doc)
    )
    result = build_tree(tmp_path)
    assert result.error is None
    # the pages whose front matter is a mapping came without it; the others as written
    handed = sorted(doc.split("\n")[1][:6] for doc in given if doc.startswith("\n"))
    assert handed == ["# A", "Body", "Title:"]  # b.md's first line stays text, not meta-data
    assert sum(doc in FRONT_MATTERS.values() for doc in given) == 2
    seen = json.loads((tmp_path / "seen.json").read_text("utf-8"))
    for name, text in FRONT_MATTERS.items():
        markdown, meta = get_data(text)
        assert seen[name] == json.dumps([markdown, meta], default=str), name


def test_each_page_file_is_read_once(tmp_path, monkeypatch):
    """Asah reads the pages for the course site and hands MkDocs that text: no file is read
    twice in a build."""
    from mkdocs.structure.files import File

    from tests.conftest import MINIMAL_CONFIG, build_tree, write_tree

    files = {f"content/{name}": text for name, text in FRONT_MATTERS.items()}
    write_tree(tmp_path, {"mkdocs.yml": MINIMAL_CONFIG, **files})
    reads: list[str] = []
    real = File.content_string.fget

    def counted(file: File) -> str:
        if file.abs_src_path is not None and file.src_uri.endswith(".md"):
            reads.append(file.src_uri)
        return real(file)

    monkeypatch.setattr(File, "content_string", property(counted, File.content_string.fset))
    assert build_tree(tmp_path).error is None
    assert sorted(reads) == sorted(FRONT_MATTERS), reads


def test_content_a_plugin_puts_into_a_file_later_is_the_pages(tmp_path):
    """A plugin that gives a page other content after Asah read it (here in on_nav) gets its
    content built, not the text Asah read."""
    from tests.conftest import MINIMAL_CONFIG, build_tree, write_tree

    hook = (
        "def on_nav(nav, config, files, **kwargs):\n"
        "    files.get_file_from_path('a.md').content_string = (\n"
        "        '---\\ntitle: Baru\\n---\\n# Diganti oleh plugin\\n'\n"
        "    )\n"
    )
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": MINIMAL_CONFIG + "hooks: [hook.py]\n",
            "hook.py": hook,
            "content/a.md": FRONT_MATTERS["a.md"],
        },
    )
    result = build_tree(tmp_path)
    assert result.error is None
    page = (tmp_path / "site" / "a" / "index.html").read_text("utf-8")
    assert "Diganti oleh plugin" in page
