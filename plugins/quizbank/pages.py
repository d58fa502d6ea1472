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
from .tracks import read_track

_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_SAFE_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""YAML's safe loader, with libyaml's parser when PyYAML has it (same rules, faster)."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """Return a page's front matter, its Markdown body, and how many lines precede the body.

    Follows MkDocs: a YAML block between `---` lines at the very top, and blank lines after it
    are not part of the body.
    """
    match, body, offset = _split(text)
    if match is None:
        return {}, body, offset
    try:
        meta = yaml.load(match.group(1), Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), body, offset


def body_offset(text: str) -> int:
    """Return how many lines precede a page's Markdown body, without reading its front matter."""
    return _split(text)[2]


def _split(text: str) -> tuple[re.Match[str] | None, str, int]:
    """Return the front matter's match (if any), the body, and the lines before the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 0
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    offset = text[: match.end()].count("\n") + (len(rest) - len(body))
    return match, body, offset


class PageChecker:
    """Checks the blocks of pages one after another, as a build renders them.

    One checker for a whole site, so that ids that must be unique across pages (reflections)
    are checked across pages, as the build does.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.extension = QuizbankExtension(catalog=catalog)

    def check(self, text: str, path: str) -> list[Problem]:
        """Return the problems in one page's blocks."""
        meta, body, offset = split_front_matter(text)
        problems: list[Problem] = []
        track = read_track(meta, path)
        self.extension.start_page(
            path,
            RenderContext(page_track=track.number if track else None),
            lambda line, message: problems.append(Problem(path, line + offset, 1, message)),
        )
        Markdown(extensions=[self.extension]).convert(body)
        return problems
