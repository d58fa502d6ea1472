"""The syntax of GIFT that question types write their answers in.

Texts are HTML (`[html]`), with GIFT's special characters escaped and line breaks written as
backslash-n, so no text can end a question early.
"""

from __future__ import annotations

from .moodle_parts import block_html, inline_html

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def escape(text: str) -> str:
    """Escape GIFT's special characters (and line breaks) in a piece of text."""
    return text.translate(_ESCAPES)


def answer_text(markdown: str) -> str:
    """Return bank Markdown as an answer's text: inline HTML, escaped."""
    return escape(inline_html(markdown))


def feedback(markdown: str | None) -> str:
    """Return an answer's feedback, `#` and its HTML, or nothing when there is none."""
    return f"#{escape(block_html(markdown))}" if markdown else ""
