"""Banks to HTML: semantic, accessible markup that reads and prints without JavaScript.

Everything that comes from a bank passes through `quizbank.text` (Markdown with raw HTML
shown as text) or is escaped by the builder in `quizbank.html`. Data for the browser goes in
`data-*` attributes; nothing here emits a script or a style attribute. Controls that need
JavaScript are rendered `hidden`, and the script reveals them. What each question type
renders of its own is in its module of `quizbank.types`.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from . import model
from .html import Html, attributes, element, escape, join, quote
from .text import is_block, to_html, to_inline_html, to_phrase_html, to_plain_text
from .types import spec_of

NOTICE = Html(
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
    track_title: Callable[[int], str | None] = lambda number: None
    """Given a track number, return its page's title alone (track_link gives its label)."""
    page_track: int | None = None
    """The track the page teaches, from its front matter `track:`, if it is a track page."""
    tracks: tuple[int, ...] = ()
    """The numbers of every track page in the site, for the qualification map's columns."""
    track_units: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """Each track page's units (front matter `units:`): a unit a track does not list is not a
    gap in that track."""
    course: str = ""
    """The course's id (the plugin's `course_id`), which the data page's files carry; "" when
    none is declared (then a file is known by the address it was exported at)."""


@dataclass(frozen=True)
class QuizOptions:
    """Options a page gives a quiz block."""

    questions: tuple[str, ...] = ()
    """Only these questions, in this order; all when empty."""
    track: int | None = None
    """Only the questions tagged with this track."""
    shuffle: bool = False
    """Show the questions in a new order on each attempt (options are shuffled anyway, unless
    a question pins them)."""
    intro: bool = True
    """Show the bank's intro above the questions."""
    draw: int | None = None
    """Show this many of the questions, chosen afresh when the learner asks for a new set."""


@dataclass(frozen=True)
class SelfAssessmentOptions:
    """Options a page gives a self-assessment block."""

    intro: bool = True
    """Show the bank's intro above the items."""


@functools.cache
def button(action: str, label: str, *, primary: bool = False, kind: str = "") -> Html:
    """Render a button the script acts on, by its `data-qb-action`."""
    modifier = " qb-button--primary" if primary else (f" qb-button--{kind}" if kind else "")
    return element(
        "button",
        {"type": "button", "class": f"qb-button{modifier}", "data-qb-action": action},
        label,
    )


@functools.cache
def live(tag: str, class_name: str, *, role: str | None = "status") -> Html:
    """Render an empty region whose changes screen readers announce."""
    return element(tag, {"class": class_name, "role": role, "aria-live": "polite"})


def _actions(class_name: str, action: str, label: str, *more: Html) -> Html:
    """Render a block's buttons, which the script reveals: its action, start again, others."""
    return element(
        "div",
        {"class": class_name, "hidden": True},
        button(action, label, primary=True),
        " ",
        button("reset", "Start again"),
        *(join([" ", extra]) for extra in more),
    )


def search_text(texts: Iterable[str]) -> Html:
    """Render the texts a search index should hold for a block: its questions, in a paragraph.

    Only the questions: options, feedback and answer keys stay out of the index, where they
    would give answers away. One paragraph, so the search plugin parses few tags.
    """
    return element("p", None, join((to_phrase_html(text) for text in texts), " "))


def select_questions(bank: model.QuizBank, options: QuizOptions) -> list[model.Question]:
    """Return the questions a block shows, in the order it shows them."""
    by_id = {question.id: question for question in bank.questions}
    chosen = [by_id[qid] for qid in options.questions] if options.questions else bank.questions
    if options.track is not None:
        chosen = [question for question in chosen if question.track == options.track]
    return list(chosen)


