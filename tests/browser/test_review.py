"""Review over days (issue 12, section 1): a question missed anywhere comes back on the review
page the next day, then after 3, 7, 16 and 35 days while it is answered right; a wrong answer
sends it back to the start; a reworded question leaves the queue. Time is moved with
Playwright's clock, in London."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import PREFIX, active, open_ready, stored
from tests.conftest import EditableSite, SiteServer

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2025, 5, day, hour, 0, tzinfo=LONDON)


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


@pytest.fixture
def clocked(browser: Browser) -> Iterator[Page]:
    """A page whose clock says 1 May 2025, 10:00 in London, until a test moves it."""
    page, watch = open_page(browser, timezone_id="Europe/London")
    page.context.clock.set_fixed_time(at(1, 10))
    yield page
    page.context.close()
    assert not watch.errors + watch.outside, watch.errors + watch.outside


def miss_on_the_track_page(page: Page, site: str) -> None:
    open_ready(page, site + "tracks/01-one/")
    single = page.locator("#qb-sample-single")
    single.get_by_label("Growth", exact=True).check()
    single.get_by_role("button", name="Check answer").click()
    expect(single.locator(".qb-feedback")).to_contain_text("Not quite.")


def seed_review(page: Page, question: str, **record: object) -> None:
    """Put a question in the queue as a stored record, with its version from the review page."""
    version = page.locator(f"#qb-{question}").get_attribute("data-qb-version")
    bank = "typed" if question.startswith("typed") else "sample"
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
        [f"{PREFIX}review:{bank}:{question}", {"t": 1, "v": version, "step": 0, **record}],
    )


def test_a_question_missed_on_a_track_page_is_due_the_next_day_and_a_right_answer_spaces_it(
    clocked: Page, served_fixture_site: SiteServer
) -> None:
    page, site = clocked, served_fixture_site.url
    miss_on_the_track_page(page, site)
    record = stored(page)["review:sample:sample-single"]
    assert (record["step"], record["due"]) == (0, ms(datetime(2025, 5, 2, tzinfo=LONDON)))

    open_ready(page, site)
    expect(page.locator(".qb-progress__review")).to_have_text("No questions to review today.")
    open_ready(page, site + "review/")
    status = page.locator(".qb-review__status")
    expect(status).to_contain_text("Nothing to review today.")
    expect(status).to_contain_text("The next is due on 2 May 2025.")
    expect(page.locator(".qb-review .qb-question:visible")).to_have_count(0)

    page.context.clock.set_fixed_time(at(2))
    open_ready(page, site)
    expect(page.locator(".qb-progress__review")).to_have_text("1 question to review today.")
    open_ready(page, site + "review/")
    expect(status).to_have_text("1 question to review today.")
    question = page.locator(".qb-review .qb-question:visible")
    expect(question).to_have_count(1)
    expect(question).to_have_id("qb-sample-single")
    expect(question.locator(".qb-question__number")).to_have_text("Question 1 of 1")
    question.get_by_label("Goal", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    feedback = question.locator(".qb-feedback")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text("GROW stands for Goal")  # the usual explanation
    expect(feedback.locator(".qb-feedback__next")).to_have_text(
        "It comes back for review on 5 May 2025."
    )
    expect(status).to_have_text("That is everything due today. The next is due on 5 May 2025.")
    record = stored(page)["review:sample:sample-single"]
    assert (record["step"], record["n"], record["ok"]) == (1, 1, 1)
    assert record["due"] == ms(datetime(2025, 5, 5, tzinfo=LONDON))
    assert "answer:sample:sample-single" in stored(page)  # the track page's answer is kept

    page.reload()
    open_ready(page, site + "review/")
    expect(page.locator(".qb-review .qb-question:visible")).to_have_count(0)

    # Three days on it is due again; a wrong answer sends it back to the next day.
    page.context.clock.set_fixed_time(at(5, 20))
    open_ready(page, site + "review/")
    question.get_by_label("Guidance", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    expect(feedback.locator(".qb-feedback__next")).to_have_text(
        "It comes back for review on 6 May 2025."
    )
    # Only the first answer in a visit counts.
    question.get_by_label("Goal", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    record = stored(page)["review:sample:sample-single"]
    assert (record["step"], record["n"], record["ok"]) == (0, 2, 1)


def test_after_five_right_answers_in_review_a_question_leaves(
    clocked: Page, served_fixture_site: SiteServer
) -> None:
    page, site = clocked, served_fixture_site.url
    open_ready(page, site + "review/")
    seed_review(page, "sample-true-false", step=4, due=ms(at(1, 0)), n=4, ok=4)
    page.reload()
    open_ready(page, site + "review/")
    question = page.locator("#qb-sample-true-false")
    question.get_by_label("False", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".qb-feedback__next")).to_have_text(
        "Right at five reviews in a row: it leaves your review."
    )
    expect(page.locator(".qb-review__status")).to_have_text("That is everything due today.")
    assert stored(page)["review:sample:sample-true-false"]["left"] == ms(at(1, 10))
    open_ready(page, site)
    expect(page.locator(".qb-progress__review")).to_have_text("No questions to review today.")


def test_due_questions_come_a_few_at_a_time(clocked: Page, served_fixture_site: SiteServer) -> None:
    page, site = clocked, served_fixture_site.url
    open_ready(page, site + "review/")
    for minutes, question in enumerate(("sample-multiple", "typed-grow-w", "sample-ordering")):
        seed_review(page, question, due=ms(at(1, 0)) + minutes)
    page.reload()
    open_ready(page, site + "review/")
    shown = page.locator(".qb-review .qb-question:visible")
    expect(shown).to_have_count(2)  # the fixture page shows two at a time
    expect(page.locator(".qb-review__status")).to_have_text("3 questions to review today.")
    assert shown.evaluate_all("qs => qs.map(q => q.id)") == [
        "qb-sample-multiple",
        "qb-typed-grow-w",
    ]
    typed = page.locator("#qb-typed-grow-w")
    typed.get_by_label("Your answer").fill("Will")
    typed.get_by_role("button", name="Check answer").click()
    expect(page.locator(".qb-review__status")).to_have_text("2 questions to review today.")
    next_button = page.get_by_role("button", name="Next questions")
    next_button.focus()
    page.keyboard.press("Enter")
    expect(shown).to_have_count(2)
    assert shown.evaluate_all("qs => qs.map(q => q.id)") == [
        "qb-sample-multiple",
        "qb-sample-ordering",
    ]
    assert active(page, "el.closest('.qb-question').id") == "qb-sample-multiple"
    expect(next_button).to_be_hidden()


def test_a_shown_answer_joins_the_queue(clocked: Page, served_fixture_site: SiteServer) -> None:
    page, site = clocked, served_fixture_site.url
    open_ready(page, site + "quiz/")
    version = page.locator("#qb-sample-ordering").get_attribute("data-qb-version")
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
        [
            PREFIX + "answer:sample:sample-ordering",
            {"t": ms(at(1, 9)), "v": version, "a": ["1", "2", "3", "4"], "shown": True},
        ],
    )
    open_ready(page, site)
    record = stored(page)["review:sample:sample-ordering"]
    assert (record["v"], record["step"]) == (version, 0)
    assert record["due"] == ms(datetime(2025, 5, 2, tzinfo=LONDON))
    open_ready(page, site + "quiz/")  # and only once
    assert stored(page)["review:sample:sample-ordering"]["t"] == record["t"]


def test_a_reworded_question_leaves_the_queue(page: Page, editable_site: EditableSite) -> None:
    open_ready(page, editable_site.url + "review/")
    seed_review(page, "sample-single", due=1)
    seed_review(page, "sample-multiple", due=1)
    editable_site.edit(
        "quizzes/sample.yml",
        "text: In the GROW model, what does the **G** stand for?",
        "text: In GROW, what does the **G** stand for?",
    )
    page.reload()
    open_ready(page, editable_site.url + "review/")
    expect(page.locator(".qb-review .qb-question:visible")).to_have_count(1)
    expect(page.locator(".qb-review__status")).to_have_text("1 question to review today.")
    assert "review:sample:sample-single" not in stored(page)
    assert "review:sample:sample-multiple" in stored(page)


def test_the_review_record_and_data_pages_work_after_instant_navigation(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    miss_on_the_track_page(page, site)
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    page.locator(".md-nav").get_by_role("link", name="Review").click()
    page.wait_for_url("**/review/")
    expect(page.locator(".qb-review__status")).to_contain_text("The next is due on")
    page.locator(".md-nav").get_by_role("link", name="My course record").click()
    page.wait_for_url("**/record/")
    expect(page.locator(".qb-record__review")).to_have_text(
        "0 answers in review; 1 question waiting."
    )
    page.locator(".md-nav").get_by_role("link", name="Your data").click()
    page.wait_for_url("**/your-data/")
    expect(page.locator('.qb-data tr[data-qb-kind="review"] td').first).to_have_text("1")
    expect(page.get_by_role("button", name="Keep my work on this device")).to_be_visible()
    assert page.evaluate("() => window.stillTheSameDocument === true"), (
        "a page reloaded: instant navigation did not happen"
    )
    fetched = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".filter(entry => entry.name.includes('/quizbank-pages.')).length"
    )
    assert fetched == 1, "the page script is fetched once"
