"""The syntax of GIFT that question types write their answers in.

Texts are HTML (`[html]`), with GIFT's special characters escaped and line breaks written as
backslash-n, so no text can end a question early. These rules follow Moodle's own reader
(`qformat_gift`):

- it takes `%50%` at the start of an option as a 50% weight, and `[html]`, `[moodle]`,
  `[plain]` or `[markdown]` at the start of any text as its format, and strips them. A text
  that starts with `%` or `[` is therefore written after an explicit `[html]`, which Moodle
  strips, leaving the text as it was;
- the items of an ordering question are read line by line and never unescaped
  (`qtype_ordering::import_from_gift`), so characters GIFT would read are written there as
  HTML character references instead (see `ordering_item`).
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

FORMAT_MARKER = "[html]"
"""The marker that says a text is HTML."""


def escape(text: str) -> str:
    """Escape GIFT's special characters (and line breaks) in a piece of text."""
    return text.translate(_ESCAPES)


def text(html: str) -> str:
    """Return HTML as a GIFT text Moodle reads back unchanged: escaped, marked when it must be.

    A text that starts with `%` (a weight, in an option) or `[` (a format marker) gets
    `[html]` in front, which Moodle's reader takes off again.
    """
    escaped = escape(html)
    return FORMAT_MARKER + escaped if html.lstrip().startswith(("%", "[")) else escaped


def answer_text(markdown: str) -> str:
    """Return bank Markdown as an answer's text: inline HTML, escaped."""
    return text(inline_html(markdown))


def feedback(markdown: str | None) -> str:
    """Return an answer's feedback, `#` and its HTML, or nothing when there is none."""
    return f"#{text(block_html(markdown))}" if markdown else ""


_ITEM_REFERENCES = str.maketrans(
    {
        "\\": "&#92;",
        "{": "&#123;",
        "}": "&#125;",
        "#": "&#35;",
        "\n": " ",
        "\r": " ",
    }
)
"""In an ordering item: a backslash would start an escape that Moodle never undoes, `}`
would end the answers, and `####` would start the general feedback. They occur only in text
and attribute values of the HTML, where a character reference means the same."""


def ordering_item(html: str) -> str:
    """Return an ordering item's HTML as one line of Moodle's GIFT ordering syntax.

    Moodle keeps the line as the item's text, in its auto-format (which keeps HTML): GIFT's
    characters are written as character references, a line starting with `//` (a comment
    to Moodle) has its `/` written as one, and an item that is just `0`, which Moodle's
    reader drops as empty, is written as `&#48;`.
    """
    line = html.translate(_ITEM_REFERENCES).strip()
    if line.startswith("//"):
        line = "&#47;" + line[1:]
    return "&#48;" if line == "0" else line