def render_quiz(bank: model.QuizBank, options: QuizOptions, context: RenderContext) -> Html:
    """Render a quiz block."""
    questions = select_questions(bank, options)
    draw = options.draw if options.draw and options.draw < len(questions) else None
    attributes = {
        "class": "qb-quiz",
        "id": f"qb-quiz-{bank.id}",
        "data-qb-bank": bank.id,
        "data-qb-kind": "quiz",
        "data-qb-shuffle": "true" if options.shuffle else None,
        "data-qb-draw": draw,
        "data-qb-pass": bank.pass_mark,
    }
    intro = options.intro and bank.intro
    return element(
        "div",
        attributes,
        "",
        NOTICE,
        element("div", {"class": "qb-quiz__intro"}, to_html(bank.intro)) if intro else None,
        # Without the script every question shows; with it, a drawn set of them.
        element(
            "p",
            {"class": "qb-panel qb-quiz__draw", "hidden": True},
            f"Each set is {draw} of these {len(questions)} questions, chosen at random. "
            "Start again to try the same set; ask for a new set when you are ready.",
        )
        if draw
        else None,
        *(
            render_question(question, number, len(questions), context)
            for number, question in enumerate(questions, start=1)
        ),
        _actions(
            "qb-quiz__actions",
            "score",
            "Show my score",
            *([button("redraw", "New set of questions")] if draw else []),
        ),
        live("p", "qb-quiz__score"),
        _review(),
        "",
        sep="\n",
    )


def _review() -> Html:
    """Render the frame of what a score lists to look at again, which the script fills in."""
    return element(
        "div",
        {"class": "qb-quiz__review", "hidden": True},
        element("p", {"class": "qb-quiz__review-title"}, "To look at again:"),
        element("ul", {"class": "qb-quiz__missed"}),
        element("div", {"class": "qb-quiz__retry"}, button("retry", "Try the ones I missed again")),
    )


def render_question(
    question: model.Question,
    number: int,
    total: int,
    context: RenderContext,
    *,
    hidden: bool = False,
) -> Html:
    """Render one question as a fieldset with its answer key in a `details`.

    `hidden` renders it hidden, for the script to show when it is wanted (a review). The
    buttons that check it and show its answer, and the live region that says the verdict, are
    the script's (controls.js): without it they could do nothing.

    Written out as text around the parts rather than element by element: a big site has tens
    of thousands of questions.
    """
    spec = spec_of(question)
    dom = f"qb-{question.id}"
    parts = spec.render(question, dom)
    text = to_inline_html(question.text)
    block_text = is_block(text)
    start = attributes(
        {
            "class": "qb-question",
            "id": dom,
            "data-qb-question": question.id,
            "data-qb-type": question.type,
            "data-qb-version": question.fingerprint(),
            "data-qb-answer": spec.answer_key(question),
            "data-qb-shuffle": None if getattr(question, "shuffle", True) else "false",
            "aria-describedby": f"{dom}-text" if block_text else None,
            "hidden": hidden,
        }
    )
    counter = f'<span class="qb-question__number">Question {number} of {total}</span>'
    if block_text:
        legend = Html(f"<legend>{counter}</legend>")
        shown = Html(f'<div class="qb-question__text" id="{quote(dom + "-text")}">{text}</div>')
    else:
        legend = Html(f'<legend>{counter} <span class="qb-question__text">{text}</span></legend>')
        shown = None
    explanation = question.explanation
    children = join(
        [
            "",
            legend,
            shown,
            *parts.body,
            _hints(question, dom),
            _ANSWER_OPEN,
            *parts.key,
            Html(f'<div class="qb-answer__explanation">{to_html(explanation)}</div>')
            if explanation
            else None,
            _tags(question, context),
            _ANSWER_CLOSE,
            "",
        ],
        "\n",
    )
    return Html(f"<fieldset{start}>{children}</fieldset>")


# The answer key stays out of the search index: searching must not give answers away.
_ANSWER_OPEN = Html(
    '<details class="qb-answer" data-search-exclude><summary>Answer and explanation</summary>'
)
_ANSWER_CLOSE = Html("</details>")


def _hints(question: model.Question, dom: str) -> Html | None:
    """Render a question's hints, one at a time with the script, in a `details` without it.

    The script opens the `details`, hides its summary and every hint, and reveals the button
    that shows them one by one.
    """
    if not question.hints:
        return None
    count = len(question.hints)
    return element(
        "details",
        {"class": "qb-hints", "data-search-exclude": True},
        element("summary", {"class": "qb-hints__title"}, "Hints" if count > 1 else "A hint"),
        element(
            "ol",
            {"class": "qb-hints__list", "id": f"{dom}-hints", "aria-live": "polite"},
            *(element("li", {"class": "qb-hints__item"}, to_html(hint)) for hint in question.hints),
        ),
        element(
            "button",
            {
                "type": "button",
                "class": "qb-button",
                "data-qb-action": "hint",
                "aria-controls": f"{dom}-hints",
                "hidden": True,
            },
            "Show a hint",
        ),
    )


