"""The scripts the core loads (quizbank-questions.js, quizbank-pages.js): each only on pages
with one of its blocks, sharing the core's modules rather than holding copies of them; one
that cannot be loaded is said so on the page."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import open_ready, rate_where_are_you_now, seed, watch_requests
from tests.conftest import SiteServer

PAGE_SCRIPT = "/quizbank-pages."  # published with a hash: quizbank-pages.<hash>.js
QUESTIONS_SCRIPT = "/quizbank-questions."


def test_pages_without_its_blocks_never_request_the_page_script(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    requested = watch_requests(page)
    for path in ("draw/", "typed/", "quiz/"):
        open_ready(page, site + path)
        page.wait_for_load_state("networkidle")
    # Nor does answering a question there.
    single = page.locator("#qb-sample-single")
    single.get_by_label("Goal", exact=True).check()
    single.get_by_role("button", name="Check answer").click()
    expect(single.locator(".qb-feedback__verdict")).to_have_text("Correct.")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if PAGE_SCRIPT in url]
    open_ready(page, site + "journal/")  # a page with one of its blocks does
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if PAGE_SCRIPT in url]


def test_the_self_assessment_page_requests_it_and_a_first_click_shows_the_result(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    # Hold the page script back, so that the learner's click comes before it is here.
    held: list[Route] = []

    def hold(route: Route) -> None:  # Playwright wants a function, not a bound builtin
        held.append(route)

    page.route(f"**{PAGE_SCRIPT}*", hold)
    page.goto(site + "self/", wait_until="domcontentloaded")  # load waits for the held script
    page.wait_for_selector(".qb-self[data-qb-ready='true']", state="attached")
    for _ in range(50):  # the request, held at the route
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the self-assessment page requests the page script"
    rate_where_are_you_now(page, ["Usually"])
    block = page.locator("#qb-self-where-are-you-now")
    block.get_by_role("button", name="Show my result").click()
    assert page.evaluate("() => !window.quizbankPages"), "the page script came too early"
    for route in held:
        route.continue_()
    result = block.locator(".qb-self__result")
    expect(result.locator(".qb-self__band")).to_contain_text("Your result:")
    assert result.get_attribute("aria-live") or result.get_attribute("role"), (
        "the result is announced"
    )


def test_a_block_of_the_page_script_says_what_it_could_not_read(
    page: Page, served_fixture_site: SiteServer
) -> None:
    """The page script reads through the core's own storage module: were it a copy, the core
    would count nothing unreadable, and the note would never appear."""
    site = served_fixture_site.url
    seed(page, site, {"reflection:t01-hopes": "{not json", "result:where-are-you-now": {"h": 3}})
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal > .qb-skipped")).to_have_text(
        "1 entry could not be read and was skipped."
    )
    open_ready(page, site + "record/")
    expect(page.locator(".qb-record > .qb-skipped")).to_have_text(
        "2 entries could not be read and were skipped."
    )


def test_a_page_without_questions_requests_neither_script(
    page: Page, served_fixture_site: SiteServer
) -> None:
    requested = watch_requests(page)
    open_ready(page, served_fixture_site.url + "plain/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if QUESTIONS_SCRIPT in url or PAGE_SCRIPT in url]
    open_ready(page, served_fixture_site.url + "quiz/")  # a page with questions does
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if QUESTIONS_SCRIPT in url]


def test_a_script_that_cannot_be_loaded_is_said_and_tried_again(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    """Offline with the questions script not in the cache: the quiz says so rather than
    offering buttons that do nothing; a click later tries the script again."""
    page, watch = open_page(browser)
    failing = [True]

    def fail_once(route: Route) -> None:
        if failing[0]:
            route.abort()
        else:
            route.continue_()

    page.route(f"**{QUESTIONS_SCRIPT}*", fail_once)
    page.goto(served_fixture_site.url + "quiz/")
    quiz = page.locator(".qb-quiz").first
    notice = quiz.locator(":scope > .qb-unloaded")
    expect(notice).to_have_text(
        "Part of the course's script could not be loaded, so some of this page does not work "
        "yet. Reload the page to try again."
    )
    expect(notice).to_have_attribute("role", "alert")
    assert quiz.get_attribute("data-qb-ready") is None  # set up when the script comes
    failing[0] = False
    quiz.get_by_role("button", name="Show my score").click()  # loads it this time
    expect(quiz).to_have_attribute("data-qb-ready", "true")  # and sets the quiz up
    expect(notice).to_have_count(0)
    expect(quiz.locator(".qb-quiz__score")).to_contain_text("Not finished.")
    expect(quiz.get_by_role("button", name="Check answer").first).to_be_visible()
    page.context.close()
    # The browser's own line about the failed request, and nothing else: no uncaught error.
    assert watch.errors, "the failed request was made"
    assert all("Failed to load resource" in error for error in watch.errors), watch.errors
