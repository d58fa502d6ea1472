"""Banks to HTML: semantic, accessible markup that reads and prints without JavaScript.

Everything that comes from a bank passes through `text` (Markdown with raw HTML shown as
text) or `html.escape`. Data for the browser goes in `data-*` attributes; nothing here emits
a script or a style attribute. Controls that need JavaScript are rendered `hidden`, and the
script reveals them.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from . import model
from .text import is_block, to_html, to_inline_html, to_plain_text

NOTICE = (
    '<p class="qb-notice" hidden>This browser is not saving your work, so it will be lost '
    "when you leave. Everything else works.</p>"
)
"""Opens every block that saves the learner's work; the script shows it when it cannot save."""

TrackLink = Callable[[int], tuple[str, str] | None]
"""Given a track number, return the link to its page and its title, if there is a page."""


@dataclass(frozen=True)
class RenderContext:
    """What rendering needs to know about the page it renders into."""

    track_link: TrackLink = lambda number: None
    page_track: int | None = None
    """The track the page teaches, from its front matter `track:`, if it is a track page."""
    tracks: tuple[int, ...] = ()
    """The numbers of every track page in the site, for the qualification map's columns."""
    track_units: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """Each track page's units (front matter `units:`): a unit a track does not list is not a
    gap in that track."""


@dataclass(frozen=True)
class QuizOptions:
    """Options a page gives a quiz block."""

    questions: tuple[str, ...] = ()
    """Only these questions, in this order; all when empty."""
    track: int | None = None
    """Only the questions tagged with this track."""
    shuffle: bool = False
    """Shuffle the questions and options in the browser on each attempt."""
    intro: bool = True
    """Show the bank's intro above the questions."""


@dataclass(frozen=True)
class SelfAssessmentOptions:
    """Options a page gives a self-assessment block."""

    intro: bool = True
    """Show the bank's intro above the items."""


@dataclass
class _Rendered:
    """The parts of one question: what the learner answers, and the answer key."""

    body: list[str] = field(default_factory=list)
    key: list[str] = field(default_factory=list)


def _attrs(**values: object) -> str:
    """Return HTML attributes; `data_x` becomes `data-x`, True is a bare attribute."""
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        attribute = name.rstrip("_").replace("_", "-")
        parts.append(f" {attribute}" if value is True else f' {attribute}="{escape(str(value))}"')
    return "".join(parts)


def _inline(text: str) -> str:
    """Render bank text to sit inside a label or legend (phrasing content only)."""
    rendered = to_inline_html(text)
    return escape(to_plain_text(text)) if is_block(rendered) else rendered


def _permutation(count: int, seed: str) -> list[int]:
    """Return a shuffled order that is the same every build and never the original order."""
    order = list(range(count))
    if count < 2:
        return order
    random.Random(hashlib.sha256(seed.encode("utf-8")).digest()).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def select_questions(bank: model.QuizBank, options: QuizOptions) -> list[model.Question]:
    """Return the questions a block shows, in the order it shows them."""
    by_id = {question.id: question for question in bank.questions}
    chosen = [by_id[qid] for qid in options.questions] if options.questions else bank.questions
    if options.track is not None:
        chosen = [question for question in chosen if question.track == options.track]
    return list(chosen)


def render_quiz(bank: model.QuizBank, options: QuizOptions, context: RenderContext) -> str:
    """Render a quiz block."""
    questions = select_questions(bank, options)
    attributes = _attrs(
        id=f"qb-quiz-{bank.id}",
        data_qb_bank=bank.id,
        data_qb_kind="quiz",
        data_qb_shuffle="true" if options.shuffle else None,
        data_qb_pass=bank.pass_mark,
    )
    out = [f'<div class="qb-quiz"{attributes}>', NOTICE]
    if options.intro and bank.intro:
        out.append(f'<div class="qb-quiz__intro">{to_html(bank.intro)}</div>')
    for number, question in enumerate(questions, start=1):
        out.append(_question(question, number, len(questions), context))
    out.append(
        '<div class="qb-quiz__actions" hidden>'
        '<button type="button" class="qb-button qb-button--primary" data-qb-action="score">'
        "Show my score</button> "
        '<button type="button" class="qb-button" data-qb-action="reset">Start again'
        "</button></div>"
    )
    out.append('<p class="qb-quiz__score" role="status" aria-live="polite"></p>')
    out.append("</div>")
    return "\n".join(out)


