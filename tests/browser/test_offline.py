"""The file-share build, opened from disk with file:// URLs, with no network at all.

Links between pages are links between files, search runs through the vendored iframe-worker
shim and the inlined index, quizzes check answers, and what the browser saves survives a
reload. Any request that is not for a file fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.browser.drive import check_a_question, search_finds, show_a_result
from tests.browser.helpers import open_ready
from tests.conftest import ROOT, build_site

SCREENSHOTS = ROOT / "screenshots"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course built with mkdocs.offline.yml, as `make offline` builds it."""
    return build_site(ROOT / "mkdocs.offline.yml", tmp_path_factory.mktemp("offline") / "site")


@pytest.fixture
def from_disk(browser: Browser) -> Iterator[Page]:
    """A page that may read files only: any other request, or a console error, fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.route("http://**/*", lambda route: route.abort())
    context.route("https://**/*", lambda route: route.abort())
    page = context.new_page()
    problems: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith(("file:", "data:", "blob:", "about:")):
            problems.append(f"request that is not for a file: {request.url}")

    page.on("request", on_request)
    page.on(
        "console",
        lambda message: (
            problems.append(f"console error: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
    yield page
    context.close()
    assert problems == []


def test_the_build_links_files_and_vendors_the_shim(offline_site: Path) -> None:
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="tracks/01-introduction.html"' in home
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in home
    assert "unpkg.com" not in home
    assert (
        (offline_site / "search" / "search_index.js")
        .read_text(encoding="utf-8")
        .startswith("var __index = {")
    )
    shim = offline_site / "assets" / "vendor" / "iframe-worker" / "shim.js"
    assert (
        shim.read_bytes()
        == (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_bytes()
    )
    assert not (offline_site / ".hosting").exists()


def test_navigation_search_quizzes_and_saving_work_from_disk(
    from_disk: Page, offline_site: Path
) -> None:
    page = from_disk
    open_ready(page, (offline_site / "index.html").as_uri())
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "offline-home.png"))

    page.locator(".md-nav__link", has_text="Where are you now?").first.click()
    page.wait_for_url("**/self-assessment.html")
    page.wait_for_selector(".qb-self[data-qb-ready='true']")
    show_a_result(page)

    page.locator(".md-nav__link", has_text="Tracks").first.click()
    page.get_by_role("link", name="Coaching", exact=True).first.click()
    page.wait_for_url("**/tracks/06-coaching.html")
    page.wait_for_selector(".qb-quiz[data-qb-ready='true']")
    checked = check_a_question(page)
    page.screenshot(path=str(SCREENSHOTS / "offline-track-quiz.png"), full_page=False)

    search_finds(page, "GROW")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url("file://**/*.html*")
    expect(page.locator(".md-content h1").first).to_be_visible()

    # Saving under file://: the answer checked on the track page is still chosen, with its
    # feedback, after a reload; and the learner's choice of dark mode is kept across folders.
    page.goto((offline_site / "tracks" / "06-coaching.html").as_uri())
    page.wait_for_selector(".qb-quiz[data-qb-ready='true']")
    question = page.locator(f"#{checked}")
    expect(question.locator(".qb-options input").first).to_be_checked()
    expect(question.locator(".qb-feedback__verdict")).to_have_text(
        re.compile(r"^(Correct\.|Not quite\.)")
    )
    page.reload()
    page.wait_for_selector(".qb-quiz[data-qb-ready='true']")
    expect(question.locator(".qb-options input").first).to_be_checked()
    page.locator("label[title='Switch to dark mode']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    open_ready(page, (offline_site / "index.html").as_uri())
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")

    # The review page and the course record run their page script from disk too.
    open_ready(page, (offline_site / "review.html").as_uri())
    expect(page.locator(".qb-review__status")).to_contain_text("review")
    open_ready(page, (offline_site / "record.html").as_uri())
    expect(page.locator(".qb-record__made")).to_contain_text("Made on")


def test_quizzes_work_in_the_web_build_opened_from_disk(from_disk: Page, real_site: Path) -> None:
    """Opened from disk, Material with instant navigation never emits document$; the quizzes
    are set up all the same."""
    open_ready(from_disk, (real_site / "practice" / "grow-model" / "index.html").as_uri())
    check_a_question(from_disk)
