"""WCAG 2.2 AA in Chromium: axe-core in every state our blocks can be in, and over the whole
page of three pages, in both colour schemes; reduced motion; reflow at 320 px; printing; live
regions. axe-core over every page, in both schemes and at 320 px, is in test_every_page.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import (
    answer_all_right,
    open_ready,
    put_in_order,
    rate_where_are_you_now,
    write_reflection,
)
from tests.browser.pages import axe_violations, with_axe
from tests.browser.test_storage_faults import STORAGE_OFF
from tests.browser.walk import SCHEMES
from tests.conftest import SiteServer


def scheme_page(browser: Browser, scheme: str, **options: object) -> tuple[Page, object]:
    """A page in a light or dark system colour scheme (the course's palette follows it)."""
    page, watch = open_page(
        browser, color_scheme=scheme, viewport={"width": 1280, "height": 900}, **options
    )
    return with_axe(page), watch


def assert_scheme(page: Page, scheme: str) -> None:
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]


def assert_axe_finds_nothing(
    browser: Browser, scheme: str, url: str, paths: list[str], within: str = "article"
) -> None:
    """Open each page in a colour scheme and run axe over a part of it; fail on anything it
    finds, on a console error or on a request that leaves the site."""
    page, watch = scheme_page(browser, scheme)
    violations: list[str] = []
    for path in paths:
        open_ready(page, url + path)
        assert_scheme(page, scheme)
        violations += axe_violations(page, within)
    page.context.close()
    assert not violations, "\n".join(violations)
    assert not watch.errors + watch.outside


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_the_theme_around_the_article(
    browser: Browser, served_real_site: SiteServer, scheme: str
) -> None:
    """The header, the search dialog, the navigation and the footer: the stylesheet and the
    script mend what the theme leaves short (a faint footer line, a dialog with no name)."""
    assert_axe_finds_nothing(
        browser,
        scheme,
        served_real_site.url,
        ["", "tracks/06-coaching/", "self-assessment/"],
        within="body",
    )


def check_every_question(page: Page) -> None:
    """Leave the quiz with right, wrong and missed marks, feedback and a score."""
    answer_all_right(page)
    page.locator("#qb-sample-single").get_by_label("Growth", exact=True).check()
    page.locator("#qb-sample-multiple").get_by_label("Tiredness").uncheck()
    put_in_order(page.locator("#qb-sample-ordering"), ["Reality", "Goal"])
    page.get_by_role("button", name="Show my score").click()
    page.locator("#qb-sample-single details.qb-answer").evaluate(
        "details => { details.open = true; }"
    )
    page.get_by_role("button", name="Show a hint (1 of 2)").click()


def review_one_question(page: Page, site: str) -> None:
    """Leave the review page with a question due, answered and checked."""
    open_ready(page, site + "review/")
    version = page.locator("#qb-sample-multiple").get_attribute("data-qb-version")
    page.evaluate(
        "record => localStorage.setItem('qb:v1:/:review:sample:sample-multiple', record)",
        f'{{"t": 1, "v": "{version}", "step": 0, "due": 1}}',
    )
    open_ready(page, site + "review/")
    page.locator("#qb-sample-multiple").get_by_label("Tiredness").check()
    page.locator("#qb-sample-multiple").get_by_role("button", name="Check answer").click()
    expect(page.locator("#qb-sample-multiple .qb-feedback__next")).to_be_visible()


def fill_the_record(page: Page, site: str) -> None:
    """Leave the course record with a name, a track done and a score."""
    open_ready(page, site + "record/")
    page.get_by_label("Your name").fill("Sam Star")
    page.get_by_label("Your name").press("Tab")
    expect(page.locator(".qb-record__status")).not_to_be_empty()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_any_state_of_our_blocks(
    browser: Browser, served_fixture_site: SiteServer, scheme: str
) -> None:
    site = served_fixture_site.url
    page, watch = scheme_page(browser, scheme)
    violations: list[str] = []

    open_ready(page, site + "quiz/")
    check_every_question(page)
    expect(page.locator(".qb-mark--missed")).to_have_count(1)
    violations += axe_violations(page)

    open_ready(page, site + "self/")
    rate_where_are_you_now(page, ["Usually", "Sometimes", "Rarely", "Rarely"])
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    rate_where_are_you_now(page, ["Sometimes"])
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    block = page.locator("#qb-self-scored")
    block.get_by_role("button", name="Show my result").click()  # unanswered: says so
    page.locator(".qb-chart__table").first.evaluate("details => { details.open = true; }")
    write_reflection(page, "self-before", "Fine.")
    violations += axe_violations(page)

    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "To listen.")
    page.get_by_role("button", name="Mark track 1 as done").click()
    violations += axe_violations(page)

    for path in ("", "journal/", "draw/"):
        open_ready(page, site + path)
        violations += axe_violations(page)

    review_one_question(page, site)
    violations += axe_violations(page)
    fill_the_record(page, site)
    expect(page.locator(".qb-record__quizzes tbody tr:visible")).to_have_count(1)
    violations += axe_violations(page)

    open_ready(page, site + "your-data/")
    page.get_by_role("button", name="Keep my work on this device").click()
    expect(page.locator(".qb-data__kept")).not_to_be_empty()
    page.get_by_role("button", name="Clear everything").click()
    violations += axe_violations(page)
    page.keyboard.press("Escape")
    expect(page.locator(".qb-data__status")).to_have_text("Nothing was deleted.")
    violations += axe_violations(page)
    page.context.close()
    assert not violations, "\n".join(violations)
    assert not watch.errors + watch.outside


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_in_the_notice_that_nothing_is_saved(
    browser: Browser, served_fixture_site: SiteServer, scheme: str
) -> None:
    page, _ = scheme_page(browser, scheme)
    page.context.add_init_script(STORAGE_OFF)
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(page.locator(".qb-notice:visible")).to_have_count(1)
    violations = axe_violations(page)
    page.context.close()
    assert not violations, "\n".join(violations)


