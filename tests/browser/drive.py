"""Doing what a learner does on any quiz or self-assessment page, whatever its bank."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

CHOICE = '.qb-question:is([data-qb-type="single"], [data-qb-type="true-false"])'


def check_a_question(page: Page) -> str:
    """Choose the first option of the first choice question, check it; return its id."""
    question = page.locator(CHOICE).first
    question.locator(".qb-options input").first.check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".qb-feedback__verdict")).to_have_text(
        re.compile(r"^(Correct\.|Not quite\.)")
    )
    return str(question.get_attribute("id"))


def score_the_quiz(page: Page) -> None:
    """Score the first quiz on the page and expect a score."""
    quiz = page.locator(".qb-quiz").first
    quiz.get_by_role("button", name="Show my score").click()
    expect(quiz.locator(".qb-quiz__score")).to_have_text(
        re.compile(r"^(Passed\.|Not passed yet\.|Not finished\.|You scored) ")
    )


def show_a_result(page: Page) -> None:
    """Rate every item of the first self-assessment with its first point; show the result."""
    block = page.locator(".qb-self").first
    items = block.locator("fieldset.qb-item")
    for index in range(items.count()):
        items.nth(index).locator(".qb-scale__input").first.check()
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-self__band")).to_contain_text("Your result:")


def search_finds(page: Page, query: str) -> None:
    """Search the site with Material's search box and expect at least one result."""
    box = page.locator("input[data-md-component='search-query']")
    box.click()
    box.press_sequentially(query, delay=20)  # Material searches on key presses, not on fill
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
