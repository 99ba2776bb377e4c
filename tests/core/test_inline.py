"""Short fields (option texts, items, match sides, categories) as inline Markdown: what renders,
what is text, and a table of attacks of which none may leave executable markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from asah.core.fragments import FragmentMarkdown
from asah.core.inline import inline_html, inline_text, render_inline, safe_url

ROOT = Path(__file__).resolve().parents[2]

RENDERS = [
    ("Alamat `.go.id` resmi", "Alamat <code>.go.id</code> resmi"),
    (
        "*miring* dan **tebal** dan _juga_",
        "<em>miring</em> dan <strong>tebal</strong> dan <em>juga</em>",
    ),
    ("[panduan](https://bssn.go.id)", '<a href="https://bssn.go.id">panduan</a>'),
    (
        '[panduan](https://bssn.go.id "BSSN")',
        '<a href="https://bssn.go.id" title="BSSN">panduan</a>',
    ),
    ("[pelajaran](../phishing/)", '<a href="../phishing/">pelajaran</a>'),
    ("[surel](mailto:tik@bkpsdm.go.id)", '<a href="mailto:tik@bkpsdm.go.id">surel</a>'),
    ("[telepon](tel:+62211234)", '<a href="tel:+62211234">telepon</a>'),
    ("<https://lapor.go.id>", '<a href="https://lapor.go.id">https://lapor.go.id</a>'),
    ("`<b>` di kode", "<code>&lt;b&gt;</code> di kode"),
    ("**`sudo`** seperlunya", "<strong><code>sudo</code></strong> seperlunya"),
    # raw HTML is text
    ("Tulis <b>tebal</b>", "Tulis &lt;b&gt;tebal&lt;/b&gt;"),
    ("Tom & Jerry, 1 < 2", "Tom &amp; Jerry, 1 &lt; 2"),
    ("&copy; 2026", "&copy; 2026"),
    # block syntax is text: a short field is one line of a label
    ("1. Langkah pertama", "1. Langkah pertama"),
    ("# Bukan judul", "# Bukan judul"),
    ("- bukan butir", "- bukan butir"),
    ("> bukan kutipan", "&gt; bukan kutipan"),
    ("---", "---"),
    ("baris satu\n\nbaris dua", "baris satu baris dua"),
    ("baris satu  \nbaris dua", "baris satu baris dua"),
    ("\\*bukan miring\\*", "*bukan miring*"),
    ("snake_case_name", "snake_case_name"),
    # the site's extensions play no part (attr_list, footnotes, ...)
    ("*x*{: .kelas }", "<em>x</em>{: .kelas }"),
    ("Catatan[^1]", "Catatan[^1]"),
    # a reference link has no definition to find
    ("[x][r]", "[x][r]"),
    # images are their alt text (and reported, tests/quiz/test_short_fields.py)
    ("![logo BSSN](logo.png) resmi", "<span>logo BSSN</span> resmi"),
    # a link that could run script is its text
    ("[klik](javascript:alert(1))", "<span>klik</span>"),
]


@pytest.mark.parametrize("source, expected", RENDERS)
def test_inline_markdown_renders(source, expected):
    assert inline_html(source) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Alamat `.go.id` resmi", "Alamat .go.id resmi"),
        ("*miring* [tautan](https://x.go.id)", "miring tautan"),
        ("Tulis <b>tebal</b>", "Tulis <b>tebal</b>"),
        ("Tom &amp; Jerry &copy;", "Tom & Jerry ©"),
        ("![logo](logo.png)", "logo"),
        ("  spasi di tepi  ", "spasi di tepi"),
    ],
)
def test_the_text_a_reader_sees(source, expected):
    """What `<option>` lists and aria-labels show: the words of the same HTML."""
    assert inline_text(source) == expected


def test_images_and_links_left_out_are_told():
    shown = render_inline("![logo](a.png) dan [x](javascript:alert(1)) dan [y](https://a.id)")
    assert shown.images == ("logo",)
    assert shown.links == ("javascript:alert(1)",)
    assert render_inline("`![bukan](gambar.png)`").images == ()


class _Markup(HTMLParser):
    """Every tag and attribute in a piece of HTML, with attribute values decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.tags.append(("!--", []))

    def unknown_decl(self, data):
        self.tags.append(("![", []))


