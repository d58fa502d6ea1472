"""The question-bank format, declared once as typed classes.

Every other part of the engine (loading, checking, rendering, the JSON Schema that editors
use, the exports) reads the format from here. A field's docstring is its documentation: it
becomes the field's description in the published schema.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

FORMAT_VERSION = 1
"""The bank format this engine reads; every bank states it in `format`."""

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


class _Strict(BaseModel):
    """Base class: unknown keys are errors, values are never coerced between types."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True
    )


class _Tagged(_Strict):
    """What every question and self-assessment item may be tagged with."""

    track: TrackNumber | None = None
    """The track that teaches this; the question links back to that track's page."""
    units: list[TagText] = []
    """Qualification units this covers, such as G3 or L12."""
    outcomes: list[TagText] = []
    """Learning outcomes or assessment criteria this covers, such as PQ3-1.2."""


class _Question(_Tagged):
    """What every quiz question has."""

    id: Identifier
    """Stable id of the question. Saved answers and LMS exports key on it: never reuse one."""
    text: MarkdownText
    """The question, in Markdown."""
    explanation: MarkdownText | None = None
    """Why the answer is what it is, shown after checking and in the printed page."""

    def fingerprint(self) -> str:
        """Return a short hash of what the learner answers; stale saved answers are dropped."""
        digest = hashlib.sha256(json.dumps(self._answered(), sort_keys=True).encode("utf-8"))
        return digest.hexdigest()[:12]

    def _answered(self) -> dict[str, object]:
        """Return what the learner answers: the question without feedback, tags or explanation."""
        answered = self.model_dump(exclude={"explanation", "track", "units", "outcomes"})
        _drop_feedback(answered)
        return answered


def _drop_feedback(value: object) -> None:
    """Remove feedback fields in place: rewording feedback keeps saved answers."""
    if isinstance(value, dict):
        for key in [k for k in value if "feedback" in k]:
            del value[key]
        for item in value.values():
            _drop_feedback(item)
    elif isinstance(value, list):
        for item in value:
            _drop_feedback(item)


class Option(_Strict):
    """One option of a choice question, with the feedback it gives."""

    text: MarkdownText
    """The option as the learner sees it."""
    feedback: MarkdownText | None = None
    """Shown beside this option once checked: say why it is right or wrong."""


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
        custom_error_message="an option is text, or a mapping with text and feedback",
    ),
]
"""An option: its text alone, or a mapping with `text` and `feedback`."""

UNION_TAGS = frozenset({"plain", "detailed"})
"""Labels of union members that are not keys in the data (error locations include them)."""


class _Choice(_Question):
    """What single-choice and multiple-response questions share."""

    options: list[OptionEntry] = Field(min_length=2)
    """Two or more options: plain text, or `text` with `feedback`."""

    def _answered(self) -> dict[str, object]:
        """Return what the learner answers; an option counts by its text however written."""
        answered = super()._answered()
        answered["options"] = [option.text for option in self.option_list()]
        return answered

    def option_list(self) -> list[Option]:
        """Return the options, each as an `Option`."""
        return [
            entry if isinstance(entry, Option) else Option(text=entry) for entry in self.options
        ]

    def answers(self) -> list[str]:
        """Return the texts named as correct."""
        raise NotImplementedError

    def correct_indices(self) -> list[int]:
        """Return the positions of the options that the answer names."""
        wanted = {_normalise(text) for text in self.answers()}
        return [
            index
            for index, option in enumerate(self.option_list())
            if _normalise(option.text) in wanted
        ]


def _normalise(text: str) -> str:
    """Fold white space, so an answer matches an option however it is wrapped."""
    return " ".join(text.split())


class SingleChoice(_Choice):
    """A question with exactly one correct option."""

    type: Literal["single"]
    """`single`: the learner chooses one option."""
    answer: MarkdownText
    """The correct option, written exactly as in `options`."""

    def answers(self) -> list[str]:
        """Return the one correct option's text."""
        return [self.answer]


class MultipleResponse(_Choice):
    """A question where the learner selects every option that applies."""

    type: Literal["multiple"]
    """`multiple`: select all that apply."""
    answer: list[MarkdownText] = Field(min_length=1)
    """Every correct option, each written exactly as in `options`."""

    def answers(self) -> list[str]:
        """Return the correct options' texts."""
        return list(self.answer)


class TrueFalse(_Question):
    """A statement the learner marks true or false."""

    type: Literal["true-false"]
    """`true-false`: the learner decides whether the statement is true."""
    answer: bool
    """Whether the statement in `text` is true."""
    true_feedback: MarkdownText | None = None
    """Shown when the learner answers True."""
    false_feedback: MarkdownText | None = None
    """Shown when the learner answers False."""


class Ordering(_Question):
    """Items the learner puts into sequence."""

    type: Literal["ordering"]
    """`ordering`: put the items in order."""
    items: list[MarkdownText] = Field(min_length=2)
    """The items in their correct order; the page shows them shuffled."""


class Pair(_Strict):
    """One item and the description it matches."""

    item: MarkdownText
    """The item, such as a principle's name."""
    match: MarkdownText
    """Its description. Shown in a drop-down list, so keep it plain text and short."""


class Matching(_Question):
    """Items the learner pairs with their descriptions."""

    type: Literal["matching"]
    """`matching`: pair each item with its description."""
    pairs: list[Pair] = Field(min_length=2)
    """Two or more pairs."""
    distractors: list[MarkdownText] = []
    """Extra descriptions that match no item."""


