import textwrap

from asah.core.diagnostics import Reporter
from asah.course import framework

PATH = "site_config/competencies.yml"


def parse(text: str):
    reporter = Reporter()
    result = framework.parse(textwrap.dedent(text).lstrip("\n"), PATH, reporter)
    return result, reporter


def test_built_in_asn_framework():
    asn = framework.load_built_in("asn")
    managerial = asn.groups[0]
    assert [c.code for c in managerial.competencies] == [f"M.0{i}" for i in range(1, 9)]
    assert [c.id for c in managerial.competencies][:3] == ["integritas", "kerja-sama", "komunikasi"]
    assert asn.get("perekat-bangsa") is not None
    for competency in asn.competencies():
        assert competency.name and competency.description
        assert sorted(competency.levels) == [1, 2, 3, 4, 5]
    assert sorted(asn.level_labels) == [1, 2, 3, 4, 5]


def test_no_file_means_built_in():
    assert framework.load(None, PATH, Reporter()).ids() == framework.load_built_in("asn").ids()


def test_extends_adds_groups():
    result, reporter = parse(
        """
        extends: asn
        groups:
          - id: teknis
            name: Teknis
            competencies:
              - id: keamanan-informasi
                name: Keamanan Informasi
                levels: {1: Dasar, 2: Mandiri}
        """
    )
    assert reporter.messages() == []
    assert result.get("keamanan-informasi").levels == {1: "Dasar", 2: "Mandiri"}
    assert result.get("integritas").code == "M.01"
    assert result.groups[-1].id == "teknis"


def test_own_framework_without_extends():
    result, reporter = parse(
        """
        groups:
          - id: g
            name: G
            competencies:
              - {id: a, name: A}
        """
    )
    assert reporter.messages() == []
    assert result.ids() == ["a"]


def test_yaml_syntax_error_is_fatal_with_line():
    _, reporter = parse(
        """
        extends: asn
        groups:
          - id: teknis
            name: [Teknis
        """
    )
    assert reporter.messages() == [
        f"{PATH}:4: YAML syntax error: the '[' opened on this line is not closed with ']'; "
        "close it, or put the text in quotes if it starts with '['"
    ]
    assert reporter.fatal_problems


def test_duplicate_competency_ids():
    _, reporter = parse(
        """
        extends: asn
        groups:
          - id: teknis
            name: Teknis
            competencies:
              - id: keamanan-informasi
                name: Keamanan Informasi
              - id: keamanan-informasi
                name: Keamanan Informasi Lanjut
              - id: integritas
                name: Integritas Teknis
        """
    )
    assert reporter.messages() == [
        f"{PATH}:8: duplicate competency id 'keamanan-informasi' (already defined at {PATH}:6); "
        "competency ids must be unique across the framework",
        f"{PATH}:10: duplicate competency id 'integritas' (already defined at built-in "
        "framework 'asn'); competency ids must be unique across the framework",
    ]
    assert len(reporter.fatal_problems) == 2


def test_unknown_extends():
    _, reporter = parse("extends: asm\n")
    assert reporter.messages() == [
        f"{PATH}:1: unknown framework 'asm' in 'extends' (did you mean 'asn'?); "
        "expected one of: asn"
    ]
    assert reporter.fatal_problems


def test_extends_given_as_a_list():
    _, reporter = parse("extends: [asn]\n")
    assert reporter.messages() == [
        f"{PATH}:1: 'extends' takes one name, not a list; write for example `extends: asn`"
    ]
    assert reporter.fatal_problems


def test_competency_without_name():
    _, reporter = parse(
        """
        groups:
          - id: teknis
            name: Teknis
            competencies:
              - id: literasi-digital
                description: Tanpa nama
        """
    )
    assert reporter.messages() == [
        f"{PATH}:5: competency 'literasi-digital' has no name; expected 'name:'"
    ]


def test_unknown_keys_bad_levels_and_ids():
    _, reporter = parse(
        """
        extends: asn
        groups:
          - id: teknis
            name: Teknis
            competencies:
              - id: Literasi Digital
                name: Literasi Digital
              - id: data
                nama: Data
                name: Data
                levels: {0: Nol, 2: "", six: x}
        """
    )
    assert reporter.messages() == [
        f"{PATH}:6: competency id 'Literasi Digital' is not valid; expected lowercase letters, "
        "digits and single hyphens (e.g. 'keamanan-informasi')",
        f"{PATH}:9: unknown key 'nama' (did you mean 'name'?); expected one of: id, name, code, "
        "description, levels",
        f"{PATH}:11: level 0 is not a level; expected an integer from 1 to 5",
        f"{PATH}:11: level 2 needs a description (text)",
        f"{PATH}:11: level 'six' is not a level; expected an integer from 1 to 5",
    ]
    assert not reporter.fatal_problems


def test_names_are_ids_and_codes():
    """What a lesson, bank or path may name a competency by: its id or its code (also in
    capitals); a code two competencies share names neither, and an id wins over a code."""
    names = framework.load_built_in("asn").names()
    assert names["M.04"] == names["orientasi-pada-hasil"] == "orientasi-pada-hasil"
    assert "perekat-bangsa" in names  # no code
    own, reporter = parse(
        """
        groups:
          - id: teknis
            name: Teknis
            competencies:
              - {id: a, name: A, code: t.01}
              - {id: b, name: B, code: X}
              - {id: c, name: C, code: X}
              - {id: d, name: D, code: a}
        """
    )
    assert reporter.messages() == []
    assert own.names() == {
        "t.01": "a",
        "T.01": "a",
        "A": "d",
        "a": "a",
        "b": "b",
        "c": "c",
        "d": "d",
    }
    broken, _ = parse("groups: [\n")
    assert broken.names() is None  # nothing to check against: no message about every id
