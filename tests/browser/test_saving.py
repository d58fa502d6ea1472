"""Saving: the learner's work survives reloads, instant navigation, closing the browser and
days away; saved answers follow question ids, and a changed question drops only its own."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import (
    answer_all_right,
    open_ready,
    rate_where_are_you_now,
    stored,
    write_reflection,
)
from tests.conftest import EditableSite, SiteServer

LONDON = ZoneInfo("Europe/London")
QUESTIONS = [
    "sample-single",
    "sample-multiple",
    "sample-true-false",
    "sample-ordering",
    "sample-matching",
    "sample-unsafe",
]


def chosen(page: Page) -> dict[str, list[str]]:
    """Return what each question of the page shows as chosen: checked values, or an ordering's
    items in the order they stand once the learner has moved them."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '.qb-question')].map(q => [q.dataset.qbQuestion, q.querySelector('.qb-order')
        ? (q.querySelector('.qb-order[data-qb-moved]')
            ? [...q.querySelectorAll('.qb-order__item')].map(i => i.dataset.qbItem) : [])
        : [...q.querySelectorAll('input:checked')].map(i => i.value)]))""")


def test_every_answer_is_saved_by_question_id_and_survives_a_reload(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    before = chosen(page)
    assert all(before.values())
    saved = stored(page)
    assert sorted(key for key in saved if key.startswith("answer:")) == sorted(
        f"answer:sample:{question}" for question in QUESTIONS
    )
    for question in QUESTIONS:
        version = page.locator(f"#qb-{question}").get_attribute("data-qb-version")
        record = saved[f"answer:sample:{question}"]
        assert record["v"] == version
        assert record["a"] == before[question]
        assert isinstance(record["t"], int)
    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    assert chosen(page) == before


def test_checked_answers_and_the_scores_come_back(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, watch = open_page(browser, timezone_id="Europe/London")
    page.context.clock.set_fixed_time(datetime(2025, 5, 1, 23, 30, tzinfo=LONDON))
    open_ready(page, served_fixture_site.url + "quiz/")
    single = page.locator("#qb-sample-single")
    single.get_by_label("Growth", exact=True).check()
    single.get_by_role("button", name="Check answer").click()
    page.locator("#qb-sample-true-false").get_by_label("False", exact=True).check()
    page.get_by_role("button", name="Show my score").click()
    page.get_by_role("button", name="Start again").click()
    assert not [key for key in stored(page) if key.startswith("score:")]  # not finished
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Passed. You scored 6 out of 6 (100%); the pass mark is 60%."
    )
    page.get_by_role("button", name="Start again").click()
    answer_all_right(page)
    single.get_by_label("Guidance", exact=True).check()
    single.get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Passed. You scored 5 out of 6 (83%); the pass mark is 60%. Your best: 6 out of 6 (100%)."
    )
    score = stored(page)["score:sample:quiz/"]
    assert (score["best"]["right"], score["last"]["right"]) == (6, 5)

    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(single.get_by_label("Guidance", exact=True)).to_be_checked()
    expect(single.locator(".qb-feedback__verdict")).to_have_text("Not quite.")
    expect(single.locator("[data-qb-option='2'] .qb-mark")).to_have_text("Wrong")
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Your last score, on 1 May 2025: 5 out of 6 (83%). Your best: 6 out of 6 (100%)."
    )
    page.context.close()
    assert not watch.errors + watch.outside


def test_start_again_forgets_the_saved_answers_but_keeps_the_scores(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    page.get_by_role("button", name="Start again").click()
    assert sorted(stored(page)) == ["attempt:sample:quiz/", "score:sample:quiz/"]
    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    assert not any(chosen(page).values())


def test_the_self_assessment_ratings_and_result_come_back(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    rate_where_are_you_now(page, ["Usually", "Sometimes", "Rarely"])
    block = page.locator("#qb-self-where-are-you-now")
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-self__band")).to_have_text(
        "Your result: You have a good base to build on"
    )
    page.reload()
    open_ready(page, served_fixture_site.url + "self/")
    expect(block.locator("#qb-wayn-rapport-usually")).to_be_checked()
    expect(block.locator("#qb-wayn-commitment-sometimes")).to_be_checked()
    expect(block.locator(".qb-self__band")).to_have_text(
        "Your result: You have a good base to build on"
    )
    expect(block.locator(".qb-self__history tbody tr")).to_have_count(1)


def test_answers_and_reflections_survive_instant_navigation(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "tracks/01-one/")
    page.wait_for_load_state("networkidle")  # instant navigation starts once it has the sitemap
    page.evaluate("() => { window.stillTheSameDocument = true; }")
    page.locator("#qb-sample-single").get_by_label("Goal", exact=True).check()
    # Leave straight after typing, before the pause that saves it.
    page.locator("#qb-reflection-t01-hopes textarea").fill("To listen better.")
    page.locator(".md-nav").get_by_role("link", name="My journal").click()
    page.wait_for_url("**/journal/")
    entry = page.locator(".qb-journal__entry")
    expect(entry.locator(".qb-journal__text")).to_have_text("To listen better.")
    expect(page.locator(".qb-journal__group")).to_have_text("Track 1: The first track")
    page.locator(".md-nav").get_by_role("link", name="Track one").click()
    page.wait_for_url("**/tracks/01-one/")
    expect(page.locator("#qb-sample-single input[value='0']")).to_be_checked()
    expect(page.locator("#qb-reflection-t01-hopes textarea")).to_have_value("To listen better.")
    assert page.evaluate("() => window.stillTheSameDocument === true"), (
        "the page reloaded: instant navigation did not happen"
    )


def test_a_reworded_question_drops_only_its_own_saved_answer(
    page: Page, editable_site: EditableSite
) -> None:
    open_ready(page, editable_site.url + "quiz/")
    answer_all_right(page)
    before = chosen(page)
    editable_site.edit(
        "quizzes/sample.yml",
        "text: In the GROW model, what does the **G** stand for?",
        "text: In GROW, what does the **G** stand for?",
    )
    page.reload()
    open_ready(page, editable_site.url + "quiz/")
    after = chosen(page)
    assert after["sample-single"] == []
    assert {q: a for q, a in after.items() if q != "sample-single"} == {
        q: a for q, a in before.items() if q != "sample-single"
    }
    assert "answer:sample:sample-single" not in stored(page)
    assert len([key for key in stored(page) if key.startswith("answer:")]) == len(QUESTIONS) - 1


def test_rewording_feedback_keeps_the_saved_answer(page: Page, editable_site: EditableSite) -> None:
    open_ready(page, editable_site.url + "quiz/")
    answer_all_right(page)
    editable_site.edit(
        "quizzes/sample.yml",
        "explanation: GROW stands for Goal",
        "explanation: As a reminder, GROW stands for Goal",
    )
    page.reload()
    open_ready(page, editable_site.url + "quiz/")
    expect(page.locator("#qb-sample-single input[value='0']")).to_be_checked()


def test_an_inserted_question_shifts_no_saved_answer(
    page: Page, editable_site: EditableSite
) -> None:
    open_ready(page, editable_site.url + "quiz/")
    answer_all_right(page)
    before = chosen(page)
    editable_site.edit(
        "quizzes/sample.yml",
        "questions:\n",
        "questions:\n"
        "  - id: sample-new\n    type: true-false\n    text: A new first question."
        "\n    answer: true\n",
    )
    page.reload()
    open_ready(page, editable_site.url + "quiz/")
    expect(page.locator(".qb-question__number").first).to_have_text("Question 1 of 7")
    after = chosen(page)
    assert after.pop("sample-new") == []
    assert after == before


def test_days_later_everything_is_as_it_was_left(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    first, watch = open_page(browser, timezone_id="Europe/London")
    first.context.clock.set_fixed_time(datetime(2025, 3, 3, 10, 0, tzinfo=LONDON))
    open_ready(first, site + "quiz/")
    answer_all_right(first)
    first.locator("#qb-sample-single").get_by_role("button", name="Check answer").click()
    first.get_by_role("button", name="Show my score").click()
    open_ready(first, site + "tracks/01-one/")
    write_reflection(first, "t01-doubts", "Saying the wrong thing.")
    write_reflection(first, "t01-hopes", "To listen better.\nAnd to ask.")
    first.get_by_role("button", name="Mark track 1 as done").click()
    open_ready(first, site + "tracks/02-two/")
    write_reflection(first, "t02-listening", "My manager, last week.")
    open_ready(first, site + "self/")
    rate_where_are_you_now(first, ["Rarely"])
    first.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    write_reflection(first, "self-before", "Uneasy.")
    state = first.context.storage_state()
    first.context.close()  # the browser is closed
    assert not watch.errors + watch.outside

    later, watch = open_page(browser, storage_state=state, timezone_id="Europe/London")
    later.context.clock.set_fixed_time(datetime(2025, 3, 8, 9, 30, tzinfo=LONDON))
    open_ready(later, site + "quiz/")
    assert all(chosen(later).values())
    expect(later.locator("#qb-sample-single .qb-feedback__verdict")).to_have_text("Correct.")
    expect(later.locator(".qb-quiz__score")).to_have_text(
        "Your last score, on 3 March 2025: 6 out of 6 (100%). Your best: 6 out of 6 (100%)."
    )

    open_ready(later, site + "tracks/01-one/")
    expect(later.locator("#qb-reflection-t01-hopes textarea")).to_have_value(
        "To listen better.\nAnd to ask."
    )
    expect(later.get_by_role("button", name="Done: track 1")).to_have_attribute(
        "aria-pressed", "true"
    )

    open_ready(later, site)
    expect(later.locator(".qb-progress__summary")).to_have_text("1 of 2 tracks done.")
    expect(later.locator("article a[data-qb-track='1'] .qb-tick")).to_have_text("done")

    open_ready(later, site + "journal/")
    groups = later.locator(".qb-journal__group")
    # Each group links to its page; a finished track is ticked there too.
    expect(groups).to_have_text(
        ["Track 1: The first track done", "Track 2: The second track", "Self-assessment"]
    )
    expect(later.locator(".qb-journal__prompt")).to_have_text(
        [
            "What do you hope to get from this course?",
            "What worries you about coaching someone else?",
            "When did someone last really listen to you? What did they do?",
            "How do you feel about rating yourself?",
        ]
    )
    expect(later.locator(".qb-journal__date")).to_have_text(["Written on 3 March 2025"] * 4)
    expect(later.locator(".qb-journal__text").first).to_have_text("To listen better.\nAnd to ask.")

    open_ready(later, site + "self/")
    block = later.locator("#qb-self-where-are-you-now")
    expect(block.locator(".qb-self__band")).to_have_text(
        "Your result: You have plenty of room to develop"
    )
    rate_where_are_you_now(later, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-self__history tbody th")).to_have_text(
        ["3 March 2025", "8 March 2025"]
    )
    expect(block.locator(".qb-self__compare")).to_have_text(
        "Since your first result, on 3 March 2025: Usually 0 then, 23 now; Sometimes 0 then, "
        "0 now; Rarely 23 then, 0 now. Your result then: You have plenty of room to develop. "
        "Now: You are probably already an effective coach or mentor."
    )
    later.context.close()
    assert not watch.errors + watch.outside
