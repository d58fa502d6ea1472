"""The pages of a built site, and axe-core (vendored through npm, never fetched) to check them."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def pages_of(site: Path) -> list[str]:
    """Return the path of every page of a built site, from its root: "", "quiz/", …"""
    return sorted(
        "" if page.parent == site else page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
    )


def with_axe(page: Page) -> Page:
    """Load axe-core into every page the page's context opens from now on."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not at {AXE}: run 'npm ci' (make test does).", pytrace=False)
    page.context.add_init_script(path=str(AXE))
    return page


AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
"""axe-core's rules as it runs them by default (WCAG 2.0 and 2.1 A and AA, and its best
practices), with WCAG 2.2 AA's one rule that it leaves off by default: target size, 2.5.8."""


def axe_violations(page: Page, within: str = "article") -> list[str]:
    """Run axe-core over a part of the page (its article unless told); return each violation,
    one line a node."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        with_axe(page)  # for the pages still to come
        page.add_script_tag(path=str(AXE))  # and for this one
    found = page.evaluate(
        """async ([within, options]) => {
        const result = await axe.run(within, options);
        return result.violations.flatMap(v => v.nodes.map(n =>
            `${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}: ${n.failureSummary}`));
    }""",
        [within, AXE_OPTIONS],
    )
    return [f"{page.url}: {line}" for line in found]
