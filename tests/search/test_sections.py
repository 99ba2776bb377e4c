"""A page's searchable sections from its HTML: split at h2/h3 with ids, quizzes and other
excluded parts left out, entities decoded."""

from __future__ import annotations

from asah.search.sections import Section, article, sections


def test_split_at_headings_with_ids():
    html = (
        '<h1 id="phishing">Phishing<a class="headerlink" href="#phishing">¶</a></h1>\n'
        "<p>Pesan palsu yang <strong>meniru</strong> instansi.</p>\n"
        '<h2 id="tanda-tanda">Tanda-tanda <code>phishing</code><a class="headerlink" '
        'href="#tanda-tanda">¶</a></h2>\n<ul><li>Alamat &amp; tautan aneh</li></ul>\n'
        "<h4>Lebih rinci</h4><p>Periksa pengirim.</p>"
        '<h3 id="melapor">Melapor</h3><p>Hubungi tim TI.</p>'
    )
    assert sections(html) == [
        Section("", "", "Pesan palsu yang meniru instansi."),
        Section(
            "tanda-tanda",
            "Tanda-tanda phishing",
            "Alamat & tautan aneh Lebih rinci Periksa pengirim.",
        ),
        Section("melapor", "Melapor", "Hubungi tim TI."),
    ]


def test_excluded_parts_are_left_out():
    html = (
        "<p>Teks pelajaran.</p>"
        '<div data-search-exclude><div class="asah-quiz"><p>Jawaban benar: B</p></div>'
        "<p>penjelasan</p></div>"
        "<!-- asah:after-search:0 --><script>var x = 'rahasia';</script>"
        "<style>.x{}</style><p>Sesudah kuis.</p><br><img src=x alt=y>"
    )
    assert sections(html) == [Section("", "", "Teks pelajaran. Sesudah kuis.")]


def test_article_of_a_whole_page():
    page = (
        '<html><body><nav>menu</nav><article class="md-content__inner md-typeset">'
        "<p>isi</p></article><footer>kaki</footer></body></html>"
    )
    assert article(page) == "<p>isi</p>"
    assert article("<html>no article</html>") == ""
