"""The qualification map as HTML: a table of units by track, and one of outcomes.

Tables carry no class, so the theme styles them as it styles any Markdown table (Material
also makes wide ones scroll). A gap says "gap" in words; colour only adds to it.
"""

from __future__ import annotations

from html import escape

from .coverage import Coverage, OutcomeRow, Tagged, UnitRow
from .render import RenderContext
from .text import to_inline_html

GAP = '<td class="qb-map__gap"><strong>gap</strong></td>'
NOT_IN_TRACK = (
    '<td class="qb-map__none"><span aria-hidden="true">–</span>'
    '<span class="qb-sr-only">not part of this track</span></td>'
)


def render_qualification_map(coverage: Coverage, context: RenderContext) -> str:
    """Render the qualification map: a summary, then the units and outcomes tables."""
    out = ['<div class="qb-map">', _summary(coverage)]
    if coverage.units:
        out.append(_units_table(coverage, context))
    if coverage.outcomes:
        out.append(_outcomes_table(coverage))
    if not coverage.units and not coverage.outcomes:
        out.append(
            '<p class="qb-map__empty">No question is tagged with a unit or outcome, and '
            "no units or outcomes are declared, so there is nothing to map yet.</p>"
        )
    out.append("</div>")
    return "\n".join(out)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary(coverage: Coverage) -> str:
    """Say in a sentence how much is covered and list the gaps."""
    units = coverage.units
    outcomes = [row for row in coverage.outcomes if not row.is_group]
    parts = []
    if units:
        parts.append(f"{len(units) - len(coverage.unit_gaps)} of {_plural(len(units), 'unit')}")
    if outcomes:
        parts.append(
            f"{len(outcomes) - len(coverage.outcome_gaps)} of {_plural(len(outcomes), 'outcome')}"
        )
    sentence = f"Quiz questions cover {' and '.join(parts)}." if parts else ""
    gaps = []
    if coverage.unit_gaps:
        gaps.append("units " + ", ".join(escape(unit) for unit in coverage.unit_gaps))
    if coverage.outcome_gaps:
        gaps.append("outcomes " + ", ".join(escape(row) for row in coverage.outcome_gaps))
    empty_tracks = [number for number in coverage.tracks if not coverage.per_track[number]]
    if empty_tracks:
        gaps.append("tracks with no questions: " + ", ".join(map(str, empty_tracks)))
    cells = coverage.cell_gaps()
    if cells:
        gaps.append(f"{_plural(cells, 'unit-and-track cell')} with no question")
    sentence += " <strong>Gaps:</strong> " + "; ".join(gaps) + "." if gaps else " No gaps."
    return f'<p class="qb-map__summary">{sentence.strip()}</p>'


def _track_header(number: int, context: RenderContext) -> str:
    """Return a column header for a track, linked to its page when there is one."""
    link = context.track_link(number)
    label = f'<span class="qb-sr-only">Track </span>{number}'
    if link is None:
        return f'<th scope="col">{label}</th>'
    href, title = link
    return f'<th scope="col"><a href="{escape(href)}" title="{escape(title)}">{label}</a></th>'


def _count(value: int) -> str:
    """Return a cell holding a count, or a gap."""
    return f"<td>{value}</td>" if value else GAP


def _units_table(coverage: Coverage, context: RenderContext) -> str:
    """Render units (rows) against tracks (columns): quiz questions in each cell."""
    header = ['<th scope="col" rowspan="2">Unit</th>']
    if coverage.tracks:
        header.append(f'<th scope="colgroup" colspan="{len(coverage.tracks)}">Track</th>')
    if coverage.untracked:
        header.append('<th scope="col" rowspan="2">No track</th>')
    header.extend(
        [
            '<th scope="col" rowspan="2">All tracks</th>',
            '<th scope="col" rowspan="2">Self-assessment statements</th>',
        ]
    )
    numbers = "".join(_track_header(number, context) for number in coverage.tracks)
    rows = [_unit_row(unit, coverage) for unit in coverage.units]
    footer = ['<th scope="row">Questions in the track</th>']
    footer.extend(_count(coverage.per_track[number]) for number in coverage.tracks)
    if coverage.untracked:
        footer.append(f"<td>{coverage.untracked}</td>")
    footer.append(f"<td>{sum(coverage.per_track.values()) + coverage.untracked}</td><td></td>")
    return (
        "<table>\n<caption>Units by track: how many quiz questions cover each unit in each "
        "track</caption>\n<thead><tr>"
        + "".join(header)
        + "</tr>\n<tr>"
        + numbers
        + "</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n<tfoot><tr>"
        + "".join(footer)
        + "</tr></tfoot>\n</table>"
    )


