"""What a question type is made of, declared once per type in `quizbank.types`.

A type brings its bank model, the checks its structure alone does not catch, how it renders,
the answer key the browser script grades against, and how it maps onto each export format
(or why it cannot). `quizbank.types.QUESTION_TYPES` registers every type; the rest of the
engine looks a type up there and never branches on type names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar
from xml.etree.ElementTree import Element

from pydantic import BaseModel

from ..fields import QuestionBase
from ..html import Html
from ..yamlsource import Location

Q = TypeVar("Q", bound=QuestionBase)

Finding = tuple[Location, str]
"""A problem in a bank: where it is, and what to do about it."""


@dataclass
class Rendered:
    """The parts of one rendered question: what the learner answers, and the answer key."""

    body: list[Html] = field(default_factory=list)
    key: list[Html | None] = field(default_factory=list)
    """The answer key's parts; None for a part a question has nothing for."""


@dataclass(frozen=True)
class Unsupported:
    """A format that cannot hold a question type, and why (the export report says it)."""

    reason: str


@dataclass(frozen=True)
class MoodleXml(Generic[Q]):
    """How a type maps onto a Moodle XML question."""

    qtype: str
    """Moodle's question type, the `type` of `<question>`."""
    summary: str
    """How the mapping reads in the export report."""
    write: Callable[[Element, Q], None]
    """Add the type's own elements (settings, answers) to the `<question>`."""
    refuse: Callable[[Q], str | None] = lambda question: None
    """Why Moodle cannot hold this question, if it cannot."""
    penalty: str = "0.3333333"
    """The share of the grade lost for each wrong try, in interactive modes."""


@dataclass(frozen=True)
class Gift(Generic[Q]):
    """How a type maps onto GIFT."""

    answers: Callable[[Q], str]
    """The answer part, the lines between `{` and `}` (already escaped)."""
    refuse: Callable[[Q], str | None] = lambda question: None
    """Why GIFT cannot hold this question, if it cannot."""


def no_checks(question: Any, where: Location) -> Iterator[Finding]:
    """Check nothing: for types whose structure says all there is to check."""
    return iter(())


@dataclass(frozen=True)
class QuestionType(Generic[Q]):
    """One question type: everything the engine needs of it, in one place."""

    model: type[Q]
    """The type's bank model; its `type` field's literal is the type's name."""
    render: Callable[[Q, str], Rendered]
    """Render a question, given the id its elements are named after."""
    answer_key: Callable[[Q], str]
    """The answer as `data-qb-answer` carries it to the type's grader in the browser script."""
    moodle: MoodleXml[Q] | Unsupported
    gift: Gift[Q] | Unsupported
    scorm: str
    """The SCORM 1.2 interaction type an LMS records an answer as."""
    example: Callable[[str], dict[str, object]]
    """A valid question of this type as a bank writes it, with the given id (for tests,
    benchmarks and the authors' guide)."""
    check: Callable[[Q, Location], Iterable[Finding]] = no_checks
    """Problems a valid structure can still have, such as an answer that names no option."""
    nested: Mapping[str, type[BaseModel]] = field(default_factory=dict)
    """Models of the type's own nested mappings by field name, so errors can name their keys."""

    @property
    def name(self) -> str:
        """Return the type's name, as banks write it in `type:`."""
        return self.model.model_fields["type"].annotation.__args__[0]  # type: ignore[union-attr]
