"""The glossary page (`istilah/`, `glossary/`): every term with its expansion, other names and
description, in alphabetical order; each term has an anchor search results link to."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape

from ..core.i18n import Strings
from .glossary import Glossary, Term
from .index import SearchPage
from .sections import Section

GLOSSARY_WEIGHT = 0.5


def glossary_html(glossary: Glossary, strings: Strings, block: Callable[[str], str]) -> str:
    """`block` turns a description's Markdown into HTML."""
    terms = glossary.sorted()
    # the intro's example: ASN when the glossary has it, else its first acronym of letters
    acronyms = [t for t in terms if t.case_sensitive and t.term.isalpha()]
    example = next((t for t in acronyms if t.term == "ASN"), None) or next(
        iter(acronyms or terms), None
    )
    parts = ['<div class="asah-glossary">']
    if example is not None:
        intro = strings("glossary_intro", example=example.term)
        parts.append(f'<p class="asah-glossary__intro">{escape(intro)}</p>')
    parts.append('<dl class="asah-glossary__terms">')
    for term in terms:
        parts.append(f'<dt id="{escape(term.anchor)}">{escape(term.term)}</dt>')
        parts.append(f"<dd><p>{escape(term.expansion)}</p>")
        if term.synonyms:
            also = ", ".join(str(escape(s)) for s in term.synonyms)
            parts.append(
                f'<p class="asah-glossary__also">{escape(strings("glossary_also"))}: {also}</p>'
            )
        if term.description:
            parts.append(block(term.description))
        parts.append("</dd>")
    parts.append("</dl></div>")
    return "\n".join(parts)


def glossary_search_page(location: str, title: str, glossary: Glossary) -> SearchPage:
    """The glossary as search sees it: one section per term (its expansion, other names and
    description), so a result leads to the term itself."""
    return SearchPage(
        location,
        title,
        [Section(t.anchor, t.term, _term_text(t)) for t in glossary.sorted()],
        weight=GLOSSARY_WEIGHT,
    )


def _term_text(term: Term) -> str:
    return " ".join([term.expansion, *term.synonyms, term.description])
