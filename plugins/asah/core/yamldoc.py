"""YAML loading that remembers where every value was written.

`load()` returns plain Python data plus a map from key paths such as
`("groups", 0, "competencies", 1, "id")` to 1-based line numbers, so validation messages can
say `path:line`. Only the safe YAML subset is constructed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

KeyPath = tuple[Any, ...]


class YamlSyntaxError(Exception):
    """YAML that cannot be read: at `line` (1-based, offset added), what to check (`kind`, a
    message key `yaml_<kind>` with its `values`: core/yamlerrors.py) and the parser's words."""

    def __init__(
        self,
        line: int | None,
        message: str,
        kind: str = "other",
        values: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.kind = kind
        self.values = values if values is not None else {"detail": message}


@dataclass
class YamlDoc:
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    # (line, key, line of the first use): YAML keeps only the last value of a repeated key
    duplicate_keys: list[tuple[int, str, int]] = field(default_factory=list)
    line_offset: int = 0  # added to every line: the document may start inside a larger file

    def line(self, *path: Any) -> int | None:
        """Line of the value at `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found + self.line_offset
        return None

    def key_line(self, *path: Any) -> int | None:
        """Line of the key itself (for a mapping entry) rather than of its value."""
        found = self.lines.get((*path, _KEY))
        return found + self.line_offset if found is not None else self.line(*path)


_KEY = object()  # marker in key paths for "the key of this entry"
# libyaml's parser (shipped in PyYAML wheels) gives the same nodes and marks, several times faster
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document; raise YamlSyntaxError with the line of the problem."""
    try:
        try:
            node = yaml.compose(text, Loader=_COMPOSER)
        except yaml.YAMLError:
            # the pure-Python parser words its errors better ("but got ':'"); errors are rare
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        from .yamlerrors import explain  # only for a mistake: not imported by every build

        found = explain(error, text)
        line = found.line + 1 + line_offset if found.line is not None else None
        problem = error.problem or error.context or "invalid YAML"
        raise YamlSyntaxError(line, problem, found.kind, found.values) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        raise YamlSyntaxError(None, str(error)) from None
    doc = YamlDoc(data=None, line_offset=line_offset)
    if node is not None:
        try:
            doc.data = _construct(node, (), doc)
        except yaml.constructor.ConstructorError as error:
            mark = error.problem_mark
            line = mark.line + 1 + line_offset if mark else None
            problem = error.problem or "invalid value"
            tag = re.search(r"for the tag '!(?!!)", problem)
            if tag:  # `prompt: !penting`: a text read as a YAML tag
                raise YamlSyntaxError(line, problem, "special_start", {"char": "!"}) from None
            raise YamlSyntaxError(line, problem) from None
        finally:
            # the constructor memoises every node it built (for aliases): keep none of this
            # document's, or every page's YAML tree stays in memory for the whole build
            _scalars.constructed_objects.clear()
            _scalars.recursive_objects.clear()
    return doc


_scalars = yaml.SafeLoader("")  # only used to resolve and construct plain scalars
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_BOOLS = yaml.SafeLoader.bool_values  # yes/no, true/false, on/off as YAML 1.1 reads them
_MERGE_TAGS = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})


def _construct(node: yaml.Node, path: KeyPath, doc: YamlDoc) -> Any:
    lines = doc.lines
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, _ in node.value:
            if key_node.tag in _MERGE_TAGS:  # merge keys (<<): rare, and PyYAML's loop is slow
                _scalars.flatten_mapping(node)
                break
        for key_node, value_node in node.value:
            if key_node.tag == _STR:
                key = key_node.value
            else:
                key = _scalars.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                key = str(key)
            key_line = key_node.start_mark.line + 1
            if key in result:
                first = lines[(*path, key, _KEY)]
                doc.duplicate_keys.append(
                    (key_line + doc.line_offset, str(key), first + doc.line_offset)
                )
            result[key] = _construct(value_node, (*path, key), doc)
            lines[(*path, key, _KEY)] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, i), doc) for i, item in enumerate(node.value)]
    tag, value = node.tag, node.value
    # what the safe constructor makes of a string, a decimal number or a boolean, without its
    # overhead (every other scalar goes to it)
    if tag == _STR:
        return value
    if tag == _INT and value.isascii() and value.isdigit() and (value[0] != "0" or value == "0"):
        return int(value)
    if tag == _BOOL:
        return _BOOLS[value.lower()]
    return _scalars.construct_object(node, deep=True)
