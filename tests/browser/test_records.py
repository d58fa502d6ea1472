"""The learner's records: progress and ticks, the journal and its downloads, the
self-assessment report and its downloads, and the data page (export, import, clear)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import (
    PREFIX,
    answer_all_right,
    open_ready,
    rate_where_are_you_now,
    stored,
    write_reflection,
)
from tests.conftest import SiteServer

LONDON = ZoneInfo("Europe/London")


def download_text(page: Page, button: Locator) -> tuple[str, str]:
    """Click a download button; return the file's suggested name and its text."""
    with page.expect_download() as download:
        button.click()
    return download.value.suggested_filename, Path(download.value.path()).read_text("utf-8")


@pytest.fixture
def dated_page(browser: Browser) -> Page:
    """A page whose clock says 1 May 2025, 10:00 in London."""
    page, watch = open_page(browser, timezone_id="Europe/London")
    page.context.clock.set_fixed_time(datetime(2025, 5, 1, 10, 0, tzinfo=LONDON))
    yield page
    page.context.close()
    assert not watch.errors + watch.outside, watch.errors + watch.outside


# ---------------------------------------------------------------- progress


def test_marking_tracks_done_shows_on_the_home_page_and_in_the_navigation(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site)
    expect(page.locator(".qb-progress__summary")).to_have_text("0 of 2 tracks done.")
    expect(page.locator(".qb-progress .qb-note")).to_be_hidden()
    open_ready(page, site + "tracks/02-two/")
    done = page.locator("[data-qb-action='track-done']")
    expect(done).to_have_accessible_name("Mark track 2 as done")
    expect(done).to_have_attribute("aria-pressed", "false")
    done.click()
    # Once pressed, the button says so in its words as well as its state.
    expect(done).to_have_attribute("aria-pressed", "true")
    expect(done).to_have_text("Done: track 2")
    status = page.locator(".qb-track-done__status")
    expect(status).to_have_text("Track 2 is marked as done.")
    expect(status).to_have_attribute("aria-live", "polite")
    nav = page.locator(".md-nav--primary")
    expect(nav.get_by_role("link", name="Track two done")).to_have_count(1)
    expect(nav.locator(".qb-tick")).to_have_count(1)

    open_ready(page, site)
    expect(page.locator(".qb-progress__summary")).to_have_text("1 of 2 tracks done.")
    expect(page.locator("article").get_by_role("link", name="The second track done")).to_have_count(
        1
    )
    expect(
        page.locator("article").get_by_role("link", name="The first track", exact=True)
    ).to_have_count(1)

    open_ready(page, site + "tracks/02-two/")
    expect(done).to_have_attribute("aria-pressed", "true")
    expect(done).to_have_text("Done: track 2")
    done.click()
    expect(status).to_have_text("Track 2 is no longer marked as done.")
    expect(done).to_have_text("Mark track 2 as done")
    expect(page.locator(".qb-tick")).to_have_count(0)
    open_ready(page, site)
    expect(page.locator(".qb-progress__summary")).to_have_text("0 of 2 tracks done.")


