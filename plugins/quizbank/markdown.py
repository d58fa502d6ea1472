"""The Python-Markdown extension: quiz, self-assessment and reflection blocks.

The syntax follows pymdownx blocks: a header naming the block and its argument, option lines
in YAML, and a closing `///`::

    /// quiz | grow-model
    questions: [grow-goal, grow-reality]
    shuffle: true
    ///

`/// self-assessment | <bank>` takes a self-assessment bank. `/// reflection | <id>` holds a
prompt, in Markdown, that the learner answers in a text box. `/// progress`, `/// journal` and
`/// your-data` take nothing: they show the learner's own records, kept in their browser.
`/// qualification-map`, also alone, shows which units and outcomes the banks cover.

The blocks are read by a preprocessor rather than a block processor so that every problem
(an unknown bank, a typo in an option, a block never closed) is reported with its line, and
nothing is ever left on the page as stray text. Rendering needs nothing from MkDocs, so the
same Markdown builds under any Python-Markdown site generator.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import yaml
from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from . import model
from .catalog import Catalog, load_catalog
from .coverage import compute_coverage
from .learner import render_journal, render_progress, render_your_data
from .render import (
    QuizOptions,
    RenderContext,
    SelfAssessmentOptions,
    render_quiz,
    render_reflection,
    render_self_assessment,
    select_questions,
)
from .render_coverage import render_qualification_map

log = logging.getLogger("quizbank")

BLOCKS = (
    "quiz",
    "self-assessment",
    "reflection",
    "progress",
    "journal",
    "your-data",
    "qualification-map",
)
_STANDALONE = ("progress", "journal", "your-data", "qualification-map")
"""Blocks that take no argument and no options, and appear once a page."""
_HEADER = re.compile(r"^(?P<indent>[ ]*)///[ ]*(?P<name>[A-Za-z][\w-]*)(?P<rest>.*)$")
_NEAR_MISS = re.compile(
    r"^(quiz|self[-_ ]?assess|reflect|progress|journal|your[-_ ]?data|qualif)", re.IGNORECASE
)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")
_QUIZ_OPTIONS = ("questions", "track", "shuffle", "intro")
_SELF_OPTIONS = ("intro",)

Reporter = Callable[[int, str], None]
"""Receives a page problem: the line it is on (from 1) and the message."""


class QuizbankExtension(Extension):
    """Render quiz and self-assessment blocks from question banks."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "banks": ["quizzes", "Folder of question banks, read when no catalog is given."],
        }
        super().__init__(**kwargs)
        self.catalog: Catalog | None = None
        """The banks; a site generator's plugin sets this, otherwise `banks` is read once."""
        self.context = RenderContext()
        """What rendering knows of the current page; a plugin sets this for each page."""
        self.reporter: Reporter | None = None
        """Where page problems go; when unset, they are logged as warnings."""
        self.page = ""
        """The page being rendered, as problems name it; a plugin sets this for each page."""
        self.reflections: dict[str, str] = {}
        """Reflection ids seen in this build, with the page each is on: ids are site-wide."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the block reader after whitespace is normalised, before code fences."""
        md.registerExtension(self)
        md.preprocessors.register(_BlockReader(md, self), "quizbank", 28)

    def get_catalog(self) -> Catalog:
        """Return the banks, loading them from `banks` the first time if none were given."""
        if self.catalog is None:
            self.catalog = _load_once(Path(self.getConfig("banks")))
        return self.catalog

    def report(self, line: int, message: str) -> None:
        """Pass a page problem on to the reporter, or log it."""
        if self.reporter is not None:
            self.reporter(line, message)
        else:
            log.warning("line %d: %s", line, message)


@dataclass
class _Block:
    """One block found in a page."""

    name: str
    argument: str
    line: int
    options: dict[str, Any]


