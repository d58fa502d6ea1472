"""The blocks a page can hold, each declared once: its name, argument, options and renderer.

In the spirit of pymdownx blocks: a block is a `BlockType` with a `name`, what its `argument`
is (or None when it takes none), what its body holds (option lines, a prompt, or nothing),
its `options` with their validators, and a `render` function. `BLOCKS` registers them; the
Markdown extension (`quizbank.markdown`) reads a block, checks it against its declaration,
and calls its renderer. A renderer adds to `call.problems` what it finds wrong and returns
None, or returns the block's HTML.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from . import model
from .catalog import Catalog
from .coverage import compute_coverage
from .html import Html
from .learner import (
    render_journal,
    render_progress,
    render_record,
    render_track_done,
    render_your_data,
)
from .listen import render_listen
from .render import (
    QuizOptions,
    RenderContext,
    SelfAssessmentOptions,
    render_quiz,
    render_reflection,
    render_self_assessment,
    search_text,
    select_questions,
)
from .render_coverage import render_qualification_map
from .review import render_review
from .text import to_plain_text

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What an id looks like: lower-case letters, digits and single hyphens."""

ID_LENGTH = 64
"""The longest id: the same limit as bank and question ids."""


class OptionError(ValueError):
    """An option's value is not what the option takes; the message says what it takes."""


@dataclass(frozen=True)
class Option:
    """One option a block takes in its body, as `name: value`."""

    check: Callable[[str, object], Any]
    """Return the value as the renderer uses it, or raise `OptionError`."""
    default: Any
    help: str
    """What the option does, for the authors' guide and error messages."""


def boolean(name: str, value: object) -> bool:
    """Take `true` or `false`."""
    if not isinstance(value, bool):
        raise OptionError(f"'{name}' should be true or false, found {value!r}")
    return value


def track_number(name: str, value: object) -> int:
    """Take a track number."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionError(f"'{name}' should be a track number, found {value!r}")
    return value


def count(name: str, value: object) -> int:
    """Take a whole number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionError(
            f"'{name}' should be a whole number of at least 1, such as '{name}: 10', "
            f"found {value!r}"
        )
    return value


def id_list(name: str, value: object) -> tuple[str, ...]:
    """Take a list of ids, as a YAML list or as text with commas."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise OptionError(
            f"'{name}' should be a list of question ids, such as '{name}: [grow-goal, grow-will]'"
        )
    repeated = sorted({entry for entry in value if value.count(entry) > 1})
    if repeated:
        raise OptionError(
            f"'{name}' lists {', '.join(map(repr, repeated))} more than once; "
            "a question can appear once a page"
        )
    return tuple(value)


def text(name: str, value: object) -> str:
    """Take a line of text."""
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        raise OptionError(f"'{name}' should be a line of text, found {value!r}")
    return value.strip()


def anchor(name: str, value: object) -> str:
    """Take the id of an element on the page, such as a heading's."""
    if not isinstance(value, str) or not value or any(char.isspace() for char in value):
        raise OptionError(
            f"'{name}' should be the id of a heading on the page, such as 'key-points', "
            f"found {value!r}"
        )
    return value


@dataclass
class PageState:
    """What the blocks of one page share as it is rendered."""

    catalog: Callable[[], Catalog]
    """The banks, loaded when a block first needs them."""
    context: RenderContext
    path: str
    """The page, as problems name it."""
    reflections: dict[str, str]
    """Reflection ids seen in this build, with the page each is on: ids are site-wide."""
    shown: dict[str, int] = field(default_factory=dict)
    """What is already on this page (question ids, once-a-page blocks), with its line."""
    banks: set[str] = field(default_factory=set)
    """The ids of the banks the page shows (`*`: all of them), so that a site generator can
    build the page again when one of them changes."""


@dataclass
class Call:
    """One block as a page writes it, with what is found wrong with it."""

    name: str
    argument: str
    options: dict[str, Any]
    """The block's options, checked, with defaults for those not given."""
    body: str
    """The block's body as text, for blocks whose body is a prompt."""
    line: int
    page: PageState
    problems: list[str] = field(default_factory=list)
    search: str = ""
    """What of the block a site's search index should hold (HTML): its questions' text."""


