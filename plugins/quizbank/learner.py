"""The learner's own records: progress, the reflection journal, and the data page.

`/// progress`, `/// journal` and `/// your-data` take no argument and no options. What they
show lives in the learner's browser, so each renders a sentence that says what will appear and
that it needs JavaScript, and a panel rendered `hidden` that the script reveals and fills in.
Nothing here carries learner data: the HTML is the same for everyone.
"""

from __future__ import annotations

from .render import RenderContext

KINDS = (
    ("answer", "Quiz answers and self-assessment ratings"),
    ("score", "Quiz scores"),
    ("result", "Self-assessment results"),
    ("reflection", "Journal entries"),
    ("done", "Tracks marked done"),
    ("other", "Entries this course cannot read"),
)
"""What the script stores, by the kind its keys start with, as the data page lists it."""

_SCRIPT_NOTE = "It is kept in this browser, on this device, and showing it needs JavaScript."


def _button(action: str, label: str, *, primary: bool = False) -> str:
    """Render a button the script acts on."""
    kind = "qb-button qb-button--primary" if primary else "qb-button"
    return f'<button type="button" class="{kind}" data-qb-action="{action}">{label}</button>'


def render_progress(context: RenderContext) -> str:
    """Render the learner's progress: tracks marked done and quiz scores."""
    total = context.track_count
    bar = (f'<progress class="qb-progress__bar" max="{total}" value="0" '
           f'aria-label="Tracks done"></progress>' if total else "")
    return (f'<div class="qb-progress" data-qb-progress data-qb-tracks="{total}">'
            f'<p class="qb-note">Your progress shows here: the tracks you have marked as done '
            f"and your quiz scores. {_SCRIPT_NOTE}</p>"
            f'<div class="qb-panel" hidden>'
            f'<p class="qb-progress__summary"></p>{bar}'
            f'<p class="qb-progress__quizzes">Your best quiz scores (each track ends with a '
            f"quiz):</p>"
            f'<ul class="qb-progress__scores"></ul></div></div>')


def render_journal() -> str:
    """Render the journal: every reflection the learner has written, by track."""
    return ('<div class="qb-journal" data-qb-journal>'
            '<p class="qb-note">Your answers to the reflection questions appear here, by '
            f"track, with the date you wrote them. {_SCRIPT_NOTE}</p>"
            '<div class="qb-panel" hidden>'
            '<p class="qb-journal__empty" hidden>Your journal is empty so far. Your answers to '
            "the reflection questions on the track pages will appear here.</p>"
            '<div class="qb-journal__actions">'
            + _button("journal-md", "Download as Markdown", primary=True)
            + " " + _button("journal-txt", "Download as plain text")
            + " " + _button("print", "Print") +
            '</div><div class="qb-journal__entries"></div></div></div>')


def render_your_data() -> str:
    """Render what the course stores, with export, import and clear-everything controls."""
    return ('<div class="qb-data" data-qb-data>'
            '<p class="qb-note">A list of what this course has stored appears here, with '
            "buttons to export it, import it and clear it. Showing it needs JavaScript.</p>"
            '<div class="qb-panel" hidden>'
            '<div class="qb-data__table"><table><caption>What this course stores in this '
            'browser</caption><thead><tr><th scope="col">What</th><th scope="col">How many</th>'
            '<th scope="col">Size</th></tr></thead><tbody>'
            + "".join(f'<tr data-qb-kind="{kind}"><th scope="row">{label}</th><td></td><td></td>'
                      "</tr>" for kind, label in KINDS)
            + '</tbody><tfoot><tr><th scope="row">Everything</th><td></td><td></td></tr></tfoot>'
            "</table></div>"
            '<div class="qb-data__actions">'
            + _button("data-export", "Export to a file", primary=True)
            + " " + _button("data-import", "Import from a file")
            + " " + _button("data-clear", "Clear everything") +
            '<input type="file" class="qb-data__file" accept=".json,application/json" hidden>'
            "</div>"
            '<div class="qb-data__confirm" hidden>'
            '<p class="qb-data__warning" id="qb-data-warning">This deletes every answer, score, '
            "result, journal entry and finished track this course has stored in this browser. "
            "It cannot be undone: export your data first if you want a copy.</p>"
            '<button type="button" class="qb-button qb-button--danger" '
            'data-qb-action="data-clear-yes" aria-describedby="qb-data-warning">'
            "Yes, delete everything</button> "
            + _button("data-clear-no", "Cancel") +
            "</div>"
            '<p class="qb-data__status" role="status" aria-live="polite"></p>'
            "</div></div>")