class _BlockReader(Preprocessor):
    """Replace each block with its rendered HTML (stashed), reporting problems by line."""

    def __init__(self, md: Markdown, extension: QuizbankExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        output: list[str] = []
        shown: dict[str, int] = {}
        fence: str | None = None
        index = 0
        while index < len(lines):
            line = lines[index]
            opened = _FENCE.match(line)
            if fence is not None:
                if (
                    opened
                    and opened["fence"][0] == fence[0]
                    and len(opened["fence"]) >= len(fence)
                    and not line.strip()[len(opened["fence"]) :].strip()
                ):
                    fence = None
                output.append(line)
                index += 1
                continue
            if opened:
                fence = opened["fence"]
                output.append(line)
                index += 1
                continue
            header = _HEADER.match(line)
            if not header or not _is_ours(header["name"]):
                output.append(line)
                index += 1
                continue
            indent = header["indent"]
            end = _closing(lines, index + 1, indent)
            html = self._render(header, lines, index, end, shown)
            output.extend(["", indent + self.md.htmlStash.store(html), ""])
            index = index + 1 if end is None else end + 1
        return output

    def _render(
        self,
        header: re.Match[str],
        lines: list[str],
        index: int,
        end: int | None,
        shown: dict[str, int],
    ) -> str:
        """Render one block, or an error box for the problems it has."""
        line_number = index + 1
        name = header["name"]
        rest = header["rest"].strip()
        argument = rest[1:].strip() if rest.startswith("|") else ""
        problems = _header_problems(name, rest, argument)
        if end is None:
            problems.append(f"'/// {name}' is never closed: end the block with a line '///'")
            end = index + 1  # what follows is the page, not the block's options
        body = [text[len(header["indent"]) :] for text in lines[index + 1 : end]]
        html: str | None = None
        if name in _STANDALONE:
            html = self._render_standalone(name, body, line_number, problems, shown)
        elif name == "reflection":
            if not problems:
                html = self._render_reflection(argument, "\n".join(body).strip(), problems)
        else:
            options = _parse_options(body, problems)
            if not problems:
                block = _Block(name, argument, line_number, options)
                html = self._render_block(block, problems, shown)
        if html is not None and not problems:
            return html
        for message in problems:
            self.extension.report(line_number, message)
        return _error_box(name, problems)

    def _render_standalone(
        self, name: str, body: list[str], line: int, problems: list[str], shown: dict[str, int]
    ) -> str | None:
        """Render a block that takes nothing: the learner's records, or the qualification map."""
        if any(text.strip() for text in body):
            problems.append(
                f"'/// {name}' takes no options: leave nothing between '/// {name}' and '///'"
            )
        marker = f"/// {name}"
        if marker in shown:
            problems.append(
                f"'/// {name}' is already on this page (line {shown[marker]}); it "
                "can appear once a page"
            )
        if problems:
            return None
        shown[marker] = line
        context = self.extension.context
        if name == "qualification-map":
            coverage = compute_coverage(
                self.extension.get_catalog(), context.tracks, context.track_units
            )
            return render_qualification_map(coverage, context)
        if name == "progress":
            return render_progress(context)
        return render_journal() if name == "journal" else render_your_data()

    def _render_reflection(
        self, reflection_id: str, prompt: str, problems: list[str]
    ) -> str | None:
        """Render a reflection prompt, checking its id is well formed and used once."""
        if not _ID.match(reflection_id):
            problems.append(
                f"reflection id {reflection_id!r} should be lower-case letters, "
                "digits and single hyphens, such as 't03-commitment'"
            )
        if not prompt:
            problems.append(
                "the reflection has no prompt: write the question between "
                f"'/// reflection | {reflection_id}' and '///'"
            )
        where = self.extension.page or "this page"
        previous = self.extension.reflections.get(reflection_id)
        if previous is not None:
            problems.append(
                f"reflection id {reflection_id!r} is already used on {previous}; "
                "each reflection needs its own id, because saved answers key on it"
            )
        if problems:
            return None
        self.extension.reflections[reflection_id] = where
        return render_reflection(reflection_id, prompt, self.extension.context)

    def _render_block(
        self, block: _Block, problems: list[str], shown: dict[str, int]
    ) -> str | None:
        """Render a well-formed block, checking its bank and options against the catalog."""
        catalog = self.extension.get_catalog()
        bank = catalog.banks.get(block.argument)
        if bank is None:
            guess = difflib.get_close_matches(block.argument, list(catalog.banks), n=1)
            problems.append(
                f"no bank has id {block.argument!r}"
                + (f"; did you mean {guess[0]!r}?" if guess else "")
                + (
                    f" Banks are: {', '.join(sorted(catalog.banks))}"
                    if catalog.banks
                    else " No banks were loaded"
                )
            )
            return None
        if block.name == "quiz":
            if not isinstance(bank, model.QuizBank):
                problems.append(
                    f"bank {bank.id!r} is a self-assessment; write "
                    f"'/// self-assessment | {bank.id}'"
                )
                return None
            options = _quiz_options(block.options, bank, problems)
            if options is None:
                return None
            ids = [question.id for question in select_questions(bank, options)]
            html = render_quiz(bank, options, self.extension.context)
        else:
            if not isinstance(bank, model.SelfAssessmentBank):
                problems.append(f"bank {bank.id!r} is a quiz; write '/// quiz | {bank.id}'")
                return None
            unknown = [key for key in block.options if key not in _SELF_OPTIONS]
            problems.extend(_unknown_option(key, _SELF_OPTIONS) for key in unknown)
            if unknown or not _is_bool(block.options, "intro", problems):
                return None
            options_sa = SelfAssessmentOptions(intro=block.options.get("intro", True))
            ids = [item.id for item in bank.items()]
            html = render_self_assessment(bank, options_sa, self.extension.context)
        repeated = [qid for qid in ids if qid in shown]
        if repeated:
            problems.append(
                f"question {repeated[0]!r} is already on this page (line "
                f"{shown[repeated[0]]}); a question can appear once a page"
            )
            return None
        shown.update(dict.fromkeys(ids, block.line))
        return html


def _header_problems(name: str, rest: str, argument: str) -> list[str]:
    """Return what is wrong with a block's header line: its name or its argument."""
    problems = []
    if name not in BLOCKS:
        guess = difflib.get_close_matches(name, BLOCKS, n=1)
        problems.append(
            f"unknown block '/// {name}'"
            + (f"; did you mean '/// {guess[0]}'?" if guess else "")
            + f" Blocks are: {', '.join(BLOCKS)}"
        )
        return problems  # what its argument should be depends on what the block is
    if name in _STANDALONE:
        if rest:
            problems.append(f"'/// {name}' takes no argument: write '/// {name}' alone")
    elif not rest.startswith("|") or not argument:
        problems.append(f"'/// {name}' needs a bank id: write '/// {name} | <bank-id>'")
    return problems


_LOADED: dict[Path, tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}
"""The banks of each folder, with the files they were loaded from, as they were."""


def _load_once(folder: Path) -> Catalog:
    """Load a folder's banks, again only when a file in it changes.

    A site generator that makes a Markdown converter for every page (Zensical does) makes this
    extension, and asks for the banks, once a page: they are read once, and problems in them
    are logged once.
    """
    key = folder.resolve()
    files = tuple(
        sorted(
            (str(path), stat.st_mtime_ns, stat.st_size)
            for path in folder.rglob("*")
            if path.is_file()
            for stat in (path.stat(),)
        )
    )
    cached = _LOADED.get(key)
    if cached is not None and cached[0] == files:
        return cached[1]
    catalog = load_catalog([folder])
    for problem in catalog.problems:
        log.error("%s", problem)
    _LOADED[key] = (files, catalog)
    return catalog


def _is_ours(name: str) -> bool:
    """Tell whether a `///` header is one of our blocks, or a near miss of one."""
    return name in BLOCKS or bool(_NEAR_MISS.match(name))


def _closing(lines: list[str], start: int, indent: str) -> int | None:
    """Return the index of the line that closes a block, if any."""
    for index in range(start, len(lines)):
        if lines[index].rstrip() == indent + "///":
            return index
        if _HEADER.match(lines[index]) and lines[index].strip() != "///":
            return None  # another block starts first: this one was never closed
    return None


def _parse_options(body: list[str], problems: list[str]) -> dict[str, Any]:
    """Read a block's option lines as a YAML mapping."""
    text = "\n".join(body).strip()
    if not text:
        return {}
    try:
        options = yaml.safe_load(text)
    except yaml.YAMLError as error:
        problems.append(f"the block's options are not valid YAML: {error}".replace("\n", " "))
        return {}
    if not isinstance(options, dict):
        problems.append("the block's options should be 'key: value' lines, such as 'shuffle: true'")
        return {}
    return options


def _quiz_options(
    raw: dict[str, Any], bank: model.QuizBank, problems: list[str]
) -> QuizOptions | None:
    """Check a quiz block's options against its bank."""
    before = len(problems)
    problems.extend(_unknown_option(key, _QUIZ_OPTIONS) for key in raw if key not in _QUIZ_OPTIONS)
    questions = raw.get("questions", [])
    if isinstance(questions, str):
        questions = [part.strip() for part in questions.split(",") if part.strip()]
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        problems.append(
            "'questions' should be a list of question ids, such as "
            "'questions: [grow-goal, grow-will]'"
        )
        questions = []
    known = [question.id for question in bank.questions]
    for question_id in questions:
        if question_id not in known:
            guess = difflib.get_close_matches(question_id, known, n=1)
            problems.append(
                f"question {question_id!r} is not in bank {bank.id!r}"
                + (f"; did you mean {guess[0]!r}?" if guess else "")
            )
    track = raw.get("track")
    if track is not None and (isinstance(track, bool) or not isinstance(track, int)):
        problems.append(f"'track' should be a track number, found {track!r}")
    _is_bool(raw, "shuffle", problems)
    _is_bool(raw, "intro", problems)
    if len(problems) > before:
        return None
    options = QuizOptions(
        questions=tuple(questions),
        track=track,
        shuffle=raw.get("shuffle", False),
        intro=raw.get("intro", True),
    )
    if not select_questions(bank, options):
        problems.append(f"no question in bank {bank.id!r} is tagged with track {track}")
        return None
    return options


def _is_bool(raw: dict[str, Any], key: str, problems: list[str]) -> bool:
    """Check that an option, if given, is true or false."""
    if key in raw and not isinstance(raw[key], bool):
        problems.append(f"'{key}' should be true or false, found {raw[key]!r}")
        return False
    return True


def _unknown_option(key: object, allowed: tuple[str, ...]) -> str:
    """Describe an unknown option, suggesting the nearest known one."""
    guess = difflib.get_close_matches(str(key), allowed, n=1)
    return (
        f"unknown option {key!r}"
        + (f" (did you mean {guess[0]!r}?)" if guess else "")
        + f"; options are: {', '.join(allowed)}"
    )


def _error_box(name: str, problems: list[str]) -> str:
    """Render a visible notice in place of a block that could not be rendered."""
    items = "".join(f"<li>{escape(message)}</li>" for message in problems)
    return (
        f'<div class="admonition failure qb-error"><p class="admonition-title">'
        f"This {escape(name)} could not be shown</p><ul>{items}</ul></div>"
    )


def makeExtension(**kwargs: Any) -> QuizbankExtension:
    """Return the extension, for `markdown_extensions: [quizbank.markdown]`."""
    return QuizbankExtension(**kwargs)
