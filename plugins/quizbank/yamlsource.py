"""Read a YAML file safely into plain data, remembering where every value came from.

Only YAML's plain types are read (text, numbers, true/false, lists, mappings). Tags such as
`!!python/object` and anchors or aliases are refused, so a bank can neither run code nor
expand into an alias bomb.

Files are parsed by libyaml, PyYAML's C parser, when PyYAML has it (its wheels do): the same
rules and the same positions, over ten times faster than the pure-Python parser, which a
10,000-question site spent most of its build in. When libyaml finds a syntax error, or PyYAML
was built without it, the file is parsed again in pure Python, so problems are reported in the
same words as ever.

A file that is well formed (most are, most of the time) is read without noting where each
value is: its text is kept, and read again for positions the first time a problem in it needs
one. Anything unusual (a tag, a repeated key, an anchor) sends it down the careful path at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

Location = tuple[str | int, ...]
"""A path into the data, such as `("questions", 2, "options", 0, "text")`."""

MAX_BYTES = 2_000_000
"""Larger files are refused: no bank needs to be this big."""

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_BOOLEANS = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
"""The booleans BankLoader reads, with their values (an explicit `!!bool yes` goes the long way)."""
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}


def field_path(location: Location) -> str:
    """Render a location as the field path an author reads, such as `questions[2].text`."""
    name = ""
    for step in location:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else step)
    return name


class BankLoader(yaml.SafeLoader):
    """YAML's safe loader, reading plain scalars the YAML 1.2 way.

    Only `true` and `false` are booleans, so `answer: yes`, `id: no` and `text: No` are not
    silently turned into true or false; and `11:28` is text, not 688 (base-60 numbers).
    """


BankLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BankLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
BankLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
BankLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)

FastBankLoader: type[Any] | None = None
"""`BankLoader`'s rules read by libyaml's C parser; None when PyYAML was built without it."""

_SCALAR_RULES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    first: tuple(rules) for first, rules in BankLoader.yaml_implicit_resolvers.items()
}
"""BankLoader's rules for plain scalars, by the first character they can start with."""

if getattr(yaml, "__with_libyaml__", False):

    class _FastBankLoader(yaml.CSafeLoader):
        """`BankLoader`'s rules, with libyaml's parser."""

        def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
            """Return a node's tag: PyYAML's own rule, without what banks never use.

            No path resolvers and no wildcard rules: the type of a plain scalar follows from
            its first character's rules, in their order, and anything else is text.
            """
            if kind is ScalarNode:
                if implicit[0]:
                    for tag, rule in _SCALAR_RULES.get(value[:1], ()):
                        if rule.match(value):
                            return tag
                return _STR
            return _SEQ if kind is SequenceNode else _MAP

    _FastBankLoader.yaml_implicit_resolvers = BankLoader.yaml_implicit_resolvers
    FastBankLoader = _FastBankLoader


@dataclass
class Source:
    """A YAML file read into plain data, with positions and the problems found."""

    path: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    _values: dict[Location, tuple[int, int]] = field(default_factory=dict)
    _keys: dict[Location, tuple[int, int]] = field(default_factory=dict)
    _text: str | None = None
    """The text, while where its values are has not been worked out."""

    def locate(self) -> None:
        """Work out where each value is, if that was left until a problem needed it."""
        if self._text is None:
            return
        text, self._text = self._text, None
        located = Source(self.path)
        node = _compose(text, located)
        if node is not None:
            _to_data(node, (), located)
        self._values, self._keys = located._values, located._keys

    def at(self, location: Location, *, key: bool = False) -> tuple[int, int]:
        """Return the line and column of a value (or of its key), or of its nearest parent."""
        self.locate()
        table = self._keys if key else self._values
        for end in range(len(location), -1, -1):
            found = table.get(location[:end]) or self._values.get(location[:end])
            if found:
                return found
        return (1, 1)

    def problem(self, location: Location, message: str, *, key: bool = False) -> Problem:
        """Return a problem placed at a location in this file."""
        line, column = self.at(location, key=key)
        return Problem(self.path, line, column, message)


def read_yaml(path: Path, display: str) -> Source:
    """Read one YAML file; problems are collected on the result, never raised."""
    source = Source(display)
    try:
        raw = path.read_bytes()
    except OSError as error:
        source.problems.append(Problem(display, 1, 1, f"cannot read the file: {error.strerror}"))
        return source
    text = _decode(raw, source)
    if text is None:
        return source
    if not text or text.isspace():  # without copying the text, as strip() would
        source.problems.append(
            Problem(display, 1, 1, "the file is empty; expected a mapping of fields")
        )
        return source
    return parse_yaml(text, display, source)


def parse_yaml(text: str, display: str, source: Source | None = None) -> Source:
    """Read YAML text by the same rules as a bank file: no tags, no aliases, no repeated keys.

    Lines and columns in problems count from the start of the text.
    """
    source = source or Source(display)
    if "\t" in text:
        _check_tabs(text, source)
        if source.problems:
            return source
    if FastBankLoader is not None and not ("&" in text and _ANCHOR.search(text)):
        try:
            node = yaml.compose(text, Loader=FastBankLoader)
            source.data = None if node is None else _plain(node)
        except (yaml.YAMLError, _NotPlain, ValueError):
            pass  # read it again with care: the problem is reported with its position
        else:
            source._text = text
            return source
    node = _compose(text, source)
    if node is not None:
        source.data = _to_data(node, (), source)
    return source


class _NotPlain(Exception):
    """Raised by the quick reading at what it leaves to the careful one.

    That is anything to report: a tag, a key that is not text or that appears twice.
    """


