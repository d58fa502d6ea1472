"""Fill in the blank: the learner types a word or a short phrase.

An answer matches an accepted one when they are the same after `normalise_answer`: case,
spaces at either end or doubled inside, and punctuation at the end do not count. The browser
script's grader applies the same rule (assets/src/types/fill-in.js; a test checks they agree).

The answer key (`data-qb-answer`) is every accepted answer, normalised, separated by `|`.
The answer key in the page lists the accepted answers and the common wrong ones, each with
its feedback, as `data-qb-option="<normalised answer>"`, so the script can show the feedback
for whatever the learner typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Literal
from xml.etree.ElementTree import Element

from pydantic import Field

from ..export import gift_parts, moodle_parts
from ..fields import MarkdownText, Option, OptionEntry, QuestionBase
from ..html import Html, element, escape
from ..text import to_html, to_plain_text
from ..yamlsource import Location
from .base import Finding, Gift, MoodleXml, QuestionType, Rendered
from .parts import answer_line, hint, option_feedback

_SPACES = re.compile(r"\s+")
_TRAILING_PUNCTUATION = re.compile(r"[\s.,;:!?…]+$")

KEY_SEPARATOR = "|"
"""Separates the accepted answers in `data-qb-answer`; no answer may hold it."""


def normalise_answer(text: str) -> str:
    """Return an answer as it is compared: NFC, lower case, single spaces, no end punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    return _TRAILING_PUNCTUATION.sub("", _SPACES.sub(" ", text).strip())


class FillIn(QuestionBase):
    """A question the learner answers by typing a word or a short phrase."""

    type: Literal["fill-in"]
    """`fill-in`: the learner types the answer."""
    answers: list[OptionEntry] = Field(min_length=1)
    """Every answer that counts as right, the one to show first: plain text, or `text` with
    `feedback`. Case, extra spaces and closing punctuation are ignored when comparing."""
    wrong: list[Option] = []
    """Common wrong answers, each with the feedback that says why it is wrong."""
    feedback: MarkdownText | None = None
    """Shown for any other wrong answer."""

    def answered(self) -> dict[str, object]:
        """Return what the learner answers: the accepted answers, however written."""
        answered = super().answered()
        answered["answers"] = [answer.text for answer in self.accepted()]
        answered["wrong"] = [answer.text for answer in self.wrong]
        return answered

    def accepted(self) -> list[Option]:
        """Return the accepted answers, each with its feedback (the same list each time)."""
        return self.answer_models

    @functools.cached_property
    def answer_models(self) -> list[Option]:
        """The accepted answers, each as an `Option`; a plain answer's text is already checked."""
        return [
            entry if isinstance(entry, Option) else Option.model_construct(text=entry)
            for entry in self.answers
        ]


def render(question: FillIn, dom: str) -> Rendered:
    """Render a text box for the answer, and every known answer with its feedback."""
    input_id = f"{dom}-answer"
    body = [
        hint("Type your answer: a word or a short phrase."),
        element(
            "div",
            {"class": "qb-blank"},
            element("label", {"class": "qb-blank__label", "for": input_id}, "Your answer"),
            " ",
            element(
                "input",
                {
                    "type": "text",
                    "class": "qb-blank__input",
                    "id": input_id,
                    "name": dom,
                    "autocomplete": "off",
                    "autocapitalize": "none",
                    "spellcheck": "false",
                },
            ),
        ),
    ]
    accepted = question.accepted()
    shown = [to_plain_text(answer.text) for answer in accepted]
    also = f" (also accepted: {'; '.join(shown[1:])})" if len(shown) > 1 else ""
    known = [(answer, True) for answer in accepted] + [(answer, False) for answer in question.wrong]
    entries = [
        (normalise_answer(to_plain_text(answer.text)), escape(to_plain_text(answer.text)),
         answer.feedback, right)
        for answer, right in known
    ]  # fmt: skip
    key = [answer_line(escape(shown[0] + also)), option_feedback(entries)]
    if question.feedback:
        key.append(
            element(
                "div",
                {"class": "qb-answer__otherwise"},
                Html("<p><strong>Any other answer:</strong></p>"),
                element("div", {"class": "qb-answer__feedback"}, to_html(question.feedback)),
            )
        )
    return Rendered(body=body, key=key)


