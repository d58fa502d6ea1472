"""The learner's own records: progress, the journal, the course record, the data page.

`/// progress`, `/// journal`, `/// record` and `/// your-data` take no argument and no
options. What they show lives in the learner's browser, so each renders a sentence that says
what will appear and that it needs JavaScript, and a panel rendered `hidden` that the script
reveals and fills in. Nothing here carries learner data: the HTML is the same for everyone.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from . import model
from .catalog import Catalog
from .html import Html, element, join
from .render import NOTICE, RenderContext, button, live
from .text import to_phrase_html

KINDS_FILE = Path(__file__).parent / "assets" / "src" / "kinds.json"
"""The one list of what the script stores; the script has it too (esbuild bundles it in)."""


def _read_kinds(path: Path) -> tuple[tuple[str, str], ...]:
    """Return each kind of record with its label: the kinds stored, then `other`."""
    with path.open(encoding="utf-8") as file:
        kinds = json.load(file)
    return (*kinds["stored"].items(), ("other", kinds["other"]))


KINDS = _read_kinds(KINDS_FILE)
"""What the script stores, by the kind its keys start with, as the data page lists it."""

_KEPT = "It is kept in this browser, on this device, and showing it needs JavaScript."

COURSE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What a course id looks like: lower-case letters, digits and single hyphens."""

COURSE_ID_LENGTH = 64
"""The longest course id."""


