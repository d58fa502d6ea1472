"""The learners' build of the course (the SCORM package): no page for tutors, in the nav or out.

A MkDocs hook for mkdocs.scorm.yml. That build leaves the tutors' pages out with MkDocs'
`exclude_docs`; MkDocs still keeps an excluded page in the navigation when `nav:` names it,
linking to a page that is not there. This hook takes every excluded page out of the
navigation (and a section left empty with them), and joins up the previous and next links
around them. `quizbank scorm` then refuses a package in which any page still links to a
file it leaves out.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _kept(items: list[Any]) -> list[Any]:
    """Return the navigation items without excluded pages and emptied sections."""
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.inclusion.is_excluded():
            continue
        if isinstance(item, Section):
            item.children = _kept(item.children)
            if not item.children:
                continue
        kept.append(item)
    return kept


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Drop the pages the build excludes from the navigation."""
    nav.items = _kept(nav.items)
    nav.pages = [page for page in nav.pages if not page.file.inclusion.is_excluded()]
    for number, page in enumerate(nav.pages):
        page.previous_page = nav.pages[number - 1] if number else None
        page.next_page = nav.pages[number + 1] if number + 1 < len(nav.pages) else None
    return nav
