"""Small helpers for driving pages the way a learner does."""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

PREFIX = "qb:v1:/:"
"""Where the fixture course, served at the root of its host, keeps the learner's work."""


def open_ready(page: Page, url: str) -> None:
    """Open a page and wait until its quizzes are interactive."""
    page.goto(url)
    page.wait_for_function("() => !!(window.quizbank && window.quizbank.loaded)")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.qb-quiz, .qb-self')]"
        ".every(block => block.dataset.qbReady === 'true')"
    )


def seed(page: Page, site: str, records: dict[str, object]) -> None:
    """Put records straight into storage (as a damaged or hostile store would hold them)."""
    open_ready(page, site + "plain/")
    page.evaluate(
        """([prefix, records]) => Object.entries(records).forEach(([key, value]) =>
            localStorage.setItem(prefix + key,
                typeof value === "string" ? value : JSON.stringify(value)))""",
        [PREFIX, records],
    )


def watch_requests(page: Page) -> list[str]:
    """Collect the address of every request the page makes from now on."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


def active(page: Page, expression: str) -> object:
    """Evaluate an expression about the focused element (`el`)."""
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def tab_until(page: Page, condition: str, limit: int = 150, key: str = "Tab") -> None:
    """Press Tab until the focused element (`el`) meets a condition."""
    for _ in range(limit):
        if active(page, condition):
            return
        page.keyboard.press(key)
    raise AssertionError(f"never reached an element where {condition} by pressing {key}")


def press_until(page: Page, key: str, done: Callable[[], bool], limit: int = 20) -> None:
    """Press a key until a condition holds."""
    for _ in range(limit):
        if done():
            return
        page.keyboard.press(key)
    assert done(), f"pressing {key} {limit} times did not get there"


def stored(page: Page, prefix: str = PREFIX) -> dict[str, object]:
    """Return what is stored under a prefix of localStorage, by key without the prefix, parsed."""
    raw = page.evaluate(
        """prefix => Object.fromEntries(Object.keys(localStorage)
        .filter(key => key.startsWith(prefix)).map(key => [key, localStorage.getItem(key)]))""",
        prefix,
    )
    return {key[len(prefix) :]: json.loads(value) for key, value in raw.items()}


def put_in_order(question: Locator, items: list[str]) -> None:
    """Move an ordering question's items into an order, top first, with their Move up buttons."""
    for place, text in enumerate(items):
        shown = question.locator(".qb-order__text").all_text_contents()
        for _ in range(shown.index(text) - place):
            item = question.locator(".qb-order__item").filter(has_text=text)
            item.get_by_role("button", name="Move up").click()
    assert question.locator(".qb-order__text").all_text_contents()[: len(items)] == items


def match(question: Locator, item: str, description: str) -> None:
    """Choose, for a matching question's item, the letter of a description."""
    question.get_by_role("group", name=item, exact=True).get_by_label(description).check()


def answer_all_right(page: Page) -> None:
    """Answer every question of the fixture's sample quiz correctly (without checking)."""
    question = page.locator
    question("#qb-sample-single").get_by_label("Goal", exact=True).check()
    multiple = question("#qb-sample-multiple")
    multiple.get_by_label("Lack of confidence").check()
    multiple.get_by_label("Tiredness").check()
    question("#qb-sample-true-false").get_by_label("False", exact=True).check()
    put_in_order(question("#qb-sample-ordering"), ["Goal", "Reality", "Options", "Will"])
    matching = question("#qb-sample-matching")
    for item, description in (
        ("Initial review", "Sets a baseline"),
        ("Formative review", "Tracks progress along the way"),
        ("Summative review", "Sums up what was achieved"),
    ):
        match(matching, item, description)
    question("#qb-sample-unsafe").get_by_label("Plain", exact=True).check()


def write_reflection(page: Page, reflection_id: str, text: str) -> None:
    """Type an answer to a reflection and wait until it says it is saved."""
    box = page.locator(f"#qb-reflection-{reflection_id}")
    box.locator("textarea").fill(text)
    expect(box.locator(".qb-reflection__status")).to_have_text("Saved on this device.")


def rate_where_are_you_now(page: Page, pattern: list[str]) -> None:
    """Rate the 23 items of the fixture's self-assessment, repeating a pattern of points."""
    items = page.locator("#qb-self-where-are-you-now fieldset.qb-item")
    for index in range(items.count()):
        items.nth(index).get_by_label(pattern[index % len(pattern)], exact=True).check()
