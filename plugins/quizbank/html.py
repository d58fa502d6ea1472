"""The one way the engine writes HTML: a small builder that escapes in one place.

Text is escaped when it goes into an element or an attribute; `Html` is text that already
is HTML (the builder's own output, and bank Markdown rendered by `quizbank.text`) and is kept
as it is. So nothing from a bank, a page or a setting reaches the page unescaped unless it
went through the Markdown renderer, which shows raw HTML as text.

    element("li", {"class": "qb-option", "data-qb-option": 2}, label)
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable, Mapping

VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col"})
"""Elements that have no content and no end tag."""


class Html(str):
    """Text that is already HTML: the builder keeps it as it is.

    Adding text to it escapes the text, so `Html + str` stays safe HTML.
    """

    __slots__ = ()

    def __add__(self, other: str) -> Html:
        return Html(str.__add__(self, escape(other)))

    def __radd__(self, other: str) -> Html:
        return Html(str.__add__(escape(other), self))


def escape(value: object) -> Html:
    """Return text as HTML, escaping `&`, `<`, `>` and both quotes; HTML is returned as it is."""
    if type(value) is Html:
        return value
    return Html(_escape(value if type(value) is str else str(value)))


def quote(value: object) -> str:
    """Return a value as it goes between the double quotes of an attribute, escaped."""
    text = value if type(value) is str else str(value)
    return _escape(text) if _SPECIAL(text) else text


def attributes(values: Mapping[str, object] | None) -> Html:
    """Return attributes as they follow a tag name; True is a bare attribute.

    None and False leave an attribute out, so optional attributes need no `if`.
    """
    if not values:
        return _NOTHING
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{_escape(value if type(value) is str else str(value))}"')
    return Html("".join(parts))


def element(
    name: str, attrs: Mapping[str, object] | None = None, /, *children: object, sep: str = ""
) -> Html:
    """Return an element holding its children, escaped unless they are `Html`; None is skipped.

    Args:
        name: The tag name.
        attrs: The attributes, in the order they are written.
        *children: What the element holds, in order.
        sep: Written between the children, such as a line break.
    """
    start = f"<{name}{attributes(attrs)}>" if attrs else f"<{name}>"
    if name in VOID:
        return Html(start)
    return Html(f"{start}{_joined(children, sep)}</{name}>")


def join(parts: Iterable[object], sep: str = "") -> Html:
    """Join pieces of content into one piece of HTML, escaping text and skipping None."""
    return Html(_joined(parts, sep))


def _joined(parts: Iterable[object], sep: str) -> str:
    """Join pieces of content as HTML (the builder's inner loop, kept lean)."""
    return sep.join(
        [
            part if type(part) is Html else _escape(part if type(part) is str else str(part))
            for part in parts
            if part is not None
        ]
    )


_escape = _html.escape
_SPECIAL = re.compile("[&<>\"']").search
"""Whether text has a character to escape: most values have none, and this looks faster."""
_NOTHING = Html("")
