"""Every page of the fixture course and of the real course, visited once in Chromium and
checked every way in that visit (walk.py): no request leaves the local server and nothing is
logged as an error; axe-core (WCAG 2.2 AA, target size included: pages.py) finds nothing in
the article in the light and in the dark scheme; at 320 px the page does not scroll sideways,
no table splits a word across lines, no diagram's words are under 12 px, and axe-core finds
nothing.

The tests of a site share its walk, so they live in this one module: `make test` runs the
suite with pytest-xdist's `--dist loadfile`, which keeps a module in one worker, and so each
site is walked once.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.walk import SCHEMES, Walk, walk_site
from tests.conftest import SiteServer

SITES = ["served_fixture_site", "served_real_site"]
pytestmark = pytest.mark.parametrize("site_name", SITES, scope="module")
"""Every test runs for each site; the site is a module-scoped parameter, so its walk is too."""


@pytest.fixture(scope="module")
def walk(browser: Browser, request: pytest.FixtureRequest, site_name: str) -> Walk:
    """The walk over a site, made once for all the tests of this module."""
    site: SiteServer = request.getfixturevalue(site_name)
    return walk_site(browser, site)


def test_every_page_stays_on_the_local_server_and_logs_no_error(walk: Walk) -> None:
    assert len(walk.paths) >= 8
    assert not walk.outside, "\n".join(walk.outside)
    assert not walk.errors, "\n".join(walk.errors)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_any_article(walk: Walk, scheme: str) -> None:
    """Every page, in a light and a dark system colour scheme. walk.py switches the course's
    palette within one visit; test_accessibility.py loads pages in each scheme, checking that
    the palette follows the system's scheme from the start."""
    assert walk.paths
    assert not walk.axe[scheme], "\n".join(walk.axe[scheme])
    assert not walk.errors + walk.outside


def test_every_page_reflows_at_320_pixels_and_passes_axe_there(walk: Walk) -> None:
    assert walk.paths
    assert not walk.wide, "pages scroll sideways at 320px: " + ", ".join(walk.wide)
    assert not walk.split, "words split in tables at 320px: " + "; ".join(walk.split)
    assert not walk.small, "diagram words under 12px at 320px: " + "; ".join(walk.small)
    assert not walk.axe["320px"], "\n".join(walk.axe["320px"])
    assert not walk.errors + walk.outside