def test_the_home_page_says_where_to_go_next_and_how_far_the_learner_has_come(
    dated_page: Page, served_fixture_site: SiteServer
) -> None:
    page, site = dated_page, served_fixture_site.url
    open_ready(page, site)
    go = page.locator(".qb-progress__continue")
    expect(go).to_have_text("Start the course")
    expect(go).to_have_attribute("href", re.compile(r"(^|/)tracks/01-one/$"))
    expect(page.locator(".qb-progress__bar")).to_have_attribute("max", "2")
    assert page.locator(".qb-progress__bar").evaluate("bar => bar.value") == 0
    expect(page.locator(".qb-progress__bar")).to_have_accessible_name("0 of 2 tracks done.")
    expect(page.locator(".qb-progress__facts li")).to_have_text(
        ["No questions to review today.", "No self-assessment result yet.", "No quiz scored yet."]
    )

    # The first track not yet done, whichever were done.
    open_ready(page, site + "tracks/02-two/")
    page.get_by_role("button", name="Mark track 2 as done").click()
    open_ready(page, site)
    expect(go).to_have_text("Continue: Track 1, The first track")
    go.click()
    page.wait_for_url("**/tracks/01-one/")
    page.get_by_role("button", name="Mark track 1 as done").click()
    open_ready(page, site)
    expect(go).to_have_text("All tracks done: review Track 1, The first track")
    assert page.locator(".qb-progress__bar").evaluate("bar => bar.value") == 2
    open_ready(page, site + "tracks/01-one/")
    page.get_by_role("button", name="Done: track 1").click()
    open_ready(page, site)
    expect(go).to_have_text("Continue: Track 1, The first track")
    expect(go.locator(".qb-tick, + .qb-best")).to_have_count(0)  # a button, not a ticked link

    # The latest self-assessment result, with its date, and the quizzes scored in full.
    open_ready(page, site + "self/")
    rate_where_are_you_now(page, ["Rarely"])
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    open_ready(page, site + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    open_ready(page, site)
    expect(page.locator(".qb-progress__facts li")).to_have_text(
        [
            "No questions to review today.",
            "Latest self-assessment (Where are you now?): You have plenty of room to develop, "
            "on 1 May 2025.",
            "1 quiz with a best score.",
        ]
    )


def test_best_quiz_scores_show_beside_the_links_to_their_pages(
    dated_page: Page, served_fixture_site: SiteServer
) -> None:
    page, site = dated_page, served_fixture_site.url
    open_ready(page, site + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    open_ready(page, site + "tracks/01-one/")
    # The same questions on another page show the answers given on the first: answers are
    # kept by bank and question, scores by page.
    expect(page.locator("#qb-sample-multiple input[value='2']")).to_be_checked()
    page.locator("#qb-sample-single").get_by_label("Growth", exact=True).check()
    page.get_by_role("button", name="Show my score").click()
    open_ready(page, site)
    article = page.locator("article")
    expect(article.locator("a[href$='/quiz/'] + .qb-best")).to_have_text(
        "Best score: 6 out of 6 (100%)"
    )
    expect(article.locator("a[data-qb-track='1'] + .qb-best")).to_have_text(
        "Best score: 1 out of 2 (50%)"
    )
    expect(page.locator(".md-nav .qb-best")).to_have_count(0)


# ---------------------------------------------------------------- journal


def fill_journal(page: Page, site: str) -> None:
    """Answer reflections on three pages, out of page order."""
    open_ready(page, site + "self/")
    write_reflection(page, "self-before", "Uneasy, to be honest.")
    open_ready(page, site + "tracks/02-two/")
    write_reflection(page, "t02-listening", "My manager, last week.")
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-doubts", 'Saying the "wrong" thing.')
    write_reflection(page, "t01-hopes", "To listen better.\n\nAnd to ask <b>good</b> questions.")


def test_the_journal_gathers_every_entry_by_track_with_dates(
    dated_page: Page, served_fixture_site: SiteServer
) -> None:
    page, site = dated_page, served_fixture_site.url
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__empty")).to_be_visible()
    expect(page.locator(".qb-journal__actions")).to_be_hidden()
    fill_journal(page, site)
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__empty")).to_be_hidden()
    expect(page.locator(".qb-journal__group")).to_have_text(
        ["Track 1: The first track", "Track 2: The second track", "Self-assessment"]
    )
    expect(page.locator(".qb-journal__group a").first).to_have_attribute(
        "href", site + "tracks/01-one/"
    )
    expect(page.locator(".qb-journal__prompt")).to_have_text(
        [
            "What do you hope to get from this course?",
            "What worries you about coaching someone else?",
            "When did someone last really listen to you? What did they do?",
            "How do you feel about rating yourself?",
        ]
    )
    expect(page.locator(".qb-journal__date")).to_have_text(["Written on 1 May 2025"] * 4)
    first = page.locator(".qb-journal__text").first
    expect(first).to_have_text("To listen better.\n\nAnd to ask <b>good</b> questions.")
    assert first.evaluate("el => el.children.length") == 0, "learner text became markup"

    # Editing an answer moves nothing, and emptying one takes it out of the journal.
    open_ready(page, site + "tracks/01-one/")
    page.locator("#qb-reflection-t01-doubts textarea").fill("")
    page.wait_for_function(
        "key => localStorage.getItem(key) === null", arg=PREFIX + "reflection:t01-doubts"
    )
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__entry")).to_have_count(3)


def test_the_journal_downloads_as_markdown_and_as_plain_text(
    dated_page: Page, served_fixture_site: SiteServer
) -> None:
    page, site = dated_page, served_fixture_site.url
    fill_journal(page, site)
    open_ready(page, site + "journal/")
    name, markdown = download_text(page, page.get_by_role("button", name="Download as Markdown"))
    assert name == "my-journal-2025-05-01.md"
    assert markdown == (
        "# My journal\n\nDownloaded on 1 May 2025.\n\n"
        "## Track 1: The first track\n\n"
        "### What do you hope to get from this course?\n\n*Written on 1 May 2025*\n\n"
        "To listen better.\n\nAnd to ask &lt;b>good&lt;/b> questions.\n\n"
        "### What worries you about coaching someone else?\n\n*Written on 1 May 2025*\n\n"
        'Saying the "wrong" thing.\n\n'
        "## Track 2: The second track\n\n"
        "### When did someone last really listen to you? What did they do?\n\n"
        "*Written on 1 May 2025*\n\nMy manager, last week.\n\n"
        "## Self-assessment\n\n"
        "### How do you feel about rating yourself?\n\n*Written on 1 May 2025*\n\n"
        "Uneasy, to be honest.\n"
    )
    name, text = download_text(page, page.get_by_role("button", name="Download as plain text"))
    assert name == "my-journal-2025-05-01.txt"
    assert text.startswith(
        "MY JOURNAL\n\nDownloaded on 1 May 2025.\n\n"
        "TRACK 1: THE FIRST TRACK\n\n"
        "What do you hope to get from this course?\n\n"
        "Written on 1 May 2025\n\nTo listen better."
    )
    assert "#" not in text
    assert "*" not in text


def test_the_journal_prints_alone(dated_page: Page, served_fixture_site: SiteServer) -> None:
    page, site = dated_page, served_fixture_site.url
    fill_journal(page, site)
    open_ready(page, site + "journal/")
    page.emulate_media(media="print")
    expect(page.locator("article > p").first).to_be_hidden()  # the page's own introduction
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator(".qb-journal__entry")).to_have_count(4)
    expect(page.locator(".qb-journal__entry").first).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator("article > p").first).to_be_visible()


