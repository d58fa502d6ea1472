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

_KEPT = "It is kept in this browser, on this device, and showing it needs JavaScript."


def _buttons(*buttons: tuple[str, str]) -> str:
    """Render buttons the script acts on; the first is the primary one."""
    kinds = ["qb-button qb-button--primary"] + ["qb-button"] * (len(buttons) - 1)
    return " ".join(f'<button type="button" class="{kind}" data-qb-action="{action}">{label}'
                    "</button>" for kind, (action, label) in zip(kinds, buttons, strict=True))


def render_progress(context: RenderContext) -> str:
    """Render the learner's progress: tracks marked done and best quiz scores."""
    total = context.track_count
    return "\n".join([
        f'<div class="qb-progress" data-qb-tracks="{total}">',
        '<p class="qb-note">Your progress shows here: the tracks you have marked as done and '
        f"your quiz scores. {_KEPT}</p>",
        '<div class="qb-panel" hidden>',
        '<p class="qb-progress__summary"></p>',
        *([f'<progress class="qb-progress__bar" max="{total}" value="0" '
           'aria-label="Tracks done"></progress>'] if total else []),
        "<p>Your best quiz scores (each track ends with a quiz):</p>",
        '<ul class="qb-progress__scores"></ul>',
        "</div>",
        "</div>"])


def render_journal() -> str:
    """Render the journal: every reflection the learner has written, by track."""
    return "\n".join([
        '<div class="qb-journal">',
        '<p class="qb-note">Your answers to the reflection questions appear here, by track, '
        f"with the date you wrote them. {_KEPT}</p>",
        '<div class="qb-panel" hidden>',
        '<p class="qb-journal__empty" hidden>Your journal is empty so far. Your answers to the '
        "reflection questions on the track pages will appear here.</p>",
        '<div class="qb-journal__actions">' + _buttons(
            ("journal-md", "Download as Markdown"), ("journal-txt", "Download as plain text"),
            ("print", "Print")) + "</div>",
        '<div class="qb-journal__entries"></div>',
        "</div>",
        "</div>"])


def render_your_data() -> str:
    """Render what the course stores, with export, import and clear-everything controls."""
    rows = "\n".join(f'<tr data-qb-kind="{kind}"><th scope="row">{label}</th><td></td><td></td>'
                     "</tr>" for kind, label in KINDS)
    return "\n".join([
        '<div class="qb-data">',
        '<p class="qb-note">What this course has stored shows here, with buttons to export it, '
        f"import it and clear it. {_KEPT}</p>",
        '<div class="qb-panel" hidden>',
        '<div class="qb-data__table"><table>',
        "<caption>What this course stores in this browser</caption>",
        '<thead><tr><th scope="col">What</th><th scope="col">How many</th>'
        '<th scope="col">Size</th></tr></thead>',
        f"<tbody>\n{rows}\n</tbody>",
        '<tfoot><tr><th scope="row">Everything</th><td></td><td></td></tr></tfoot>',
        "</table></div>",
        '<div class="qb-data__actions">' + _buttons(
            ("data-export", "Export to a file"), ("data-import", "Import from a file"),
            ("data-clear", "Clear everything")),
        '<input type="file" class="qb-data__file" accept=".json,application/json" hidden>',
        "</div>",
        '<div class="qb-data__confirm" hidden>',
        '<p class="qb-data__warning" id="qb-data-warning">This deletes every answer, score, '
        "result, journal entry and finished track this course has stored in this browser. It "
        "cannot be undone: export your data first if you want a copy.</p>",
        '<button type="button" class="qb-button qb-button--danger" data-qb-action="data-clear-yes"'
        ' aria-describedby="qb-data-warning">Yes, delete everything</button>',
        '<button type="button" class="qb-button" data-qb-action="data-clear-no">Cancel</button>',
        "</div>",
        '<p class="qb-data__status" role="status" aria-live="polite"></p>',
        "</div>",
        "</div>"])
