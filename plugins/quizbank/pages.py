"""Reading course pages: front matter, and the problems in their quiz blocks."""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown import Markdown

from .catalog import Catalog
from .markdown import QuizbankExtension
from .problems import Problem
from .render import RenderContext
from .trackpage import read_track

_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Return a page's front matter, its Markdown body, and how many lines precede the body.

    Follows MkDocs: a YAML block between `---` lines at the very top, and blank lines after it
    are not part of the body.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        meta = None
    rest = text[match.end():]
    body = rest.lstrip("\n")
    offset = text[: match.end()].count("\n") + (len(rest) - len(body))
    return (meta if isinstance(meta, dict) else {}), body, offset


class PageChecker:
    """Checks the blocks of pages one after another, as a build renders them.

    One checker for a whole site, so that ids that must be unique across pages (reflections)
    are checked across pages, as the build does.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.extension = QuizbankExtension()
        self.extension.catalog = catalog

    def check(self, text: str, path: str) -> list[Problem]:
        """Return the problems in one page's blocks."""
        meta, body, offset = split_front_matter(text)
        problems: list[Problem] = []
        track = read_track(meta, path)
        self.extension.page = path
        self.extension.context = RenderContext(page_track=track.number if track else None)
        self.extension.reporter = lambda line, message: problems.append(
            Problem(path, line + offset, 1, message))
        Markdown(extensions=[self.extension]).convert(body)
        return problems