def executable(html: str) -> list[str]:
    """What in `html` could run script: a tag that is not one inline Markdown makes, an
    event-handler or style attribute, a URL attribute whose address has a scheme that runs
    (as a browser reads it: decoded once, tabs, new lines and controls dropped)."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    found = []
    for tag, attrs in parser.tags:
        if tag not in {"code", "em", "strong", "a", "span"}:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name not in {"href", "title"}:
                found.append(f"<{tag} {name}>")
            if name == "href":
                address = re.sub(r"[\x00-\x20\x7f]", "", value or "").lower()
                scheme = re.match(r"([a-z][a-z0-9+.\-]*):", address)
                if scheme and scheme.group(1) not in {"http", "https", "mailto", "tel"}:
                    found.append(f"<{tag} href={value}>")
    return found


ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<!-- x --><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "`<script>alert(1)</script>`",
    "`</code><script>alert(1)</script>`",
    "``<img src=x onerror=alert(1)>``",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](jav&#9;ascript:alert(1))",
    "[x](jav\tascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#0000106&#0000097vascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](&amp;#106;avascript:alert(1))",
    "[x](&amp;amp;#106;avascript:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x](javascript\\:alert(1))",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](https://a.id){: onclick=alert(1)}",
    "*x*{onclick=alert(1)}",
    '[x](https://a.id "t" onmouseover="alert(1)")',
    '[x](https://a.id "\\" onmouseover=\\"alert(1)")',
    '[x" onmouseover="alert(1)](https://a.id)',
    "[<img src=x onerror=alert(1)>](https://a.id)",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](y.png)',
    "![x](y.png){: onerror=alert(1)}",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '<https://a.id" onmouseover="alert(1)>',
    "<a@b.id onmouseover=alert(1)>",
    "\x02wzxhzdk:0\x03<script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_attack_leaves_executable_markup(attack):
    html = inline_html(attack)
    assert executable(html) == [], html


@pytest.mark.parametrize("attack", ATTACKS)
def test_the_same_with_the_site_extensions(attack):
    """A site's `markdown_extensions` (attr_list, md_in_html, ...) change nothing in a short
    field: `FragmentMarkdown.inline` is the same rule."""
    site = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in site]
    assert FragmentMarkdown(names).inline(attack) == inline_html(attack)


def test_the_checker_catches_what_it_should():
    """The attack table means something: the checker sees each kind of danger."""
    assert executable("<script>x</script>") == ["<script>"]
    assert executable('<a href="jav&#x09;ascript:x">a</a>') == ["<a href=jav\tascript:x>"]
    assert executable('<em onclick="x">a</em>') == ["<em onclick>"]
    assert executable('<a href="https://a.id" title="t">a</a>') == []


@pytest.mark.parametrize(
    "url, safe",
    [
        ("https://bssn.go.id/panduan?a=1&b=2", True),
        ("../phishing/", True),
        ("#tanda", True),
        ("mailto:tik@bkpsdm.go.id", True),
        ("javascript:alert(1)", False),
        (" JAVASCRIPT:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("jav&#x09;ascript:alert(1)", False),
        ("&amp;#106;avascript:alert(1)", False),
        ("javascript&colon;alert(1)", False),
        ("vbscript:x", False),
        ("data:text/html,x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) is safe


def _short_texts(bank: dict) -> list[str]:
    texts = []
    for q in bank.get("questions", []):
        texts += [str(o["text"]) for o in q.get("options", []) if isinstance(o, dict)]
        texts += [str(i) for i in q.get("items", [])]
        texts += [str(side) for p in q.get("pairs", []) for side in p.values()]
        for group in q.get("categories", []):
            texts.append(str(group["name"]))
            texts += [str(i["text"] if isinstance(i, dict) else i) for i in group["items"]]
    return texts


def test_plain_texts_skip_the_parser_and_come_out_as_it_makes_them():
    """A text without Markdown's characters is only escaped: exactly what the parser would
    make of it (checked on every short text of the example course)."""
    texts = []
    for path in sorted((ROOT / "quizzes").rglob("*.yml")):
        texts += _short_texts(yaml.safe_load(path.read_text("utf-8")))
    texts += ['Tom "dan" Jerry\'s', "100% hadir: 45 menit/JP", "a  b", "(x) {y} |z| ~w~ ^v^"]
    plain = [t for t in texts if not re.search(r"[`*_\[\]\\!<>&\x00-\x1f]", t)]
    assert len(plain) > 30
    for text in plain:
        assert f"<p>{inline_html(text)}</p>" == markdown.markdown(text.strip()), text
    assert any("<code>" in inline_html(t) for t in texts)  # the example uses code spans
