"""Listening to a page: the browser's own speech synthesis reads it aloud.

`/// listen` renders a panel the script reveals only where the browser can speak: a button
that plays, pauses and resumes, one that stops, a speed and a choice of voice. It reads the
page's article, or only the section under one heading (`section:` the heading's id), sentence
by sentence, highlighting the sentence being read. Nothing is recorded or fetched, so it works
offline and under the site's Content-Security-Policy.
"""

from __future__ import annotations

from .html import Html, element

RATES = (("0.75", "Slower"), ("1", "Normal"), ("1.25", "Faster"), ("1.5", "Fastest"))
"""The speeds offered, as speech synthesis rates with their names."""


def render_listen(section: str | None, label: str) -> Html:
    """Render the read-aloud panel.

    It is there from the first paint, so nothing moves when the script sets it up; the
    stylesheet hides it where scripts do not run, and the script where the browser cannot
    speak.
    """
    rates = (
        element("option", {"value": rate, "selected": rate == "1"}, name) for rate, name in RATES
    )
    return element(
        "div",
        {
            "class": "qb-listen",
            "data-qb-section": section,
            "data-qb-label": label,
        },
        "",
        element(
            "div",
            {"class": "qb-listen__controls"},
            element(
                "button",
                {
                    "type": "button",
                    "class": "qb-button qb-button--primary",
                    "data-qb-action": "listen",
                },
                label,
            ),
            " ",
            element(
                "button",
                {
                    "type": "button",
                    "class": "qb-button",
                    "data-qb-action": "listen-stop",
                    "hidden": True,  # until something is being read
                },
                "Stop",
            ),
            " ",
            element(
                "label",
                {"class": "qb-listen__field"},
                "Speed ",
                element("select", {"class": "qb-listen__rate"}, *rates),
            ),
            " ",
            element(
                "label",
                {"class": "qb-listen__field qb-listen__voices", "hidden": True},  # until offered
                "Voice ",
                element("select", {"class": "qb-listen__voice"}),
            ),
        ),
        element(
            "p",
            {"class": "qb-listen__note"},
            "Your browser reads it aloud in its own voice: nothing is downloaded.",
        ),
        element("p", {"class": "qb-listen__status", "role": "status", "aria-live": "polite"}),
        "",
        sep="\n",
    )
