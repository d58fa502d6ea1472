"""The Python-Markdown extension: the blocks of `quizbank.blocks` in a page.

The syntax follows pymdownx blocks: a header naming the block and its argument, a body, and a
closing `///`::

    /// quiz | grow-model
    questions: [grow-goal, grow-reality]
    shuffle: true
    ///

A block that takes options may also have them in its header, after the argument, as
`| name=value` (`/// quiz | grow-model | draw=10`), read as the same line in the body would be.

What each block takes and shows is declared in `quizbank.blocks`. Blocks are read by a
preprocessor rather than a block processor so that every problem (an unknown bank, a typo in
an option, a block never closed) is reported with its line, and nothing is ever left on the
page as stray text. Rendering needs nothing from MkDocs, so the same Markdown builds under any
Python-Markdown site generator.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .blocks import BLOCKS, BlockType, Call, OptionError, PageState
from .catalog import BankCache, Catalog, load_catalog
from .html import element, join
from .render import RenderContext
from .yamlsource import parse_yaml

log = logging.getLogger("quizbank")

_HEADER = re.compile(r"^(?P<indent>[ ]*)///[ ]*(?P<name>[A-Za-z][\w-]*)(?P<rest>.*)$")
_NEAR_MISS = re.compile(
    r"^(quiz|self[-_ ]?assess|reflect|progress|journal|your[-_ ]?data|qualif|track[-_ ]?done)",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")

Reporter = Callable[[int, str], None]
"""Receives a page problem: the line it is on (from 1) and the message."""


_ROOT_ID = re.compile(r'<[a-z]+ class="[^"]*" id="([^"]+)"')
"""The id of a block's outermost element, as the renderers write it."""


class QuizbankExtension(Extension):
    """Render the quizbank blocks from question banks."""

    def __init__(
        self, catalog: Catalog | None = None, *, defer: bool = False, **kwargs: Any
    ) -> None:
        """Make the extension.

        Args:
            catalog: The banks, loaded by a site generator's plugin; when None, the folder in
                the `banks` setting is read the first time a block needs it.
            defer: Put a short stand-in in the page for each block, holding only what a search
                index should hold (the text of its questions), and keep the block's HTML in
                `deferred`, for the site generator to put in place of the stand-in once the
                page has been indexed.
            **kwargs: Python-Markdown settings: `banks`, `course_id`.
        """
        self.config = {
            "banks": ["quizzes", "Folder of question banks, read when no catalog is given."],
            "course_id": [
                "",
                "The course's id, for the data page's files, when no site generator's plugin "
                "gives one (the MkDocs plugin's `course_id`); lower-case letters, digits and "
                "hyphens.",
            ],
        }
        super().__init__(**kwargs)
        self._catalog = catalog
        self._page = PageState(
            self.get_catalog, RenderContext(course=self.getConfig("course_id")), "", {}
        )
        self._reporter: Reporter | None = None
        self.defer = defer
        self.deferred: list[tuple[str, str]] = []
        """With `defer`: each block of the page converted last, as its stand-in and its HTML."""

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the block reader after whitespace is normalised, before code fences."""
        md.registerExtension(self)
        md.preprocessors.register(_BlockReader(md, self), "quizbank", 28)

    def get_catalog(self) -> Catalog:
        """Return the banks, loading them from `banks` the first time if none were given."""
        if self._catalog is None:
            self._catalog = _load_once(Path(self.getConfig("banks")))
        return self._catalog

    def start_page(
        self, path: str, context: RenderContext, reporter: Reporter | None = None
    ) -> None:
        """Say which page is rendered next: how problems name it, and what it links to.

        Reflection ids stay known from page to page: they must be unique in the whole site.
        """
        self._page = PageState(self.get_catalog, context, path, self._page.reflections)
        self._reporter = reporter

    def new_page_state(self) -> PageState:
        """Return the state of the page being rendered, fresh for each conversion."""
        state = self._page
        state.shown = {}
        state.banks = set()
        self.deferred = []
        return state

    @property
    def page_banks(self) -> set[str]:
        """The ids of the banks the page converted last shows (`*`: all of them)."""
        return self._page.banks

    def stand_in(self, html: str, search: str) -> str:
        """Keep a block's HTML for later; return the stand-in that holds its place.

        The stand-in has the block's id, so links to the block resolve while it stands in.
        """
        root = _ROOT_ID.match(html)
        named = f' id="{root[1]}"' if root else ""
        stand_in = (
            f'<div class="qb-stand-in"{named} data-qb-block="{len(self.deferred)}">{search}</div>'
        )
        self.deferred.append((stand_in, html))
        return stand_in

    def report(self, line: int, message: str) -> None:
        """Pass a page problem on to the reporter, or log it."""
        if self._reporter is not None:
            self._reporter(line, message)
        else:
            log.warning("line %d: %s", line, message)


class _BlockReader(Preprocessor):
    """Replace each block with its rendered HTML (stashed), reporting problems by line."""

    def __init__(self, md: Markdown, extension: QuizbankExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        """Return the page's lines with every block replaced by its HTML."""
        output: list[str] = []
        page = self.extension.new_page_state()
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
            html, search = self._render(header, lines, index, end, page)
            if self.extension.defer and search is not None:
                html = self.extension.stand_in(html, search)
            output.extend(["", indent + self.md.htmlStash.store(html), ""])
            index = index + 1 if end is None else end + 1
        return output

    def _render(
        self, header: re.Match[str], lines: list[str], index: int, end: int | None, page: PageState
    ) -> tuple[str, str | None]:
        """Render one block, or an error box for the problems it has.

        Returns the HTML, and what of it a search index should hold (None for an error box).
        """
        line_number = index + 1
        name = header["name"]
        rest = header["rest"].strip()
        argument, *header_options = [
            part.strip() for part in (rest[1:] if rest.startswith("|") else "").split("|")
        ]
        block = BLOCKS.get(name)
        problems = _header_problems(name, block, rest, argument)
        if end is None:
            problems.append(f"'/// {name}' is never closed: end the block with a line '///'")
            end = index + 1  # what follows is the page, not the block's body
        body = "\n".join(text[len(header["indent"]) :] for text in lines[index + 1 : end])
        html = None
        if block is not None:
            readable = not problems  # the header is right: the rest can be checked
            call = Call(name, argument, {}, body, line_number, page, problems)
            call.options = _read_body(block, call, header_options)
            _claim_once(block, call)
            if readable:
                html = block.render(call)  # it reports what else is wrong, such as a bank
            if html is not None and not problems:
                return html, call.search
        for message in problems:
            self.extension.report(line_number, message)
        return _error_box(name, problems), None