def _tags(entry: model.Tagged, context: RenderContext) -> Html | None:
    """Render where a question is taught and what it covers."""
    parts: list[str] = []
    if entry.track is not None:
        link = context.track_link(entry.track)
        if link:
            href, title = link
            parts.append(f'Taught in <a href="{quote(href)}">{escape(title)}</a>')
        else:
            parts.append(f"Taught in track {entry.track}")
    if entry.units:
        parts.append(f"Units {join(entry.units, ', ')}")
    if entry.outcomes:
        parts.append(f"Outcomes {join(entry.outcomes, ', ')}")
    if not parts:
        return None
    return Html(f'<p class="qb-answer__tags">{" · ".join(parts)}</p>')


def render_self_assessment(
    bank: model.SelfAssessmentBank, options: SelfAssessmentOptions, context: RenderContext
) -> Html:
    """Render a self-assessment checklist with its result bands."""
    scoring = bank.scoring
    attributes = {
        "class": "qb-self",
        "id": f"qb-self-{bank.id}",
        "data-qb-bank": bank.id,
        "data-qb-kind": "self-assessment",
        "data-qb-rule": scoring.rule,
        "data-qb-ties": scoring.ties,
        "data-qb-version": bank.fingerprint(),
    }
    intro = options.intro and bank.intro
    scale = join((to_phrase_html(point.label) for point in bank.scale), " / ")
    sections = [
        join(
            [
                Html(f'<fieldset class="qb-section" data-qb-section="{section.id}">')
                + element("legend", {"class": "qb-section__title"}, to_phrase_html(section.title)),
                *(_item(item, bank, context) for item in section.items),
                Html("</fieldset>"),
            ],
            "\n",
        )
        for section in bank.sections
    ]
    return element(
        "div",
        attributes,
        "",
        NOTICE,
        element("div", {"class": "qb-self__intro"}, to_html(bank.intro)) if intro else None,
        element(
            "p",
            {"class": "qb-self__count"},
            f"{len(bank.items())} statements, each answered ",
            scale,
            ".",
        ),
        *sections,
        element(
            "p", {"class": "qb-self__answered qb-scripted", "aria-live": "polite", "hidden": True}
        ),
        _actions("qb-self__actions", "result", "Show my result"),
        live("div", "qb-self__result"),
        _report(bank),
        _bands(bank),
        "",
        sep="\n",
    )


def _item(item: model.Item, bank: model.SelfAssessmentBank, context: RenderContext) -> Html:
    """Render one statement with a radio button for each point of the scale.

    The page that teaches it (`data-qb-taught`, `data-qb-taught-title`) is for the learner's
    development priorities, which link to it.
    """
    dom = f"qb-{item.id}"
    name = quote(dom)
    points = "".join(
        f'<span class="qb-scale__point"><input type="radio" class="qb-scale__input" '
        f'id="{quote(f"{dom}-{point.id}")}" name="{name}" value="{quote(point.id)}" '
        f'data-qb-score="{quote(point.score)}"><label class="qb-scale__label" '
        f'for="{quote(f"{dom}-{point.id}")}">{to_phrase_html(point.label)}</label></span>'
        for point in bank.scale
    )
    taught = context.track_link(item.track) if item.track is not None else None
    start = attributes(
        {
            "class": "qb-item",
            "id": dom,
            "data-qb-question": item.id,
            "data-qb-version": bank.item_fingerprint(item),
            "data-qb-taught": taught[0] if taught else None,
            "data-qb-taught-title": taught[1] if taught else None,
        }
    )
    return Html(
        f'<fieldset{start}><legend class="qb-item__text">{to_phrase_html(item.text)}</legend>'
        f'<div class="qb-scale">{points}</div></fieldset>'
    )