# ---------------------------------------------------------------- self-assessment report


def show_result(page: Page, site: str, pattern: list[str]) -> Locator:
    """Rate the fixture's self-assessment in a pattern, show the result, return the report."""
    open_ready(page, site + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    report = block.locator(".qb-self__report")
    expect(report).to_be_hidden()
    rate_where_are_you_now(page, pattern)
    block.get_by_role("button", name="Show my result").click()
    expect(report).to_be_visible()
    return report


def test_the_report_charts_each_section_and_lists_the_priorities(
    dated_page: Page, served_fixture_site: SiteServer
) -> None:
    page = dated_page
    report = show_result(page, served_fixture_site.url, ["Usually", "Sometimes", "Rarely"])

    bars = report.locator(".qb-chart__bar")
    expect(bars).to_have_count(2)
    expect(bars.first).to_have_attribute("role", "img")
    expect(bars.first).to_have_attribute("aria-label", "Do you …: Usually 5, Sometimes 5, Rarely 5")
    expect(bars.nth(1)).to_have_attribute(
        "aria-label", "Are you …: Usually 3, Sometimes 3, Rarely 2"
    )
    expect(bars.first.locator(".qb-chart__part")).to_have_text(["5", "5", "5"])
    widths = (
        bars.nth(1)
        .locator(".qb-chart__part")
        .evaluate_all("parts => parts.map(part => part.getBoundingClientRect().width)")
    )
    assert widths[0] == pytest.approx(widths[1])
    assert widths[0] == pytest.approx(widths[2] * 3 / 2, abs=2)  # 3 : 3 : 2, give or take borders
    # Each part's width comes from a CSSOM write, and nothing else is styled inline.
    assert report.locator("[style]").evaluate_all(
        "els => els.map(e => e.getAttribute('style'))"
    ) == ["flex-grow: 5;"] * 3 + ["flex-grow: 3;", "flex-grow: 3;", "flex-grow: 2;"]
    expect(report.locator(".qb-chart__legend li")).to_have_text(["Usually", "Sometimes", "Rarely"])
    rows = report.locator(".qb-chart__table tbody tr")
    expect(rows.first.locator("th, td")).to_have_text(["Do you …", "5", "5", "5"])
    expect(rows.nth(1).locator("th, td")).to_have_text(["Are you …", "3", "3", "2"])

    rarely = page.evaluate("""() => [...document.querySelectorAll(
        '#qb-self-where-are-you-now .qb-item')].filter(i => i.querySelector('input:checked')
        .value === 'rarely').map(i => i.querySelector('.qb-item__text').textContent)""")
    assert len(rarely) == 7
    expect(report.locator(".qb-self__priorities li")).to_have_text(rarely)


def test_the_report_compares_attempts_and_downloads_them(
    dated_page: Page, served_fixture_site: SiteServer
) -> None:
    page = dated_page
    report = show_result(page, served_fixture_site.url, ["Usually", "Sometimes", "Rarely"])
    block = page.locator("#qb-self-where-are-you-now")
    history = report.locator(".qb-self__history tbody tr")
    expect(history).to_have_count(1)
    expect(history.first.locator("th, td")).to_have_text(
        ["1 May 2025", "You have a good base to build on", "8", "8", "7"]
    )
    expect(report.locator(".qb-self__compare")).to_have_text(
        "This is your first result: take the self-assessment again later to compare."
    )

    page.context.clock.set_fixed_time(datetime(2025, 6, 2, 10, 0, tzinfo=LONDON))
    rate_where_are_you_now(page, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    expect(history).to_have_count(2)
    expect(history.nth(1).locator("th")).to_have_text("2 June 2025")
    expect(report.locator(".qb-self__priorities li")).to_have_text(["None."])
    expect(report.locator(".qb-self__compare")).to_have_text(
        "Since your first result, on 1 May 2025: Usually 8 then, 23 now; Sometimes 8 then, 0 now; "
        "Rarely 7 then, 0 now. Your result then: You have a good base to build on. Now: You are "
        "probably already an effective coach or mentor."
    )

    name, text = download_text(page, report.get_by_role("button", name="Download as CSV"))
    assert name == "where-are-you-now-results-2025-06-02.csv"
    rows_csv = list(csv.reader(io.StringIO(text)))
    assert rows_csv[0] == ["Date", "Result", "Section", "Statement", "Rating"]
    assert len(rows_csv) == 1 + 2 * 23
    assert rows_csv[1] == [
        "2025-05-01",
        "You have a good base to build on",
        "Do you …",
        "build rapport and keep communication open?",
        "Usually",
    ]
    assert rows_csv[2][4] == "Sometimes"
    assert rows_csv[24][:2] == [
        "2025-06-02",
        "You are probably already an effective coach or mentor",
    ]

    name, text = download_text(page, report.get_by_role("button", name="Download as JSON"))
    assert name == "where-are-you-now-results-2025-06-02.json"
    data = json.loads(text)
    assert (data["format"], data["version"], data["bank"]) == (
        "quizbank-self-assessment",
        1,
        "where-are-you-now",
    )
    assert [a["date"] for a in data["attempts"]] == [
        "2025-05-01T09:00:00.000Z",
        "2025-06-02T09:00:00.000Z",
    ]
    assert data["attempts"][0]["counts"] == {"usually": 8, "sometimes": 8, "rarely": 7}
    assert data["attempts"][1]["ratings"]["wayn-rapport"] == "usually"
    assert len(data["attempts"][0]["ratings"]) == 23


def test_the_last_fifty_attempts_are_kept_on_screen_and_in_storage_alike(
    page: Page, served_fixture_site: SiteServer
) -> None:
    report = show_result(page, served_fixture_site.url, ["Usually", "Sometimes", "Rarely"])
    button = page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result")
    for _ in range(51):
        button.click()
    expect(report.locator(".qb-self__history tbody tr")).to_have_count(50)
    assert len(stored(page)["result:where-are-you-now"]["h"]) == 50
    page.reload()
    expect(report.locator(".qb-self__history tbody tr")).to_have_count(50)


def test_a_total_score_self_assessment_gets_a_report_too(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "self/")
    block = page.locator("#qb-self-scored")
    block.locator("fieldset.qb-item").nth(0).get_by_label("Often", exact=True).check()
    block.locator("fieldset.qb-item").nth(1).get_by_label("Seldom", exact=True).check()
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-chart__bar")).to_have_attribute(
        "aria-label", "Do you …: Often 1, Seldom 1"
    )
    expect(block.locator(".qb-self__priorities li")).to_have_text(["ask?"])


# ---------------------------------------------------------------- your data


def make_records(page: Page, site: str) -> None:
    """Leave something of every kind: answers, a score, a result, reflections, a done track,
    the quizzes' orders, a question to review and the learner's name."""
    open_ready(page, site + "typed/")
    page.get_by_label("Your answer").fill("Why")
    page.get_by_role("button", name="Check answer").click()
    open_ready(page, site + "record/")
    page.get_by_label("Your name").fill("Sam Star")
    page.get_by_label("Your name").press("Enter")
    page.get_by_label("Your name").blur()
    expect(page.locator(".qb-record__status")).to_have_text("Your name is kept on this device.")
    open_ready(page, site + "quiz/")
    answer_all_right(page)
    page.get_by_role("button", name="Show my score").click()
    open_ready(page, site + "self/")
    rate_where_are_you_now(page, ["Usually", "Rarely"])
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "To listen better.")
    page.get_by_role("button", name="Mark track 1 as done").click()


