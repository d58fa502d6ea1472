"""The syntax of Moodle XML that question types write their answers in.

Texts are HTML (`format="html"`), escaped by the XML writer.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..text import to_html, to_inline_html, to_plain_text


def block_html(text: str | None) -> str:
    """Return bank Markdown as HTML paragraphs; empty for no text."""
    return to_html(text) if text else ""


def inline_html(text: str) -> str:
    """Return bank Markdown as HTML that sits in a line, such as an option."""
    return to_inline_html(text)


def plain_text(text: str) -> str:
    """Return bank Markdown as plain text, for places Moodle shows no formatting."""
    return to_plain_text(text)


def format_grade(percent: float) -> str:
    """Return a grade percentage as both formats write it: at most five decimals."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text(parent: ET.Element, tag: str, value: str, *, html: bool = True) -> ET.Element:
    """Add `<tag format="html"><text>value</text></tag>` (no format for plain text)."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(element, "text").text = value
    return element


def value(parent: ET.Element, tag: str, content: str) -> None:
    """Add `<tag>content</tag>`."""
    ET.SubElement(parent, tag).text = content


def answer(
    parent: ET.Element, fraction: str, content: str, feedback: str | None, text_format: str = "html"
) -> None:
    """Add an `<answer>` with its grade and, when there is one, its feedback (Markdown)."""
    element = ET.SubElement(parent, "answer", {"fraction": fraction, "format": text_format})
    ET.SubElement(element, "text").text = content
    if feedback:
        text(element, "feedback", block_html(feedback))
