"""Instant navigation, running the script twice, and pages read without JavaScript."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import open_ready
from tests.conftest import SiteServer


def answer_goal_and_check(page: Page) -> None:
    single = page.locator("#qb-sample-single")
    single.get_by_label("Goal", exact=True).check()
    single.get_by_role("button", name="Check answer").click()
    expect(single.locator(".qb-feedback__verdict")).to_have_text("Correct.")


def test_quizzes_work_after_instant_navigation_and_back(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url)
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    page.locator("article").get_by_role("link", name="quiz").click()
    page.wait_for_url("**/quiz/")
    page.wait_for_selector(".qb-quiz[data-qb-ready='true']")
    assert page.evaluate("() => window.stillTheSameDocument === true"), (
        "the page reloaded: instant navigation did not happen"
    )
    answer_goal_and_check(page)

    page.go_back()
    page.wait_for_url(served_fixture_site.url)
    page.locator("article").get_by_role("link", name="self-assessment").click()
    page.wait_for_selector(".qb-self[data-qb-ready='true']")
    page.locator("article").evaluate("el => el")  # the new page is in place
    page.go_back()
    page.go_forward()
    page.wait_for_selector(".qb-self[data-qb-ready='true']")
    assert page.evaluate("() => window.stillTheSameDocument === true")
    page.goto(served_fixture_site.url + "quiz/")
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_goal_and_check(page)


def test_running_the_script_twice_is_harmless(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    # The core, and the questions script it loaded: each again.
    for script in page.locator("script[src*='quizbank']").all():
        page.add_script_tag(url=str(script.get_attribute("src")))
    page.evaluate("() => { window.quizbank.init(); window.quizbank.init(); }")
    expect(page.locator(".qb-question__actions:visible")).to_have_count(6)
    answer_goal_and_check(page)
    expect(page.locator("#qb-sample-single .qb-mark")).to_have_count(1)
    expect(page.locator("#qb-sample-single .qb-option__feedback")).to_have_count(1)


def test_without_javascript_the_answers_can_still_be_read(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, watch = open_page(browser, java_script_enabled=False)
    page.goto(served_fixture_site.url + "quiz/")
    expect(page.get_by_role("button", name="Check answer")).to_have_count(0)
    single = page.locator("#qb-sample-single")
    expect(single.locator(".qb-answer__explanation")).not_to_be_visible()
    expect(single.locator(".qb-hints__item").first).not_to_be_visible()  # hints stay closed
    single.locator("details.qb-answer summary").click()
    expect(single.locator(".qb-answer__explanation")).to_be_visible()
    expect(single.locator(".qb-answer__key")).to_have_text("Answer: Goal")
    page.context.close()
    assert not watch.outside