def table_counts(page: Page) -> dict[str, str]:
    return dict(
        page.locator(".qb-data tr:has(td)").evaluate_all(
            "rows => rows.map(r => [r.querySelector('th').textContent, r.querySelector('td')"
            ".textContent])"
        )
    )


def test_the_data_page_lists_what_is_stored(page: Page, served_fixture_site: SiteServer) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "your-data/")
    expect(page.locator(".qb-data .qb-note")).to_be_hidden()
    assert set(table_counts(page).values()) == {"0"}
    make_records(page, site)
    open_ready(page, site + "your-data/")
    assert table_counts(page) == {
        "Quiz answers and self-assessment ratings": "30",
        "Quiz scores": "1",
        "Self-assessment results": "1",
        "Journal entries": "1",
        "Tracks marked done": "1",
        "Question order and drawn sets of questions": "3",
        "Questions to review": "1",
        "Your name, for your course record": "1",
        "Old or damaged items the course no longer uses": "0",
        "Everything": "39",
    }
    sizes = page.locator(".qb-data td:nth-child(3)").all_text_contents()
    # In plain words: nothing is "none", a little is "under 1 KB", never "0.0 KB".
    assert sizes[8] == "none"  # the old or damaged items
    assert all(size in ("none", "under 1 KB") or size.endswith(" KB") for size in sizes)
    assert float(sizes[-1].split()[0]) > 1


