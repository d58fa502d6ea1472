"""Read a YAML file safely into plain data, remembering where every value came from.

Only YAML's plain types are read (text, numbers, true/false, lists, mappings). Tags such as
`!!python/object` and anchors or aliases are refused, so a bank can neither run code nor
expand into an alias bomb.

Files are parsed by libyaml, PyYAML's C parser, when PyYAML has it (its wheels do): the same
rules and the same positions, over ten times faster than the pure-Python parser, which a
10,000-question site spent most of its build in. When libyaml finds a syntax error, or PyYAML
was built without it, the file is parsed again in pure Python, so problems are reported in the
same words as ever.

The parser's events are turned into data here, one after another, rather than composed into a
tree first: composing is recursive, and a file of nested lists a few kilobytes long crashed
it (RecursionError in Python, a crash in libyaml). Nesting deeper than `MAX_DEPTH` is a
problem at its place. Every problem that does not stop the reading (a tag, a repeated key, a
value that cannot be read) is reported; one that does (a syntax error, a character YAML does
not allow, too deep a nesting) says that the rest of the file waits for it.
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

if getattr(yaml, "__with_libyaml__", False):

    class _FastBankLoader(yaml.CSafeLoader):
        """`BankLoader`'s rules, with libyaml's parser."""

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

    def at(self, location: Location, *, key: bool = False) -> tuple[int, int]:
        """Return the line and column of a value (or of its key), or of its nearest parent."""
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
    if not text.strip():
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
    _check_tabs(text, source)
    if source.problems:
        return source
    source.data = _compose(text, source)
    return source


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
_BLOCKS = "nothing after it in this file is checked until it is fixed"

MAX_DEPTH = 50
"""Lists and mappings nested deeper are refused: a bank needs fewer than ten levels, and
libyaml's own composer crashes the process on a file nested a hundred thousand deep."""

_RESOLVER = BankLoader("")
"""Resolves plain scalars by `BankLoader`'s rules, whichever parser reads the events."""


def _compose(text: str, source: Source) -> Any:
    """Read the text into plain data, with positions; problems are added to the source.

    Parsed by libyaml when PyYAML has it. Its events are read here, one after another,
    rather than composed into a tree (which is recursive: a deep file would crash it): a
    syntax error is reported by the pure-Python parser, in its words.
    """
    if FastBankLoader is not None:
        attempt = Source(source.path)
        try:
            data = _Reader(attempt).read(yaml.parse(text, Loader=FastBankLoader))
        except yaml.YAMLError:
            pass  # parse again below, to report the error in the pure-Python parser's words
        else:
            source.problems.extend(attempt.problems)
            source._values.update(attempt._values)
            source._keys.update(attempt._keys)
            return data
    try:
        return _Reader(source).read(yaml.parse(text, Loader=BankLoader))
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        shown = f"U+{error.character:04X}" if isinstance(error.character, int) else "a byte"
        source.problems.append(
            Problem(
                source.path,
                line,
                column,
                f"the character {shown} is not allowed in YAML; remove it ({_BLOCKS})",
            )
        )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        source.problems.append(
            Problem(source.path, line, column, f"YAML syntax error: {what}{_hint(what)}; {_BLOCKS}")
        )
    except yaml.YAMLError as error:
        source.problems.append(Problem(source.path, 1, 1, f"YAML syntax error: {error}; {_BLOCKS}"))
    return None


def _hint(what: str) -> str:
    """Return a hint for a syntax error authors meet often, or nothing."""
    if "mapping values are not allowed here" in what:
        return (
            " (a text that holds a colon followed by a space must be in quotes: "
            "text: 'Goal: what do you want?')"
        )
    if "found character '\\t'" in what:
        return " (indent with spaces, not tabs)"
    return ""


_SKIP = object()
"""The key of a mapping entry whose value is read but not kept: a refused or repeated key."""
_KEY_NODE = object()
"""The key of a mapping entry while a list or mapping is read as its key (it is refused)."""


class _Frame:
    """A list or mapping being read: its data, where it is, and the key awaiting its value."""

    __slots__ = ("data", "keep", "key", "location", "plain")

    def __init__(self, data: list[Any] | dict[str, Any], location: Location, keep: bool) -> None:
        self.data = data
        self.location = location
        self.keep = keep
        """Whether positions and problems inside it are recorded (not in a refused part)."""
        self.plain = True
        """Whether its tag is a plain list or mapping; if not, its value is None."""
        self.key: Any = None
        """In a mapping: None while a key is expected, else the key awaiting its value."""


