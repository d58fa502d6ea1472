"""A fresh draw (issue 12, section 3): a quiz that shows a few of its questions keeps the same
set across reloads until the learner asks for a new one; it is scored out of the questions
drawn; answers stay with their questions."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import open_ready, stored
from tests.conftest import SiteServer

CANDIDATES = {
    "sample-single",
    "sample-multiple",
    "sample-true-false",
    "sample-matching",
    "sample-unsafe",
}


def drawn(page: Page) -> list[str]:
    """Return the ids of the questions the quiz shows, in order."""
    return page.locator(".qb-quiz .qb-question:visible").evaluate_all(
        "questions => questions.map(q => q.dataset.qbQuestion)"
    )


def answer_right(page: Page, question: str) -> None:
    """Answer one of the drawn questions right, from its answer key."""
    fieldset = page.locator(f"#qb-{question}")
    key = (fieldset.get_attribute("data-qb-answer") or "").split()
    if question == "sample-matching":
        for slot, value in enumerate(key):
            fieldset.locator(f"li[data-qb-slot='{slot}'] input[value='{value}']").check()
    else:
        for value in key:
            fieldset.locator(f"input[value='{value}']").check()


def test_a_draw_is_stable_until_a_new_set_is_asked_for(
    page: Page, served_fixture_site: SiteServer
) -> None:
    url = served_fixture_site.url + "draw/"
    open_ready(page, url)
    first = drawn(page)
    assert len(first) == 3
    assert set(first) <= CANDIDATES
    expect(page.locator(".qb-quiz .qb-question:visible .qb-question__number")).to_have_text(
        ["Question 1 of 3", "Question 2 of 3", "Question 3 of 3"]
    )
    expect(page.locator(".qb-quiz__draw")).to_have_text(
        "Each set is 3 of these 5 questions, chosen at random. Start again to try the same "
        "set; ask for a new set when you are ready."
    )
    assert stored(page)["attempt:sample:draw/"]["q"] == first  # in the page's order

    for _ in range(2):
        page.reload()
        open_ready(page, url)
        assert drawn(page) == first
    page.get_by_role("button", name="Start again").click()
    assert drawn(page) == first, "starting again keeps the set"

    page.get_by_role("button", name="New set of questions").click()
    second = drawn(page)
    assert len(second) == 3
    assert len(set(second) - set(first)) == 2, "the new set has both questions not seen yet"
    page.reload()
    open_ready(page, url)
    assert drawn(page) == second


def test_a_drawn_attempt_is_scored_out_of_its_draw(
    page: Page, served_fixture_site: SiteServer
) -> None:
    url = served_fixture_site.url + "draw/"
    open_ready(page, url)
    questions = drawn(page)
    for question in questions:
        answer_right(page, question)
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Passed. You scored 3 out of 3 (100%); the pass mark is 60%."
    )
    score = stored(page)["score:sample:draw/"]
    assert (score["best"]["right"], score["best"]["total"]) == (3, 3)
    assert score["full"]["total"] == 3

    # Answers are kept by question id, and come back with their questions.
    assert all(f"answer:sample:{question}" in stored(page) for question in questions)
    page.reload()
    open_ready(page, url)
    assert drawn(page) == questions
    for question in questions:
        expect(page.locator(f"#qb-{question} .qb-feedback")).to_contain_text("Correct.")


def test_without_the_script_every_question_of_a_drawn_quiz_shows(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, _ = open_page(browser, java_script_enabled=False)
    page.goto(served_fixture_site.url + "draw/")
    expect(page.locator(".qb-quiz .qb-question")).to_have_count(5)
    expect(page.locator(".qb-quiz__draw")).to_be_hidden()
    page.context.close()