def _question(question: model.Question, number: int, total: int, context: RenderContext) -> str:
    """Render one question as a fieldset with its answer key in a `details`."""
    dom = f"qb-{question.id}"
    parts = _RENDERERS[question.type](question, dom)  # type: ignore[arg-type]
    text = to_inline_html(question.text)
    block_text = is_block(text)
    attributes = _attrs(
        id=dom,
        data_qb_question=question.id,
        data_qb_type=question.type,
        data_qb_version=question.fingerprint(),
        data_qb_answer=_answer_key(question),
        aria_describedby=f"{dom}-text" if block_text else None,
    )
    out = [
        f'<fieldset class="qb-question qb-question--{question.type}"{attributes}>',
        f'<legend class="qb-question__legend"><span class="qb-question__number">Question '
        f"{number} of {total}</span>"
        + ("" if block_text else f' <span class="qb-question__text">{text}</span>')
        + "</legend>",
    ]
    if block_text:
        out.append(f'<div class="qb-question__text" id="{dom}-text">{text}</div>')
    out.extend(parts.body)
    out.append(
        '<div class="qb-question__actions" hidden><button type="button" '
        'class="qb-button qb-button--primary" data-qb-action="check">Check answer</button>'
        "</div>"
    )
    out.append('<div class="qb-feedback" role="status" aria-live="polite"></div>')
    # The answer key stays out of the search index: searching must not give answers away.
    out.append(
        '<details class="qb-answer" data-search-exclude><summary>Answer and explanation</summary>'
    )
    out.extend(parts.key)
    if question.explanation:
        out.append(f'<div class="qb-answer__explanation">{to_html(question.explanation)}</div>')
    out.append(_tags(question, context))
    out.append("</details>")
    out.append("</fieldset>")
    return "\n".join(line for line in out if line)


def _answer_key(question: model.Question) -> str:
    """Return the answer as the browser script reads it from `data-qb-answer`."""
    if isinstance(question, model.SingleChoice | model.MultipleResponse):
        return " ".join(str(index) for index in question.correct_indices())
    if isinstance(question, model.TrueFalse):
        return "true" if question.answer else "false"
    if isinstance(question, model.Ordering):
        shown = _permutation(len(question.items), question.id)
        return " ".join(str(position + 1) for position in shown)
    return " ".join(str(index) for index in range(len(question.pairs)))


def _choice(question: model.SingleChoice | model.MultipleResponse, dom: str) -> _Rendered:
    """Render radio buttons or checkboxes, and the per-option feedback."""
    single = isinstance(question, model.SingleChoice)
    kind = "radio" if single else "checkbox"
    hint = "Choose one answer." if single else "Choose every answer that applies."
    correct = set(question.correct_indices())
    options = question.option_list()
    result = _Rendered(body=[f'<p class="qb-question__hint">{hint}</p>', '<ul class="qb-options">'])
    for index, option in enumerate(options):
        result.body.append(_input_option(kind, dom, index, str(index), _inline(option.text)))
    result.body.append("</ul>")
    answers = [_inline(options[index].text) for index in sorted(correct)]
    result.key.append(
        f'<p class="qb-answer__key"><strong>Answer:</strong> {"; ".join(answers)}</p>'
    )
    entries = [
        (index, _inline(option.text), option.feedback, index in correct)
        for index, option in enumerate(options)
    ]
    result.key.append(_option_feedback(entries))
    return result


def _true_false(question: model.TrueFalse, dom: str) -> _Rendered:
    """Render a True / False pair of radio buttons."""
    result = _Rendered(
        body=[
            '<p class="qb-question__hint">Is this statement true or false?</p>',
            '<ul class="qb-options qb-options--inline">',
        ]
    )
    for value, label in (("true", "True"), ("false", "False")):
        result.body.append(_input_option("radio", dom, value, value, label))
    result.body.append("</ul>")
    result.key.append(
        f'<p class="qb-answer__key"><strong>Answer:</strong> '
        f"{'True' if question.answer else 'False'}</p>"
    )
    result.key.append(
        _option_feedback(
            [
                ("true", "True", question.true_feedback, question.answer),
                ("false", "False", question.false_feedback, not question.answer),
            ]
        )
    )
    return result


