"""Ordering: items the learner puts into sequence.

The page shows the items as a numbered list in a fixed shuffled order (the same every build).
Each item is `li[data-qb-item]`, numbered by where the page first shows it (0, 1, …), with a
Move up and a Move down button (a toolbar: one stop for the Tab key, the arrow keys between
the two): a press swaps it with its neighbour, so the list is always a whole sequence, never
two items in one place, and nothing needs dragging. The learner's answer
is the items' `data-qb-item` numbers in the order the list then holds them.

The answer key (`data-qb-answer`) is the right sequence in those numbers, separated by spaces:
`1 2 0` says the item shown second goes first, then the one shown third, then the one shown
first. (Before format 2 of the fingerprint, each item had a drop-down of places and the key
gave each shown item's place: saved answers of that kind are dropped, not misread.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal
from xml.etree.ElementTree import Element

from pydantic import Field

from ..export import gift_parts, moodle_parts
from ..fields import MarkdownText, QuestionBase
from ..html import Html, element, quote
from ..text import to_phrase_html
from ..yamlsource import Location
from .base import Finding, Gift, MoodleXml, QuestionType, Rendered
from .parts import answer_line, hint, permutation, repeats

ANSWER_FORMAT = 2
"""The version of what the learner's saved answer holds; part of the fingerprint, so a saved
answer of an older format (places chosen in drop-downs) is dropped rather than misread."""


class Ordering(QuestionBase):
    """Items the learner puts into sequence."""

    type: Literal["ordering"]
    """`ordering`: put the items in order."""
    items: list[MarkdownText] = Field(min_length=2)
    """The items in their correct order; the page shows them shuffled."""

    def answered(self) -> dict[str, object]:
        """Return what the learner answers, with the format their answer is saved in."""
        return {**super().answered(), "answer_format": ANSWER_FORMAT}


def render(question: Ordering, dom: str) -> Rendered:
    """Render the items shuffled, as a numbered list whose items move up and down."""
    shown = permutation(len(question.items), question.id)
    items = [
        f'<li class="qb-order__item" data-qb-item="{slot}" data-qb-slot="{slot}">'
        f'<span class="qb-order__text" id="{quote(f"{dom}-item-{slot}")}">'
        f"{to_phrase_html(question.items[index])}</span></li>"
        for slot, index in enumerate(shown)
    ]
    # The move buttons (a toolbar for each item) and the live region that says where an
    # item went are the script's: without it, the list cannot move.
    body = [
        hint("Put the items in order, the first at the top: move an item with its buttons."),
        Html('<ol class="qb-order">' + "\n".join(items) + "</ol>"),
    ]
    sequence = element(
        "ol",
        {"class": "qb-answer__sequence"},
        *(element("li", None, to_phrase_html(item)) for item in question.items),
    )
    return Rendered(body=body, key=[answer_line(), sequence])


def answer_key(question: Ordering) -> str:
    """Return the right sequence, each item by where the page first shows it."""
    shown = permutation(len(question.items), question.id)
    return " ".join(str(shown.index(index)) for index in range(len(question.items)))


def check(question: Ordering, where: Location) -> Iterator[Finding]:
    """Check that no item is given twice."""
    yield from repeats(question.items, (*where, "items"), "item")


ORDERING_OPTIONS = {
    "layouttype": "VERTICAL",
    "selecttype": "ALL",
    "gradingtype": "ALL_OR_NOTHING",
    "showgrading": "SHOW",
    "numberingstyle": "none",
}
"""Ordering settings that match the course: every item shown, right only when all are."""

SHOWNUMCORRECT = "1"
"""Whether Moodle tells the learner how many items are in place, as its own writer gives it.

Moodle's ordering import takes a file without `<shownumcorrect>` for one written before
Moodle 4.4 and makes up two hints with no text format, which PostgreSQL, and MySQL in
Moodle's strict mode, refuse to save ("NULL in NOT NULL column hintformat"): the whole
import stops there. Moodle's writer always writes it, after the combined feedback."""


def write_moodle(element_: Element, question: Ordering) -> None:
    """Add the settings and the items in their right order, as Moodle's writer does.

    Moodle reads the answers in order as the right sequence. Its writer puts the settings
    first, then the combined feedback, `<shownumcorrect>` with a value, and the answers (with
    a `<feedback>` only when there is some). The course has no hints; Moodle writes a
    `<hint>` only for a question that has one.
    """
    settings = {**ORDERING_OPTIONS, "selectcount": str(len(question.items))}
    for tag in ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading"):
        moodle_parts.value(element_, tag, settings[tag])
    moodle_parts.value(element_, "numberingstyle", settings["numberingstyle"])
    moodle_parts.combined_feedback(element_, shownumcorrect=False)
    moodle_parts.value(element_, "shownumcorrect", SHOWNUMCORRECT)
    for position, item in enumerate(question.items, start=1):
        moodle_parts.answer(
            element_, str(position), moodle_parts.inline_html(item), None, always_feedback=False
        )


def gift_answers(question: Ordering) -> str:
    """Return the answer part of Moodle's GIFT ordering syntax (Moodle 4.4 and later).

    As `qtype_ordering` reads it (`import_from_gift`): `>` and the number of items shown,
    the select type, layout, grading type, whether to show the grading and the numbering
    style, on the first line; then one item a line, in the right order.
    """
    settings = " ".join(
        [
            str(len(question.items)),
            ORDERING_OPTIONS["selecttype"],
            ORDERING_OPTIONS["layouttype"],
            ORDERING_OPTIONS["gradingtype"],
            ORDERING_OPTIONS["showgrading"],
            ORDERING_OPTIONS["numberingstyle"],
        ]
    )
    items = "".join(
        f"\t{gift_parts.ordering_item(moodle_parts.inline_html(item))}\n" for item in question.items
    )
    return f"\t>{settings}\n{items}"


def example(question_id: str) -> dict[str, object]:
    """Return an example ordering question."""
    return {
        "id": question_id,
        "type": "ordering",
        "text": "Put the stages of the GROW model in order.",
        "items": ["Goal", "Reality", "Options", "Will"],
    }


TYPE = QuestionType(
    model=Ordering,
    render=render,
    answer_key=answer_key,
    check=check,
    moodle=MoodleXml(
        qtype="ordering",
        summary="ordering, all or nothing (Moodle 4.4 or later)",
        write=write_moodle,
    ),
    gift=Gift(answers=gift_answers),
    scorm="sequencing",
    example=example,
)
