"""Single choice and multiple response: options with one, or several, right answers.

The answer key (`data-qb-answer`) is the positions of the right options, from 0, separated by
spaces, such as `1` or `0 2`. The page lists the options in bank order and the script may
shuffle them; inputs keep their position as their value, so the key holds however they are
shown.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Literal
from xml.etree.ElementTree import Element

from pydantic import Field

from ..export import gift_parts, moodle_parts
from ..fields import MarkdownText, Option, OptionEntry, QuestionBase, normalise
from ..html import Html, join
from ..text import to_phrase_html
from ..yamlsource import Location
from .base import Finding, Gift, MoodleXml, QuestionType, Rendered
from .parts import answer_line, hint, input_option, option_feedback, repeats


class _Choice(QuestionBase):
    """What single-choice and multiple-response questions share."""

    options: list[OptionEntry] = Field(min_length=2)
    """Two or more options: plain text, or `text` with `feedback`."""
    shuffle: bool = True
    """Show the options in a new order to each learner. Write `false` to keep the order
    written, such as for a scale or an option like "none of these"."""

    def answered(self) -> dict[str, object]:
        """Return what the learner answers; an option counts by its text however written."""
        answered = super().answered()
        answered["options"] = list(self.option_texts)
        return answered

    @functools.cached_property
    def option_texts(self) -> list[str]:
        """The options' texts, however each is written (without making an `Option` of each)."""
        return [entry if isinstance(entry, str) else entry.text for entry in self.options]

    @functools.cached_property
    def option_feedback(self) -> list[str | None]:
        """The options' feedback, None where an option has none."""
        return [None if isinstance(entry, str) else entry.feedback for entry in self.options]

    def option_list(self) -> list[Option]:
        """Return the options, each as an `Option` (the same list each time: do not change it)."""
        return self.option_models

    @functools.cached_property
    def option_models(self) -> list[Option]:
        """The options, each as an `Option`; a plain option's text is already checked."""
        return [
            entry if isinstance(entry, Option) else Option.model_construct(text=entry)
            for entry in self.options
        ]

    def answers(self) -> list[str]:
        """Return the texts named as correct."""
        raise NotImplementedError

    def correct_indices(self) -> list[int]:
        """Return the positions of the options that the answer names (the same list each time)."""
        return self.right_positions

    @functools.cached_property
    def right_positions(self) -> list[int]:
        """The positions of the options that the answer names."""
        wanted = {normalise(text) for text in self.answers()}
        return [index for index, text in enumerate(self.option_texts) if normalise(text) in wanted]


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


# ---------------------------------------------------------------- the page


def render(question: _Choice, dom: str) -> Rendered:
    """Render radio buttons or checkboxes, and the per-option feedback."""
    single = isinstance(question, SingleChoice)
    kind = "radio" if single else "checkbox"
    correct = set(question.correct_indices())
    labels = [to_phrase_html(text) for text in question.option_texts]
    body = [
        hint("Choose one answer." if single else "Choose every answer that applies."),
        Html('<ul class="qb-options">'),
        *(input_option(kind, dom, index, str(index), label) for index, label in enumerate(labels)),
        Html("</ul>"),
    ]
    answers = join((labels[index] for index in sorted(correct)), "; ")
    entries = [
        (index, labels[index], feedback, index in correct)
        for index, feedback in enumerate(question.option_feedback)
    ]
    return Rendered(body=body, key=[answer_line(answers), option_feedback(entries)])


def answer_key(question: _Choice) -> str:
    """Return the right options' positions."""
    return " ".join(str(index) for index in question.correct_indices())


def check(question: _Choice, where: Location) -> Iterator[Finding]:
    """Check that the answer names options, and that a wrong option exists."""
    options = question.option_texts
    yield from repeats(options, (*where, "options"), "option")
    texts = [normalise(text) for text in options]
    multiple = isinstance(question, MultipleResponse)
    for position, answer in enumerate(question.answers()):
        if normalise(answer) not in texts:
            listed = ", ".join(repr(text) for text in texts)
            at = (*where, "answer", position) if multiple else (*where, "answer")
            yield at, f"answer {answer!r} names no option; write it exactly as one of: {listed}"
    if isinstance(question, MultipleResponse):
        yield from repeats(question.answer, (*where, "answer"), "answer")
        if len(set(question.correct_indices())) == len(options):
            yield (
                (*where, "answer"),
                "every option is correct; add at least one wrong option "
                "so the question tests something",
            )


# ---------------------------------------------------------------- exports

