import pytest
import yaml

from asah.core import yamldoc


def test_lines_of_values_and_keys():
    doc = yamldoc.load("a: 1\nb:\n  - x\n  - {c: 2}\n", line_offset=10)
    assert doc.data == {"a": 1, "b": ["x", {"c": 2}]}
    assert doc.line("b", 1, "c") == 14
    assert doc.key_line("b") == 12
    assert doc.line("missing") == 11  # nearest ancestor: the document


def test_duplicate_keys_are_recorded():
    doc = yamldoc.load("a: 1\nb: 2\na: 3\n")
    assert doc.data["a"] == 3
    assert doc.duplicate_keys == [(3, "a", 1)]


def test_syntax_error_has_line():
    with pytest.raises(yamldoc.YamlSyntaxError) as error:
        yamldoc.load("a: [1\nb: 2\n", line_offset=1)
    # the line where the bracket was opened, not where the parser noticed
    assert error.value.line == 2
    assert (error.value.kind, error.value.values) == ("bracket", {"open": "[", "close": "]"})
    assert error.value.message == "expected ',' or ']', but got ':'"


def test_only_safe_tags():
    with pytest.raises(yamldoc.YamlSyntaxError):
        yamldoc.load("a: !!python/object:os.system x\n")


def test_loading_keeps_no_yaml_nodes_alive():
    # one constructor serves every document; its memo of built nodes must not grow per file
    from asah.core import yamldoc

    for n in range(3):
        yamldoc.load(f"title: Pelajaran {n}\nobjectives: [a, b]\n")
    assert not yamldoc._scalars.constructed_objects


def test_values_are_what_the_safe_loader_makes_of_them():
    """The shortcuts for strings, decimal numbers and booleans make what PyYAML makes."""
    text = (
        "a: 1\nb: 0\nc: 017\nd: 0x1F\ne: 1_000\nf: -3\ng: +4\nh: yes\ni: Off\nj: 1:30\n"
        "k: 3.5\nl: null\nm: 2024-01-01\nbase: &b {x: 1}\nn:\n  <<: *b\n  y: 2\no: '12'\n"
        "p: [true, NO, 10, '0', 007]\nq: !!str 5\n"
    )
    assert yamldoc.load(text).data == yaml.safe_load(text)
