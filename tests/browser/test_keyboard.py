"""Keyboard only: every question type and the self-assessment, without touching the mouse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import active, open_ready, press_until, tab_until
from tests.conftest import SiteServer


def focused_id(page: Page) -> str:
    return str(active(page, "el.id"))


def check_with_enter(page: Page, question_id: str) -> None:
    """Tab to the question's Check button and press Enter; focus stays on the button."""
    tab_until(page, f"el.closest('#qb-{question_id}') && el.dataset.qbAction === 'check'")
    page.keyboard.press("Enter")
    assert active(page, "el.dataset.qbAction") == "check", "focus left the Check button"


def single(page: Page) -> None:
    """Single choice: arrow keys move the selection through the options in the order they are
    shown (shuffled), and never submit."""
    feedback = page.locator("#qb-sample-single .qb-feedback")
    shown = page.locator("#qb-sample-single input").evaluate_all("inputs => inputs.map(i => i.id)")
    tab_until(page, "el.name === 'qb-sample-single'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"#{shown[2]}")).to_be_checked()
    expect(feedback).to_have_text("")
    press_until(page, "ArrowUp", lambda: page.locator("#qb-sample-single-0").is_checked())
    expect(feedback).to_have_text("")
    check_with_enter(page, "sample-single")
    expect(feedback).to_contain_text("Correct.")


def multiple(page: Page) -> None:
    """Multiple response: Tab between checkboxes, Space to tick."""
    tab_until(page, "el.id === 'qb-sample-multiple-0'")
    page.keyboard.press("Space")
    tab_until(page, "el.id === 'qb-sample-multiple-2'")
    page.keyboard.press("Space")
    check_with_enter(page, "sample-multiple")
    expect(page.locator("#qb-sample-multiple .qb-feedback")).to_contain_text("Correct.")


def true_false(page: Page) -> None:
    """True or false: arrow keys between the two."""
    tab_until(page, "el.name === 'qb-sample-true-false'")
    press_until(
        page, "ArrowRight", lambda: page.locator("#qb-sample-true-false-false").is_checked()
    )
    check_with_enter(page, "sample-true-false")
    expect(page.locator("#qb-sample-true-false .qb-feedback")).to_contain_text("Correct.")


def ordering(page: Page) -> None:
    """Ordering: each drop-down takes its place by typing the number."""
    places = {"Goal": "1", "Reality": "2", "Options": "3", "Will": "4"}
    for _ in places:
        tab_until(
            page, "el.closest('#qb-sample-ordering') && el.tagName === 'SELECT' && el.value === ''"
        )
        item = str(active(page, "document.querySelector(`label[for='${el.id}']`).textContent"))
        page.keyboard.type(places[item])
        assert active(page, "el.value") == places[item]
    check_with_enter(page, "sample-ordering")
    expect(page.locator("#qb-sample-ordering .qb-feedback")).to_contain_text("Correct.")


def matching(page: Page) -> None:
    """Matching: arrow through each drop-down to the right description."""
    question = page.locator("#qb-sample-matching")
    for slot in range(3):
        select = question.locator("select").nth(slot)
        tab_until(page, f"el.id === 'qb-sample-matching-{slot}'")
        press_until(page, "ArrowDown", lambda s=select, n=slot: s.input_value() == str(n))
    check_with_enter(page, "sample-matching")
    expect(question.locator(".qb-feedback")).to_contain_text("Correct.")


def fill_in(page: Page) -> None:
    """Fill in the blank: type into the box, then Tab to Check."""
    tab_until(page, "el.id === 'qb-typed-grow-w-answer'")
    page.keyboard.type("will.")
    check_with_enter(page, "typed-grow-w")
    expect(page.locator("#qb-typed-grow-w .qb-feedback")).to_contain_text("Correct.")


KEYBOARD: dict[str, tuple[str, Callable[[Page], None]]] = {
    "single": ("quiz/", single),
    "multiple": ("quiz/", multiple),
    "true-false": ("quiz/", true_false),
    "ordering": ("quiz/", ordering),
    "matching": ("quiz/", matching),
    "fill-in": ("typed/", fill_in),
}
"""How each question type is answered with the keyboard alone, and the page its question is on
(tests/unit/test_question_types.py checks every registered type has one)."""


@pytest.mark.parametrize("name", KEYBOARD)
def test_each_question_type_with_the_keyboard_alone(
    page: Page, served_fixture_site: SiteServer, name: str
) -> None:
    where, answer = KEYBOARD[name]
    open_ready(page, served_fixture_site.url + where)
    answer(page)


def test_a_whole_quiz_with_the_keyboard_alone(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    for name in ("single", "multiple", "true-false", "ordering", "matching"):
        KEYBOARD[name][1](page)
    matching_question = page.locator("#qb-sample-matching")

    # The explanation opens from the keyboard too.
    tab_until(
        page, "el.tagName === 'SUMMARY' && el.closest('#qb-sample-matching')", key="Shift+Tab"
    )
    page.keyboard.press("Enter")
    expect(matching_question.locator("details.qb-answer")).to_have_attribute("open", "")

    # And the whole quiz is scored from the keyboard.
    tab_until(page, "el.dataset.qbAction === 'score'")
    page.keyboard.press("Enter")
    expect(page.locator(".qb-quiz__score")).to_contain_text("You scored 5 out of 6")

    # Everything chosen with the keyboard was saved as it was chosen.
    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(page.locator("#qb-sample-single-0")).to_be_checked()
    expect(page.locator("#qb-sample-true-false-false")).to_be_checked()
    expect(matching_question.locator("select").nth(2)).to_have_value("2")
    expect(page.locator(".qb-quiz__score")).to_contain_text("5 out of 6")


def test_the_self_assessment_with_the_keyboard_alone(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    items = block.locator("fieldset.qb-item")
    for index in range(items.count()):
        name = items.nth(index).get_attribute("id")
        tab_until(page, f"el.name === '{name}'")
        page.keyboard.press("ArrowRight")  # Sometimes
        if index % 4 == 0:
            page.keyboard.press("ArrowRight")  # Rarely
    tab_until(page, "el.dataset.qbAction === 'result' && el.closest('#qb-self-where-are-you-now')")
    page.keyboard.press("Enter")
    result = block.locator(".qb-self__result")
    expect(result).to_contain_text("You have a good base to build on")
    expect(result).to_contain_text("Usually 0, Sometimes 17, Rarely 6.")
    tab_until(page, "el.tagName === 'SUMMARY' && el.closest('.qb-chart__table')")
    page.keyboard.press("Enter")
    expect(block.locator(".qb-chart__table table")).to_be_visible()
    tab_until(page, "el.dataset.qbAction === 'self-csv'")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".csv")


def test_the_learners_records_with_the_keyboard_alone(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "tracks/01-one/")
    tab_until(page, "el.id === 'qb-reflection-t01-hopes-answer'")
    page.keyboard.type("Typed without a mouse.")
    expect(page.locator("#qb-reflection-t01-hopes .qb-reflection__status")).to_have_text(
        "Saved on this device."
    )
    tab_until(page, "el.dataset.qbAction === 'track-done'")
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Mark track 1 as done")).to_have_attribute(
        "aria-pressed", "true"
    )

    open_ready(page, site + "journal/")
    tab_until(page, "el.dataset.qbAction === 'journal-md'")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert "Typed without a mouse." in Path(download.value.path()).read_text(encoding="utf-8")

    open_ready(page, site + "your-data/")
    tab_until(page, "el.dataset.qbAction === 'data-clear'")
    page.keyboard.press("Enter")
    assert active(page, "el.value") == "yes"
    page.keyboard.press("Escape")
    assert active(page, "el.dataset.qbAction") == "data-clear"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert active(page, "el.value") == "no"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".qb-data__status")).to_have_text("Everything is deleted.")
    assert active(page, "el.dataset.qbAction") == "data-clear"