def answer_key(question: FillIn) -> str:
    """Return the accepted answers, normalised, separated by `|`."""
    return KEY_SEPARATOR.join(
        normalise_answer(to_plain_text(answer.text)) for answer in question.accepted()
    )


def check(question: FillIn, where: Location) -> Iterator[Finding]:
    """Check that answers can be told apart and none is both right and wrong."""
    seen: dict[str, tuple[str, int]] = {}
    lists = (("answers", question.accepted()), ("wrong", question.wrong))
    for field, answers in lists:
        for index, answer in enumerate(answers):
            at: Location = (*where, field, index)
            typed = normalise_answer(to_plain_text(answer.text))
            if not typed:
                yield at, f"answer {answer.text!r} is only punctuation; write a word or phrase"
                continue
            if KEY_SEPARATOR in typed:
                yield at, f"answer {answer.text!r} holds '|', which answers may not contain"
            if typed in seen:
                first_field, first_index = seen[typed]
                yield (
                    at,
                    f"answer {answer.text!r} is the same as {first_field}[{first_index}] once "
                    "case, spaces and closing punctuation are ignored; give it once",
                )
            else:
                seen[typed] = (field, index)


def write_moodle(element_: Element, question: FillIn) -> None:
    """Add Moodle's short-answer settings: case ignored, every answer with its grade."""
    moodle_parts.value(element_, "usecase", "0")
    for answer in question.accepted():
        moodle_parts.answer(
            element_, "100", to_plain_text(answer.text), answer.feedback, "moodle_auto_format"
        )
    for answer in question.wrong:
        moodle_parts.answer(
            element_, "0", to_plain_text(answer.text), answer.feedback, "moodle_auto_format"
        )
    if question.feedback:
        moodle_parts.answer(element_, "0", "*", question.feedback, "moodle_auto_format")


def gift_answers(question: FillIn) -> str:
    """Return every answer as `=text`, wrong ones weighted `%0%`, with feedback."""
    lines = [
        f"\t={gift_parts.escape(to_plain_text(answer.text))}"
        f"{gift_parts.feedback(answer.feedback)}\n"
        for answer in question.accepted()
    ]
    lines.extend(
        f"\t=%0%{gift_parts.escape(to_plain_text(answer.text))}"
        f"{gift_parts.feedback(answer.feedback)}\n"
        for answer in question.wrong
    )
    if question.feedback:
        lines.append(f"\t=%0%*{gift_parts.feedback(question.feedback)}\n")
    return "".join(lines)


def refuse_gift(question: FillIn) -> str | None:
    """Return why GIFT would read this question as another type, if it would."""
    texts = [to_plain_text(answer.text) for answer in [*question.accepted(), *question.wrong]]
    if len(texts) == 1 and texts[0] in ("T", "TRUE", "F", "FALSE"):
        return "GIFT reads a lone answer T, TRUE, F or FALSE as a true/false question"
    if any("~" in text or "->" in text for text in texts):
        return "GIFT reads an answer holding '~' or '->' as another question type"
    return None


def example(question_id: str) -> dict[str, object]:
    """Return an example fill-in question."""
    return {
        "id": question_id,
        "type": "fill-in",
        "text": "In the GROW model, what does the **W** stand for?",
        "answers": [
            {"text": "Will", "feedback": "Right: what the learner will do."},
            "Way forward",
        ],
        "wrong": [{"text": "Why", "feedback": "Why-questions can sound like blame; W is Will."}],
        "feedback": "The four stages are Goal, Reality, Options and Will.",
    }


TYPE = QuestionType(
    model=FillIn,
    render=render,
    answer_key=answer_key,
    check=check,
    nested={"answers": Option, "wrong": Option},
    moodle=MoodleXml(qtype="shortanswer", summary="shortanswer, case ignored", write=write_moodle),
    gift=Gift(answers=gift_answers, refuse=refuse_gift),
    scorm="fill-in",
    example=example,
)
