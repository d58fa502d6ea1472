"""Small helpers for driving pages the way a learner does."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page


def open_ready(page: Page, url: str) -> None:
    """Open a page and wait until its quizzes are interactive."""
    page.goto(url)
    page.wait_for_function("() => !!(window.quizbank && window.quizbank.loaded)")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.qb-quiz, .qb-self')]"
        ".every(block => block.dataset.qbReady === 'true')")


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
