"""The question types, registered once.

Each module declares one type, or a family sharing its code (single choice and multiple
response): its model, checks, rendering, answer key and export mappings, as a `QuestionType`
(see `base`). This is the one list of types: the bank model, the loader, the checks, the
renderer and the exports all read it. The browser script's graders are registered in
`assets/src/types/index.js`, and a test checks the two lists agree.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Discriminator

from . import choice, fill_in, matching, ordering, true_false
from .base import QuestionType

QUESTION_TYPES: dict[str, QuestionType[Any]] = {
    spec.name: spec
    for spec in (*choice.TYPES, true_false.TYPE, ordering.TYPE, matching.TYPE, fill_in.TYPE)
}
"""Every question type by its name, as banks write it in `type:`."""

Question = Annotated[
    Union[tuple(spec.model for spec in QUESTION_TYPES.values())],  # type: ignore[valid-type]  # noqa: UP007
    Discriminator("type"),
]
"""Any quiz question, told apart by its `type`."""


def spec_of(question: Any) -> QuestionType[Any]:
    """Return the type of a question."""
    return QUESTION_TYPES[question.type]