def _report(bank: model.SelfAssessmentBank) -> Html:
    """Render the frame of the learner's report, which the script fills in under a result.

    A chart of the answers by section (a bar each, with the same numbers in a table),
    the statements rated at the lowest point of the scale, and the history of attempts.
    """
    labels = [to_phrase_html(point.label) for point in bank.scale]
    lowest = to_phrase_html(min(bank.scale, key=lambda point: point.score).label)
    head = join(element("th", {"scope": "col"}, label) for label in labels)
    titles = [to_phrase_html(section.title) for section in bank.sections]
    bars = join(
        join(
            [
                element("p", {"class": "qb-chart__label"}, title),
                Html('<div class="qb-chart__bar" role="img"></div>'),
            ]
        )
        for title in titles
    )
    legend = join(
        element(
            "li",
            None,
            element("span", {"class": f"qb-chart__key qb-chart__part--{index}"}),
            label,
        )
        for index, label in enumerate(labels)
    )
    rows = join(
        element("tr", None, element("th", {"scope": "row"}, title), Html("<td></td>" * len(labels)))
        for title in titles
    )
    buttons = join(
        button(action, label)
        for action, label in (
            ("print", "Print"),
            ("self-csv", "Download as CSV"),
            ("self-json", "Download as JSON"),
        )
    )
    return join(
        [
            Html('<div class="qb-self__report" hidden>'),
            Html('<h2 class="qb-self__heading">Your answers by section</h2>'),
            element("div", {"class": "qb-chart"}, bars),
            element("ul", {"class": "qb-chart__legend"}, legend),
            Html(
                '<details class="qb-chart__table"><summary>The chart as a table</summary>'
                "<table><caption>Your answers by section</caption><thead><tr>"
                '<th scope="col">Section</th>'
            )
            + head
            + Html("</tr></thead><tbody>")
            + rows
            + Html("</tbody></table></details>"),
            Html('<h2 class="qb-self__heading">Your development priorities</h2>'),
            element(
                "p",
                None,
                "What you rated ",
                lowest,
                ": good places to start your development plan.",
            ),
            Html('<ul class="qb-self__priorities"></ul>'),
            Html('<h2 class="qb-self__heading">Your results over time</h2>'),
            Html(
                '<div class="qb-self__history"><table><caption>Each time you saw your result'
                '</caption><thead><tr><th scope="col">Date</th><th scope="col">Result</th>'
            )
            + head
            + Html("</tr></thead><tbody></tbody></table></div>"),
            Html('<p class="qb-self__compare"></p>'),
            element("div", {"class": "qb-self__downloads"}, buttons),
            Html("</div>"),
        ],
        "\n",
    )


def _bands(bank: model.SelfAssessmentBank) -> Html:
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
        scores = ", ".join(f"{labels[point.id]} {point.score}" for point in bank.scale)
        rule = (
            f"Each answer scores points ({scores}). Your result is the band your total "
            f"falls in; totals run from {low} to {high}."
        )
    bands = []
    for band in scoring.bands:
        if scoring.rule == "most" and band.when:
            when = f"Mostly {labels.get(band.when, band.when)}"
        else:
            when = f"Total {band.min}–{band.max}"
        attributes = {
            "class": "qb-band",
            "data-qb-band": band.id,
            "data-qb-when": band.when,
            "data-qb-min": band.min,
            "data-qb-max": band.max,
        }
        title = element(
            "strong",
            None,
            element("span", {"class": "qb-band__when"}, f"{when}:"),
            " ",
            to_phrase_html(band.title),
        )
        bands.append(
            element(
                "div",
                attributes,
                element("p", {"class": "qb-band__title"}, title),
                element("div", {"class": "qb-band__feedback"}, to_html(band.feedback)),
            )
        )
    return join(
        [
            Html('<details class="qb-bands"><summary>How your result is worked out</summary>'),
            element("p", {"class": "qb-bands__rule"}, rule),
            *bands,
            Html("</details>"),
        ],
        "\n",
    )


def render_reflection(reflection_id: str, prompt: str, context: RenderContext) -> Html:
    """Render a reflection prompt with a box for the learner's answer."""
    dom = f"qb-reflection-{reflection_id}"
    version = hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:12]
    attributes = {
        "class": "qb-reflection",
        "id": dom,
        "data-qb-reflection": reflection_id,
        "data-qb-track": context.page_track,
        "data-qb-version": version,
    }
    return element(
        "div",
        attributes,
        NOTICE,
        element(
            "label",
            {"class": "qb-reflection__prompt", "for": f"{dom}-answer"},
            to_phrase_html(prompt),
        ),
        element(
            "textarea",
            {"class": "qb-reflection__answer", "id": f"{dom}-answer", "name": dom, "rows": "4"},
        ),
        element("p", {"class": "qb-reflection__status", "aria-live": "polite"}),
    )