@dataclass(frozen=True)
class BlockType:
    """A block: what it is called, what it takes, and how it renders."""

    name: str
    render: Callable[[Call], Html | None]
    summary: str
    """What the block shows, for the authors' guide."""
    argument: str | None = None
    """What the argument after `|` is, such as `bank-id`; None when the block takes none."""
    body: Literal["none", "options", "text"] = "none"
    """What goes between the header and `///`: option lines, a text, or nothing."""
    options: Mapping[str, Option] = field(default_factory=dict)
    once_a_page: bool = False
    """Whether the block may appear only once on a page."""


# ---------------------------------------------------------------- quizzes and self-assessments


def _bank(call: Call, kind: type[model.QuizBank | model.SelfAssessmentBank]) -> Any:
    """Return the bank a block names, if it exists and is of the right kind."""
    call.page.banks.add(call.argument)
    catalog = call.page.catalog()
    bank = catalog.banks.get(call.argument)
    if bank is None and call.argument in catalog.broken:
        return None  # its own problems are reported with its file; the page is not to blame
    if bank is None:
        guess = difflib.get_close_matches(call.argument, list(catalog.banks), n=1)
        call.problems.append(
            f"no bank has id {call.argument!r}"
            + (f"; did you mean {guess[0]!r}?" if guess else "")
            + (
                f" Banks are: {', '.join(sorted(catalog.banks))}"
                if catalog.banks
                else " No banks were loaded"
            )
        )
        return None
    if not isinstance(bank, kind):
        right = "quiz" if isinstance(bank, model.QuizBank) else "self-assessment"
        what = "a quiz" if right == "quiz" else "a self-assessment"
        call.problems.append(f"bank {bank.id!r} is {what}; write '/// {right} | {bank.id}'")
        return None
    return bank


def _claim(call: Call, ids: list[str]) -> bool:
    """Claim questions for this page; report one already shown."""
    shown = call.page.shown
    repeated = [qid for qid in ids if qid in shown]
    if repeated:
        call.problems.append(
            f"question {repeated[0]!r} is already on this page (line "
            f"{shown[repeated[0]]}); a question can appear once a page"
        )
        return False
    shown.update(dict.fromkeys(ids, call.line))
    return True


def _quiz(call: Call) -> Html | None:
    """Render a quiz, checking its options against its bank."""
    bank: model.QuizBank | None = _bank(call, model.QuizBank)
    if bank is None:
        return None
    options = QuizOptions(**call.options)
    known = [question.id for question in bank.questions]
    for question_id in options.questions:
        if question_id not in known:
            guess = difflib.get_close_matches(question_id, known, n=1)
            call.problems.append(
                f"question {question_id!r} is not in bank {bank.id!r}"
                + (f"; did you mean {guess[0]!r}?" if guess else "")
            )
    if call.problems:
        return None
    questions = select_questions(bank, options)
    if not questions:
        call.problems.append(
            f"no question in bank {bank.id!r} is tagged with track {options.track}"
        )
        return None
    if options.draw and options.draw > len(questions):
        call.problems.append(
            f"'draw: {options.draw}' asks for more questions than the quiz has "
            f"({len(questions)}); draw fewer, or leave 'draw' out to show them all"
        )
        return None
    if not _claim(call, [question.id for question in questions]):
        return None
    call.search = search_text(question.text for question in questions)
    return render_quiz(bank, options, call.page.context)


def _self_assessment(call: Call) -> Html | None:
    """Render a self-assessment."""
    bank: model.SelfAssessmentBank | None = _bank(call, model.SelfAssessmentBank)
    if bank is None or call.problems or not _claim(call, [item.id for item in bank.items()]):
        return None
    call.search = search_text(item.text for item in bank.items())
    return render_self_assessment(bank, SelfAssessmentOptions(**call.options), call.page.context)


def _review(call: Call) -> Html | None:
    """Render every scored question of the site, hidden: the script shows those due."""
    banks = [
        bank for bank in call.page.catalog().banks.values() if isinstance(bank, model.QuizBank)
    ]
    if not _claim(call, [question.id for bank in banks for question in bank.questions]):
        return None
    return render_review(banks, call.options["per"], call.page.context)


# ---------------------------------------------------------------- reflections


