"""Fill in the blank: variants accepted, others refused with the right feedback, kept on reload."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.helpers import open_ready, stored
from tests.conftest import SiteServer

QUESTION = "#qb-typed-grow-w"


def answer(page: Page, text: str) -> None:
    box = page.locator(QUESTION).get_by_label("Your answer")
    box.fill(text)
    page.locator(QUESTION).get_by_role("button", name="Check answer").click()


def test_listed_variants_are_accepted_whatever_their_case_spaces_and_stops(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "typed/")
    feedback = page.locator(f"{QUESTION} .qb-feedback")
    for typed in ("Will", "  WAY   forward! ", "will."):
        answer(page, typed)
        expect(feedback).to_contain_text("Correct.")
    expect(page.locator(f"{QUESTION} .qb-blank .qb-mark")).to_have_text("Right")


def test_other_answers_are_refused_with_their_own_feedback_or_the_general_one(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "typed/")
    blank = page.locator(f"{QUESTION} .qb-blank")
    answer(page, "why?")
    expect(page.locator(f"{QUESTION} .qb-feedback")).to_contain_text("Not quite.")
    expect(blank.locator(".qb-option__feedback")).to_have_text(
        "A why-question can sound like blame; W is for Will."
    )
    answer(page, "Wishes")
    expect(blank.locator(".qb-mark")).to_have_text("Wrong")
    expect(blank.locator(".qb-option__feedback")).to_have_text(
        "The four stages are Goal, Reality, Options and Will."
    )


def test_an_empty_box_asks_for_an_answer_and_typed_markup_stays_text(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "typed/")
    answer(page, "   ")
    expect(page.locator(f"{QUESTION} .qb-feedback")).to_have_text("Type an answer first.")
    answer(page, '"><img src=x onerror="window.hacked=1">')
    expect(page.locator(f"{QUESTION} .qb-blank .qb-mark")).to_have_text("Wrong")
    assert page.evaluate("() => window.hacked") is None
    assert page.locator(f"{QUESTION} img").count() == 0


def test_the_typed_answer_and_its_check_come_back_after_a_reload(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "typed/")
    answer(page, "Way forward")
    assert stored(page)["answer:typed:typed-grow-w"]["a"] == ["Way forward"]  # type: ignore[index]
    page.reload()
    open_ready(page, served_fixture_site.url + "typed/")
    expect(page.locator(QUESTION).get_by_label("Your answer")).to_have_value("Way forward")
    expect(page.locator(f"{QUESTION} .qb-feedback")).to_contain_text("Correct.")


def test_start_again_clears_the_typed_answer(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "typed/")
    answer(page, "Will")
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(QUESTION).get_by_label("Your answer")).to_have_value("")
    expect(page.locator(f"{QUESTION} .qb-feedback")).to_have_text("")
    assert "answer:typed:typed-grow-w" not in stored(page)
    page.reload()
    open_ready(page, served_fixture_site.url + "typed/")
    expect(page.locator(QUESTION).get_by_label("Your answer")).to_have_value("")
