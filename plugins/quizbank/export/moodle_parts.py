"""The syntax of Moodle XML that question types write their answers in.

Texts are HTML (`format="html"`). The file is written as Moodle's own writer
(`qformat_xml`) writes it: a `<text>` that holds markup, `&` or quotes goes into a CDATA
section, because Moodle's XML reader drops white space that stands alone between escaped
tags (`<strong>a</strong> <em>b</em>` would import as "ab"), and a `]]>` inside such a text
is split across two sections.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..text import to_html, to_inline_html, to_plain_text

CDATA_WHEN = frozenset("&<>\"'")
"""Characters that make Moodle's writer put a text in CDATA (where `htmlspecialchars`
would change it)."""


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


def flag(parent: ET.Element, tag: str) -> None:
    """Add an empty `<tag/>`, which Moodle reads as "yes" by its presence."""
    ET.SubElement(parent, tag)


def answer(
    parent: ET.Element,
    fraction: str,
    content: str,
    feedback: str | None,
    text_format: str = "html",
    *,
    always_feedback: bool = True,
) -> None:
    """Add an `<answer>` with its grade and its feedback (Markdown).

    Moodle's writer gives every answer a `<feedback>`, empty when there is none, except the
    ordering type's, which has one only when there is some: `always_feedback=False`.
    """
    element = ET.SubElement(parent, "answer", {"fraction": fraction, "format": text_format})
    ET.SubElement(element, "text").text = content
    if feedback or always_feedback:
        text(element, "feedback", block_html(feedback))


COMBINED_FEEDBACK = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
"""The feedback for a right, partly right and wrong response, which banks do not have."""


def combined_feedback(parent: ET.Element, *, shownumcorrect: bool) -> None:
    """Add the three combined feedbacks (empty), and `<shownumcorrect/>` when it is set.

    As Moodle writes them for the types that have them (multichoice, matching, ordering):
    Moodle's importer reads `<shownumcorrect/>` by its presence.
    """
    for tag in COMBINED_FEEDBACK:
        text(parent, tag, "")
    if shownumcorrect:
        flag(parent, "shownumcorrect")


# ---------------------------------------------------------------- writing the file


def needs_cdata(content: str) -> bool:
    """Tell whether Moodle's writer would put a text in CDATA."""
    return any(character in CDATA_WHEN for character in content)


def cdata(content: str) -> str:
    """Return a text as a CDATA section, split where it holds `]]>`."""
    return "<![CDATA[" + content.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _escape(content: str) -> str:
    """Escape character data outside CDATA."""
    return content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(content: str) -> str:
    """Escape an attribute value (in double quotes)."""
    return (
        _escape(content)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def serialize(element: ET.Element, depth: int = 0) -> str:
    """Return an element as indented XML, each `<text>` written as Moodle's writer does.

    Elements hold either text or child elements (and comments), never both; the tree's own
    `tail`s are ignored, as the indentation is written here.
    """
    pad = "  " * depth
    if element.tag is ET.Comment:
        body = element.text or ""
        while "--" in body:  # not allowed inside a comment
            body = body.replace("--", "- -")
        return f"{pad}<!--{body.rstrip('-')}-->\n"
    attributes = "".join(f' {name}="{_attribute(v)}"' for name, v in element.attrib.items())
    opening = f"{pad}<{element.tag}{attributes}"
    children = list(element)
    if children:
        inner = "".join(serialize(child, depth + 1) for child in children)
        return f"{opening}>\n{inner}{pad}</{element.tag}>\n"
    content = element.text or ""
    if element.tag == "text":
        written = cdata(content) if needs_cdata(content) else _escape(content)
        return f"{opening}>{written}</text>\n"
    if not content:
        return f"{opening}/>\n"
    return f"{opening}>{_escape(content)}</{element.tag}>\n"
