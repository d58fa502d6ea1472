"""True or false: a statement the learner judges.

The answer key (`data-qb-answer`) is `true` or `false`; the two radio buttons have those
values.
"""

from __future__ import annotations

from typing import Literal
from xml.etree.ElementTree import Element

from ..export import gift_parts, moodle_parts
from ..fields import MarkdownText, QuestionBase
from ..html import Html
from .base import Gift, MoodleXml, QuestionType, Rendered
from .parts import answer_line, hint, input_option, option_feedback


class TrueFalse(QuestionBase):
    """A statement the learner marks true or false."""

    type: Literal["true-false"]
    """`true-false`: the learner decides whether the statement is true."""
    answer: bool
    """Whether the statement in `text` is true."""
    true_feedback: MarkdownText | None = None
    """Shown when the learner answers True."""
    false_feedback: MarkdownText | None = None
    """Shown when the learner answers False."""


def render(question: TrueFalse, dom: str) -> Rendered:
    """Render a True / False pair of radio buttons."""
    body = [
        hint("Is this statement true or false?"),
        Html('<ul class="qb-options">'),
        input_option("radio", dom, "true", "true", Html("True")),
        input_option("radio", dom, "false", "false", Html("False")),
        Html("</ul>"),
    ]
    key = [
        answer_line("True" if question.answer else "False"),
        option_feedback(
            [
                ("true", Html("True"), question.true_feedback, question.answer),
                ("false", Html("False"), question.false_feedback, not question.answer),
            ]
        ),
    ]
    return Rendered(body=body, key=key)


def answer_key(question: TrueFalse) -> str:
    """Return `true` or `false`."""
    return "true" if question.answer else "false"


def write_moodle(element: Element, question: TrueFalse) -> None:
    """Add the true and false answers, each with the feedback shown when it is chosen.

    Moodle's writer gives each its `<feedback>`, empty when there is none.
    """
    for value, feedback in (("true", question.true_feedback), ("false", question.false_feedback)):
        fraction = "100" if (value == "true") == question.answer else "0"
        moodle_parts.answer(element, fraction, value, feedback, "moodle_auto_format")


def gift_answers(question: TrueFalse) -> str:
    """Return `TRUE` or `FALSE`, the feedback for a wrong answer, then for a right one."""
    right, wrong = (
        (question.true_feedback, question.false_feedback)
        if question.answer
        else (question.false_feedback, question.true_feedback)
    )
    feedback = ""
    if wrong or right:
        feedback = f"#{gift_parts.text(moodle_parts.block_html(wrong))}"
    if right:
        feedback += f"#{gift_parts.text(moodle_parts.block_html(right))}"
    return f"\t{'TRUE' if question.answer else 'FALSE'}{feedback}\n"


def example(question_id: str) -> dict[str, object]:
    """Return an example true/false question."""
    return {
        "id": question_id,
        "type": "true-false",
        "text": "A learning contract is agreed at the start of the relationship.",
        "answer": True,
        "true_feedback": "Right: it sets the ground rules from the start.",
        "false_feedback": "It is agreed at the start, in the first stage.",
    }


TYPE = QuestionType(
    model=TrueFalse,
    render=render,
    answer_key=answer_key,
    moodle=MoodleXml(qtype="truefalse", summary="truefalse", write=write_moodle, penalty="1"),
    gift=Gift(answers=gift_answers),
    scorm="true-false",
    example=example,
)