MOODLE_GRADES = (
    100.0, 90.0, 100 / 1.2, 80.0, 75.0, 70.0, 200 / 3, 60.0, 50.0, 40.0, 100 / 3,
    30.0, 25.0, 20.0, 100 / 6, 100 / 7, 12.5, 100 / 9, 10.0, 5.0,
)  # fmt: skip
"""The percentages Moodle accepts as an answer's grade (its fraction options, above zero)."""


def multiple_grades(question: MultipleResponse) -> tuple[float, float] | str:
    """Return the grades of a right and of a wrong option, or why Moodle cannot grade it.

    The right options share 100%. The wrong ones share -100% (or a little more, as Moodle
    allows only some grades), so ticking every option scores nothing.
    """
    options = len(question.option_list())
    right = len(question.correct_indices())
    share = 100 / right
    if not any(abs(share - grade) < 0.001 for grade in MOODLE_GRADES):
        return (
            f"Moodle cannot give {right} right options an equal share of the grade "
            f"({share:.2f}% each is not one of its grades)"
        )
    wrong = min(
        (grade for grade in MOODLE_GRADES if grade >= 100 / (options - right) - 0.001),
        default=100.0,
    )
    return share, -wrong


def _refuse(question: _Choice) -> str | None:
    """Return why Moodle cannot grade a multiple-response question, if it cannot."""
    if isinstance(question, MultipleResponse):
        grades = multiple_grades(question)
        return grades if isinstance(grades, str) else None
    return None


def _fractions(question: _Choice) -> list[str]:
    """Return each option's grade: all or nothing for one right answer, shares for several."""
    right = set(question.correct_indices())
    if isinstance(question, SingleChoice):
        return ["100" if index in right else "0" for index in range(len(question.options))]
    grades = multiple_grades(question)
    assert not isinstance(grades, str)
    return [
        moodle_parts.format_grade(grades[0] if index in right else grades[1])
        for index in range(len(question.options))
    ]


def write_moodle(element_: Element, question: _Choice) -> None:
    """Add a multichoice question's settings and options; several right answers share 100%.

    The fields and their order are those of Moodle's writer (`qformat_xml`, multichoice):
    the settings, the combined feedback with `<shownumcorrect/>` (so a learner who picks
    some of several right answers is told how many), then the options, each with its
    feedback.
    """
    single = isinstance(question, SingleChoice)
    moodle_parts.value(element_, "single", "true" if single else "false")
    moodle_parts.value(element_, "shuffleanswers", "false")
    moodle_parts.value(element_, "answernumbering", "abc")
    moodle_parts.value(element_, "showstandardinstruction", "1")
    moodle_parts.combined_feedback(element_, shownumcorrect=True)
    for option, fraction in zip(question.option_list(), _fractions(question), strict=True):
        moodle_parts.answer(
            element_, fraction, moodle_parts.inline_html(option.text), option.feedback
        )


def gift_answers(question: _Choice) -> str:
    """Return the options (`=right`, `~wrong` or weighted), with feedback."""
    right = set(question.correct_indices())
    single = isinstance(question, SingleChoice)
    lines = []
    for index, (option, fraction) in enumerate(
        zip(question.option_list(), _fractions(question), strict=True)
    ):
        mark = ("=" if index in right else "~") if single else f"~%{fraction}%"
        feedback = gift_parts.feedback(option.feedback)
        lines.append(f"\t{mark}{gift_parts.answer_text(option.text)}{feedback}\n")
    return "".join(lines)


def _example(kind: str) -> object:
    """Return an example question of a choice type, for tests and the authors' guide."""

    def example(question_id: str) -> dict[str, object]:
        return {
            "id": question_id,
            "type": kind,
            "text": "Which of these is a *stage* of the GROW model?",
            "options": [
                {"text": "Goal", "feedback": "Yes: GROW starts with the goal."},
                "Review",
                {"text": "Reality", "feedback": "Yes: the R is for reality."},
                "Wish",
            ],
            "answer": "Goal" if kind == "single" else ["Goal", "Reality"],
            "explanation": "GROW stands for Goal, Reality, Options and Will.",
        }

    return example


_MOODLE_SUMMARY = {"single": "one right answer", "multiple": "several right answers"}

TYPES: tuple[QuestionType, ...] = tuple(
    QuestionType(
        model=model,
        render=render,
        answer_key=answer_key,
        check=check,
        nested={"options": Option},
        moodle=MoodleXml(
            qtype="multichoice",
            summary=f"multichoice, {_MOODLE_SUMMARY[kind]}",
            write=write_moodle,
            refuse=_refuse,
        ),
        gift=Gift(answers=gift_answers, refuse=_refuse),
        scorm="choice",
        example=_example(kind),  # type: ignore[arg-type]
    )
    for kind, model in (("single", SingleChoice), ("multiple", MultipleResponse))
)