def course_id_from(site_name: str) -> str:
    """Return the course id a site's name gives.

    Its letters and digits, lower case, in words joined by hyphens ("Health & Safety"
    gives "health-safety"), at most 64 characters; "course" if it has none.
    """
    plain = unicodedata.normalize("NFKD", site_name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(words)[:COURSE_ID_LENGTH].strip("-") or "course"


def _buttons(*buttons: tuple[str, str]) -> str:
    """Render buttons the script acts on; the first is the primary one."""
    kinds = ["qb-button qb-button--primary"] + ["qb-button"] * (len(buttons) - 1)
    return " ".join(
        f'<button type="button" class="{kind}" data-qb-action="{action}">{label}</button>'
        for kind, (action, label) in zip(kinds, buttons, strict=True)
    )


def render_progress(
    context: RenderContext, self_assessments: Mapping[str, str] | None = None
) -> str:
    """Render the learner's progress and where to go next.

    How many tracks are done (in words and a progress bar), the latest self-assessment result
    with its date, and how many quizzes have a best score.

    The link to where to go next works without the script: it starts the course at the first
    track. The script points it at the first track not yet done, picking from the list of
    track pages rendered here (hidden), so the engine assumes nothing about their addresses.
    `self_assessments` names each self-assessment bank, by id, for the latest result.
    """
    total = len(context.tracks)
    tracks = [
        (number, link[0], context.track_title(number) or link[1])
        for number in context.tracks
        if (link := context.track_link(number))
    ]
    lines = [f'<div class="qb-progress" data-qb-tracks="{total}">', NOTICE]
    if tracks:
        number, href, _ = tracks[0]
        lines.append(
            '<p class="qb-progress__next">'
            + str(
                element(
                    "a",
                    {
                        "class": "qb-button qb-button--primary qb-progress__continue",
                        "href": href,
                        "data-qb-track": number,
                    },
                    "Start the course",
                )
            )
            + "</p>"
        )
    lines += [
        f'<p class="qb-note">How many tracks you have marked as done shows here. {_KEPT}</p>',
        '<div class="qb-panel" hidden>',
        '<p class="qb-progress__summary" id="qb-progress-summary"></p>',
        f'<progress class="qb-progress__bar" max="{max(total, 1)}" value="0" '
        'aria-labelledby="qb-progress-summary"></progress>',
        '<ul class="qb-progress__facts">',
        '<li class="qb-progress__review"></li>',
        '<li class="qb-progress__self"></li>',
        '<li class="qb-progress__quizzes"></li>',
        "</ul>",
        "<p>Finished tracks are ticked wherever they are linked, and each quiz's best score "
        "shows beside the links to it.</p>",
        "</div>",
    ]
    if tracks:
        lines.append(
            element(
                "ol",
                {"class": "qb-progress__tracks", "hidden": True},
                *(
                    element("li", None, element("a", {"href": href, "data-qb-track": n}, title))
                    for n, href, title in tracks
                ),
            )
        )
    if self_assessments:
        lines.append(
            element(
                "ul",
                {"class": "qb-progress__banks", "hidden": True},
                *(
                    element("li", {"data-qb-bank": bank}, title)
                    for bank, title in self_assessments.items()
                ),
            )
        )
    lines.append("</div>")
    return "\n".join(lines)


def render_journal() -> str:
    """Render the journal: every reflection the learner has written, by track."""
    return "\n".join(
        [
            '<div class="qb-journal">',
            NOTICE,
            '<p class="qb-note">Your answers to the reflection questions appear here, by track, '
            f"with the date you wrote them. {_KEPT}</p>",
            '<div class="qb-panel" hidden>',
            '<p class="qb-journal__empty" hidden>Your journal is empty so far. Your answers to the '
            "reflection questions on the track pages will appear here.</p>",
            '<div class="qb-journal__actions">'
            + _buttons(
                ("journal-md", "Download as Markdown"),
                ("journal-txt", "Download as plain text"),
                ("print", "Print"),
            )
            + "</div>",
            '<div class="qb-journal__entries"></div>',
            "</div>",
            "</div>",
        ]
    )


def render_your_data(course: str = "") -> str:
    """Render what the course stores, with export, import and clear-everything controls.

    `course` is the course's id (`data-qb-course`): the files the page exports carry it, and
    it imports only files that carry it too (or, without one, files from the same address).
    """
    rows = "\n".join(
        f'<tr data-qb-kind="{kind}"><th scope="row">{label}</th><td></td><td></td></tr>'
        for kind, label in KINDS
    )
    course_attribute = f' data-qb-course="{course}"' if COURSE_ID.match(course) else ""
    return "\n".join(
        [
            f'<div class="qb-data"{course_attribute}>',
            NOTICE,
            '<p class="qb-note">What this course has stored shows here, with buttons to export it, '
            f"import it and clear it. {_KEPT}</p>",
            '<div class="qb-panel" hidden>',
            '<div class="qb-data__table"><table>',
            "<caption>What this course stores in this browser</caption>",
            '<thead><tr><th scope="col">What</th><th scope="col">How many</th>'
            '<th scope="col">Space used</th></tr></thead>',
            f"<tbody>\n{rows}\n</tbody>",
            '<tfoot><tr><th scope="row">Everything</th><td></td><td></td></tr></tfoot>',
            "</table></div>",
            '<div class="qb-data__actions">'
            + _buttons(
                ("data-export", "Export to a file"),
                ("data-import", "Import from a file"),
            ),
            '<input type="file" class="qb-data__file" accept=".json,application/json" hidden>',
            "</div>",
            '<div class="qb-data__danger">',
            "<p>Clearing deletes all of it from this browser, and it cannot be undone.</p>",
            '<button type="button" class="qb-button qb-button--danger" data-qb-action="data-clear">'
            "Clear everything</button>",
            "</div>",
            '<dialog class="qb-data__confirm" aria-label="Clear everything?" '
            'aria-describedby="qb-data-warning">',
            '<p id="qb-data-warning">This deletes every answer, score, result, journal entry, '
            "finished track and question to review that this course has stored in this browser, "
            "and your name. It cannot be undone: export your data first if you want a copy.</p>",
            '<form method="dialog"><button class="qb-button qb-button--danger" value="yes" '
            "autofocus>Yes, delete everything</button> "
            '<button class="qb-button" value="no">Cancel</button></form>',
            "</dialog>",
            '<p class="qb-data__status" role="status" aria-live="polite"></p>',
            # Shown by the script only where the browser can be asked (navigator.storage).
            '<div class="qb-data__keep" hidden>',
            "<p>Some browsers clear a site's data after a few weeks without a visit, or when the "
            "device is short of space. You can ask this browser to keep your work here until "
            "you delete it; it still never leaves this device.</p>",
            button("data-persist", "Keep my work on this device"),
            '<p class="qb-data__kept" role="status" aria-live="polite" data-qb-yes="This browser '
            'will keep your work on this device until you delete it." data-qb-no="This browser '
            "did not agree, so it may still clear your work one day: export it to a file now and "
            'then."></p>',
            "</div>",
            "</div>",
            "</div>",
        ]
    )


def render_track_done(track: int) -> Html:
    """Render the button that marks a track as done (the script reveals it)."""
    return element(
        "div",
        {"class": "qb-track-done", "hidden": True},
        NOTICE,
        element(
            "button",
            {
                "type": "button",
                "class": "qb-button",
                "data-qb-action": "track-done",
                "data-qb-track": track,
                "aria-pressed": "false",
            },
            f"Mark track {track} as done",
        ),
        element("p", {"class": "qb-track-done__status", "aria-live": "polite"}),
    )


def _record_table(class_name: str, caption: str, columns: tuple[str, ...], rows: Html) -> Html:
    """Render one of the record's tables: a hidden row for each bank, which the script shows.

    A row is shown when the learner has a score or result in its bank.
    """
    head = join(element("th", {"scope": "col"}, column) for column in columns)
    return join(
        [
            Html(f'<div class="qb-record__list {class_name}"><table>'),
            element("caption", None, caption),
            element("thead", None, element("tr", None, head)),
            element("tbody", None, rows),
            Html("</table></div>"),
        ]
    )


def _bank_rows(banks: list[model.QuizBank] | list[model.SelfAssessmentBank], cells: int) -> Html:
    """Render a hidden row for each bank, its title first."""
    return join(
        element(
            "tr",
            {"data-qb-bank": bank.id, "hidden": True},
            element("th", {"scope": "row"}, to_phrase_html(bank.title)),
            Html("<td></td>" * cells),
        )
        for bank in banks
    )


def render_record(catalog: Catalog, context: RenderContext) -> Html:
    """Render the course record: the learner's name, and what they have done, with dates."""
    quizzes = [bank for bank in catalog.banks.values() if isinstance(bank, model.QuizBank)]
    selves = [bank for bank in catalog.banks.values() if isinstance(bank, model.SelfAssessmentBank)]
    tracks = join(
        element(
            "li",
            {"data-qb-track": number, "hidden": True},
            link[1] if (link := context.track_link(number)) else f"Track {number}",
        )
        for number in context.tracks
    )
    none = element("p", {"class": "qb-record__none", "hidden": True}, "None yet.")
    return element(
        "div",
        {"class": "qb-record"},
        "",
        NOTICE,
        element(
            "p",
            {"class": "qb-note"},
            "Your course record shows here: the tracks you have done, your quiz scores and "
            "self-assessment results, your reflections and reviews, each with its date. " + _KEPT,
        ),
        element(
            "div",
            {"class": "qb-panel", "hidden": True},
            element(
                "p",
                {"class": "qb-record__own"},
                element("strong", None, "This is your own record, not a certificate."),
                " Your browser made it from what it has kept of your work in this course, on "
                "this device; nobody has checked it.",
            ),
            element(
                "p",
                {"class": "qb-record__who"},
                element("label", {"for": "qb-record-name"}, "Your name"),
                " ",
                element(
                    "input",
                    {
                        "type": "text",
                        "class": "qb-record__name",
                        "id": "qb-record-name",
                        "autocomplete": "name",
                        "maxlength": 200,  # records.js keeps a name of at most 200
                    },
                ),
            ),
            live("p", "qb-record__status"),
            element("h2", {"class": "qb-record__heading"}, "Tracks done"),
            element("ul", {"class": "qb-record__list"}, tracks),
            none,
            element("h2", {"class": "qb-record__heading"}, "Quizzes"),
            _record_table(
                "qb-record__quizzes",
                "Your best score in each quiz with every question answered",
                ("Quiz", "Best score", "Date"),
                _bank_rows(quizzes, 2),
            ),
            none,
            element("h2", {"class": "qb-record__heading"}, "Self-assessments"),
            _record_table(
                "qb-record__selves",
                "Your first and latest results",
                ("Self-assessment", "First result", "Latest result"),
                _bank_rows(selves, 2),
            ),
            none,
            element("h2", {"class": "qb-record__heading"}, "Reflections"),
            element("p", {"class": "qb-record__reflections"}),
            element("h2", {"class": "qb-record__heading"}, "Review"),
            element("p", {"class": "qb-record__review"}),
            element("p", {"class": "qb-record__made"}),
            element(
                "div",
                {"class": "qb-record__actions"},
                button("print", "Print", primary=True),
                " ",
                button("record-md", "Download as Markdown"),
            ),
        ),
        "",
        sep="\n",
    )
