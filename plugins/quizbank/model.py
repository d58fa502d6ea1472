"""The question-bank format, declared once as typed classes.

Every other part of the engine (loading, checking, rendering, the JSON Schema that editors
use, the exports) reads the format from here. The building blocks are in `quizbank.fields`
and each question type's model in its own module of `quizbank.types`. A field's docstring is
its documentation: it becomes the field's description in the published schema.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Annotated, Literal

from pydantic import Discriminator, Field

from .fields import (
    Identifier,
    MarkdownText,
    QuestionBase,
    Strict,
    Tagged,
    TagText,
)
from .types import QUESTION_TYPES, Question

FORMAT_VERSION = 1
"""The bank format this engine reads; every bank states it in `format`."""

__all__ = ["QUESTION_TYPES", "Question", "QuestionBase", "Tagged"]


class _Bank(Strict):
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


class ScalePoint(Strict):
    """One point of a self-assessment's rating scale."""

    id: Identifier
    """Stable id of the point, such as `usually`."""
    label: MarkdownText
    """What the learner sees, such as `Usually`."""
    score: int
    """The point's score, used by the `total` rule and to break ties."""


class Item(Tagged):
    """One statement the learner rates."""

    id: Identifier
    """Stable id of the item. Saved answers key on it."""
    text: MarkdownText
    """The statement or question the learner rates."""


class Section(Strict):
    """A group of items under one heading."""

    id: Identifier
    """Stable id of the section."""
    title: MarkdownText
    """The section's heading, such as `Do you …`."""
    items: list[Item] = Field(min_length=1)
    """The items in this section."""


class Band(Strict):
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


class Scoring(Strict):
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
        return self.scale_fingerprint

    @functools.cached_property
    def scale_fingerprint(self) -> str:
        """A short hash of the scale's points without their labels."""
        scale = [{"id": point.id, "score": point.score} for point in self.scale]
        return hashlib.sha256(json.dumps(scale).encode("utf-8")).hexdigest()[:12]

    def item_fingerprint(self, item: Item) -> str:
        """Return a short hash of an item and the scale: rewording it drops its saved rating."""
        content = json.dumps([item.text, self.fingerprint()])
        return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


BANK_CLASSES: dict[str, type[QuizBank | SelfAssessmentBank]] = {
    "quiz": QuizBank,
    "self-assessment": SelfAssessmentBank,
}
"""Every kind of bank by its `kind`."""

Bank = Annotated[QuizBank | SelfAssessmentBank, Discriminator("kind")]
"""Any bank, told apart by its `kind`."""


class Unit(Strict):
    """A qualification unit that questions may be tagged with."""

    id: TagText
    """The unit's code, such as `G3`."""
    title: MarkdownText | None = None
    """The unit's title."""


class Outcome(Strict):
    """A learning outcome or assessment criterion that questions may be tagged with."""

    id: TagText
    """The outcome's code, such as `PQ3-1.2`."""
    title: MarkdownText
    """What the candidate must show."""
    unit: TagText | None = None
    """The unit or qualification the outcome belongs to."""


class Qualifications(Strict):
    """The units and outcomes banks may be tagged with (`quizzes/_qualifications.yml`)."""

    format: Literal[1]
    """The version of this format. Write `format: 1`."""
    units: list[Unit] = []
    """The units, in the order a qualification map lists them."""
    outcomes: list[Outcome] = []
    """The outcomes, in the order a qualification map lists them."""