def test_clear_everything_asks_first_and_can_be_backed_out_of(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    make_records(page, site)
    open_ready(page, site + "your-data/")
    before = stored(page)
    clear = page.get_by_role("button", name="Clear everything")
    yes = page.get_by_role("button", name="Yes, delete everything")
    dialog = page.get_by_role("dialog", name="Clear everything?")
    status = page.locator(".qb-data__status")
    expect(yes).to_be_hidden()

    clear.click()
    expect(dialog).to_be_visible()
    expect(dialog).to_have_accessible_description(re.compile("cannot be undone"))
    expect(yes).to_be_focused()
    page.keyboard.press("Escape")
    expect(yes).to_be_hidden()
    expect(clear).to_be_focused()
    expect(status).to_have_text("Nothing was deleted.")

    clear.click()
    page.get_by_role("button", name="Cancel").click()
    expect(clear).to_be_focused()
    assert stored(page) == before

    clear.click()
    yes.click()
    expect(status).to_have_text("Everything is deleted.")
    expect(clear).to_be_focused()
    assert stored(page) == {}
    assert table_counts(page)["Everything"] == "0"
    open_ready(page, site + "quiz/")
    expect(page.locator(".qb-quiz input:checked")).to_have_count(0)


def test_export_clear_and_import_bring_everything_back(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    make_records(page, site)
    open_ready(page, site + "your-data/")
    before = stored(page)
    name, text = download_text(page, page.get_by_role("button", name="Export to a file"))
    assert re.fullmatch(r"course-data-\d{4}-\d\d-\d\d\.json", name)
    exported = json.loads(text)
    assert (
        exported["format"],
        exported["version"],
        exported["course"],
        exported["scope"],
    ) == ("quizbank-learner-data", 1, "fixture-course", "/")
    assert exported["entries"] == before
    expect(page.locator(".qb-data__status")).to_have_text("Exported 39 items.")

    page.get_by_role("button", name="Clear everything").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator(".qb-data__status")).to_have_text("Everything is deleted.")
    assert stored(page) == {}
    page.locator(".qb-data__file").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": text.encode()}]
    )
    expect(page.locator(".qb-data__status")).to_have_text("Imported 39 items: 39 new.")
    assert stored(page) == before
    assert table_counts(page)["Everything"] == "39"

    open_ready(page, site + "quiz/")
    expect(page.locator("#qb-sample-single input[value='0']")).to_be_checked()
    expect(page.locator(".qb-quiz__score")).to_contain_text("Your best: 6 out of 6 (100%).")
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__text")).to_have_text("To listen better.")
    open_ready(page, site + "record/")
    expect(page.get_by_label("Your name")).to_have_value("Sam Star")
    expect(page.locator(".qb-record__review")).to_contain_text("1 question waiting")


