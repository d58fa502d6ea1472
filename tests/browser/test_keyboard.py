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
    shown = page.locator("#qb-sample-single input").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    tab_until(page, "el.name === 'qb-sample-single'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"#qb-sample-single input[value='{shown[2]}']")).to_be_checked()
    expect(feedback).to_have_text("")
    press_until(
        page, "ArrowUp", lambda: page.locator("#qb-sample-single input[value='0']").is_checked()
    )
    expect(feedback).to_have_text("")
    check_with_enter(page, "sample-single")
    expect(feedback).to_contain_text("Correct.")


def multiple(page: Page) -> None:
    """Multiple response: Tab between checkboxes, Space to tick."""
    tab_until(page, "el.name === 'qb-sample-multiple' && el.value === '0'")
    page.keyboard.press("Space")
    tab_until(page, "el.name === 'qb-sample-multiple' && el.value === '2'")
    page.keyboard.press("Space")
    check_with_enter(page, "sample-multiple")
    expect(page.locator("#qb-sample-multiple .qb-feedback")).to_contain_text("Correct.")


def true_false(page: Page) -> None:
    """True or false: arrow keys between the two."""
    tab_until(page, "el.name === 'qb-sample-true-false'")
    press_until(
        page,
        "ArrowRight",
        lambda: page.locator("#qb-sample-true-false input[value='false']").is_checked(),
    )
    check_with_enter(page, "sample-true-false")
    expect(page.locator("#qb-sample-true-false .qb-feedback")).to_contain_text("Correct.")


def tab_counting(page: Page, condition: str, limit: int = 60) -> int:
    """Press Tab until the focused element (`el`) meets a condition; return the presses."""
    for presses in range(limit):
        if active(page, condition):
            return presses
        page.keyboard.press("Tab")
    raise AssertionError(f"never reached an element where {condition} by pressing Tab")


ORDERING_BUDGET = 10
"""Key presses to put the fixture's four items in order and check them, from the list's first
stop: each item is one stop for Tab, and the button pressed keeps the focus as its item
moves. Four drop-downs took more (each opened, arrowed through and closed), and let two
items take one place."""


def ordering(page: Page) -> None:
    """Ordering: Tab to the item that comes next, the arrow keys to its Move up button if need
    be, and Enter until it is in place."""
    question = page.locator("#qb-sample-ordering")
    tab_until(page, "el.closest('#qb-sample-ordering .qb-order')")
    presses = 0
    for place, item in enumerate(("Goal", "Reality", "Options", "Will")):
        shown = question.locator(".qb-order__text").all_text_contents()
        if shown.index(item) == place:
            continue
        presses += tab_counting(
            page,
            "el.closest('#qb-sample-ordering .qb-order') && "
            f"el.closest('.qb-order__item').textContent.startsWith({item!r})",
        )
        if active(page, "el.dataset.qbAction") != "move-up":
            page.keyboard.press("ArrowLeft")
            presses += 1
        for _ in range(shown.index(item) - place):
            page.keyboard.press("Enter")
            presses += 1
        assert active(page, "el.closest('.qb-order__item').textContent").startswith(item)
    presses += tab_counting(
        page, "el.closest('#qb-sample-ordering') && el.dataset.qbAction === 'check'"
    )
    page.keyboard.press("Enter")
    expect(question.locator(".qb-feedback")).to_contain_text("Correct.")
    assert presses + 1 <= ORDERING_BUDGET, f"{presses + 1} key presses"


def test_an_orderings_move_buttons_are_one_stop_with_arrows_between_them(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    tab_until(page, "el.closest('#qb-sample-ordering .qb-order')")
    # The first item cannot go up: its stop is Move down.
    assert active(page, "el.textContent") == "Move down"
    page.keyboard.press("ArrowLeft")
    assert active(page, "el.textContent") == "Move up"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # the first item goes down, the button with it
    assert active(page, "el.closest('.qb-order__item').dataset.qbSlot") == "1"
    page.keyboard.press("Shift+Tab")  # to the item now first, which cannot go up
    assert active(page, "el.textContent") == "Move down"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert active(page, "el.closest('.qb-order__item').dataset.qbSlot") == "2"


def matching(page: Page) -> None:
    """Matching: Tab into each item's letters, Space for the first, arrows to the right one."""
    question = page.locator("#qb-sample-matching")
    for slot in range(3):
        tab_until(page, f"el.name === 'qb-sample-matching-{slot}'")
        page.keyboard.press("Space")
        group = question.locator(f"li[data-qb-slot='{slot}']")
        press_until(
            page,
            "ArrowRight",
            lambda g=group, n=slot: g.locator("input:checked").get_attribute("value") == str(n),
        )
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

    # And the whole quiz is scored from the keyboard: unfinished, then finished.
    tab_until(page, "el.dataset.qbAction === 'score'")
    page.keyboard.press("Enter")
    expect(page.locator(".qb-quiz__score")).to_contain_text("Not finished. 1 of 6 questions")
    tab_until(page, "el.name === 'qb-sample-unsafe'", key="Shift+Tab")
    press_until(
        page, "ArrowDown", lambda: page.locator("#qb-sample-unsafe input[value='1']").is_checked()
    )
    tab_until(page, "el.dataset.qbAction === 'score'")
    page.keyboard.press("Enter")
    expect(page.locator(".qb-quiz__score")).to_contain_text("Passed. You scored 6 out of 6")

    # Everything chosen with the keyboard was saved as it was chosen.
    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(page.locator("#qb-sample-single input[value='0']")).to_be_checked()
    expect(page.locator("#qb-sample-true-false input[value='false']")).to_be_checked()
    expect(matching_question.locator("li[data-qb-slot='2'] input:checked")).to_have_value("2")
    expect(page.locator(".qb-quiz__score")).to_contain_text("6 out of 6")


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
    expect(page.get_by_role("button", name="Done: track 1")).to_have_attribute(
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
