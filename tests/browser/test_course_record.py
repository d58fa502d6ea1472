"""The course record (issue 12, section 5): the learner's name and work with the dates stored,
printed alone on A4, downloaded as Markdown with the learner's text escaped; and keeping the
work on the device (section 6), with navigator.storage stubbed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import answer_all_right, open_ready, rate_where_are_you_now, stored
from tests.browser.test_records import download_text
from tests.browser.test_review import miss_on_the_track_page
from tests.conftest import SiteServer

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def clocked(browser: Browser) -> Iterator[Page]:
    page, watch = open_page(browser, timezone_id="Europe/London")
    page.context.clock.set_fixed_time(datetime(2025, 5, 1, 10, 0, tzinfo=LONDON))
    yield page
    page.context.close()
    assert not watch.errors + watch.outside, watch.errors + watch.outside


def work_over_three_days(page: Page, site: str) -> None:
    """1 May: a missed question, a reflection, a track done, a first self-assessment, a
    partial quiz score. 3 May: a whole quiz, a reflection. 9 May: the self-assessment again,
    a review."""
    miss_on_the_track_page(page, site)
    page.locator("#qb-reflection-t01-hopes textarea").fill("To listen better.")
    expect(page.locator("#qb-reflection-t01-hopes .qb-reflection__status")).to_have_text(
        "Saved on this device."
    )
    page.get_by_role("button", name="Mark track 1 as done").click()
    page.get_by_role("button", name="Show my score").click()  # one of two answered: no record
    open_ready(page, site + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    rate_where_are_you_now(page, ["Rarely"])
    block.get_by_role("button", name="Show my result").click()

    page.context.clock.set_fixed_time(datetime(2025, 5, 3, 11, 0, tzinfo=LONDON))
    open_ready(page, site + "quiz/")
    answer_all_right(page)
    page.locator("#qb-sample-unsafe").get_by_label("Plain", exact=True).check()
    page.get_by_role("button", name="Show my score").click()
    open_ready(page, site + "tracks/02-two/")
    page.locator("#qb-reflection-t02-listening textarea").fill("My manager, last week.")
    expect(page.locator("#qb-reflection-t02-listening .qb-reflection__status")).to_have_text(
        "Saved on this device."
    )

    page.context.clock.set_fixed_time(datetime(2025, 5, 9, 9, 0, tzinfo=LONDON))
    open_ready(page, site + "self/")
    rate_where_are_you_now(page, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    open_ready(page, site + "review/")
    question = page.locator("#qb-sample-single")
    question.get_by_label("Goal", exact=True).check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".qb-feedback__next")).to_be_visible()


def test_the_record_shows_the_learners_work_with_the_dates_stored(
    clocked: Page, served_fixture_site: SiteServer
) -> None:
    page, site = clocked, served_fixture_site.url
    work_over_three_days(page, site)
    page.context.clock.set_fixed_time(datetime(2025, 6, 20, 15, 0, tzinfo=LONDON))
    open_ready(page, site + "record/")
    record = page.locator(".qb-record")
    expect(record.locator(".qb-record__own")).to_contain_text(
        "This is your own record, not a certificate."
    )
    name = page.get_by_label("Your name")
    name.fill("Sam *Star* <b>")
    name.press("Tab")
    expect(record.locator(".qb-record__status")).to_have_text("Your name is kept on this device.")
    assert stored(page)["learner:name"]["name"] == "Sam *Star* <b>"

    expect(record.locator("[data-qb-track]:visible")).to_have_text(
        ["Track 1: The first track, done on 1 May 2025"]
    )
    expect(record.locator(".qb-record__quizzes tr:visible")).to_have_count(2)
    expect(record.locator(".qb-record__quizzes tbody tr:visible")).to_have_text(
        ["A sample of every question type6 out of 6 (100%)3 May 2025"]
    )
    expect(record.locator(".qb-record__selves tbody tr:visible")).to_have_text(
        [
            "Where are you now?You have plenty of room to develop (1 May 2025)"
            "You are probably already an effective coach or mentor (9 May 2025)"
        ]
    )
    expect(record.locator(".qb-record__reflections")).to_have_text(
        "2 reflections, last saved between 1 May 2025 and 3 May 2025."
    )
    expect(record.locator(".qb-record__review")).to_have_text(
        "1 answer in review, 1 right, on 9 May 2025; 1 question waiting."
    )
    expect(record.locator(".qb-record__made")).to_have_text("Made on 20 June 2025.")

    page.reload()
    open_ready(page, site + "record/")
    expect(name).to_have_value("Sam *Star* <b>")

    file_name, markdown = download_text(
        page, page.get_by_role("button", name="Download as Markdown")
    )
    assert file_name == "my-course-record-2025-06-20.md"
    lines = markdown.splitlines()
    assert lines[0] == "# My course record"
    assert "Name: Sam \\*Star\\* \\<b\\>" in lines
    assert "- Track 1: The first track, done on 1 May 2025" in lines
    assert "- A sample of every question type: 6 out of 6 (100%), 3 May 2025" in lines
    assert "## Self-assessments" in lines
    assert "2 reflections, last saved between 1 May 2025 and 3 May 2025." in lines
    assert "Made on 20 June 2025." in lines
    assert any(line.startswith("This is your own record, not a certificate.") for line in lines)


def test_an_empty_record_says_so(page: Page, served_fixture_site: SiteServer) -> None:
    open_ready(page, served_fixture_site.url + "record/")
    expect(page.locator(".qb-record__none:visible")).to_have_count(3)
    expect(page.locator(".qb-record__none:visible").first).to_have_text("None yet.")
    expect(page.locator(".qb-record__reflections")).to_have_text("None yet.")
    expect(page.locator(".qb-record__review")).to_have_text("None yet.")
    expect(page.locator(".qb-record .qb-note")).to_be_hidden()


def test_the_record_prints_alone_on_a4_with_the_real_dates(
    clocked: Page, served_fixture_site: SiteServer
) -> None:
    page, site = clocked, served_fixture_site.url
    work_over_three_days(page, site)
    open_ready(page, site + "record/")
    page.emulate_media(media="print")
    expect(page.locator("article > p").first).to_be_hidden()  # the page's introduction
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".qb-record__own")).to_be_visible()
    expect(page.locator("[data-qb-track]:visible")).to_have_text(
        ["Track 1: The first track, done on 1 May 2025"]
    )
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.get_by_role("button", name="Download as Markdown")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 pixels an inch
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 794, f"the printed record is {width}px wide, more than A4"
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert (
        1
        <= pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page")
        <= 2
    )


STORAGE_STUB = """
(() => {
  const granted = %s;
  window.asked = 0;
  const storage = {
    persisted: async () => false,
    persist: async () => { window.asked += 1; return granted; },
    estimate: async () => ({ usage: 2048, quota: 1e9 })
  };
  Object.defineProperty(Navigator.prototype, "storage", { get: () => storage });
})();
"""


@pytest.mark.parametrize(
    ("granted", "said"),
    [
        (
            "true",
            "This browser will keep your work on this device until you delete it. "
            "This site uses 2 KB.",
        ),
        (
            "false",
            "This browser did not agree, so it may still clear your work one day: export it "
            "to a file now and then. This site uses 2 KB.",
        ),
    ],
)
def test_keep_my_work_asks_the_browser_and_says_what_it_answered(
    page: Page, served_fixture_site: SiteServer, granted: str, said: str
) -> None:
    page.context.add_init_script(STORAGE_STUB % granted)
    open_ready(page, served_fixture_site.url + "your-data/")
    button = page.get_by_role("button", name="Keep my work on this device")
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator(".qb-data__kept")
    expect(status).to_have_text(said)
    expect(status).to_have_attribute("aria-live", "polite")
    assert page.evaluate("() => window.asked") == 1


def test_keep_my_work_is_hidden_where_the_browser_cannot_be_asked(
    page: Page, served_fixture_site: SiteServer
) -> None:
    page.context.add_init_script(
        'Object.defineProperty(Navigator.prototype, "storage", { get: () => undefined });'
    )
    open_ready(page, served_fixture_site.url + "your-data/")
    expect(page.locator(".qb-data__actions")).to_be_visible()
    expect(page.locator(".qb-data__keep")).to_be_hidden()