def _reflection(call: Call) -> Html | None:
    """Render a reflection prompt, checking its id is well formed and used once in the site."""
    reflection_id, prompt = call.argument, call.body.strip()
    if not ID.match(reflection_id) or len(reflection_id) > ID_LENGTH:
        shown = reflection_id if len(reflection_id) <= 40 else reflection_id[:37] + "..."
        call.problems.append(
            f"reflection id {shown!r} should be lower-case letters, digits and single hyphens, "
            f"at most {ID_LENGTH} characters, such as 't03-commitment'"
        )
    if not prompt:
        call.problems.append(
            "the reflection has no prompt: write the question between "
            f"'/// reflection | {reflection_id}' and '///'"
        )
    previous = call.page.reflections.get(reflection_id)
    if previous is not None:
        call.problems.append(
            f"reflection id {reflection_id!r} is already used on {previous}; "
            "each reflection needs its own id, because saved answers key on it"
        )
    if call.problems:
        return None
    call.page.reflections[reflection_id] = call.page.path or "this page"
    call.search = search_text([prompt])
    return render_reflection(reflection_id, prompt, call.page.context)


# ---------------------------------------------------------------- the learner's records


def _track_done(call: Call) -> Html | None:
    """Render the button that marks the page's track as done."""
    track = call.page.context.page_track
    if track is None:
        call.problems.append(
            "'/// track-done' marks the page's track as done, and this page is not a track: "
            "give it 'track: <number>' in its front matter"
        )
        return None
    return render_track_done(track)


def _progress(call: Call) -> str:
    """Render the learner's progress, naming the site's self-assessments."""
    banks = call.page.catalog().banks.values()
    return render_progress(
        call.page.context,
        {
            bank.id: to_plain_text(bank.title)
            for bank in banks
            if isinstance(bank, model.SelfAssessmentBank)
        },
    )


def _qualification_map(call: Call) -> Html:
    """Render which units and outcomes the banks cover."""
    context = call.page.context
    call.page.banks.add("*")
    coverage = compute_coverage(call.page.catalog(), context.tracks, context.track_units)
    return render_qualification_map(coverage, context)


_QUIZ_OPTIONS = {
    "questions": Option(id_list, (), "Only these questions, in this order; all when left out."),
    "track": Option(track_number, None, "Only the questions tagged with this track."),
    "shuffle": Option(
        boolean, False, "Put the questions in a new order on each attempt (options always are)."
    ),
    "intro": Option(boolean, True, "Show the bank's intro above the questions."),
    "draw": Option(
        count, None, "Show this many of the questions, a new set when the learner asks for one."
    ),
}

BLOCKS: dict[str, BlockType] = {
    block.name: block
    for block in (
        BlockType(
            "quiz",
            _quiz,
            "a bank's questions, checked and scored in the page",
            argument="bank-id",
            body="options",
            options=_QUIZ_OPTIONS,
        ),
        BlockType(
            "self-assessment",
            _self_assessment,
            "a self-assessment checklist with its result bands",
            argument="bank-id",
            body="options",
            options={"intro": Option(boolean, True, "Show the bank's intro above the items.")},
        ),
        BlockType(
            "reflection",
            _reflection,
            "a prompt the learner answers in a text box, kept for the journal",
            argument="id",
            body="text",
        ),
        BlockType(
            "track-done",
            _track_done,
            "a button that marks the page's track as done",
            once_a_page=True,
        ),
        BlockType(
            "progress",
            _progress,
            "where to go next, how many tracks are done, the latest self-assessment result",
            once_a_page=True,
        ),
        BlockType(
            "review",
            _review,
            "the questions the learner got wrong, back for review over the following days",
            body="options",
            options={"per": Option(count, 5, "How many questions to show at a time.")},
            once_a_page=True,
        ),
        BlockType(
            "record",
            lambda call: render_record(call.page.catalog(), call.page.context),
            "the learner's course record, to print or download",
            once_a_page=True,
        ),
        BlockType(
            "journal",
            lambda call: render_journal(),
            "every reflection the learner has written, to download or print",
            once_a_page=True,
        ),
        BlockType(
            "your-data",
            lambda call: render_your_data(call.page.context.course),
            "what the course stores, with export, import and clear",
            once_a_page=True,
        ),
        BlockType(
            "qualification-map",
            _qualification_map,
            "which units and outcomes the banks cover, track by track",
            once_a_page=True,
        ),
        BlockType(
            "listen",
            lambda call: render_listen(call.options["section"], call.options["label"]),
            "a button that reads the page, or one section of it, aloud in the browser's voice",
            body="options",
            options={
                "section": Option(
                    anchor, None, "The id of the heading whose section is read; all when left out."
                ),
                "label": Option(text, "Listen to this page", "What the button says."),
            },
            once_a_page=True,
        ),
    )
}
"""Every block by its name."""
