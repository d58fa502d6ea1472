"""Pieces that several question types share: option lists, answer keys, checks, shuffling."""

from __future__ import annotations

import functools
import hashlib
import random
from collections import Counter
from collections.abc import Iterator, Sequence

from ..fields import normalise
from ..html import Html, element, escape, quote
from ..text import to_html
from ..yamlsource import Location
from .base import Finding


@functools.cache
def hint(text: str) -> Html:
    """Render the line that tells the learner how to answer."""
    return element("p", {"class": "qb-question__hint"}, text)


def input_option(kind: str, dom: str, key: object, value: str, label: Html) -> Html:
    """Render one radio button or checkbox inside its label, as an item of an option list.

    Written out as text rather than with `element`: a page of questions has thousands. The
    label holds its input, so neither needs an id nor a class (the list's class styles them).
    """
    return Html(
        f'<li data-qb-option="{quote(key)}"><label><input type="{quote(kind)}" '
        f'name="{quote(dom)}" value="{quote(value)}">{escape(label)}</label></li>'
    )


def answer_line(answer: Html | str = "") -> Html:
    """Render the answer key's first line, `Answer:` and what follows it."""
    return Html(
        f'<p class="qb-answer__key"><strong>Answer:</strong>{" " if answer else ""}'
        f"{escape(answer)}</p>"
    )


def option_feedback(entries: Sequence[tuple[object, Html, str | None, bool]]) -> Html | None:
    """Render the options that have feedback, each marked right or wrong, in the answer key.

    Each entry is the option's key, its label, its feedback (Markdown) and whether it is right.
    An option without feedback is not listed: the answer line already says what is right.
    """
    items = [""]
    for key, label, feedback, right in entries:
        if not feedback:
            continue
        verdict = "right" if right else "wrong"
        said = f'<div class="qb-answer__feedback">{to_html(feedback)}</div>'
        items.append(
            f'<li class="qb-answer__option--{verdict}" data-qb-option="{quote(key)}"><strong>'
            f"{'Right:' if right else 'Wrong:'}</strong> {escape(label)}{said}</li>"
        )
    if len(items) == 1:
        return None
    items.append("")
    return Html(f'<ul class="qb-answer__options">{chr(10).join(items)}</ul>')


def permutation(count: int, seed: str) -> list[int]:
    """Return a shuffled order that is the same every build and never the original order."""
    order = list(range(count))
    if count < 2:
        return order
    random.Random(hashlib.sha256(seed.encode("utf-8")).digest()).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def repeats(texts: Sequence[str], where: Location, what: str) -> Iterator[Finding]:
    """Report texts given twice in one list, which a learner could not tell apart."""
    counts = Counter(normalise(text) for text in texts)
    for text, count in counts.items():
        if count > 1:
            yield where, f"{what} {text!r} is given {count} times; each must differ"