class _Reader:
    """Turn a stream of YAML events into plain data, without recursion, at most 50 deep."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.anchors = False
        self.documents = 0

    def read(self, events: Any) -> Any:
        """Read every event; return the data, or None when anchors or depth refuse the file."""
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    self._problem(
                        event,
                        "a file holds one document: remove this '---' and what follows it, "
                        f"or put it in a file of its own ({_BLOCKS})",
                    )
                    return None
            elif isinstance(event, yaml.AliasEvent):
                self.anchors = True
                self._problem(event, _ANCHORS)
                self._value(None)
            elif isinstance(event, yaml.ScalarEvent):
                self._scalar(event)
            elif isinstance(event, yaml.CollectionStartEvent):
                if len(self.stack) >= MAX_DEPTH:
                    self._problem(
                        event,
                        f"lists and mappings are nested more than {MAX_DEPTH} deep here; "
                        f"a bank needs only a few levels ({_BLOCKS})",
                    )
                    return None
                self._start(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                frame = self.stack.pop()
                self._value(frame.data if frame.plain else None)
        return None if self.anchors else self.root

    def _problem(self, event: Any, message: str) -> None:
        """Report a problem at an event's start."""
        mark = event.start_mark
        self.source.problems.append(
            Problem(self.source.path, mark.line + 1, mark.column + 1, message)
        )

    def _where(self) -> tuple[Location | None, bool]:
        """Return where the next node goes (None for a mapping's key), and whether it is kept."""
        if not self.stack:
            return (), True
        top = self.stack[-1]
        if isinstance(top.data, list):
            return (*top.location, len(top.data)), top.keep
        if top.key is None:
            return None, top.keep
        return (*top.location, top.key), top.keep and top.key is not _SKIP

    def _tag(self, event: Any, kind: type[Node]) -> str:
        """Return a node's tag, resolved as the composer does; report an anchor."""
        if event.anchor:
            self.anchors = True
            self._problem(event, _ANCHORS)
        if event.tag is None or event.tag == "!":
            return _RESOLVER.resolve(kind, getattr(event, "value", None), event.implicit)
        return str(event.tag)

    def _refuse_tag(self, tag: str, location: Location) -> None:
        """Report a tag that is not one of YAML's plain types."""
        self.source.problems.append(
            self.source.problem(
                location,
                f"the YAML tag {tag.replace('tag:yaml.org,2002:', '!!')}"
                " is not allowed; only plain text, numbers, lists and mappings",
            )
        )

    def _record(self, location: Location, event: Any) -> None:
        """Remember where a value starts."""
        self.source._values[location] = (event.start_mark.line + 1, event.start_mark.column + 1)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        location, keep = self._where()
        tag = self._tag(event, ScalarNode)
        if location is None:
            self._key(event, tag)
            return
        value = None
        if keep:
            self._record(location, event)
            if tag not in _PLAIN_TAGS:
                self._refuse_tag(tag, location)
            elif tag == _STR:
                value = event.value  # what the constructor returns for text, without making one
            else:
                node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)
                try:
                    value = SafeConstructor().construct_object(node)
                except (yaml.YAMLError, ValueError) as error:
                    self.source.problems.append(
                        self.source.problem(location, f"cannot read this value: {error}")
                    )
        self._value(value)

    def _start(self, event: Any) -> None:
        location, keep = self._where()
        mapping = isinstance(event, yaml.MappingStartEvent)
        tag = self._tag(event, MappingNode if mapping else SequenceNode)
        data: list[Any] | dict[str, Any] = {} if mapping else []
        if location is None:  # a list or mapping written as a key
            top = self.stack[-1]
            if top.keep:
                self._problem(event, "key 'a list or mapping' must be text; put it in quotes")
            top.key = _KEY_NODE
            self.stack.append(_Frame(data, (), keep=False))
            return
        if keep:
            self._record(location, event)
            if tag not in _PLAIN_TAGS:
                self._refuse_tag(tag, location)
        frame = _Frame(data, location, keep=keep and tag in _PLAIN_TAGS)
        frame.plain = tag in _PLAIN_TAGS
        self.stack.append(frame)

    def _key(self, event: yaml.ScalarEvent, tag: str) -> None:
        top = self.stack[-1]
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if tag != _STR:
            if top.keep:
                message = f"key {event.value!r} must be text; put it in quotes"
                self.source.problems.append(Problem(self.source.path, *mark, message))
            top.key = _SKIP
            return
        key = event.value
        if key in top.data:
            if top.keep:
                first = self.source._keys[(*top.location, key)]
                self.source.problems.append(
                    Problem(
                        self.source.path,
                        *mark,
                        f"key {key!r} appears twice in this mapping (first at line {first[0]})",
                    )
                )
            top.key = _SKIP
            return
        if top.keep:
            self.source._keys[(*top.location, key)] = mark
        top.key = key

    def _value(self, value: Any) -> None:
        """Put a finished node's value where it belongs."""
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.data, list):
            top.data.append(value)
        elif top.key is None or top.key is _KEY_NODE:  # an alias or a list as a key
            top.key = _SKIP
        else:
            if top.key is not _SKIP:
                top.data[top.key] = value
            top.key = None
