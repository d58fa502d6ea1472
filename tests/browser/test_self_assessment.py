"""Self-assessments in Chromium: every band, the tie rule, totals, and unanswered items."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import open_ready
from tests.conftest import SiteServer

BANDS = {
    "usually": "You are probably already an effective coach or mentor",
    "sometimes": "You have a good base to build on",
    "rarely": "You have plenty of room to develop",
}


def rate(block: Locator, answers: list[str]) -> None:
    """Rate each item in turn with the given scale points, by clicking their labels."""
    items = block.locator("fieldset.qb-item")
    assert items.count() == len(answers)
    for index, answer in enumerate(answers):
        items.nth(index).get_by_label(answer.capitalize(), exact=True).check()


def where(page: Page) -> Locator:
    return page.locator("#qb-self-where-are-you-now")


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        (["usually"] * 23, "usually"),
        (["usually"] * 10 + ["sometimes"] * 12 + ["rarely"], "sometimes"),
        (["rarely"] * 12 + ["usually"] * 11, "rarely"),
        # A tie between Usually and Sometimes gives the lower-scoring band.
        (["usually"] * 11 + ["sometimes"] * 11 + ["rarely"], "sometimes"),
        # A three-way near tie: Sometimes and Rarely tie for most, so Rarely.
        (["usually"] * 7 + ["sometimes"] * 8 + ["rarely"] * 8, "rarely"),
    ],
)
def test_each_band_of_where_are_you_now(
    page: Page, served_fixture_site: SiteServer, answers: list[str], band: str
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = where(page)
    rate(block, answers)
    block.get_by_role("button", name="Show my result").click()
    result = block.locator(".qb-self__result")
    expect(result.locator(".qb-self__band")).to_have_text(f"Your result: {BANDS[band]}")
    counts = {point: answers.count(point) for point in ("usually", "sometimes", "rarely")}
    expect(result.locator(".qb-self__tally")).to_have_text(
        f"Your answers: Usually {counts['usually']}, Sometimes {counts['sometimes']}, "
        f"Rarely {counts['rarely']}."
    )
    expect(result).to_have_attribute("aria-live", "polite")


def test_the_result_waits_for_every_item(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = where(page)
    items = block.locator("fieldset.qb-item")
    for index in range(23):
        if index not in (4, 17, 20):
            items.nth(index).get_by_label("Usually", exact=True).check()
    block.get_by_role("button", name="Show my result").click()
    message = "You have answered 20 of 23. Answer the other 3 to see your result."
    expect(block.locator(".qb-self__result")).to_have_text(message)
    expect(items.nth(4).get_by_label("Usually", exact=True)).to_be_focused()
    # Each unanswered statement is marked; the first, where the learner now is, says it all.
    marks = block.locator(".qb-item__missing")
    expect(marks).to_have_text(
        [f"Not answered yet. {message}", "Not answered yet.", "Not answered yet."]
    )
    expect(items.nth(4).locator(".qb-item__missing")).to_be_in_viewport()
    items.nth(17).get_by_label("Rarely", exact=True).check()
    expect(marks).to_have_count(2)
    expect(items.nth(17).locator(".qb-item__missing")).to_have_count(0)


def test_a_live_count_of_the_statements_answered(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = where(page)
    counter = block.locator(".qb-self__answered")
    expect(counter).to_have_text("0 of 23 answered")
    expect(counter).to_have_attribute("aria-live", "polite")
    items = block.locator("fieldset.qb-item")
    for index in range(17):
        items.nth(index).get_by_label("Sometimes", exact=True).check()
    expect(counter).to_have_text("17 of 23 answered")
    items.nth(0).get_by_label("Usually", exact=True).check()  # a change is not another answer
    expect(counter).to_have_text("17 of 23 answered")
    page.reload()
    open_ready(page, served_fixture_site.url + "self/")
    expect(counter).to_have_text("17 of 23 answered")
    block.get_by_role("button", name="Start again").click()
    expect(counter).to_have_text("0 of 23 answered")


def test_each_development_priority_links_to_the_track_that_teaches_it(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = where(page)
    rate(block, ["rarely", "rarely", "rarely"] + ["usually"] * 20)
    block.get_by_role("button", name="Show my result").click()
    priorities = block.locator(".qb-self__priorities li")
    expect(priorities).to_have_text(
        [
            "build rapport and keep communication open? Taught in Track 1: The first track.",
            "win acceptance of, and commitment to, the goals you agree for performance? "
            "Taught in Track 2: The second track.",
            "explain ideas, techniques and facts clearly?",
        ]
    )
    link = priorities.nth(1).get_by_role("link", name="Track 2: The second track")
    assert str(link.evaluate("a => a.href")).endswith("/tracks/02-two/")


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        (["often", "often"], "High"),
        (["often", "seldom"], "High"),
        (["seldom", "seldom"], "Low"),
    ],
)
def test_a_total_score_self_assessment(
    page: Page, served_fixture_site: SiteServer, answers: list[str], band: str
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = page.locator("#qb-self-scored")
    rate(block, answers)
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-self__band")).to_have_text(f"Your result: {band}")


def test_start_again_clears_the_ratings(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = where(page)
    rate(block, ["usually"] * 23)
    block.get_by_role("button", name="Show my result").click()
    block.get_by_role("button", name="Start again").click()
    expect(block.locator("input:checked")).to_have_count(0)
    expect(block.locator(".qb-self__result")).to_have_text("")
