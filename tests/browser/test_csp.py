"""The course under the Content-Security-Policy its build generates: nothing is refused.

Each site is served with the header from its own `.hosting/csp.txt`, and visited the way a
learner does: quizzes checked and scored, a self-assessment result, search (a worker),
instant navigation, and the 404 page (whose inline script differs from the others'). Any
`securitypolicyviolation` event, or console error, fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.drive import check_a_question, score_the_quiz, search_finds, show_a_result
from tests.browser.helpers import open_ready
from tests.conftest import FIXTURE_SITE, ROOT, SiteServer, build_site

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` in ${event.sourceFile}:${event.lineNumber} (${event.sample})`);
});
"""


def served_with_policy(config: Path, folder: Path) -> Iterator[SiteServer]:
    """Build a site for where it is served, then serve it with the policy it generated."""
    headers: dict[str, str] = {}
    server = SiteServer(folder, headers=headers)
    build_site(config, folder, site_url=server.url)
    policy = (folder / ".hosting" / "csp.txt").read_text(encoding="utf-8").strip()
    headers["Content-Security-Policy"] = policy
    yield server
    server.close()


@pytest.fixture(scope="module")
def csp_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    yield from served_with_policy(
        FIXTURE_SITE / "mkdocs.yml", tmp_path_factory.mktemp("csp-fixture") / "site"
    )


@pytest.fixture(scope="module")
def csp_real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    yield from served_with_policy(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("csp-real") / "site")


def record_violations(page: Page) -> list[str]:
    """Collect every policy violation the page reports, across page loads."""
    found: list[str] = []

    def report(violation: str) -> None:
        found.append(violation)

    page.expose_function("reportViolation", report)
    page.add_init_script(REPORT_VIOLATIONS)
    return found


@pytest.fixture
def watched(page: Page) -> Iterator[tuple[Page, list[str]]]:
    """The page and the violations it reports; the test fails if there are any."""
    found = record_violations(page)
    yield page, found
    assert found == []


def assert_policy_is_sent(page: Page, url: str) -> None:
    response = page.request.get(url)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self' 'sha256-" in policy
    assert "unsafe" not in policy


def test_fixture_site_under_its_policy(
    watched: tuple[Page, list[str]], csp_fixture_site: SiteServer
) -> None:
    page, found = watched
    base = csp_fixture_site.url
    assert_policy_is_sent(page, base)
    open_ready(page, base)
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    page.locator("article").get_by_role("link", name="quiz").click()
    page.wait_for_url("**/quiz/")
    page.wait_for_selector(".qb-quiz[data-qb-ready='true']")
    assert page.evaluate("() => window.stillTheSameDocument === true"), (
        "instant navigation did not happen"
    )
    check_a_question(page)
    score_the_quiz(page)
    open_ready(page, base + "self/")
    show_a_result(page)
    open_ready(page, base + "tracks/01-one/")
    search_finds(page, "GROW")
    # The page script, loaded when a page needs it, is the site's own: the policy lets it run.
    open_ready(page, base + "review/")
    expect(page.locator(".qb-review__status")).to_contain_text("Nothing to review today.")
    open_ready(page, base + "record/")
    expect(page.locator(".qb-record__made")).to_contain_text("Made on")
    assert found == []


def test_real_site_under_its_policy(
    watched: tuple[Page, list[str]], csp_real_site: SiteServer
) -> None:
    page, found = watched
    base = csp_real_site.url
    assert_policy_is_sent(page, base + "practice/grow-model/")
    open_ready(page, base)
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    page.locator(".md-nav__link", has_text="Where are you now?").first.click()
    page.wait_for_url("**/self-assessment/")
    page.wait_for_selector(".qb-self[data-qb-ready='true']")
    assert page.evaluate("() => window.stillTheSameDocument === true"), (
        "instant navigation did not happen"
    )
    show_a_result(page)
    for path in ("practice/grow-model/", "tracks/06-coaching/", "skills-self-assessment/"):
        open_ready(page, base + path)
        if page.locator(".qb-quiz").count():
            check_a_question(page)
            score_the_quiz(page)
        if page.locator(".qb-self").count():
            show_a_result(page)
        assert found == [], path
    open_ready(page, base + "tracks/10-self-evaluation-and-development/")
    page.locator("article abbr", has_text="SMART").first.hover()  # positioned by script
    expect(page.get_by_role("tooltip").filter(has_text="Specific, Measurable")).to_be_visible()
    search_finds(page, "mentoring")
    page.goto(base + "404.html")
    expect(page.locator("h1")).to_have_text("404 - Not found")


def test_a_policy_without_the_hashes_is_reported(
    browser: Browser, csp_fixture_site: SiteServer
) -> None:
    """The watch above can fail: without the hashes, Material's inline scripts are refused."""
    policy = (csp_fixture_site.folder / ".hosting" / "csp.txt").read_text(encoding="utf-8")
    without = " ".join(part for part in policy.split() if not part.startswith("'sha256-"))
    server = SiteServer(csp_fixture_site.folder, headers={"Content-Security-Policy": without})
    page, watch = open_page(browser)
    found = record_violations(page)
    try:
        page.goto(server.url + "quiz/")
        expect(page.locator(".qb-quiz")).to_have_attribute("data-qb-ready", "true")
    finally:
        page.context.close()
        server.close()
    assert found
    assert all(entry.startswith("script-src-elem blocked inline") for entry in found), found
    assert any("Content Security Policy" in error for error in watch.errors), watch.errors