def test_no_motion_from_our_styles_when_reduced_motion_is_asked_for(
    page: Page, served_fixture_site: SiteServer
) -> None:
    # What the learner gets. Material stops transitions as well; tests/unit/test_assets.py
    # checks that our stylesheet does so on its own.
    open_ready(page, served_fixture_site.url + "quiz/")
    moving = """() => [...document.querySelectorAll('[class*="qb-"]')].flatMap(el =>
        [getComputedStyle(el), getComputedStyle(el, '::before')]).filter(style =>
        style.transitionDuration.split(',').some(d => parseFloat(d) > 0) ||
        style.animationName !== 'none').length"""
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(moving) > 0, "nothing moves even without a preference: test is moot"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(moving) == 0


def test_our_blocks_reflow_at_320_pixels_when_filled_in(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    page, watch = open_page(browser, viewport={"width": 320, "height": 640})
    width = "document.documentElement.scrollWidth"
    violations = []
    open_ready(page, site + "quiz/")
    check_every_question(page)
    assert page.evaluate(width) <= 320
    violations += axe_violations(page)
    open_ready(page, site + "self/")
    rate_where_are_you_now(page, ["Sometimes", "Rarely"])
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    page.locator(".qb-chart__table").first.evaluate("details => { details.open = true; }")
    write_reflection(page, "self-before", "A-very-long-word-" * 12)
    assert page.evaluate(width) <= 320
    violations += axe_violations(page)
    for path in ("journal/", "", "draw/"):
        open_ready(page, site + path)
        assert page.evaluate(width) <= 320, path
        violations += axe_violations(page)
    review_one_question(page, site)
    fill_the_record(page, site)
    assert page.evaluate(width) <= 320
    violations += axe_violations(page)
    open_ready(page, site + "your-data/")
    assert page.evaluate(width) <= 320
    violations += axe_violations(page)
    page.get_by_role("button", name="Clear everything").click()
    assert page.evaluate(width) <= 320
    violations += axe_violations(page)
    page.context.close()
    assert not violations, "\n".join(violations)
    assert not watch.errors + watch.outside


def test_printing_shows_questions_answers_and_feedback_without_controls(
    page: Page, served_fixture_site: SiteServer
) -> None:
    # The theme opens every details element for printing and closes it after; our stylesheet
    # leaves the controls out.
    open_ready(page, served_fixture_site.url + "quiz/")
    check_every_question(page)
    page.locator("#qb-sample-single details.qb-answer").evaluate(
        "details => { details.open = false; }"
    )
    page.locator("#qb-sample-matching details").evaluate("details => { details.open = true; }")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("[...document.querySelectorAll('article details')].every(d => d.open)")
    assert page.locator(".qb-quiz .qb-button").count() == 16  # with a hint's
    assert page.evaluate(
        "[...document.querySelectorAll('.qb-button, .qb-order__moves')].every(b => "
        "getComputedStyle(b).display === 'none')"
    )
    expect(page.locator("#qb-sample-single input[value='1']")).to_be_visible()
    expect(page.locator("#qb-sample-single input[value='1']")).to_be_checked()
    expect(page.locator("#qb-sample-single .qb-feedback")).to_be_visible()
    expect(page.locator("#qb-sample-single .qb-mark")).to_have_text("Wrong")
    expect(page.locator(".qb-quiz__score")).to_be_visible()
    expect(page.locator("#qb-sample-single .qb-answer__explanation")).to_be_visible()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    # Back as the learner left them: what was closed is closed, what was open stays open.
    assert not page.locator("#qb-sample-single details.qb-answer").evaluate("d => d.open")
    assert page.locator("#qb-sample-matching details").evaluate("d => d.open")
    expect(page.locator(".qb-quiz__actions .qb-button").first).to_be_visible()


def test_answers_held_back_on_screen_are_printed(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(page.locator("details.qb-answer:visible")).to_have_count(0)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("details.qb-answer:visible")).to_have_count(6)
    expect(page.locator("#qb-sample-ordering .qb-answer__sequence")).to_be_visible()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(page.locator("details.qb-answer:visible")).to_have_count(0)


def test_results_and_saves_are_announced_in_live_regions(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    regions = {
        "quiz/": [".qb-feedback", ".qb-quiz__score"],
        "self/": [".qb-self__result", ".qb-reflection__status"],
        "tracks/01-one/": [".qb-track-done__status", ".qb-reflection__status"],
        "your-data/": [".qb-data__status", ".qb-data__kept"],
        "review/": [".qb-review__status", ".qb-feedback", ".qb-hints__list"],
        "record/": [".qb-record__status"],
    }
    for path, selectors in regions.items():
        open_ready(page, site + path)
        for selector in selectors:
            region = page.locator(selector).first
            expect(region).to_have_attribute("aria-live", "polite")
            expect(region).to_be_attached()
