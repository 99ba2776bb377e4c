"""Many phrases in one pattern, and matches that stand alone as words."""

from asah.search.patterns import alternation, standalone


def found(choices: list[str], text: str) -> list[str]:
    pattern = alternation(choices, "(", r")(?![\w-])")
    assert pattern is not None
    return [m.group(1) for m in standalone(pattern, text)]


def test_a_match_stands_alone_on_both_sides() -> None:
    text = "ASN, PNS-nya, XASN, ASN2, (PPPK) dan _SKP atau é-JP; PNS"
    assert found(["ASN", "PNS", "PPPK", "SKP", "JP"], text) == ["ASN", "PPPK", "PNS"]


def test_the_longest_choice_wins() -> None:
    assert found(["UU", "UU PDP"], "UU PDP dan UU ITE") == ["UU PDP", "UU"]


def test_a_match_inside_a_rejected_one_is_still_found() -> None:
    # "XUU PDP": "UU PDP" follows a letter, but "PDP" inside it stands alone
    assert found(["UU PDP", "PDP"], "XUU PDP") == ["PDP"]


def test_no_choices_no_pattern() -> None:
    assert alternation([], "(", ")") is None
