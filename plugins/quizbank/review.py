"""The review page: every scored question of the site, hidden, for the script to show.

A question the learner answers wrong, or whose answer they ask to see, anywhere in the course
joins their review queue, kept in their browser beside their other records. The page has to
work from `file://` and under the Content-Security-Policy, so it cannot fetch the questions
from a data file: they are all in its HTML, each `hidden` in its bank's group, and the
script (`assets/src/review.js`) shows the due ones a few at a time, checks them as a quiz
does, and moves each along the schedule. Without the script the page says what would appear.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import model
from .html import Html, element
from .render import NOTICE, RenderContext, button, render_question

NONE_DUE = (
    "Nothing to review today. The questions you get wrong in a quiz, or whose answer you show, "
    "come back here."
)
ALL_DONE = "That is everything due today."
LEAVES = "Right at five reviews in a row: it leaves your review."


def render_review(banks: Sequence[model.QuizBank], per: int, context: RenderContext) -> Html:
    """Render the review block: the status, every bank's questions (hidden), the next button."""
    groups = (
        element(
            "div",
            {"class": "qb-review__bank", "data-qb-bank": bank.id},
            *(render_question(question, 1, 1, context, hidden=True) for question in bank.questions),
        )
        for bank in banks
    )
    return element(
        "div",
        {"class": "qb-review", "data-qb-per": per, "data-qb-left": LEAVES},
        "",
        NOTICE,
        element(
            "p",
            {"class": "qb-note"},
            "The questions you get wrong in the quizzes come back here over the following days. "
            "They are kept in this browser, on this device, and showing them needs JavaScript.",
        ),
        element(
            "div",
            {"class": "qb-panel", "hidden": True},
            element(
                "p",
                {
                    "class": "qb-review__status",
                    "role": "status",
                    "aria-live": "polite",
                    "data-qb-none": NONE_DUE,
                    "data-qb-done": ALL_DONE,
                },
            ),
            *groups,
            element(
                "div",
                {"class": "qb-review__actions", "hidden": True},
                button("review-next", "Next questions", primary=True),
            ),
        ),
        "",
        sep="\n",
    )
