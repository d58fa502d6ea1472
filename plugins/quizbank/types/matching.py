"""Matching: items the learner pairs with their descriptions.

The descriptions (the pairs' matches and the distractors) are listed once, in full, in a fixed
shuffled order and lettered A, B, C…; nothing is cut short inside a drop-down, even at 320 px.
Each item (`li[data-qb-slot]`, 0, 1, … in the bank's order) is a group of radio buttons, one a
letter, each named by its letter and description. A radio button's value is its description's
place in the bank: the pairs' matches first, in order, then the distractors. The answer key
(`data-qb-answer`) is therefore `0 1 2 …`, one value per item.

Each learner gets the descriptions in an order of their own (the browser script reorders and
letters them again); with `shuffle: false` they stay in the order written, on the page and in
the browser. Each description and each radio button carries its description's place in the
bank (`data-qb-option`), so the script can reorder them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal
from xml.etree.ElementTree import Element, SubElement

from pydantic import Field

from ..export import gift_parts, moodle_parts
from ..fields import MarkdownText, QuestionBase, Strict
from ..html import Html, element, join, quote
from ..text import to_phrase_html
from ..yamlsource import Location
from .base import Finding, Gift, MoodleXml, QuestionType, Rendered
from .parts import answer_line, hint, permutation, repeats

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(place: int) -> str:
    """Return a description's letter by its place in the list: A, B, …, then numbers."""
    return LETTERS[place] if place < len(LETTERS) else str(place + 1)


class Pair(Strict):
    """One item and the description it matches."""

    item: MarkdownText
    """The item, such as a principle's name."""
    match: MarkdownText
    """Its description, listed with the others under a letter; keep it to a line or two."""


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
    """Render the descriptions lettered, then each item with a radio button a letter."""
    matches = [to_phrase_html(pair.match) for pair in question.pairs]
    matches += [to_phrase_html(distractor) for distractor in question.distractors]
    order = (
        permutation(len(matches), question.id) if question.shuffle else list(range(len(matches)))
    )
    descriptions = Html(
        '<ul class="qb-match__descriptions">'
        + "".join(
            f'<li data-qb-option="{index}"><span class="qb-match__letter">{letter(place)}</span> '
            f"{matches[index]}</li>"
            for place, index in enumerate(order)
        )
        + "</ul>"
    )
    items = []
    for slot, pair in enumerate(question.pairs):
        name = quote(f"{dom}-{slot}")
        # Each letter's label holds its radio button, and says the description to screen
        # readers, which would otherwise hear a letter alone.
        choices = "".join(
            f'<label data-qb-option="{index}"><input type="radio" name="{name}" '
            f'value="{index}">{letter(place)}<span class="qb-sr-only">: {matches[index]}</span>'
            "</label>"
            for place, index in enumerate(order)
        )
        items.append(
            Html(
                f'<li class="qb-pair" data-qb-slot="{slot}"><fieldset class="qb-match">'
                f'<legend class="qb-pair__label">{to_phrase_html(pair.item)}</legend>'
                f'<span class="qb-match__choices">{choices}</span></fieldset></li>'
            )
        )
    body = [
        hint("Each item matches one of the lettered descriptions: choose its letter."),
        descriptions,
        join([Html('<ul class="qb-pairs">'), *items, Html("</ul>")], "\n"),
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