def _header_problems(name: str, block: BlockType | None, rest: str, argument: str) -> list[str]:
    """Return what is wrong with a block's header line: its name or its argument."""
    if block is None:
        guess = difflib.get_close_matches(name, list(BLOCKS), n=1)
        return [
            f"unknown block '/// {name}'"
            + (f"; did you mean '/// {guess[0]}'?" if guess else "")
            + f" Blocks are: {', '.join(BLOCKS)}"
        ]  # what its argument should be depends on what the block is
    if block.argument is None:
        return [f"'/// {name}' takes no argument: write '/// {name}' alone"] if rest else []
    if not rest.startswith("|") or not argument:
        what = "a bank id" if block.argument == "bank-id" else "an id"
        return [f"'/// {name}' needs {what}: write '/// {name} | <{block.argument}>'"]
    return []


def _header_values(block: BlockType, call: Call, parts: Sequence[str]) -> dict[str, Any]:
    """Read the options a block's header gives after its argument, as `| name=value`."""
    given: dict[str, Any] = {}
    for part in parts:
        key, equals, text = (piece.strip() for piece in part.partition("="))
        if block.body != "options":
            call.problems.append(
                f"'/// {block.name}' takes one argument; found more after it: {part!r}"
            )
        elif not (key and equals and text):
            call.problems.append(
                f"an option in the header is written '| name=value', such as '| draw=10'; "
                f"found {part!r}"
            )
        else:
            source = parse_yaml(f"{key}: {text}", "block")
            if source.problems or not isinstance(source.data, dict):
                call.problems.append(f"the header's option {part!r} could not be read")
            else:
                given.update(source.data)
    return given


def _read_body(block: BlockType, call: Call, header: Sequence[str] = ()) -> dict[str, Any]:
    """Check a block's options against its declaration; return them with their defaults.

    Options are in the body, and may also be in the header after the argument.
    """
    options = {name: option.default for name, option in block.options.items()}
    given = _header_values(block, call, header)
    text = call.body.strip()
    data: dict[Any, Any] = {}
    if block.body == "none" and text:
        call.problems.append(
            f"'/// {block.name}' takes no options: leave nothing between "
            f"'/// {block.name}' and '///'"
        )
        return options
    if block.body == "options" and text:
        source = parse_yaml(call.body, "block")
        call.problems.extend(
            dict.fromkeys(
                f"its options, line {problem.line}: {problem.message}"
                for problem in source.problems
            )
        )
        if source.problems:
            return options
        if not isinstance(source.data, dict):
            call.problems.append(
                "the block's options should be 'key: value' lines, such as 'intro: false'"
            )
            return options
        data = source.data
    for key in given.keys() & data.keys():
        call.problems.append(f"option {key!r} is given twice: in the header and in the body")
    allowed = list(block.options)
    for key, value in {**given, **data}.items():
        option = block.options.get(key)
        if option is None:
            guess = difflib.get_close_matches(str(key), allowed, n=1)
            call.problems.append(
                f"unknown option {key!r}"
                + (f" (did you mean {guess[0]!r}?)" if guess else "")
                + f"; options are: {', '.join(allowed)}"
            )
            continue
        try:
            options[key] = option.check(key, value)
        except OptionError as error:
            call.problems.append(str(error))
    return options


def _claim_once(block: BlockType, call: Call) -> None:
    """Report a second block of a kind that may appear once a page."""
    if not block.once_a_page or call.problems:
        return
    marker = f"/// {block.name}"
    shown = call.page.shown
    if marker in shown:
        call.problems.append(
            f"'{marker}' is already on this page (line {shown[marker]}); it can appear once a page"
        )
    else:
        shown[marker] = call.line


_LOADED: dict[Path, tuple[tuple[tuple[str, int, int], ...], Catalog]] = {}
"""The banks of each folder, with the files they were loaded from, as they were."""
_READ = BankCache()
"""The bank files as last read: when one changes, only that one is read again."""


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
    catalog = load_catalog([folder], cache=_READ)
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


def _error_box(name: str, problems: list[str]) -> str:
    """Render a visible notice in place of a block that could not be rendered."""
    return element(
        "div",
        {"class": "admonition failure qb-error"},
        element("p", {"class": "admonition-title"}, f"This {name} could not be shown"),
        element("ul", None, join(element("li", None, message) for message in problems)),
    )


def makeExtension(**kwargs: Any) -> QuizbankExtension:
    """Return the extension, for `markdown_extensions: [quizbank.markdown]`."""
    return QuizbankExtension(**kwargs)
