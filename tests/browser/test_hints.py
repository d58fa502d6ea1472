"""Hints (issue 12, section 2): revealed one at a time before checking, with the keyboard, read
out as they appear; the answer record notes how many were shown; without the script they sit
closed, out of the way."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.helpers import active, open_ready, stored, tab_until
from tests.conftest import SiteServer

HINTS = ["It is where every coaching session starts.", "What does the learner want to achieve?"]


def test_hints_reveal_one_at_a_time_with_the_keyboard(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    question = page.locator("#qb-sample-single")
    items = question.locator(".qb-hints__item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_be_hidden()
    expect(items.nth(1)).to_be_hidden()
    expect(question.locator(".qb-hints__title")).to_be_hidden()
    expect(question.locator(".qb-hints__list")).to_have_attribute("aria-live", "polite")

    tab_until(page, "el.dataset.qbAction === 'hint'")
    assert active(page, "el.textContent") == "Show a hint (1 of 2)"
    page.keyboard.press("Enter")
    expect(items.nth(0)).to_be_visible()
    expect(items.nth(0)).to_have_text(HINTS[0])
    expect(items.nth(1)).to_be_hidden()
    assert active(page, "el.textContent") == "Show another hint (2 of 2)", "focus stays"
    expect(question.locator(".qb-feedback")).to_have_text("")  # a hint is not a check

    page.keyboard.press("Enter")
    expect(items.nth(1)).to_be_visible()
    expect(items.nth(1)).to_have_text(HINTS[1])
    expect(question.locator("[data-qb-action='hint']")).to_be_hidden()
    assert active(page, "el.textContent") == HINTS[1], "focus moves to the last hint"

    question.get_by_label("Goal", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".qb-feedback")).to_contain_text("Correct.")
    assert stored(page)["answer:sample:sample-single"]["h"] == 2


def test_the_hints_shown_come_back_and_start_again_hides_them(
    page: Page, served_fixture_site: SiteServer
) -> None:
    url = served_fixture_site.url + "quiz/"
    open_ready(page, url)
    question = page.locator("#qb-sample-single")
    question.get_by_role("button", name="Show a hint (1 of 2)").click()
    question.get_by_label("Growth", exact=True).check()
    assert stored(page)["answer:sample:sample-single"]["h"] == 1
    page.reload()
    open_ready(page, url)
    expect(question.locator(".qb-hints__item:visible")).to_have_text([HINTS[0]])
    expect(question.get_by_role("button", name="Show another hint (2 of 2)")).to_be_visible()

    page.get_by_role("button", name="Start again").click()
    expect(question.locator(".qb-hints__item:visible")).to_have_count(0)
    expect(question.get_by_role("button", name="Show a hint (1 of 2)")).to_be_visible()


def test_a_question_without_hints_has_no_hint_button(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(page.locator("#qb-sample-multiple .qb-hints")).to_have_count(0)
    expect(page.locator("[data-qb-action='hint']")).to_have_count(1)