_ANCHOR = re.compile(r"(?<![^\s\[{,])&\S")
"""Where an anchor (`&name`) may start: a file without one cannot hold an alias either."""


def _plain(node: Node) -> Any:
    """Turn a node into plain data, as `_to_data` would for a file with nothing to report."""
    kind = type(node)
    if kind is ScalarNode:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _INT and _DECIMAL.match(node.value):
            return int(node.value)
        if tag == _BOOL and node.value in _BOOLEANS:
            return _BOOLEANS[node.value]
        if tag == _NULL:
            return None
        if tag not in _PLAIN_TAGS:
            raise _NotPlain
        return SafeConstructor().construct_object(node)
    if node.tag not in _PLAIN_TAGS:
        raise _NotPlain
    if kind is SequenceNode:
        return [_plain(item) for item in node.value]
    if kind is not MappingNode:
        raise _NotPlain
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if type(key_node) is not ScalarNode or key_node.tag != _STR or key_node.value in result:
            raise _NotPlain
        result[key_node.value] = _plain(value_node)
    return result


def _decode(raw: bytes, source: Source) -> str | None:
    """Decode UTF-8 (a byte-order mark is allowed); report the first bad byte's position."""
    if len(raw) > MAX_BYTES:
        source.problems.append(
            Problem(
                source.path, 1, 1, f"the file is {len(raw):,} bytes; at most {MAX_BYTES:,} are read"
            )
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        source.problems.append(
            Problem(
                source.path,
                line,
                column,
                f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8",
            )
        )
        return None


def _check_tabs(text: str, source: Source) -> None:
    """Report every line indented with a tab: YAML indents with spaces only."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            source.problems.append(
                Problem(
                    source.path,
                    number,
                    indent.index("\t") + 1,
                    "tab used for indentation; YAML indents with spaces",
                )
            )


_ANCHORS = "anchors and aliases (&name, *name) are not allowed; write the value out in full"


def _compose(text: str, source: Source) -> Node | None:
    """Parse the text into a node tree, refusing aliases and reporting syntax errors."""
    if FastBankLoader is not None:
        try:
            return _compose_fast(text, source, FastBankLoader)
        except yaml.YAMLError:
            pass  # parse again below, to report the error in the pure-Python parser's words
    return _compose_pure(text, source)


def _compose_fast(text: str, source: Source, loader: type[Any]) -> Node | None:
    """Parse with libyaml; problems are added only when the whole file parses.

    Without an `&` there is no anchor, and an alias without an anchor is a syntax error
    (reported by the pure-Python parser), so the look for anchors is needed only with one.
    """
    if "&" in text:
        found = [
            Problem(source.path, event.start_mark.line + 1, event.start_mark.column + 1, _ANCHORS)
            for event in yaml.parse(text, Loader=loader)
            if isinstance(
                event, yaml.AliasEvent | yaml.events.CollectionStartEvent | yaml.ScalarEvent
            )
            and getattr(event, "anchor", None)
        ]
        if found:
            source.problems.extend(found)
            return None
    return yaml.compose(text, Loader=loader)


def _compose_pure(text: str, source: Source) -> Node | None:
    """Parse with PyYAML's pure-Python parser, reporting anchors and syntax errors."""
    try:
        for event in yaml.parse(text, Loader=BankLoader):
            if isinstance(
                event, yaml.AliasEvent | yaml.events.CollectionStartEvent | yaml.ScalarEvent
            ) and getattr(event, "anchor", None):
                mark = event.start_mark
                source.problems.append(
                    Problem(source.path, mark.line + 1, mark.column + 1, _ANCHORS)
                )
        if source.problems:
            return None
        return yaml.compose(text, Loader=BankLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        source.problems.append(Problem(source.path, line, column, f"YAML syntax error: {what}"))
    except yaml.YAMLError as error:
        source.problems.append(Problem(source.path, 1, 1, f"YAML syntax error: {error}"))
    return None


def _to_data(node: Node, location: Location, source: Source) -> Any:
    """Turn a node into plain data, recording positions and refusing unsafe tags."""
    source._values[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag not in _PLAIN_TAGS:
        source.problems.append(
            source.problem(
                location,
                f"the YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')}"
                " is not allowed; only plain text, numbers, lists and mappings",
            )
        )
        return None
    if isinstance(node, MappingNode):
        return _mapping(node, location, source)
    if isinstance(node, SequenceNode):
        return [_to_data(item, (*location, index), source) for index, item in enumerate(node.value)]
    if isinstance(node, ScalarNode):
        if node.tag == _STR:
            return node.value  # what the constructor returns for text, without making one
        try:
            return SafeConstructor().construct_object(node)
        except (yaml.YAMLError, ValueError) as error:
            source.problems.append(source.problem(location, f"cannot read this value: {error}"))
    return None


def _mapping(node: MappingNode, location: Location, source: Source) -> dict[str, Any]:
    """Turn a mapping node into a dict, reporting non-text and repeated keys."""
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            shown = key_node.value if isinstance(key_node, ScalarNode) else "a list or mapping"
            source.problems.append(
                Problem(source.path, *mark, f"key {shown!r} must be text; put it in quotes")
            )
            continue
        key = key_node.value
        if key in result:
            first = source._keys[(*location, key)]
            source.problems.append(
                Problem(
                    source.path,
                    *mark,
                    f"key {key!r} appears twice in this mapping (first at line {first[0]})",
                )
            )
            continue
        source._keys[(*location, key)] = mark
        result[key] = _to_data(value_node, (*location, key), source)
    return result
