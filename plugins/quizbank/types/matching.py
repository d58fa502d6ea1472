"""Matching: items the learner pairs with their descriptions.

Each item has a drop-down of every description (the pairs' matches and the distractors), in a
fixed shuffled order; the browser script shuffles them again for each learner. With
`shuffle: false` they stay in the order written, on the page and in the browser. A
description's value is its place in the bank: the pairs' matches first, in order, then the
distractors. The answer key (`data-qb-answer`) is therefore
`0 1 2 …`, one value per item.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal
from xml.etree.ElementTree import Element, SubElement

from pydantic import Field

from ..export import gift_parts, moodle_parts
from ..fields import MarkdownText, QuestionBase, Strict
from ..html import Html, element, escape, join
from ..text import to_phrase_html, to_plain_text
from ..yamlsource import Location
from .base import Finding, Gift, MoodleXml, QuestionType, Rendered
from .parts import answer_line, hint, permutation, repeats, slot_list


class Pair(Strict):
    """One item and the description it matches."""

    item: MarkdownText
    """The item, such as a principle's name."""
    match: MarkdownText
    """Its description. Shown in a drop-down list, so keep it plain text and short."""


class Matching(QuestionBase):
    """Items the learner pairs with their descriptions."""

    type: Literal["matching"]
    """`matching`: pair each item with its description."""
    pairs: list[Pair] = Field(min_length=2)
    """Two or more pairs."""
    distractors: list[MarkdownText] = []
    """Extra descriptions that match no item."""
    shuffle: bool = True
    """Show the descriptions in a new order to each learner; `false` keeps them in the order
    written (pairs' matches first, then the distractors)."""


def render(question: Matching, dom: str) -> Rendered:
    """Render each item with a drop-down of the descriptions, shuffled unless pinned."""
    matches = [pair.match for pair in question.pairs] + list(question.distractors)
    order = (
        permutation(len(matches), question.id) if question.shuffle else list(range(len(matches)))
    )
    choices = join(
        [
            Html('<option value="">Choose a match…</option>'),
            *(
                element("option", {"value": index}, escape(to_plain_text(matches[index])))
                for index in order
            ),
        ]
    )
    body = [
        hint("Choose the description that matches each item."),
        slot_list(dom, [(to_phrase_html(pair.item), choices) for pair in question.pairs]),
    ]
    matched = element(
        "dl",
        {"class": "qb-answer__matches"},
        *(
            join(
                [
                    element("dt", None, to_phrase_html(pair.item)),
                    element("dd", None, to_phrase_html(pair.match)),
                ]
            )
            for pair in question.pairs
        ),
    )
    return Rendered(body=body, key=[answer_line(), matched])


def answer_key(question: Matching) -> str:
    """Return each item's description: the pairs' own matches, in order."""
    return " ".join(str(index) for index in range(len(question.pairs)))


def check(question: Matching, where: Location) -> Iterator[Finding]:
    """Check that no item and no description is given twice."""
    yield from repeats([pair.item for pair in question.pairs], (*where, "pairs"), "item")
    matches = [pair.match for pair in question.pairs] + question.distractors
    yield from repeats(matches, (*where, "pairs"), "match")


def refuse(question: Matching) -> str | None:
    """Return why Moodle's matching type cannot hold a question, if it cannot."""
    answers = len(question.pairs) + len(question.distractors)
    if answers < 3:
        return (
            f"Moodle's matching type needs at least 3 answers to choose from, pairs and "
            f"distractors together; this question has {answers}: add a distractor"
        )
    return None


def write_moodle(element_: Element, question: Matching) -> None:
    """Add the pairs as subquestions; a distractor is an answer without a question.

    As Moodle's writer orders them: the setting, the combined feedback, the subquestions.
    """
    moodle_parts.value(element_, "shuffleanswers", "true")
    moodle_parts.combined_feedback(element_, shownumcorrect=True)
    subquestions = [(moodle_parts.inline_html(pair.item), pair.match) for pair in question.pairs]
    subquestions += [("", distractor) for distractor in question.distractors]
    for item, match in subquestions:
        sub = moodle_parts.text(element_, "subquestion", item)
        SubElement(SubElement(sub, "answer"), "text").text = moodle_parts.plain_text(match)


def gift_answers(question: Matching) -> str:
    """Return the pairs as `=item -> match`, and each distractor as `= -> distractor`."""
    escape_ = gift_parts.escape
    lines = [
        f"\t={gift_parts.text(_no_arrow(moodle_parts.inline_html(pair.item)))} -> "
        f"{escape_(moodle_parts.plain_text(pair.match))}\n"
        for pair in question.pairs
    ]
    lines.extend(
        f"\t= -> {escape_(moodle_parts.plain_text(distractor))}\n"
        for distractor in question.distractors
    )
    return "".join(lines)


def _no_arrow(html: str) -> str:
    """Write any `->` in an item's HTML as `-&gt;`: in GIFT it separates item from match."""
    return html.replace("->", "-&gt;")


def example(question_id: str) -> dict[str, object]:
    """Return an example matching question."""
    return {
        "id": question_id,
        "type": "matching",
        "text": "Match each stage of GROW to its question.",
        "pairs": [
            {"item": "Goal", "match": "What do you want?"},
            {"item": "Reality", "match": "What is happening now?"},
            {"item": "Will", "match": "What will you do?"},
        ],
        "distractors": ["Who is to blame?"],
    }


TYPE = QuestionType(
    model=Matching,
    render=render,
    answer_key=answer_key,
    check=check,
    nested={"pairs": Pair},
    moodle=MoodleXml(
        qtype="matching",
        summary="matching (distractors as answers without a question)",
        write=write_moodle,
        refuse=refuse,
    ),
    gift=Gift(answers=gift_answers, refuse=refuse),
    scorm="matching",
    example=example,
)
