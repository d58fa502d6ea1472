"""Banks as Moodle XML, the question format Moodle imports most completely.

Each bank is preceded by a `<question type="category">` of its own; each question carries
its id in its name and as its `idnumber`, and its units and outcomes as tags. Texts are
HTML (`format="html"`), escaped by the XML writer. Ordering questions use the ordering type
that Moodle ships from version 4.4 (`qtype_ordering`).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .. import model
from ..catalog import Catalog
from .common import (
    Entry,
    ExportReport,
    Grades,
    block_html,
    check,
    describe,
    export_banks,
    format_grade,
    inline_html,
    notes,
    plain_text,
    question_name,
    summary_comment_lines,
    tags,
)

_ORDERING_OPTIONS = {
    "layouttype": "VERTICAL",
    "selecttype": "ALL",
    "gradingtype": "ALL_OR_NOTHING",
    "showgrading": "SHOW",
    "numberingstyle": "none",
}
"""Ordering settings that match the course: every item shown, right only when all are."""


def export(catalog: Catalog) -> tuple[str, ExportReport]:
    """Return the quiz banks of a catalog as Moodle XML, and the report of what was exported."""
    report = ExportReport("Moodle XML")
    quiz = ET.Element("quiz")
    for bank, category, questions in export_banks(catalog, report, _question):
        quiz.append(_category(bank, category))
        quiz.extend(questions)
    summary = "\n".join(f"  {line}" for line in summary_comment_lines(report))
    quiz.insert(0, ET.Comment("\n" + _comment_safe(summary) + "\n"))
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', report


def _comment_safe(text: str) -> str:
    """Keep a text legal inside an XML comment, where `--` may not appear."""
    while "--" in text:
        text = text.replace("--", "- -")
    return text.rstrip("-")


def _text(parent: ET.Element, tag: str, value: str, *, html: bool = True) -> ET.Element:
    """Add `<tag format="html"><text>value</text></tag>` (no format for plain text)."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = value
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    """Add `<tag>value</tag>`."""
    ET.SubElement(parent, tag).text = value


def _category(bank: model.QuizBank, path: str) -> ET.Element:
    """Return the pseudo-question that puts the questions after it into a bank's category."""
    element = ET.Element("question", {"type": "category"})
    category = ET.SubElement(element, "category")
    ET.SubElement(category, "text").text = path
    _text(element, "info", block_html(bank.intro))
    _value(element, "idnumber", bank.id)
    return element


def _question(question: model.Question) -> tuple[ET.Element | None, Entry]:
    """Return one question as a `<question>` element, or None and why it cannot be."""
    grades, refused = check(question)
    if refused is not None:
        return None, refused
    kind = {
        "single": "multichoice",
        "multiple": "multichoice",
        "true-false": "truefalse",
        "matching": "matching",
        "ordering": "ordering",
    }[question.type]
    element = ET.Element("question", {"type": kind})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question_name(question)
    text = block_html(question.text)
    explanation = block_html(question.explanation)
    _text(element, "questiontext", text)
    _text(element, "generalfeedback", explanation)
    _value(element, "defaultgrade", "1")
    _value(element, "penalty", "1" if kind == "truefalse" else "0.3333333")
    _value(element, "hidden", "0")
    _value(element, "idnumber", question.id)
    if isinstance(question, model.SingleChoice | model.MultipleResponse):
        _choices(element, question, grades)
    elif isinstance(question, model.TrueFalse):
        _true_false(element, question)
    elif isinstance(question, model.Matching):
        _matching(element, question)
    else:
        _ordering(element, question)
    if tags(question):
        tag_list = ET.SubElement(element, "tags")
        for tag in tags(question):
            ET.SubElement(ET.SubElement(tag_list, "tag"), "text").text = tag
    answers = "".join(part.text or "" for part in element.iter("text"))
    return element, Entry(
        question.id,
        exported=True,
        detail=describe(question),
        notes=notes(text, explanation, answers),
    )


def _answer(
    parent: ET.Element, fraction: str, text: str, feedback: str | None, text_format: str = "html"
) -> None:
    """Add an `<answer>` with its grade and, when there is one, its feedback."""
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, "format": text_format})
    ET.SubElement(answer, "text").text = text
    if feedback:
        _text(answer, "feedback", block_html(feedback))


def _choices(
    element: ET.Element,
    question: model.SingleChoice | model.MultipleResponse,
    grades: Grades | None,
) -> None:
    """Add a multichoice question's settings and options; several right answers share 100%."""
    _value(element, "single", "true" if grades is None else "false")
    _value(element, "shuffleanswers", "false")
    _value(element, "answernumbering", "abc")
    _value(element, "showstandardinstruction", "1")
    right = set(question.correct_indices())
    for index, option in enumerate(question.option_list()):
        if grades is None:
            fraction = "100" if index in right else "0"
        else:
            fraction = format_grade(grades[0] if index in right else grades[1])
        _answer(element, fraction, inline_html(option.text), option.feedback)


def _true_false(element: ET.Element, question: model.TrueFalse) -> None:
    """Add the true and false answers, each with the feedback shown when it is chosen."""
    _answer(
        element,
        "100" if question.answer else "0",
        "true",
        question.true_feedback,
        "moodle_auto_format",
    )
    _answer(
        element,
        "0" if question.answer else "100",
        "false",
        question.false_feedback,
        "moodle_auto_format",
    )


def _matching(element: ET.Element, question: model.Matching) -> None:
    """Add the pairs as subquestions; a distractor is an answer without a question."""
    _value(element, "shuffleanswers", "true")
    for pair in question.pairs:
        sub = _text(element, "subquestion", inline_html(pair.item))
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = plain_text(pair.match)
    for distractor in question.distractors:
        sub = _text(element, "subquestion", "")
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = plain_text(distractor)


def _ordering(element: ET.Element, question: model.Ordering) -> None:
    """Add the items in their right order, which is the order Moodle's answers are read in."""
    for tag, value in _ORDERING_OPTIONS.items():
        _value(element, tag, value)
    _value(element, "selectcount", str(len(question.items)))
    for position, item in enumerate(question.items, start=1):
        _answer(element, str(position), inline_html(item), None)
