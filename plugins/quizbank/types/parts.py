"""Pieces that several question types share: option lists, answer keys, checks, shuffling."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Iterator, Sequence

from ..fields import normalise
from ..html import Html, element
from ..text import to_html
from ..yamlsource import Location
from .base import Finding


def hint(text: str) -> Html:
    """Render the line that tells the learner how to answer."""
    return element("p", {"class": "qb-question__hint"}, text)


def input_option(kind: str, dom: str, key: object, value: str, label: Html) -> Html:
    """Render one radio button or checkbox with its label, as an item of an option list."""
    input_id = f"{dom}-{key}"
    return element(
        "li",
        {"class": "qb-option", "data-qb-option": key},
        element(
            "input",
            {
                "type": kind,
                "class": "qb-option__input",
                "id": input_id,
                "name": dom,
                "value": value,
            },
        ),
        element("label", {"class": "qb-option__label", "for": input_id}, label),
    )


def answer_line(answer: Html | str = "") -> Html:
    """Render the answer key's first line, `Answer:` and what follows it."""
    return element(
        "p", {"class": "qb-answer__key"}, element("strong", None, "Answer:"), answer and " ", answer
    )


def option_feedback(entries: Sequence[tuple[object, Html, str | None, bool]]) -> Html:
    """Render every option marked right or wrong, with its feedback, in the answer key.

    Each entry is the option's key, its label, its feedback (Markdown) and whether it is right.
    """
    items = []
    for key, label, feedback, right in entries:
        modifier = "right" if right else "wrong"
        items.append(
            element(
                "li",
                {
                    "class": f"qb-answer__option qb-answer__option--{modifier}",
                    "data-qb-option": key,
                },
                element("span", {"class": "qb-answer__verdict"}, "Right:" if right else "Wrong:"),
                " ",
                element("span", {"class": "qb-answer__label"}, label),
                element("div", {"class": "qb-answer__feedback"}, to_html(feedback))
                if feedback
                else None,
            )
        )
    return element("ul", {"class": "qb-answer__options"}, "", *items, "", sep="\n")


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
