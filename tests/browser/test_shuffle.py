"""Options shuffled by default (issue 10): each learner sees their own order, the same on every
visit until they start again; answers are kept by option, never by place; a question can pin
its order; without the script the page lists options as the bank writes them."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import match, open_ready, stored
from tests.conftest import EditableSite, SiteServer


def shown(page: Page, question: str) -> list[str]:
    """Return a question's options as shown: labels, or a matching's lettered descriptions."""
    return page.locator(f"#qb-{question}").evaluate(
        """q => [...q.querySelectorAll('.qb-options label, .qb-match__descriptions > li')]
        .map(l => l.matches('li') ? l.lastChild.textContent.trim() : l.textContent)"""
    )


def letters(page: Page, question: str) -> list[list[str]]:
    """Return, for each item of a matching, its radio buttons' names, in order."""
    return page.locator(f"#qb-{question} .qb-match__choices").evaluate_all(
        """lists => lists.map(list => [...list.querySelectorAll('label')]
        .map(l => l.textContent))"""
    )


def test_learners_see_their_own_order_the_same_on_every_visit(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    url = served_fixture_site.url + "quiz/"
    orders = set()
    for _ in range(8):
        page, watch = open_page(browser)
        open_ready(page, url)
        order = (*shown(page, "sample-single"), *shown(page, "sample-multiple"))
        matching = shown(page, "sample-matching")
        assert sorted(shown(page, "sample-single")) == ["Goal", "Growth", "Guidance"]
        # Lettered again in their new order; every item's letters name the same descriptions.
        letter = [f"{chr(65 + n)}: {text}" for n, text in enumerate(matching)]
        expect(page.locator("#qb-sample-matching .qb-match__letter")).to_have_text(
            [chr(65 + n) for n in range(len(matching))]
        )
        assert letters(page, "sample-matching") == [letter] * 3
        page.reload()
        open_ready(page, url)
        assert (*shown(page, "sample-single"), *shown(page, "sample-multiple")) == order
        assert shown(page, "sample-matching") == matching
        orders.add((order, tuple(matching)))
        page.context.close()
        assert not watch.errors + watch.outside
    assert len(orders) > 1, "eight learners, and every one saw the same order"


def test_answers_are_kept_by_option_whatever_the_order(
    page: Page, served_fixture_site: SiteServer
) -> None:
    url = served_fixture_site.url + "quiz/"
    open_ready(page, url)
    single = page.locator("#qb-sample-single")
    single.get_by_label("Guidance").check()
    assert stored(page)["answer:sample:sample-single"]["a"] == ["2"]  # its place in the bank
    match(page.locator("#qb-sample-matching"), "Initial review", "Sets a baseline")
    # A new attempt may bring a new order; the saved answer still names the same option.
    seed = stored(page)["attempt:sample:quiz/"]["s"]
    page.evaluate(
        "() => localStorage.setItem('qb:v1:/:attempt:sample:quiz/', "
        "JSON.stringify({t: 1, s: 12345}))"
    )
    page.reload()
    open_ready(page, url)
    assert seed != 12345
    expect(single.get_by_label("Guidance")).to_be_checked()
    initial = page.locator("#qb-sample-matching").get_by_role("group", name="Initial review")
    expect(initial.get_by_label("Sets a baseline")).to_be_checked()
    single.get_by_role("button", name="Check answer").click()
    expect(single.locator("li[data-qb-option='2'] .qb-mark")).to_have_text("Wrong")


def test_start_again_is_a_new_attempt_with_a_new_order(
    page: Page, served_fixture_site: SiteServer
) -> None:
    url = served_fixture_site.url + "quiz/"
    open_ready(page, url)
    first = stored(page)["attempt:sample:quiz/"]
    page.get_by_role("button", name="Start again").click()
    second = stored(page)["attempt:sample:quiz/"]
    assert second["s"] != first["s"]
    assert sorted(shown(page, "sample-single")) == ["Goal", "Growth", "Guidance"]
    order = shown(page, "sample-multiple")
    page.reload()
    open_ready(page, url)
    assert shown(page, "sample-multiple") == order


def test_a_question_can_pin_its_order(page: Page, editable_site: EditableSite) -> None:
    bank = editable_site.source / "quizzes" / "sample.yml"
    text = bank.read_text(encoding="utf-8")
    for pinned in ("    answer: Goal\n", "    distractors: [Sets the pay grade]\n"):
        assert pinned in text
        text = text.replace(pinned, pinned + "    shuffle: false\n")
    bank.write_text(text, encoding="utf-8")
    editable_site.build()
    url = editable_site.url + "quiz/"
    open_ready(page, url)
    for seed in (1, 2, 3, 4):
        page.evaluate(
            "seed => localStorage.setItem('qb:v1:/:attempt:sample:quiz/', "
            "JSON.stringify({t: 1, s: seed}))",
            seed,
        )
        page.reload()
        open_ready(page, url)
        assert shown(page, "sample-single") == ["Goal", "Growth", "Guidance"]
        assert shown(page, "sample-matching") == [
            "Sets a baseline",
            "Tracks progress along the way",
            "Sums up what was achieved",
            "Sets the pay grade",
        ]


def test_without_the_script_options_are_in_the_banks_order(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, _ = open_page(browser, java_script_enabled=False)
    page.goto(served_fixture_site.url + "quiz/")
    assert shown(page, "sample-single") == ["Goal", "Growth", "Guidance"]
    assert shown(page, "sample-multiple") == ["Lack of confidence", "Too much noise", "Tiredness"]
    page.context.close()
