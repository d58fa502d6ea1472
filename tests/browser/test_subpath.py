"""The course served under a subpath of an intranet server, with its policy header.

It is built with site_url set to where it is served, so instant navigation stays on, and
served from a parent folder, as a web server with other things at its root would. Every
response must succeed and come from under the subpath.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Response, expect

from tests.browser.drive import check_a_question, search_finds, show_a_result
from tests.browser.helpers import open_ready
from tests.browser.test_csp import record_violations
from tests.conftest import ROOT, SiteServer, build_site

SUBPATH = "courses/mentoring/"


@pytest.fixture(scope="module")
def under_subpath(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the real course at /courses/mentoring/; yield its address."""
    root = tmp_path_factory.mktemp("intranet")
    (root / "index.html").write_text(
        "<!doctype html><title>Intranet</title><p>Home</p>", encoding="utf-8"
    )
    headers: dict[str, str] = {}
    server = SiteServer(root, headers=headers)
    site = build_site(ROOT / "mkdocs.yml", root / SUBPATH, site_url=server.url + SUBPATH)
    headers["Content-Security-Policy"] = (
        (site / ".hosting" / "csp.txt").read_text(encoding="utf-8").strip()
    )
    yield server.url + SUBPATH
    server.close()


def test_the_course_works_under_a_subpath(page: Page, under_subpath: str) -> None:
    responses: list[Response] = []

    def on_response(response: Response) -> None:  # Playwright cannot take list.append
        responses.append(response)

    page.on("response", on_response)
    violations = record_violations(page)
    base = under_subpath

    open_ready(page, base)
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    page.locator(".md-nav__link", has_text="Where are you now?").first.click()
    page.wait_for_url(base + "self-assessment/")
    page.wait_for_selector(".qb-self[data-qb-ready='true']")
    show_a_result(page)
    page.locator(".md-nav__link", has_text="Check yourself").first.click()
    page.locator(".md-nav__link", has_text="Practice quizzes").first.click()
    page.locator(".md-nav__link", has_text="The GROW model").first.click()
    page.wait_for_url(base + "practice/grow-model/")
    page.wait_for_selector(".qb-quiz[data-qb-ready='true']")
    assert page.evaluate("() => window.stillTheSameDocument === true"), (
        "the page reloaded: instant navigation is off under the subpath"
    )
    check_a_question(page)

    search_finds(page, "GROW")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(base + "**")
    expect(page.locator(".md-content h1").first).to_be_visible()

    page.goto(base + "404.html")
    expect(page.locator("h1")).to_have_text("404 - Not found")
    expect(page.locator(".md-header__button.md-logo")).to_have_attribute("href", base)

    failed = [f"{r.status} {r.url}" for r in responses if r.status >= 400]
    outside = [r.url for r in responses if not r.url.startswith(base)]
    assert failed == []
    assert outside == []
    assert violations == []
    kinds = {r.request.resource_type for r in responses}
    assert {"document", "stylesheet", "script", "xhr"} <= kinds, kinds
    assert any(r.url.endswith("search/search_index.json") for r in responses)
    assert any("/assets/quizbank/quizbank." in r.url for r in responses)