def _input_option(kind: str, dom: str, key: object, value: str, label: str) -> str:
    """Render one radio button or checkbox with its label."""
    input_id = f"{dom}-{key}"
    return (
        f'<li class="qb-option" data-qb-option="{escape(str(key))}">'
        f'<input type="{kind}" class="qb-option__input"'
        f"{_attrs(id=input_id, name=dom, value=value)}>"
        f'<label class="qb-option__label" for="{input_id}">{label}</label></li>'
    )


def _option_feedback(entries: Sequence[tuple[object, str, str | None, bool]]) -> str:
    """Render every option marked right or wrong, with its feedback."""
    lines = ['<ul class="qb-answer__options">']
    for key, label, feedback, right in entries:
        verdict = "Right" if right else "Wrong"
        modifier = "right" if right else "wrong"
        body = f'<div class="qb-answer__feedback">{to_html(feedback)}</div>' if feedback else ""
        lines.append(
            f'<li class="qb-answer__option qb-answer__option--{modifier}" '
            f'data-qb-option="{escape(str(key))}"><span class="qb-answer__verdict">'
            f'{verdict}:</span> <span class="qb-answer__label">{label}</span>{body}</li>'
        )
    lines.append("</ul>")
    return "\n".join(lines)


def _ordering(question: model.Ordering, dom: str) -> _Rendered:
    """Render the items shuffled, each with a drop-down for its place in the sequence."""
    count = len(question.items)
    shown = _permutation(count, question.id)
    places = "".join(f'<option value="{n}">{n}</option>' for n in range(1, count + 1))
    result = _Rendered(
        body=[
            f'<p class="qb-question__hint">Give each item its place in the '
            f"sequence, from 1 (first) to {count} (last).</p>",
            '<ul class="qb-pairs">',
        ]
    )
    for slot, index in enumerate(shown):
        select_id = f"{dom}-{slot}"
        result.body.append(
            f'<li class="qb-pair" data-qb-slot="{slot}"><label class="qb-pair__label" '
            f'for="{select_id}">{_inline(question.items[index])}</label> '
            f'<select class="qb-pair__select" id="{select_id}" name="{select_id}">'
            f'<option value="">Place…</option>{places}</select></li>'
        )
    result.body.append("</ul>")
    result.key.append('<p class="qb-answer__key"><strong>Answer:</strong></p>')
    result.key.append(
        '<ol class="qb-answer__sequence">'
        + "".join(f"<li>{_inline(item)}</li>" for item in question.items)
        + "</ol>"
    )
    return result


def _matching(question: model.Matching, dom: str) -> _Rendered:
    """Render each item with a drop-down of the descriptions, shuffled."""
    matches = [pair.match for pair in question.pairs] + list(question.distractors)
    order = _permutation(len(matches), question.id)
    choices = "".join(
        f'<option value="{index}">{escape(to_plain_text(matches[index]))}</option>'
        for index in order
    )
    result = _Rendered(
        body=[
            '<p class="qb-question__hint">Choose the description that matches each item.</p>',
            '<ul class="qb-pairs">',
        ]
    )
    for slot, pair in enumerate(question.pairs):
        select_id = f"{dom}-{slot}"
        result.body.append(
            f'<li class="qb-pair" data-qb-slot="{slot}"><label class="qb-pair__label" '
            f'for="{select_id}">{_inline(pair.item)}</label> '
            f'<select class="qb-pair__select" id="{select_id}" name="{select_id}">'
            f'<option value="">Choose a match…</option>{choices}</select></li>'
        )
    result.body.append("</ul>")
    result.key.append('<p class="qb-answer__key"><strong>Answer:</strong></p>')
    result.key.append(
        '<dl class="qb-answer__matches">'
        + "".join(
            f"<dt>{_inline(pair.item)}</dt><dd>{_inline(pair.match)}</dd>"
            for pair in question.pairs
        )
        + "</dl>"
    )
    return result


