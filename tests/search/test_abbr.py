"""An acronym's first use on a page becomes <abbr title="expansion">; code, links, headings and
the author's own abbreviations are left alone."""

from __future__ import annotations

import markdown

from asah.search.abbr import FirstUseExtension

ACRONYMS = {
    "ASN": "Aparatur Sipil Negara",
    "TTE": "tanda tangan elektronik",
    "UU PDP": "UU 27/2022",
}


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[FirstUseExtension(lambda: ACRONYMS), "toc"])


def test_first_use_only_and_each_acronym_once():
    html = render("Setiap ASN memakai TTE. ASN lain juga memakai TTE dan UU PDP.")
    assert html == (
        '<p>Setiap <abbr title="Aparatur Sipil Negara">ASN</abbr> memakai '
        '<abbr title="tanda tangan elektronik">TTE</abbr>. ASN lain juga memakai TTE dan '
        '<abbr title="UU 27/2022">UU PDP</abbr>.</p>'
    )


def test_code_links_headings_and_other_words_left_alone():
    html = render(
        "# ASN\n\n`ASN` dan [ASN](x.md) dan ASNX dan asn dan PASN.\n\n- dalam daftar: ASN"
    )
    assert html.count("<abbr") == 1
    assert '<li>dalam daftar: <abbr title="Aparatur Sipil Negara">ASN</abbr></li>' in html
    assert '<h1 id="asn">ASN</h1>' in html and "<code>ASN</code>" in html


def test_text_that_is_not_markup_is_escaped():
    html = markdown.markdown(
        "ASN <b>x</b>", extensions=[FirstUseExtension(lambda: {"ASN": '"><script>'})]
    )
    assert "<script>" not in html and 'title="&quot;&gt;&lt;script&gt;"' in html
