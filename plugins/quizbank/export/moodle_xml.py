"""Banks as Moodle XML, the question format Moodle imports most completely.

Each bank is preceded by a `<question type="category">` of its own; each question carries
its id in its name and as its `idnumber`, and its units and outcomes as tags. Texts are
HTML (`format="html"`), written as Moodle's own writer writes them (`moodle_parts`: in CDATA
when they hold markup). A question's hints become Moodle's `<hint>`s, which its interactive
behaviour shows one a try. Ordering questions use the ordering type that Moodle ships from
version 4.4 (`qtype_ordering`).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .. import model
from ..catalog import Catalog
from .common import (
    Entry,
    ExportReport,
    describe,
    export_banks,
    mapping_of,
    notes,
    question_name,
    summary_comment_lines,
    tags,
)
from .moodle_parts import block_html, serialize, text, value


def export(catalog: Catalog) -> tuple[str, ExportReport]:
    """Return the quiz banks of a catalog as Moodle XML, and the report of what was exported."""
    report = ExportReport("Moodle XML")
    quiz = ET.Element("quiz")
    for bank, category, questions in export_banks(catalog, report, _question):
        quiz.append(_category(bank, category))
        quiz.extend(questions)
    summary = "\n".join(f"  {line}" for line in summary_comment_lines(report))
    quiz.insert(0, ET.Comment("\n" + summary + "\n"))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{serialize(quiz)}', report


def _category(bank: model.QuizBank, path: str) -> ET.Element:
    """Return the pseudo-question that puts the questions after it into a bank's category."""
    element = ET.Element("question", {"type": "category"})
    category = ET.SubElement(element, "category")
    ET.SubElement(category, "text").text = path
    text(element, "info", block_html(bank.intro))
    value(element, "idnumber", bank.id)
    return element


def _question(question: model.Question) -> tuple[ET.Element | None, Entry]:
    """Return one question as a `<question>` element, or None and why it cannot be."""
    mapping = mapping_of(question, "moodle-xml")
    if isinstance(mapping, str):
        return None, Entry(question.id, exported=False, detail=mapping)
    element = ET.Element("question", {"type": mapping.qtype})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question_name(question)
    question_text = block_html(question.text)
    explanation = block_html(question.explanation)
    text(element, "questiontext", question_text)
    text(element, "generalfeedback", explanation)
    value(element, "defaultgrade", "1")
    value(element, "penalty", mapping.penalty)
    value(element, "hidden", "0")
    value(element, "idnumber", question.id)
    mapping.write(element, question)
    for hint in question.hints:  # after the type's own part, as Moodle's writer puts them
        text(element, "hint", block_html(hint))
    if tags(question):
        tag_list = ET.SubElement(element, "tags")
        for tag in tags(question):
            ET.SubElement(ET.SubElement(tag_list, "tag"), "text").text = tag
    answers = "".join(part.text or "" for part in element.iter("text"))
    return element, Entry(
        question.id,
        exported=True,
        detail=describe(question),
        notes=notes(question_text, explanation, answers),
    )