def test_the_import_button_opens_the_file_chooser(
    page: Page, served_fixture_site: SiteServer
) -> None:
    open_ready(page, served_fixture_site.url + "your-data/")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import from a file").click()
    assert not chooser.value.is_multiple()


GOOD = {
    "format": "quizbank-learner-data",
    "version": 1,
    "course": "fixture-course",
    "scope": "/",
    "entries": {"done:2": {"t": 1}},
}
NOT_OURS = "it is not a file this page exported, or it is damaged"
OLDER = {key: value for key, value in GOOD.items() if key != "course"}
"""A file exported before courses declared an id: it knows only the address it came from."""


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{ this is not json", NOT_OURS),
        (b"", NOT_OURS),
        (json.dumps([1, 2, 3]).encode(), NOT_OURS),
        (json.dumps({"entries": {"done:2": {"t": 1}}}).encode(), NOT_OURS),
        (json.dumps({**GOOD, "format": "something-else"}).encode(), NOT_OURS),
        (
            json.dumps({**GOOD, "version": 2}).encode(),
            "it comes from a newer version of the course",
        ),
        (
            json.dumps({**GOOD, "course": "other-course"}).encode(),
            "it is another course's (other-course)",
        ),
        (
            json.dumps({**OLDER, "scope": "/other-course/"}).encode(),
            "it names no course, and it comes from another address (/other-course/)",
        ),
        (
            json.dumps({key: value for key, value in OLDER.items() if key != "scope"}).encode(),
            NOT_OURS,
        ),
        (
            json.dumps({**GOOD, "entries": {"answer:x:y": {"t": 1}}}).encode(),
            "its one entry could not be read",
        ),
        (
            json.dumps(
                {**GOOD, "entries": {"qb:v1:/:done:3": {"t": 1}, "constructor:x": {"t": 1}}}
            ).encode(),
            "none of its 2 entries could be read",
        ),
        (json.dumps({**GOOD, "entries": [{"t": 1}]}).encode(), NOT_OURS),
    ],
)
def test_a_malformed_or_foreign_file_is_refused_and_changes_nothing(
    page: Page, served_fixture_site: SiteServer, content: bytes, reason: str
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "tracks/01-one/")
    page.get_by_role("button", name="Mark track 1 as done").click()
    open_ready(page, site + "your-data/")
    before = stored(page)
    page.locator(".qb-data__file").set_input_files(
        files=[{"name": "data.json", "mimeType": "application/json", "buffer": content}]
    )
    expect(page.locator(".qb-data__status")).to_have_text(
        f"Nothing was imported from that file: {reason}."
    )
    assert stored(page) == before
    # The same file, made right, is accepted: the refusal was about what was wrong with it.
    page.locator(".qb-data__file").set_input_files(
        files=[
            {
                "name": "data.json",
                "mimeType": "application/json",
                "buffer": json.dumps(GOOD).encode(),
            }
        ]
    )
    expect(page.locator(".qb-data__status")).to_have_text("Imported 1 item: 1 new.")
    assert set(stored(page)) - set(before) == {"done:2"}
