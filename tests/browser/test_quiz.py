"""Quizzes in Chromium: every question type answered right and wrong, scored, and reset."""

from __future__ import annotations

from random import Random

from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import answer_all_right, match, open_ready, put_in_order, stored
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
    growth = single.locator(".qb-options > li[data-qb-option='1']")
    expect(growth.locator(".qb-mark")).to_have_text("Wrong")
    expect(growth.locator(".qb-option__feedback")).to_contain_text("Growth is a result")
    expect(single).to_have_class("qb-question qb-question--wrong")

    single.get_by_label("Goal", exact=True).check()
    check(single)
    expect(feedback).to_contain_text("Correct.")
    expect(single.locator(".qb-mark")).to_have_count(1)
    expect(single.locator(".qb-options > li[data-qb-option='0'] .qb-mark")).to_have_text("Right")
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
    put_in_order(ordering, ["Reality", "Goal", "Options", "Will"])
    check(ordering)
    expect(ordering.locator(".qb-feedback")).to_contain_text(
        "Not quite. 2 of 4 in the right place."
    )
    expect(ordering.locator(".qb-mark--wrong")).to_have_count(2)
    # Marks go with the places: the two first items are wrong, where they now are.
    expect(ordering.locator(".qb-order__item").nth(0).locator(".qb-mark")).to_have_text("Wrong")
    put_in_order(ordering, ["Goal", "Reality"])
    expect(ordering.locator(".qb-mark")).to_have_count(0)  # moving clears the marks
    check(ordering)
    expect(ordering.locator(".qb-feedback")).to_contain_text("Correct.")
    expect(ordering.locator(".qb-mark--right")).to_have_count(4)


def test_ordering_items_get_a_toolbar_of_moves_from_the_script(
    page: Page, served_fixture_site: SiteServer
) -> None:
    """The page has no move buttons; the script gives each item a toolbar named by the item,
    with one stop for the Tab key, and the list a live region."""
    open_ready(page, served_fixture_site.url + "quiz/")
    ordering = question(page, "sample-ordering")
    items = ordering.locator(".qb-order__item")
    texts = ordering.locator(".qb-order__text").all_text_contents()
    for number, text in enumerate(texts):
        toolbar = items.nth(number).get_by_role("toolbar", name=text, exact=True)
        expect(toolbar.get_by_role("button")).to_have_count(2)
        stops = toolbar.get_by_role("button").evaluate_all("bs => bs.map(b => b.tabIndex)")
        assert sorted(stops) == [-1, 0], stops
        # The stop is a button that can move the item: Move down for the first.
        stop = toolbar.get_by_role("button").nth(stops.index(0))
        expect(stop).to_have_text("Move down" if number == 0 else "Move up")
    expect(ordering.locator(".qb-order__status")).to_have_attribute("aria-live", "polite")
    expect(ordering.locator(".qb-order__moves")).to_have_count(len(texts))  # once, not per init


