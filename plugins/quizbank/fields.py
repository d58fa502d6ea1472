"""The building blocks of the bank format: ids, texts, tags and what every question has.

The question types (`quizbank.types`) and the banks (`quizbank.model`) are built from these.
A field's docstring is its documentation: it becomes the field's description in the
published schema, and error messages quote it. It is read from the source (`field_docs`)
only when one of those needs it, not each time the models are built.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import inspect
import itertools
import json
import textwrap
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=64),
]
"""A stable id: lower-case letters, digits and single hyphens, such as `grow-goal-first`."""

MarkdownText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text, written in Markdown. Raw HTML is shown as text, never run."""

TagText = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$", max_length=32)]
"""A qualification unit or outcome code, such as `L12` or `PQ3-1.2`."""

TrackNumber = Annotated[int, Field(ge=1, le=99)]
"""The number of the track page that teaches a question."""

CognitiveLevel = Literal["recall", "understand", "apply", "analyse"]
"""What a question asks of the learner, from remembering a fact to weighing a situation."""

COGNITIVE_LEVELS: tuple[CognitiveLevel, ...] = get_args(CognitiveLevel)
"""The cognitive levels, from the lowest to the highest."""


class Strict(BaseModel):
    """Base class: unknown keys are errors, values are never coerced between types."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


@functools.cache
def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Return the documentation of a model's fields: each field's docstring, by its name.

    The docstring under the field where it is last declared, read from the source as pydantic's
    `use_attribute_docstrings` reads it; a description given to `Field` comes first.
    """
    docs = {}
    for name, info in model.model_fields.items():
        owners = (base for base in model.__mro__ if name in vars(base).get("__annotations__", {}))
        owner = next(owners, None)
        doc = info.description or (_class_docs(owner).get(name) if owner else None)
        if doc:
            docs[name] = doc
    return docs


@functools.cache
def _class_docs(cls: type) -> dict[str, str]:
    """Return the docstrings under the annotated attributes of one class's own body."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    body = ast.parse(source).body[0]
    docs: dict[str, str] = {}
    if not isinstance(body, ast.ClassDef):
        return docs
    for before, after in itertools.pairwise(body.body):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(after.value.value)
    return docs


class Tagged(Strict):
    """What every question and self-assessment item may be tagged with."""

    track: TrackNumber | None = None
    """The track that teaches this; the question links back to that track's page."""
    units: list[TagText] = []
    """Qualification units this covers, such as G3 or L12."""
    outcomes: list[TagText] = []
    """Learning outcomes or assessment criteria this covers, such as PQ3-1.2."""


NOT_ANSWERED = frozenset({"explanation", "track", "units", "outcomes", "shuffle", "level", "hints"})
"""Fields of a question that the learner does not answer: changing them keeps saved answers."""


class QuestionBase(Tagged):
    """What every quiz question has, whatever its type."""

    id: Identifier
    """Stable id of the question. Saved answers and LMS exports key on it: never reuse one."""
    text: MarkdownText
    """The question, in Markdown."""
    explanation: MarkdownText | None = None
    """Why the answer is what it is, shown after checking and in the printed page."""
    level: CognitiveLevel | None = None
    """What the question asks of the learner: `recall` a fact, `understand` an idea (explain
    it, tell it from another), `apply` one to a workplace situation (what to do, say or
    notice), or `analyse` a situation (weigh it, find what is wrong). `quizbank lint` reports
    each bank's mix."""
    hints: list[MarkdownText] = []
    """Hints the learner may reveal one at a time before checking, in the order written: the
    first a nudge, the last close to the answer. Rewording them keeps saved answers."""

    def fingerprint(self) -> str:
        """Return a short hash of what the learner answers; stale saved answers are dropped."""
        digest = hashlib.sha256(json.dumps(self.answered(), sort_keys=True).encode("utf-8"))
        return digest.hexdigest()[:12]

    def answered(self) -> dict[str, object]:
        """Return what the learner answers: the question without feedback, tags or explanation.

        Rewording feedback keeps saved answers, so no field named with `feedback` counts, at
        any depth. The same as `model_dump` without those fields, read from the attributes.
        """
        return {
            name: _answered(getattr(self, name))
            for name in _answered_fields(type(self))
            if name not in NOT_ANSWERED
        }


@functools.cache
def _answered_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Return the fields of a model that can count as answered: none about feedback."""
    return tuple(name for name in model.model_fields if "feedback" not in name)


def _answered(value: object) -> object:
    """Return a field's value as plain data, leaving out feedback in the models it holds."""
    if isinstance(value, BaseModel):
        return {name: _answered(getattr(value, name)) for name in _answered_fields(type(value))}
    if isinstance(value, list):
        return [_answered(item) for item in value]
    return value


class Option(Strict):
    """An option of a choice question, or an answer to a fill-in, with its feedback."""

    text: MarkdownText
    """The option as the learner sees it, or the answer as the learner types it."""
    feedback: MarkdownText | None = None
    """Shown once the learner has answered with it: say why it is right or wrong."""


def _option_form(value: object) -> str | None:
    """Tell an option written as plain text from one written as a mapping."""
    if isinstance(value, str):
        return "plain"
    if isinstance(value, dict | Option):
        return "detailed"
    return None


OptionEntry = Annotated[
    Annotated[MarkdownText, Tag("plain")] | Annotated[Option, Tag("detailed")],
    Discriminator(
        _option_form,
        custom_error_type="option_form",
        custom_error_message="an option or answer is text, or a mapping with text and feedback",
    ),
]
"""An option or answer: its text alone, or a mapping with `text` and `feedback`."""

UNION_TAGS = frozenset({"plain", "detailed"})
"""Labels of union members that are not keys in the data (error locations include them)."""

FormatVersion = Literal[1]
"""The version of the bank format this engine reads."""


def normalise(text: str) -> str:
    """Fold white space, so an answer matches an option however it is wrapped."""
    return " ".join(text.split())