Question = Annotated[
    SingleChoice | MultipleResponse | TrueFalse | Ordering | Matching,
    Discriminator("type"),
]
"""Any quiz question, told apart by its `type`."""

QUESTION_TYPES: tuple[str, ...] = ("single", "multiple", "true-false", "ordering", "matching")


class _Bank(_Strict):
    """What every bank has."""

    format: Literal[1]
    """The version of this format. Write `format: 1`."""
    id: Identifier
    """Stable id of the bank, used in pages as `/// quiz | <id>`."""
    title: MarkdownText
    """The bank's title."""
    intro: MarkdownText | None = None
    """A short introduction shown above the questions."""


class QuizBank(_Bank):
    """A bank of quiz questions."""

    kind: Literal["quiz"]
    """`quiz`: questions with right and wrong answers."""
    pass_mark: int | None = Field(default=None, ge=0, le=100)
    """The percentage a learner needs to pass, where an LMS records pass or fail."""
    questions: list[Question] = Field(min_length=1)
    """The questions, in the order they are shown."""


class ScalePoint(_Strict):
    """One point of a self-assessment's rating scale."""

    id: Identifier
    """Stable id of the point, such as `usually`."""
    label: MarkdownText
    """What the learner sees, such as `Usually`."""
    score: int
    """The point's score, used by the `total` rule and to break ties."""


class Item(_Tagged):
    """One statement the learner rates."""

    id: Identifier
    """Stable id of the item. Saved answers key on it."""
    text: MarkdownText
    """The statement or question the learner rates."""


class Section(_Strict):
    """A group of items under one heading."""

    id: Identifier
    """Stable id of the section."""
    title: MarkdownText
    """The section's heading, such as `Do you …`."""
    items: list[Item] = Field(min_length=1)
    """The items in this section."""


class Band(_Strict):
    """A result band and the feedback it gives."""

    id: Identifier
    """Stable id of the band."""
    title: MarkdownText
    """The band's heading, shown as the result."""
    feedback: MarkdownText
    """What the result means and what to do next."""
    when: Identifier | None = None
    """Rule `most`: the scale point the learner chose most often."""
    min: int | None = None
    """Rule `total`: the lowest total score in this band."""
    max: int | None = None
    """Rule `total`: the highest total score in this band."""


class Scoring(_Strict):
    """How answers become a result band."""

    rule: Literal["most", "total"]
    """`most`: the band of the scale point chosen most often. `total`: the band whose
    `min`..`max` holds the sum of the scores."""
    ties: Literal["lower", "higher"] = "lower"
    """Rule `most`: when points tie for most answers, take the band of the tied point with the
    `lower` score (the cautious reading, the default) or the `higher` one."""
    bands: list[Band] = Field(min_length=1)
    """The bands. Under `most` each scale point has exactly one band; under `total` the ranges
    cover every possible total with no gap and no overlap."""


class SelfAssessmentBank(_Bank):
    """A self-assessment checklist rated on a scale."""

    kind: Literal["self-assessment"]
    """`self-assessment`: statements rated on a scale, with result bands."""
    scale: list[ScalePoint] = Field(min_length=2)
    """The rating scale, from the most to the least favourable point."""
    sections: list[Section] = Field(min_length=1)
    """The sections of items."""
    scoring: Scoring
    """How the answers become a result."""

    def items(self) -> list[Item]:
        """Return every item in every section, in order."""
        return [item for section in self.sections for item in section.items]

    def total_range(self) -> tuple[int, int]:
        """Return the lowest and highest total score a learner can reach."""
        scores = [point.score for point in self.scale]
        count = len(self.items())
        return min(scores) * count, max(scores) * count

    def fingerprint(self) -> str:
        """Return a short hash of the scale: a new scale drops saved ratings."""
        scale = [point.model_dump(exclude={"label"}) for point in self.scale]
        return hashlib.sha256(json.dumps(scale).encode("utf-8")).hexdigest()[:12]

    def item_fingerprint(self, item: Item) -> str:
        """Return a short hash of an item and the scale: rewording it drops its saved rating."""
        content = json.dumps([item.text, self.fingerprint()])
        return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


Bank = Annotated[QuizBank | SelfAssessmentBank, Discriminator("kind")]
"""Any bank, told apart by its `kind`."""

BANK_KINDS: tuple[str, ...] = ("quiz", "self-assessment")


class Unit(_Strict):
    """A qualification unit that questions may be tagged with."""

    id: TagText
    """The unit's code, such as `G3`."""
    title: MarkdownText | None = None
    """The unit's title."""


class Outcome(_Strict):
    """A learning outcome or assessment criterion that questions may be tagged with."""

    id: TagText
    """The outcome's code, such as `PQ3-1.2`."""
    title: MarkdownText
    """What the candidate must show."""
    unit: TagText | None = None
    """The unit or qualification the outcome belongs to."""


class Qualifications(_Strict):
    """The units and outcomes banks may be tagged with (`quizzes/_qualifications.yml`)."""

    format: Literal[1]
    """The version of this format. Write `format: 1`."""
    units: list[Unit] = []
    """The units, in the order a qualification map lists them."""
    outcomes: list[Outcome] = []
    """The outcomes, in the order a qualification map lists them."""