def test_ordering_never_holds_two_items_in_one_place(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    ordering = question(page, "sample-ordering")
    items = ordering.locator(".qb-order__item")
    first = ordering.locator(".qb-order__text").all_text_contents()
    expect(items.first.get_by_role("button", name="Move up")).to_have_attribute(
        "aria-disabled", "true"
    )
    expect(items.last.get_by_role("button", name="Move down")).to_have_attribute(
        "aria-disabled", "true"
    )
    random = Random(11)
    for _ in range(30):
        where = random.randrange(4)
        direction = random.choice(["Move up", "Move down"])
        # force: a press where the item can go no further must change nothing either
        items.nth(where).get_by_role("button", name=direction).click(force=True)
        shown = ordering.locator(".qb-order__text").all_text_contents()
        assert sorted(shown) == sorted(first), shown  # every item, each once
        places = items.evaluate_all("items => items.map(item => item.dataset.qbSlot)")
        assert places == ["0", "1", "2", "3"]
    # A move is said aloud, and the button keeps the focus as its item moves.
    top = ordering.locator(".qb-order__text").first.text_content()
    items.first.get_by_role("button", name="Move down").click()
    expect(ordering.locator(".qb-order__status")).to_have_text(f"{top} moved to place 2 of 4.")
    expect(items.nth(1).get_by_role("button", name="Move down")).to_be_focused()
    items.first.get_by_role("button", name="Move up").click(force=True)
    expect(ordering.locator(".qb-order__status")).to_contain_text("is already first.")


def test_ordering_asks_to_be_arranged_first(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    ordering = question(page, "sample-ordering")
    check(ordering)
    expect(ordering.locator(".qb-feedback")).to_have_text("Move the items into order first.")
    expect(ordering.get_by_role("button", name="Move up").first).to_be_focused()
    expect(ordering.locator("details.qb-answer")).to_be_hidden()


def test_matching(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    matching = question(page, "sample-matching")
    answers = {
        "Initial review": "Sets a baseline",
        "Formative review": "Sums up what was achieved",
        "Summative review": "Sets the pay grade",
    }
    for item, description in answers.items():
        match(matching, item, description)
    check(matching)
    expect(matching.locator(".qb-feedback")).to_contain_text(
        "Not quite. 1 of 3 in the right place."
    )
    match(matching, "Formative review", "Tracks progress along the way")
    match(matching, "Summative review", "Sums up what was achieved")
    check(matching)
    expect(matching.locator(".qb-feedback")).to_contain_text("Correct.")


def test_matching_asks_for_a_letter_for_every_item(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    matching = question(page, "sample-matching")
    match(matching, "Initial review", "Sets a baseline")
    check(matching)
    expect(matching.locator(".qb-feedback")).to_have_text("Choose a letter for every item first.")
    expect(
        matching.get_by_role("group", name="Formative review").get_by_role("radio").first
    ).to_be_focused()


def test_matching_shows_every_description_in_full_at_320_pixels(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, _ = open_page(browser, viewport={"width": 320, "height": 640})
    open_ready(page, served_fixture_site.url + "quiz/")
    matching = question(page, "sample-matching")
    for description in matching.locator(".qb-match__descriptions > li").all():
        expect(description).to_be_visible()
        assert description.evaluate("d => d.scrollWidth <= d.clientWidth")
        box = description.bounding_box()
        assert box
        assert box["x"] + box["width"] <= 320
    page.context.close()


# ---------------------------------------------------------------- the answer held back


def test_the_answer_is_held_back_until_the_question_is_checked(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    single = question(page, "sample-single")
    answer = single.locator("details.qb-answer")
    expect(page.locator("details.qb-answer:visible")).to_have_count(0)
    check(single)  # nothing chosen: not an attempt
    expect(answer).to_be_hidden()
    single.get_by_label("Growth", exact=True).check()
    check(single)
    expect(answer).to_be_visible()
    expect(single.get_by_role("button", name="Show the answer")).to_be_hidden()
    expect(page.locator("details.qb-answer:visible")).to_have_count(1)
    # It stays in sight after a reload, as the check does.
    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(question(page, "sample-single").locator("details.qb-answer")).to_be_visible()
    expect(question(page, "sample-multiple").locator("details.qb-answer")).to_be_hidden()


def test_a_shown_answer_counts_as_not_answered_right(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    single = question(page, "sample-single")
    single.get_by_role("button", name="Show the answer").click()
    answer = single.locator("details.qb-answer")
    expect(answer).to_be_visible()
    expect(answer).to_have_attribute("open", "")
    expect(single.locator(".qb-answer > summary")).to_be_focused()
    expect(single.locator(".qb-feedback")).to_contain_text("counts as not answered right")
    assert stored(page)["answer:sample:sample-single"]["shown"] is True
    # Answering it right now is still not right for the score.
    answer_all_right(page)
    check(single)
    expect(single.locator(".qb-feedback")).to_contain_text("You saw the answer first")
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_contain_text("You scored 5 out of 6 (83%)")
    expect(page.locator(".qb-quiz__group li")).to_have_text(
        ["Question 1: In the GROW model, what does the G stand for? (answer shown)"]
    )
    # Kept as shown across a reload.
    page.reload()
    open_ready(page, served_fixture_site.url + "quiz/")
    expect(question(page, "sample-single").locator("details.qb-answer")).to_be_visible()
    assert stored(page)["answer:sample:sample-single"]["shown"] is True


def test_scoring_a_whole_quiz(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    score = page.locator(".qb-quiz__score")
    expect(score).to_have_text("Passed. You scored 6 out of 6 (100%); the pass mark is 60%.")
    expect(score.locator("strong")).to_have_text("Passed.")
    expect(page.locator(".qb-question--right")).to_have_count(6)
    expect(page.locator(".qb-quiz__review")).to_be_hidden()


def test_a_score_below_the_pass_mark_lists_what_to_look_at_again(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    question(page, "sample-single").get_by_label("Growth", exact=True).check()
    question(page, "sample-multiple").get_by_label("Too much noise").check()
    question(page, "sample-true-false").get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Not passed yet. You scored 3 out of 6 (50%); the pass mark is 60%."
    )
    # Each links to its question, grouped by the track that teaches it, linked once.
    review = page.locator(".qb-quiz__review")
    expect(review.locator(".qb-quiz__taught")).to_have_text(
        ["Taught in Track 1: The first track:", "Not tied to one track:"]
    )
    expect(review.locator(".qb-quiz__group li")).to_have_text(
        [
            "Question 1: In the GROW model, what does the G stand for?",
            "Question 2: Which of these are internal blocks to learning?",
            "Question 3: The Data Protection Act 1998 is still the UK's main data protection law.",
        ]
    )
    expect(review.get_by_role("link", name="Question 2")).to_have_attribute(
        "href", "#qb-sample-multiple"
    )
    taught = review.get_by_role("link", name="Track 1: The first track")
    assert str(taught.evaluate("a => a.href")).endswith("/tracks/01-one/")

    # Trying the missed ones again clears them alone, their answers held back again.
    review.get_by_role("button", name="Try the ones I missed again").click()
    expect(review).to_be_hidden()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "3 questions are cleared for another try. Answer them, then show your score again."
    )
    for cleared in ("sample-single", "sample-multiple", "sample-true-false"):
        expect(question(page, cleared).locator("input:checked")).to_have_count(0)
        expect(question(page, cleared).locator("details.qb-answer")).to_be_hidden()
    expect(question(page, "sample-single").locator("input").first).to_be_focused()
    expect(question(page, "sample-matching").locator("input:checked")).to_have_count(3)
    assert "answer:sample:sample-single" not in stored(page)
    assert "answer:sample:sample-matching" in stored(page)


def test_an_unfinished_quiz_says_so_and_keeps_no_score(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    question(page, "sample-single").get_by_label("Goal", exact=True).check()
    question(page, "sample-true-false").get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Not finished. 4 of 6 questions are not answered yet, so this try is not kept as a "
        "score. So far: 1 out of 6 (17%)."
    )
    expect(page.locator(".qb-quiz__missed ul li").last).to_contain_text("(not answered)")
    assert not [key for key in stored(page) if key.startswith("score:")]
    # So the home page shows no best score for it.
    open_ready(page, served_fixture_site.url)
    expect(page.locator(".qb-best")).to_have_count(0)
    expect(page.locator(".qb-progress__quizzes")).to_have_text("No quiz scored yet.")


def test_start_again_clears_everything(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(".qb-quiz input:checked")).to_have_count(0)
    expect(page.locator(".qb-mark, .qb-feedback__verdict")).to_have_count(0)
    expect(page.locator(".qb-quiz__score")).to_have_text("")
    expect(page.locator("details.qb-answer:visible")).to_have_count(0)
    assert page.evaluate(
        "() => [...document.querySelectorAll('.qb-order__item')].every("
        "(item, place) => item.dataset.qbItem === String(place))"
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


def test_true_or_false_lines_up_like_every_other_choice(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, _ = open_page(browser, viewport={"width": 390, "height": 800})
    open_ready(page, served_fixture_site.url + "quiz/")
    for kind in ("true-false", "single"):
        boxes = page.locator(f"#qb-sample-{kind} .qb-options > li").evaluate_all(
            """options => options.map(option => {
                const input = option.querySelector("input");
                const box = input.getBoundingClientRect();
                const words = document.createRange();  /* the label's text, after its button */
                words.setStartAfter(input);
                words.setEndAfter(input.parentElement.lastChild);
                const line = words.getClientRects()[0];
                return [box.left, box.top + box.height / 2, line.top, line.bottom,
                    line.left, box.right];
            })"""
        )
        # Each radio button sits on its label's first line, before its words, and the
        # options stack, aligned.
        for _left, middle, top, bottom, label_left, right in boxes:
            assert top <= middle <= bottom, kind
            assert label_left > right, kind
        assert len({round(box[0]) for box in boxes}) == 1, kind
        assert len({round(box[4]) for box in boxes}) == 1, kind
    page.context.close()


def test_the_explanation_and_tags_read_at_the_options_size(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "quiz/")
    single = question(page, "sample-single")
    single.get_by_label("Growth", exact=True).check()
    check(single)
    single.locator(".qb-answer > summary").click()
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    option = single.locator(".qb-options label").first.evaluate(size)
    for part in (
        ".qb-answer__explanation p",
        ".qb-answer__tags",
        ".qb-option__feedback",
        ".qb-feedback__explanation",
    ):
        assert single.locator(part).first.evaluate(size) >= option, part