_RENDERERS: dict[str, Callable[[model.Question, str], _Rendered]] = {
    "single": _choice,  # type: ignore[dict-item]
    "multiple": _choice,  # type: ignore[dict-item]
    "true-false": _true_false,  # type: ignore[dict-item]
    "ordering": _ordering,  # type: ignore[dict-item]
    "matching": _matching,  # type: ignore[dict-item]
}


def _tags(entry: model._Tagged, context: RenderContext) -> str:
    """Render where a question is taught and what it covers."""
    parts = []
    if entry.track is not None:
        link = context.track_link(entry.track)
        if link:
            href, title = link
            parts.append(f'Taught in <a href="{escape(href)}">{escape(title)}</a>')
        else:
            parts.append(f"Taught in track {entry.track}")
    if entry.units:
        parts.append("Units " + ", ".join(escape(unit) for unit in entry.units))
    if entry.outcomes:
        parts.append("Outcomes " + ", ".join(escape(outcome) for outcome in entry.outcomes))
    if not parts:
        return ""
    return f'<p class="qb-answer__tags">{" · ".join(parts)}</p>'


def render_self_assessment(
    bank: model.SelfAssessmentBank, options: SelfAssessmentOptions, context: RenderContext
) -> str:
    """Render a self-assessment checklist with its result bands."""
    scoring = bank.scoring
    attributes = _attrs(
        id=f"qb-self-{bank.id}",
        data_qb_bank=bank.id,
        data_qb_kind="self-assessment",
        data_qb_rule=scoring.rule,
        data_qb_ties=scoring.ties,
        data_qb_version=bank.fingerprint(),
    )
    out = [f'<div class="qb-self"{attributes}>', NOTICE]
    if options.intro and bank.intro:
        out.append(f'<div class="qb-self__intro">{to_html(bank.intro)}</div>')
    count = len(bank.items())
    out.append(
        f'<p class="qb-self__count">{count} statements, each answered '
        + " / ".join(_inline(point.label) for point in bank.scale)
        + ".</p>"
    )
    for section in bank.sections:
        out.append(
            f'<fieldset class="qb-section" data-qb-section="{section.id}">'
            f'<legend class="qb-section__title">{_inline(section.title)}</legend>'
        )
        out.extend(_item(item, bank) for item in section.items)
        out.append("</fieldset>")
    out.append(
        '<div class="qb-self__actions" hidden>'
        '<button type="button" class="qb-button qb-button--primary" data-qb-action="result">'
        "Show my result</button> "
        '<button type="button" class="qb-button" data-qb-action="reset">Start again'
        "</button></div>"
    )
    out.append('<div class="qb-self__result" role="status" aria-live="polite"></div>')
    out.append(_report(bank))
    out.append(_bands(bank))
    out.append("</div>")
    return "\n".join(out)


def _item(item: model.Item, bank: model.SelfAssessmentBank) -> str:
    """Render one statement with a radio button for each point of the scale."""
    dom = f"qb-{item.id}"
    scale = bank.scale
    points = "".join(
        f'<span class="qb-scale__point"><input type="radio" class="qb-scale__input"'
        f"{_attrs(id=f'{dom}-{point.id}', name=dom, value=point.id, data_qb_score=point.score)}>"
        f'<label class="qb-scale__label" for="{dom}-{point.id}">{_inline(point.label)}</label>'
        f"</span>"
        for point in scale
    )
    attributes = _attrs(
        id=dom, data_qb_question=item.id, data_qb_version=bank.item_fingerprint(item)
    )
    return (
        f'<fieldset class="qb-item"{attributes}>'
        f'<legend class="qb-item__text">{_inline(item.text)}</legend>'
        f'<div class="qb-scale">{points}</div></fieldset>'
    )


