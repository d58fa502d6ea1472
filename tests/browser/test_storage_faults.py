"""Storage that fails: turned off, full, holding garbage under our keys, or shared with another
course on the same host. The pages never break, the quizzes still work, and a short notice
says that nothing will be saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import (
    PREFIX,
    answer_all_right,
    open_ready,
    stored,
    write_reflection,
)
from tests.conftest import FIXTURE_SITE, SiteServer, build_site

NOTICE = (
    "This browser is not saving your work, so it will be lost when you leave. "
    "Everything else works."
)

# Storage turned off, as a browser does when a site may not keep data: reading
# window.localStorage throws. When our script is the one asking, it says so, so the test can
# tell an exception our script let escape from the theme's own (Material does not guard).
STORAGE_OFF = """
window.deniedToQuizbank = 0;
Object.defineProperty(window, "localStorage", { configurable: true, get() {
  if (new Error().stack.includes("quizbank")) {
    window.deniedToQuizbank += 1;
    throw new DOMException("storage is off (asked by quizbank)", "SecurityError");
  }
  throw new DOMException("storage is off", "SecurityError");
}});
"""

STORAGE_FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


def check_single(page: Page, label: str = "Goal") -> None:
    single = page.locator("#qb-sample-single")
    single.get_by_label(label, exact=True).check()
    single.get_by_role("button", name="Check answer").click()
    expect(single.locator(".qb-feedback__verdict")).to_have_text(
        "Correct." if label == "Goal" else "Not quite."
    )


def test_with_storage_turned_off_everything_works_and_says_nothing_is_kept(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    page, watch = open_page(browser)
    page.context.add_init_script(STORAGE_OFF)
    site = served_fixture_site.url
    open_ready(page, site + "quiz/")
    expect(page.locator(".qb-quiz > .qb-notice:visible")).to_have_text(NOTICE)
    check_single(page)
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    expect(page.locator(".qb-quiz__score")).to_have_text(
        "Passed. You scored 6 out of 6 (100%); the pass mark is 60%."
    )

    open_ready(page, site + "tracks/01-one/")
    expect(page.locator(".qb-reflection .qb-notice:visible")).to_have_count(2)
    page.locator("#qb-reflection-t01-hopes textarea").fill("Nothing keeps this.")
    page.get_by_role("button", name="Mark track 1 as done").click()
    expect(page.locator(".qb-track-done__status")).to_have_text("Track 1 is marked as done.")
    expect(page.locator(".qb-track-done .qb-notice:visible")).to_have_text(NOTICE)

    open_ready(page, site + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    for index in range(23):
        block.locator("fieldset.qb-item").nth(index).get_by_label("Usually", exact=True).check()
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-self__history tbody tr")).to_have_count(1)
    with page.expect_download() as download:
        block.get_by_role("button", name="Download as CSV").click()
    assert Path(download.value.path()).read_text().count("\n") == 24

    for path, block_class in (
        ("", "qb-progress"),
        ("journal/", "qb-journal"),
        ("your-data/", "qb-data"),
    ):
        open_ready(page, site + path)
        expect(page.locator(f".{block_class} > .qb-notice:visible")).to_have_text(NOTICE)
    expect(page.locator(".qb-data tfoot td").first).to_have_text("0")
    page.locator(".qb-data__file").set_input_files(
        files=[
            {
                "name": "data.json",
                "mimeType": "application/json",
                "buffer": json.dumps(
                    {
                        "format": "quizbank-learner-data",
                        "version": 1,
                        "scope": "/",
                        "entries": {"done:1": {"t": 1}},
                    }
                ).encode(),
            }
        ]
    )
    expect(page.locator(".qb-data__status")).to_have_text(
        "Nothing was imported: this browser will not store it."
    )

    assert page.evaluate("window.deniedToQuizbank") > 0, "the script never asked for storage"
    page.context.close()
    assert not watch.outside
    assert not [error for error in watch.errors if "quizbank" in error], watch.errors
    # What remains is the theme's own unguarded reads of localStorage.
    assert all("storage is off" in error for error in watch.errors), watch.errors


def test_with_storage_full_saved_work_still_shows_and_new_work_is_not_kept(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    page, watch = open_page(browser)
    open_ready(page, site + "quiz/")
    check_single(page, "Growth")
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "Written before the storage filled up.")
    state = page.context.storage_state()
    page.context.close()

    page, watch = open_page(browser, storage_state=state)
    page.context.add_init_script(STORAGE_FULL)
    open_ready(page, site + "quiz/")
    expect(page.locator(".qb-quiz > .qb-notice:visible")).to_have_text(NOTICE)
    expect(page.locator("#qb-sample-single input[value='1']")).to_be_checked()
    check_single(page, "Goal")
    page.reload()
    open_ready(page, site + "quiz/")
    expect(
        page.locator("#qb-sample-single input[value='1']")
    ).to_be_checked()  # the new answer was not kept
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__text")).to_have_text("Written before the storage filled up.")
    open_ready(page, site + "your-data/")
    before = stored(page)
    page.locator(".qb-data__file").set_input_files(
        files=[
            {
                "name": "data.json",
                "mimeType": "application/json",
                "buffer": json.dumps(
                    {
                        "format": "quizbank-learner-data",
                        "version": 1,
                        "scope": "/",
                        "entries": {"done:1": {"t": 1}, "done:2": {"t": 2}},
                    }
                ).encode(),
            }
        ]
    )
    expect(page.locator(".qb-data__status")).to_have_text(
        "Nothing was imported: this browser will not store it."
    )
    assert stored(page) == before
    page.context.close()
    assert not watch.errors + watch.outside


GARBAGE = {
    "answer:sample:sample-single": "{not json",
    "answer:sample:sample-multiple": '"just a string"',
    "answer:sample:sample-true-false": '{"v": 5, "a": "false", "t": "yesterday"}',
    "answer:sample:sample-ordering": "null",
    "score:sample:quiz/": '{"t": 1, "best": {"t": 1}, "last": null, "page": "quiz/"}',
    "result:where-are-you-now": '{"t": 1, "v": "x", "h": [null, 3]}',
    "reflection:t01-hopes": '{"t": 1, "text": ["not", "text"]}',
    "done:1": "[]",
    "done:2": '{"t": "soon"}',
    "mystery:thing": '{"t": 1}',
    "constructor:x": '{"t": 1}',
    "": "x",
}


def test_garbage_under_our_keys_is_ignored_listed_and_cleared(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    origin = site.rstrip("/")
    # One well-formed answer to a question that has since changed: dropped when seen.
    stale = {
        "answer:where-are-you-now:wayn-rapport": json.dumps(
            {"t": 1, "v": "not-the-version", "a": ["usually"]}
        )
    }
    state = {
        "cookies": [],
        "origins": [
            {
                "origin": origin,
                "localStorage": [
                    {"name": PREFIX + key, "value": value}
                    for key, value in {**GARBAGE, **stale}.items()
                ],
            }
        ],
    }
    page, watch = open_page(browser, storage_state=state)
    for path in ("quiz/", "self/", "tracks/01-one/", "tracks/02-two/", "journal/", ""):
        open_ready(page, site + path)
    open_ready(page, site + "quiz/")
    expect(page.locator(".qb-notice:visible")).to_have_count(0)
    expect(page.locator("#qb-sample-single input:checked")).to_have_count(0)
    expect(page.locator(".qb-quiz__score")).to_have_text("")
    check_single(page)
    open_ready(page, site)
    expect(page.locator(".qb-progress__summary")).to_have_text("0 of 2 tracks done.")
    expect(page.locator(".qb-tick")).to_have_count(0)
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__empty")).to_be_visible()
    open_ready(page, site + "your-data/")
    rows = page.locator(".qb-data tbody tr")
    expect(
        rows.filter(has_text="Old or damaged items the course no longer uses").locator("td").first
    ).to_have_text(str(len(GARBAGE) - 1))  # sample-single was answered again just now
    expect(rows.filter(has_text="Quiz answers").locator("td").first).to_have_text("1")
    assert (
        page.evaluate(
            "key => localStorage.getItem(key)", PREFIX + "answer:where-are-you-now:wayn-rapport"
        )
        is None
    )
    page.get_by_role("button", name="Clear everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator(".qb-data__status")).to_have_text("Everything is deleted.")
    assert (
        page.evaluate(
            "prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix))", PREFIX
        )
        == []
    )
    page.context.close()
    assert not watch.errors + watch.outside


@pytest.fixture(scope="module")
def two_courses(tmp_path_factory: pytest.TempPathFactory) -> SiteServer:
    """The fixture course built twice on one host, at /one/ and /two/."""
    server = SiteServer(tmp_path_factory.mktemp("two-courses"))
    for name in ("one", "two"):
        build_site(FIXTURE_SITE / "mkdocs.yml", server.folder / name, site_url=server.url + name)
    yield server
    server.close()


def test_two_courses_on_one_host_keep_apart(page: Page, two_courses: SiteServer) -> None:
    one, two = two_courses.url + "one/", two_courses.url + "two/"
    open_ready(page, one + "quiz/")
    answer_all_right(page)
    open_ready(page, one + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "Course one.")
    page.get_by_role("button", name="Mark track 1 as done").click()
    first = stored(page, "qb:v1:/one/:")
    assert len(first) == 10  # six answers, the two quizzes' orders, a reflection, a track done
    assert stored(page, "qb:v1:/two/:") == {}

    open_ready(page, two + "quiz/")
    expect(page.locator(".qb-quiz input:checked")).to_have_count(0)
    open_ready(page, two + "tracks/01-one/")
    expect(page.locator("#qb-reflection-t01-hopes textarea")).to_have_value("")
    open_ready(page, two)
    expect(page.locator(".qb-progress__summary")).to_have_text("0 of 2 tracks done.")
    open_ready(page, two + "your-data/")
    # Course two has only the orders of the quizzes just opened there.
    expect(page.locator(".qb-data tfoot td").first).to_have_text("2")
    expect(page.locator('.qb-data tr[data-qb-kind="attempt"] td').first).to_have_text("2")
    page.get_by_role("button", name="Clear everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator(".qb-data__status")).to_have_text("Everything is deleted.")
    assert stored(page, "qb:v1:/one/:") == first, "clearing course two touched course one"
    with page.expect_download() as download:
        page.get_by_role("button", name="Export to a file").click()
    assert json.loads(Path(download.value.path()).read_text())["entries"] == {}


def test_with_storage_off_the_draw_hints_review_and_record_still_work(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    page, watch = open_page(browser)
    page.context.add_init_script(STORAGE_OFF)
    open_ready(page, site + "draw/")
    shown = page.locator(".qb-quiz .qb-question:visible")
    expect(shown).to_have_count(3)
    first = shown.evaluate_all("qs => qs.map(q => q.id)")
    page.get_by_role("button", name="Start again").click()
    assert shown.evaluate_all("qs => qs.map(q => q.id)") == first, "the set holds in the page"
    page.get_by_role("button", name="New set of questions").click()
    expect(shown).to_have_count(3)
    expect(page.locator(".qb-notice").first).to_have_text(NOTICE)

    open_ready(page, site + "quiz/")
    page.get_by_role("button", name="Show a hint (1 of 2)").click()
    expect(page.locator("#qb-sample-single .qb-hints__item:visible")).to_have_count(1)
    check_single(page, "Growth")

    open_ready(page, site + "review/")
    expect(page.locator(".qb-review__status")).to_contain_text("Nothing to review today.")
    expect(page.locator(".qb-review .qb-notice")).to_be_visible()

    open_ready(page, site + "record/")
    expect(page.locator(".qb-record__reflections")).to_have_text("None yet.")
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Your name").press("Tab")
    expect(page.locator(".qb-record__status")).to_have_text("")  # never "kept" when it is not
    expect(page.locator(".qb-record .qb-notice")).to_be_visible()
    assert page.evaluate("() => window.deniedToQuizbank") > 0
    page.context.close()
    assert not watch.outside
    assert not [error for error in watch.errors if "quizbank" in error], watch.errors
    # What remains is the theme's own unguarded reads of localStorage.
    assert all("storage is off" in error for error in watch.errors), watch.errors


def test_with_storage_full_a_miss_is_not_said_to_come_back(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    page, watch = open_page(browser)
    open_ready(page, site + "review/")
    version = page.locator("#qb-sample-single").get_attribute("data-qb-version")
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, record)",
        [
            PREFIX + "review:sample:sample-single",
            json.dumps({"t": 1, "v": version, "step": 0, "due": 1}),
        ],
    )
    page.context.add_init_script(STORAGE_FULL)
    open_ready(page, site + "review/")
    question = page.locator("#qb-sample-single")
    question.get_by_label("Goal", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".qb-feedback")).to_contain_text("Correct.")
    expect(question.locator(".qb-feedback__next")).to_have_count(0)
    expect(page.locator(".qb-review .qb-notice")).to_be_visible()
    page.context.close()
    assert not watch.errors + watch.outside, watch.errors