def _unit_row(unit: UnitRow, coverage: Coverage) -> str:
    """Render one unit's row."""
    title = (
        f' <span class="qb-map__title">{to_inline_html(unit.title)}</span>' if unit.title else ""
    )
    cells = [f'<th scope="row"><span class="qb-map__code">{escape(unit.id)}</span>{title}</th>']
    cells.extend(
        _count(unit.by_track.get(number, 0))
        if coverage.expects(unit.id, number) or unit.by_track.get(number)
        else NOT_IN_TRACK
        for number in coverage.tracks
    )
    if coverage.untracked:
        cells.append(f"<td>{unit.by_track.get(None, 0)}</td>")
    cells.append(_count(unit.total))
    cells.append(f"<td>{unit.statements}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _outcomes_table(coverage: Coverage) -> str:
    """Render each outcome with the quiz questions that cover it, or a gap.

    Questions are listed by bank and id rather than linked: a bank may be shown on several
    pages, in parts, so no one page is the place of a question.
    """
    rows = [_outcome_row(row) for row in coverage.outcomes]
    return (
        "<table>\n<caption>Outcomes and the quiz questions that cover them</caption>\n"
        '<thead><tr><th scope="col">Outcome</th><th scope="col">What it asks for</th>'
        '<th scope="col">Quiz questions (bank: question ids)</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )


def _outcome_row(row: OutcomeRow) -> str:
    """Render one outcome; a group's row heads the outcomes under it."""
    title = (
        to_inline_html(row.title) if row.title else "<em>not listed in the qualifications file</em>"
    )
    code = escape(row.id)
    if row.is_group:
        covered = _questions(row.questions) if row.questions else "see the outcomes under it"
        return (
            f'<tr class="qb-map__group"><th scope="row"><span class="qb-map__code">{code}'
            f"</span></th><td><strong>{title}</strong></td><td>{covered}</td></tr>"
        )
    indent = ' class="qb-map__sub"' if row.group else ""
    head = f'<th scope="row"{indent}><span class="qb-map__code">{code}</span></th>'
    if not row.questions:
        extra = (
            f" ({_plural(len(row.statements), 'self-assessment statement')} only)"
            if row.statements
            else ""
        )
        return (
            f'<tr>{head}<td>{title}</td><td class="qb-map__gap"><strong>gap</strong>: no '
            f"quiz question covers this outcome{extra}</td></tr>"
        )
    extra = (
        f'<br><span class="qb-map__note">Also '
        f"{_plural(len(row.statements), 'self-assessment statement')}.</span>"
        if row.statements
        else ""
    )
    return f"<tr>{head}<td>{title}</td><td>{_questions(row.questions)}{extra}</td></tr>"


def _questions(entries: list[Tagged]) -> str:
    """List questions by bank: `bank: id, id`, with how many there are and their tracks."""
    by_bank: dict[str, list[str]] = {}
    for entry in entries:
        by_bank.setdefault(entry.bank, []).append(entry.id)
    tracks = sorted({entry.track for entry in entries if entry.track is not None})
    where = (
        f" (track{'s' if len(tracks) > 1 else ''} {', '.join(map(str, tracks))})" if tracks else ""
    )
    listed = "; ".join(
        f"<code>{escape(bank)}</code>: " + ", ".join(escape(i) for i in ids)
        for bank, ids in by_bank.items()
    )
    return f"<strong>{len(entries)}</strong>{where}: {listed}"