def _report(bank: model.SelfAssessmentBank) -> str:
    """Render the frame of the learner's report, which the script fills in under a result.

    A chart of the answers by section (a bar each, with the same numbers in a table),
    the statements rated at the lowest point of the scale, and the history of attempts.
    """
    labels = [_inline(point.label) for point in bank.scale]
    lowest = _inline(min(bank.scale, key=lambda point: point.score).label)
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    bars = "".join(
        f'<p class="qb-chart__label">{_inline(section.title)}</p>'
        '<div class="qb-chart__bar" role="img"></div>'
        for section in bank.sections
    )
    legend = "".join(
        f'<li><span class="qb-chart__key qb-chart__part--{index}"></span>{label}</li>'
        for index, label in enumerate(labels)
    )
    rows = "".join(
        f'<tr><th scope="row">{_inline(section.title)}</th>' + "<td></td>" * len(labels) + "</tr>"
        for section in bank.sections
    )
    buttons = "".join(
        f'<button type="button" class="qb-button" data-qb-action="{action}">{label}</button>'
        for action, label in (
            ("print", "Print"),
            ("self-csv", "Download as CSV"),
            ("self-json", "Download as JSON"),
        )
    )
    return "\n".join(
        [
            '<div class="qb-self__report" hidden>',
            '<h2 class="qb-self__heading">Your answers by section</h2>',
            f'<div class="qb-chart">{bars}</div>',
            f'<ul class="qb-chart__legend">{legend}</ul>',
            '<details class="qb-chart__table"><summary>The chart as a table</summary>'
            "<table><caption>Your answers by section</caption><thead><tr>"
            f'<th scope="col">Section</th>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></details>",
            '<h2 class="qb-self__heading">Your development priorities</h2>',
            f"<p>What you rated {lowest}: good places to start your development plan.</p>",
            '<ul class="qb-self__priorities"></ul>',
            '<h2 class="qb-self__heading">Your results over time</h2>',
            '<div class="qb-self__history"><table><caption>Each time you saw your result'
            f'</caption><thead><tr><th scope="col">Date</th><th scope="col">Result</th>{head}'
            "</tr></thead><tbody></tbody></table></div>",
            '<p class="qb-self__compare"></p>',
            f'<div class="qb-self__downloads">{buttons}</div>',
            "</div>",
        ]
    )


def _bands(bank: model.SelfAssessmentBank) -> str:
    """Render how the result is worked out, and every band with its feedback."""
    scoring = bank.scoring
    labels = {point.id: to_plain_text(point.label) for point in bank.scale}
    if scoring.rule == "most":
        tie = "lowest" if scoring.ties == "lower" else "highest"
        rule = (
            "Your result is the band for the answer you gave most often. If two or more "
            f"answers tie for most often, the result is the band for the {tie}-scoring of "
            "them."
        )
    else:
        low, high = bank.total_range()
        scores = ", ".join(f"{escape(labels[point.id])} {point.score}" for point in bank.scale)
        rule = (
            f"Each answer scores points ({scores}). Your result is the band your total "
            f"falls in; totals run from {low} to {high}."
        )
    out = [
        '<details class="qb-bands"><summary>How your result is worked out</summary>',
        f'<p class="qb-bands__rule">{rule}</p>',
    ]
    for band in scoring.bands:
        if scoring.rule == "most" and band.when:
            when = f"Mostly {escape(labels.get(band.when, band.when))}"
        else:
            when = f"Total {band.min}–{band.max}"
        attributes = _attrs(
            data_qb_band=band.id, data_qb_when=band.when, data_qb_min=band.min, data_qb_max=band.max
        )
        out.append(
            f'<div class="qb-band"{attributes}>'
            f'<p class="qb-band__title"><strong><span class="qb-band__when">{when}:'
            f"</span> {_inline(band.title)}</strong></p>"
            f'<div class="qb-band__feedback">{to_html(band.feedback)}</div></div>'
        )
    out.append("</details>")
    return "\n".join(out)


def render_reflection(reflection_id: str, prompt: str, context: RenderContext) -> str:
    """Render a reflection prompt with a box for the learner's answer."""
    dom = f"qb-reflection-{reflection_id}"
    version = hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:12]
    attributes = _attrs(
        id=dom,
        data_qb_reflection=reflection_id,
        data_qb_track=context.page_track,
        data_qb_version=version,
    )
    return (
        f'<div class="qb-reflection"{attributes}>{NOTICE}'
        f'<label class="qb-reflection__prompt" for="{dom}-answer">{_inline(prompt)}</label>'
        f'<textarea class="qb-reflection__answer" id="{dom}-answer" name="{dom}" rows="4">'
        f'</textarea><p class="qb-reflection__status" aria-live="polite"></p></div>'
    )
