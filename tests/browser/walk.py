"""One walk over every page of a served site, doing every per-page check in the same visit.

Visiting each page once and checking it several ways is what keeps the browser tests quick:
axe-core over the article in the light scheme, then in the dark scheme, then at 320 px (with
the reflow check and no word split in a table), and, over the whole visit, the requests that leave the site and the
console errors. The walk records what it finds; the tests in test_every_page.py each assert
their part of it, so each check still fails on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page

from tests.browser.conftest import open_page
from tests.browser.helpers import open_ready
from tests.browser.pages import axe_violations, pages_of, with_axe
from tests.conftest import SiteServer

WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
SCHEMES = {"light": "default", "dark": "slate"}
"""The system colour schemes, and the Material palette scheme the course shows for each."""

FORGET_PALETTE = """
for (const key of Object.keys(localStorage)) {
  if (key.endsWith(".__palette")) localStorage.removeItem(key);
}
"""
"""Material keeps the palette it last showed, and a kept palette wins over the system's
scheme: forgetting it before each page loads makes every page open as on a first visit."""

SWITCHED = """scheme => document.body.dataset.mdColorScheme === scheme
    && !document.body.hasAttribute("data-md-color-switching")"""

SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll("article :is(th, td)")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(box => box.width)
          .map(box => Math.round(box.top)));
        if (lines.size > 1) split.push(word[0]);
      }
    }
  }
  return split;
}"""
"""The words in the article's tables that are split across two lines, letters and digits
alone: a break at a hyphen or a dot leaves the words whole."""

SMALL_TEXT = """() => [...document.querySelectorAll("article svg text")]
  .map(text => [text.textContent.trim(),
    parseFloat(getComputedStyle(text).fontSize) * (text.ownerSVGElement.getScreenCTM()?.a ?? 1)])
  .filter(([, size]) => size < 12)
  .map(([words, size]) => `${words} (${size.toFixed(1)}px)`)"""
"""The words of the article's diagrams drawn smaller than 12 px (a diagram may scroll instead)."""

SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Two frames: what the page's scripts do on a resize (making a wide table scrollable) is done."""


@dataclass
class Walk:
    """What one walk over a site found, check by check."""

    paths: list[str]
    axe: dict[str, list[str]] = field(default_factory=dict)
    """Violations (and a palette that did not follow the scheme) by check: light, dark, 320px."""
    wide: list[str] = field(default_factory=list)
    """Pages that scroll sideways at 320 px, with their width."""
    split: list[str] = field(default_factory=list)
    """Pages whose tables split a word across lines at 320 px, with the words."""
    small: list[str] = field(default_factory=list)
    """Pages whose diagrams have words under 12 px at 320 px, with the words."""
    outside: list[str] = field(default_factory=list)
    """Requests that left the local server, by page."""
    errors: list[str] = field(default_factory=list)
    """Console errors and uncaught exceptions, by page."""


def switch_scheme(page: Page, scheme: str) -> None:
    """Switch the system colour scheme and the course's palette with it, as Material does when
    its palette toggle is used, and wait until the switch is over."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.evaluate(
        """media => document.querySelector(`input[data-md-color-media="${media}"]`).click()""",
        f"(prefers-color-scheme: {scheme})",
    )
    page.wait_for_function(SWITCHED, arg=SCHEMES[scheme])


def scheme_problem(page: Page, scheme: str) -> list[str]:
    """Return a line when the page does not show the palette of a colour scheme."""
    shown = page.evaluate("document.body.dataset.mdColorScheme")
    if shown == SCHEMES[scheme]:
        return []
    return [f"{page.url}: the palette is {shown!r} under the {scheme} scheme"]


def walk_site(browser: Browser, site: SiteServer) -> Walk:
    """Visit every page of a site once and check it in both schemes and at 320 px."""
    walk = Walk(pages_of(site.folder))
    walk.axe = {"light": [], "dark": [], "320px": []}
    page, watch = open_page(browser, color_scheme="light", viewport=WIDE)
    with_axe(page)
    page.context.add_init_script(FORGET_PALETTE)
    for path in walk.paths:
        name = path or "home"
        seen_outside, seen_errors = len(watch.outside), len(watch.errors)
        page.set_viewport_size(WIDE)  # type: ignore[arg-type]
        page.emulate_media(color_scheme="light")
        open_ready(page, site.url + path)
        walk.axe["light"] += scheme_problem(page, "light") + axe_violations(page)

        switch_scheme(page, "dark")
        walk.axe["dark"] += scheme_problem(page, "dark") + axe_violations(page)

        switch_scheme(page, "light")
        page.set_viewport_size(NARROW)  # type: ignore[arg-type]
        page.evaluate(SETTLE)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > NARROW["width"]:
            walk.wide.append(f"{name}: {width}px")
        split = page.evaluate(SPLIT_WORDS)
        if split:
            walk.split.append(f"{name}: {', '.join(sorted(set(split)))}")
        small = page.evaluate(SMALL_TEXT)
        if small:
            walk.small.append(f"{name}: {', '.join(small[:5])}")
        # At this width, tables must not scroll out of keyboard reach.
        walk.axe["320px"] += scheme_problem(page, "light") + axe_violations(page)

        page.wait_for_load_state("networkidle")  # late requests too: sitemap, search index
        walk.outside += [f"{name} requested {url}" for url in watch.outside[seen_outside:]]
        walk.errors += [f"{name} logged {error}" for error in watch.errors[seen_errors:]]
    page.context.close()
    return walk
