"""Every page of the fixture course and of the real course, visited in Chromium: no request
leaves the local server, and nothing is logged as an error."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import open_page
from tests.browser.helpers import open_ready
from tests.browser.pages import pages_of
from tests.conftest import SiteServer


@pytest.mark.parametrize("site_name", ["served_fixture_site", "served_real_site"])
def test_every_page_stays_on_the_local_server_and_logs_no_error(
    browser: Browser, request: pytest.FixtureRequest, site_name: str
) -> None:
    site: SiteServer = request.getfixturevalue(site_name)
    paths = pages_of(site.folder)
    assert len(paths) >= 8
    page, watch = open_page(browser)
    for path in paths:
        open_ready(page, site.url + path)
        page.wait_for_load_state("networkidle")  # late requests too: sitemap, search index
        assert not watch.outside, f"{path or 'home'} requested {watch.outside}"
        assert not watch.errors, f"{path or 'home'} logged {watch.errors}"
    page.context.close()
