"""Quizzes in Chromium: every question type answered right and wrong, scored, and reset."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import answer_all_right, open_ready
from tests.conftest import SiteServer


def question(page: Page, question_id: str) -> Locator:
    return page.locator(f"#qb-{question_id}")


def check(item: Locator) -> None:
    item.get_by_role("button", name="Check answer").click()


def test_single_choice_wrong_then_right(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    single = question(page, "sample-single")
    single.get_by_label("Growth", exact=True).check()
    check(single)
    feedback = single.locator(".qb-feedback")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("GROW stands for Goal, Reality, Options and Will.")
    growth = single.locator("li.qb-option[data-qb-option='1']")
    expect(growth.locator(".qb-mark")).to_have_text("Wrong")
    expect(growth.locator(".qb-option__feedback")).to_contain_text("Growth is a result")
    expect(single).to_have_class("qb-question qb-question--single qb-question--wrong")

    single.get_by_label("Goal", exact=True).check()
    check(single)
    expect(feedback).to_contain_text("Correct.")
    expect(single.locator(".qb-mark")).to_have_count(1)
    expect(single.locator("li.qb-option[data-qb-option='0'] .qb-mark")).to_have_text("Right")
    expect(single.locator(".qb-option__feedback")).to_contain_text("A session starts")


def test_checking_with_nothing_chosen_asks_for_an_answer(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    single = question(page, "sample-single")
    check(single)
    expect(single.locator(".qb-feedback")).to_have_text("Choose an answer first.")
    expect(single.locator("input").first).to_be_focused()  # the first option shown
    expect(single.locator("input:checked")).to_have_count(0)


def test_multiple_response_marks_missed_and_wrong_options(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    multiple = question(page, "sample-multiple")
    multiple.get_by_label("Lack of confidence").check()
    multiple.get_by_label("Too much noise").check()
    check(multiple)
    expect(multiple.locator(".qb-feedback")).to_contain_text("Not quite.")
    expect(multiple.locator("[data-qb-option='0'] .qb-mark")).to_have_text("Right")
    expect(multiple.locator("[data-qb-option='1'] .qb-mark")).to_have_text("Wrong")
    expect(multiple.locator("[data-qb-option='2'] .qb-mark")).to_have_text(
        "Also right: you missed this"
    )
    expect(multiple.locator("[data-qb-option='1'] .qb-option__feedback")).to_contain_text(
        "external block"
    )

    multiple.get_by_label("Too much noise").uncheck()
    multiple.get_by_label("Tiredness").check()
    check(multiple)
    expect(multiple.locator(".qb-feedback")).to_contain_text("Correct.")
    expect(multiple.locator(".qb-mark--wrong, .qb-mark--missed")).to_have_count(0)


def test_true_false(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    statement = question(page, "sample-true-false")
    statement.get_by_label("True", exact=True).check()
    check(statement)
    expect(statement.locator(".qb-feedback")).to_contain_text("Not quite.")
    expect(statement.locator(".qb-option__feedback")).to_contain_text("It was replaced by")
    statement.get_by_label("False", exact=True).check()
    check(statement)
    expect(statement.locator(".qb-feedback")).to_contain_text("Correct.")
    expect(statement.locator(".qb-option__feedback")).to_contain_text("Right. The 2018 Act")


def test_ordering_counts_the_items_in_place(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    ordering = question(page, "sample-ordering")
    for item, place in (("Goal", "2"), ("Reality", "1"), ("Options", "3"), ("Will", "4")):
        ordering.get_by_label(item, exact=True).select_option(place)
    check(ordering)
    expect(ordering.locator(".qb-feedback")).to_contain_text(
        "Not quite. 2 of 4 in the right place."
    )
    expect(ordering.locator(".qb-mark--wrong")).to_have_count(2)
    for item, place in (("Goal", "1"), ("Reality", "2")):
        ordering.get_by_label(item, exact=True).select_option(place)
    check(ordering)
    expect(ordering.locator(".qb-feedback")).to_contain_text("Correct.")
    expect(ordering.locator(".qb-mark--right")).to_have_count(4)


def test_ordering_asks_for_every_place(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    ordering = question(page, "sample-ordering")
    ordering.get_by_label("Goal", exact=True).select_option("1")
    check(ordering)
    expect(ordering.locator(".qb-feedback")).to_have_text("Give every item a place first.")
    expect(ordering.locator("select").nth(1)).to_be_focused()


def test_matching(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    matching = question(page, "sample-matching")
    answers = {
        "Initial review": "Sets a baseline",
        "Formative review": "Sums up what was achieved",
        "Summative review": "Sets the pay grade",
    }
    for item, match in answers.items():
        matching.get_by_label(item).select_option(label=match)
    check(matching)
    expect(matching.locator(".qb-feedback")).to_contain_text(
        "Not quite. 1 of 3 in the right place."
    )
    matching.get_by_label("Formative review").select_option(label="Tracks progress along the way")
    matching.get_by_label("Summative review").select_option(label="Sums up what was achieved")
    check(matching)
    expect(matching.locator(".qb-feedback")).to_contain_text("Correct.")


def test_scoring_a_whole_quiz(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    score = page.locator(".qb-quiz__score")
    expect(score).to_have_text("You scored 6 out of 6 (100%). That is a pass.")
    expect(page.locator(".qb-question--right")).to_have_count(6)


def test_scoring_counts_unanswered_questions_and_the_pass_mark(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    question(page, "sample-single").get_by_label("Goal", exact=True).check()
    question(page, "sample-true-false").get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "You scored 1 out of 6 (17%). 4 questions were not answered. The pass mark is 60%."
    )


def test_start_again_clears_everything(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(".qb-quiz input:checked")).to_have_count(0)
    expect(page.locator(".qb-mark, .qb-feedback__verdict")).to_have_count(0)
    expect(page.locator(".qb-quiz__score")).to_have_text("")
    assert page.evaluate(
        "() => [...document.querySelectorAll('.qb-quiz select')].every(s => s.value === '')"
    )


def test_feedback_is_announced_through_live_regions(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    single = question(page, "sample-single")
    region = single.locator(".qb-feedback")
    expect(region).to_have_attribute("aria-live", "polite")
    single.get_by_label("Goal", exact=True).check()
    check(single)
    expect(region).to_contain_text("Correct.")
    expect(page.locator(".qb-quiz__score")).to_have_attribute("aria-live", "polite")


def test_bank_text_stays_text_in_the_browser(page: Page, served_fixture_site: SiteServer) -> None:
    page.on("dialog", lambda dialog: (_ for _ in ()).throw(AssertionError("a dialog opened")))
    open_ready(page, served_fixture_site.url + "quiz/")
    unsafe = question(page, "sample-unsafe")
    expect(unsafe.locator("legend")).to_contain_text('<script>alert("x")</script>')
    unsafe.get_by_label('<b onmouseover="alert(1)">bold</b>').hover()
    unsafe.get_by_label('<b onmouseover="alert(1)">bold</b>').check()
    check(unsafe)
    expect(unsafe.locator(".qb-feedback")).to_contain_text("Not quite.")
    injected = "() => document.querySelectorAll('article script, article img').length"
    assert page.evaluate(injected) == 0


def test_shuffled_quiz_keeps_every_question_and_numbers_them_in_order(
    page: Page, served_fixture_site: SiteServer, tmp_path: object
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    page.evaluate("""() => {
        const quiz = document.querySelector('.qb-quiz');
        quiz.dataset.qbShuffle = 'true';
        delete quiz.dataset.qbReady;
        window.quizbank.init();
    }""")
    numbers = page.locator(".qb-question__number").all_text_contents()
    assert numbers == [f"Question {n} of 6" for n in range(1, 7)]
    assert sorted(
        page.locator(".qb-question").evaluate_all("qs => qs.map(q => q.dataset.qbQuestion)")
    ) == sorted(
        [
            "sample-single",
            "sample-multiple",
            "sample-true-false",
            "sample-ordering",
            "sample-matching",
            "sample-unsafe",
        ]
    )
