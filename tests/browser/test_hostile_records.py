"""The learner's records survive anything (issue 15): hostile or stale imports, bad records in
storage, another course's file and the learner's own from another folder, two tabs, a full
disk. Each test gives the page the hostile input, then checks what the learner sees and what
storage holds. Nothing a record holds ever runs as script: payloads set `window.pwned`, and
the pages are visited with and without the Content-Security-Policy header."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page
from tests.browser.helpers import (
    PREFIX,
    answer_all_right,
    open_ready,
    rate_where_are_you_now,
    seed,
    stored,
    write_reflection,
)
from tests.browser.test_csp import record_violations, served_with_policy
from tests.browser.test_records import download_text
from tests.browser.test_storage_faults import STORAGE_FULL, STORAGE_OFF
from tests.conftest import FIXTURE_SITE, EditableSite, SiteServer, build_site

STATUS = ".qb-data__status"
COURSE = "fixture-course"
PWNED = "window.pwned=1"
"""What every payload runs if it ever runs: the test then finds window.pwned set."""
DAY = 86_400_000


def learner_file(entries: dict[str, object], **fields: object) -> dict[str, object]:
    """A file as the data page exports it, with these entries (and other fields changed)."""
    return {
        "format": "quizbank-learner-data",
        "version": 1,
        "course": COURSE,
        "scope": "/",
        "entries": entries,
        **fields,
    }


def import_file(page: Page, data: object) -> None:
    """Choose a file to import on the data page (which must be open)."""
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    page.locator(".qb-data__file").set_input_files(
        files=[{"name": "data.json", "mimeType": "application/json", "buffer": content}]
    )


def reflection(text: str, t: int = 1_700_000_000_000, **fields: object) -> dict[str, object]:
    """A reflection record as the script writes it, on track 1's page."""
    return {
        "v": "x",
        "t": t,
        "text": text,
        "page": "tracks/01-one/",
        "title": "The first track",
        "order": 0,
        "prompt": "What do you hope to get from this course?",
        "track": 1,
        **fields,
    }


def not_pwned(page: Page) -> None:
    assert page.evaluate("() => window.pwned") is None, "a payload ran"


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """The fixture course served with the Content-Security-Policy its build wrote."""
    yield from served_with_policy(
        FIXTURE_SITE / "mkdocs.yml", tmp_path_factory.mktemp("hostile-csp") / "site"
    )


@pytest.fixture(params=["without the policy", "with the policy"])
def any_site(
    request: pytest.FixtureRequest, served_fixture_site: SiteServer, csp_site: SiteServer
) -> SiteServer:
    """The fixture course as a file share serves it (no headers), and with the policy."""
    return csp_site if request.param == "with the policy" else served_fixture_site


# ---------------------------------------------------------------- 1. script from an imported file


def test_an_imported_page_outside_the_course_is_skipped_and_never_linked(
    page: Page, any_site: SiteServer
) -> None:
    site = any_site.url
    violations = record_violations(page)
    open_ready(page, site + "your-data/")
    before = stored(page)
    hostile = {
        "reflection:t01-hopes": reflection("Run?", page=f"javascript:{PWNED}"),
        "reflection:t01-doubts": reflection("Leave?", page="https://other.example/"),
        "reflection:t02-listening": reflection("Blank?", page="http://[bad"),
        "done:1": {"t": 1, "page": f"javascript:{PWNED}"},
    }
    # Nothing in the file can be read: it is refused, and storage is as it was.
    import_file(page, learner_file(hostile))
    expect(page.locator(STATUS)).to_have_text(
        "Nothing was imported from that file: none of its 4 entries could be read."
    )
    assert stored(page) == before
    # With one good entry, that one is imported, and the others are said to be skipped.
    good = reflection("To listen better.", page="tracks/02-two/", prompt="Who listened?")
    import_file(page, learner_file({**hostile, "reflection:self-before": good}))
    expect(page.locator(STATUS)).to_have_text(
        "Imported 1 item: 1 new. Skipped 4 that could not be read."
    )
    assert stored(page) == {**before, "reflection:self-before": good}

    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__text")).to_have_text(["To listen better."])
    links = page.locator(".qb-journal a").evaluate_all("links => links.map(link => link.href)")
    assert links == [site + "tracks/02-two/"]
    page.locator(".qb-journal a").click()
    page.wait_for_url(site + "tracks/02-two/")
    not_pwned(page)
    assert violations == []


# ---------------------------------------------------------------- 2. import merges by time


def test_an_import_keeps_the_newer_copy_of_each_entry_and_says_what_it_did(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "Written today.")
    page.get_by_role("button", name="Mark track 1 as done").click()
    open_ready(page, site + "your-data/")
    before = stored(page)
    now = before["reflection:t01-hopes"]["t"]
    file = learner_file(
        {
            "reflection:t01-hopes": reflection("A month-old copy.", t=now - 30 * DAY),
            "reflection:t01-doubts": reflection("Not here yet.", t=now - 30 * DAY),
            "done:1": {"t": now + DAY, "page": "tracks/01-one/"},
            "done:2": {"t": now - DAY},
            "done:0": {"t": now},
        }
    )
    import_file(page, file)
    expect(page.locator(STATUS)).to_have_text(
        "Imported 3 items: 2 new, 1 updated. Kept 1 from this device, as new or newer. "
        "Skipped 1 that could not be read."
    )
    after = stored(page)
    assert after["reflection:t01-hopes"] == before["reflection:t01-hopes"]
    assert after["reflection:t01-doubts"]["text"] == "Not here yet."
    assert after["done:1"]["t"] == now + DAY
    assert set(after) == set(before) | {"reflection:t01-doubts", "done:2"}

    # The same file again: nothing is newer any more, so nothing changes.
    import_file(page, file)
    expect(page.locator(STATUS)).to_have_text(
        "Nothing new was imported. Kept 4 from this device, as new or newer. "
        "Skipped 1 that could not be read."
    )
    assert stored(page) == after


# ---------------------------------------------------------------- 3. bad records in storage


def test_the_journal_skips_a_bad_record_says_so_and_shows_the_rest(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    records = {
        "reflection:t01-hopes": reflection("Good and readable."),
        "reflection:t01-doubts": reflection("Far future.", t=1e300),
        "reflection:t02-listening": reflection("Bad address.", page="http://[bad"),
        "reflection:self-before": reflection("Not a string.", prompt=["no"]),
    }
    seed(page, site, records)
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal .qb-skipped")).to_have_text(
        "3 entries could not be read and were skipped."
    )
    expect(page.locator(".qb-journal .qb-skipped")).to_have_attribute("role", "status")
    expect(page.locator(".qb-journal__text")).to_have_text(["Good and readable."])
    _, text = download_text(page, page.get_by_role("button", name="Download as Markdown"))
    assert "Good and readable." in text
    assert "Far future" not in text
    # Nothing was deleted: they are the learner's, listed on the data page as unreadable.
    assert stored(page, PREFIX).keys() == records.keys()
    open_ready(page, site + "your-data/")
    unreadable = page.locator(
        ".qb-data tbody tr", has_text="Old or damaged items the course no longer uses"
    )
    expect(unreadable.locator("td").first).to_have_text("3")


def test_a_quiz_and_a_self_assessment_work_past_bad_records(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "self/")
    item = page.locator("#qb-self-where-are-you-now fieldset.qb-item").first
    version = item.get_attribute("data-qb-version")
    question = item.get_attribute("data-qb-question")
    best = {"t": 1, "right": 6, "total": 6, "percent": 100}
    seed(
        page,
        site,
        {
            "score:sample:quiz/": {
                "t": 1,
                "page": "quiz/",
                "last": {**best, "t": 1e300},
                "best": best,
            },
            f"answer:where-are-you-now:{question}": {
                "t": 1,
                "v": version,
                "a": ["rarely"],
                "c": True,
            },
        },
    )
    open_ready(page, site + "quiz/")
    quiz = page.locator(".qb-quiz")
    expect(quiz.locator(".qb-skipped")).to_have_text("1 entry could not be read and was skipped.")
    expect(quiz.locator(".qb-quiz__score")).to_have_text("")
    answer_all_right(page)
    quiz.get_by_role("button", name="Show my score").click()
    expect(quiz.locator(".qb-quiz__score")).to_have_text(
        "Passed. You scored 6 out of 6 (100%); the pass mark is 60%."
    )

    # A rating saved as "checked" is a rating all the same: put back, never graded.
    open_ready(page, site + "self/")
    expect(item.get_by_label("Rarely", exact=True)).to_be_checked()
    expect(page.locator("#qb-self-where-are-you-now .qb-skipped")).to_have_count(0)
    rate_where_are_you_now(page, ["Usually"])
    page.locator("#qb-self-where-are-you-now").get_by_role("button", name="Show my result").click()
    expect(page.locator("#qb-self-where-are-you-now .qb-self__band")).to_contain_text(
        "Your result:"
    )


def test_export_leaves_out_what_cannot_be_read_and_still_works(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    seed(page, site, {"done:1": {"t": 1}})
    page.evaluate(
        """prefix => localStorage.setItem(prefix + "answer:sample:sample-single",
            '{"t": 1, "v": "x", "a": ' + "[".repeat(5000) + '"x"' + "]".repeat(5000) + "}")""",
        PREFIX,
    )
    open_ready(page, site + "your-data/")
    _, text = download_text(page, page.get_by_role("button", name="Export to a file"))
    expect(page.locator(STATUS)).to_have_text("Exported 1 item. Left out 1 that could not be read.")
    assert json.loads(text)["entries"] == {"done:1": {"t": 1}}


# ---------------------------------------------------------------- 4. whose file is it?


def test_another_courses_file_at_the_same_address_is_refused(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "Mine.")
    open_ready(page, site + "your-data/")
    before = stored(page)
    # Another course served at / on another host: the same scope, another course.
    import_file(
        page,
        learner_file(
            {"reflection:t01-hopes": reflection("Theirs.", t=4e12)}, course="other-course"
        ),
    )
    expect(page.locator(STATUS)).to_have_text(
        "Nothing was imported from that file: it is another course's (other-course)."
    )
    assert stored(page) == before


@pytest.fixture(scope="module")
def two_folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fixture course built for a file share, copied to two computers' different folders."""
    folders = []
    for name in ("first-computer", "second-computer"):
        folder = tmp_path_factory.mktemp(name) / "Shared course"
        build_site(FIXTURE_SITE / "mkdocs.yml", folder, use_directory_urls=False, site_url="")
        folders.append(folder)
    return folders[0], folders[1]


def test_the_learners_own_file_moves_to_another_folder_and_another_courses_does_not(
    browser: Browser, two_folders: tuple[Path, Path]
) -> None:
    first, second = two_folders
    page, watch = open_page(browser)
    open_ready(page, (first / "tracks" / "01-one.html").as_uri())
    write_reflection(page, "t01-hopes", "Written on the first computer.")
    open_ready(page, (first / "your-data.html").as_uri())
    _, text = download_text(page, page.get_by_role("button", name="Export to a file"))
    exported = json.loads(text)
    assert exported["course"] == COURSE
    assert exported["scope"] == first.as_uri().removeprefix("file://") + "/"
    page.context.close()

    page, watch_second = open_page(browser)
    open_ready(page, (second / "your-data.html").as_uri())
    prefix = f"qb:v1:{second.as_uri().removeprefix('file://')}/:"
    # Exported before courses had ids, the same file would name only the first folder.
    older = {key: value for key, value in exported.items() if key != "course"}
    import_file(page, older)
    expect(page.locator(STATUS)).to_contain_text(
        "Nothing was imported from that file: it names no course, and it comes from another address"
    )
    assert stored(page, prefix) == {}
    import_file(page, {**exported, "course": "another-course"})
    expect(page.locator(STATUS)).to_have_text(
        "Nothing was imported from that file: it is another course's (another-course)."
    )
    assert stored(page, prefix) == {}
    import_file(page, exported)
    # The reflection, and the order the track page's quiz was shown in (its attempt).
    assert sorted(key.split(":")[0] for key in exported["entries"]) == ["attempt", "reflection"]
    expect(page.locator(STATUS)).to_have_text("Imported 2 items: 2 new.")
    assert stored(page, prefix) == exported["entries"]
    open_ready(page, (second / "journal.html").as_uri())
    expect(page.locator(".qb-journal__text")).to_have_text("Written on the first computer.")
    expect(page.locator(".qb-journal__group a")).to_have_attribute(
        "href", (second / "tracks" / "01-one.html").as_uri()
    )
    page.context.close()
    assert not watch.errors + watch_second.errors


# ---------------------------------------------------------------- 5. smaller ones


def test_only_whole_track_numbers_count_as_finished_tracks(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    records = {f"done:{key}": {"t": 1} for key in ("-1", "0.5", "01", "0", "1", "3")}
    seed(page, site, records)
    open_ready(page, site)
    expect(page.locator(".qb-progress__summary")).to_have_text("1 of 2 tracks done.")
    expect(page.locator(".qb-progress .qb-skipped")).to_have_text(
        "4 entries could not be read and were skipped."
    )
    assert stored(page).keys() == records.keys()


def repeat_the_attempt(page: Page, count: int, *, hours: int) -> None:
    """Replace the stored self-assessment history with `count` copies of its first attempt,
    the first on 1 January 2020 and each `hours` after the one before."""
    page.evaluate(
        """([key, count, step]) => {
        const record = JSON.parse(localStorage.getItem(key));
        const [attempt] = record.h;
        record.h = Array.from({ length: count }, (_, n) =>
            ({ ...attempt, t: Date.UTC(2020, 0, 1) + n * step }));
        localStorage.setItem(key, JSON.stringify(record));
    }""",
        [PREFIX + "result:where-are-you-now", count, hours * 3_600_000],
    )


def test_a_long_history_draws_its_last_fifty_attempts(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    rate_where_are_you_now(page, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    expect(block.locator(".qb-self__history tbody tr")).to_have_count(1)
    repeat_the_attempt(page, 5000, hours=1)
    open_ready(page, site + "self/")
    expect(block.locator(".qb-self__history tbody tr")).to_have_count(50)
    last = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(hours=4999)
    expect(block.locator(".qb-self__history tbody tr").last.locator("th")).to_have_text(
        f"{last.day} {last:%B %Y}"
    )


def test_a_new_result_adds_its_row_and_keeps_the_rows_already_drawn(
    page: Page, served_fixture_site: SiteServer
) -> None:
    """Showing a result with a full history adds one row and drops the oldest: the rows the
    learner had are the same rows, not drawn again (issue 16)."""
    site = served_fixture_site.url
    open_ready(page, site + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    rows = block.locator(".qb-self__history tbody tr")
    rate_where_are_you_now(page, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    expect(rows).to_have_count(1)  # the page script draws the result once it is loaded
    repeat_the_attempt(page, 50, hours=24)
    open_ready(page, site + "self/")
    expect(rows).to_have_count(50)
    expect(rows.first.locator("th")).to_have_text("1 January 2020")
    rows.nth(1).evaluate("row => { row.keptBetweenResults = true; }")
    rate_where_are_you_now(page, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    expect(rows).to_have_count(50)
    expect(rows.first.locator("th")).to_have_text("2 January 2020")
    assert rows.first.evaluate("row => row.keptBetweenResults === true")
    today = datetime.now(UTC)  # the page shows the learner's local day; tests run in UTC
    expect(rows.last.locator("th")).to_have_text(f"{today.day} {today:%B %Y}")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(
    page: Page, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    open_ready(page, site + "self/")
    block = page.locator("#qb-self-where-are-you-now")
    version = block.get_attribute("data-qb-version")
    titles = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab"]
    attempts = [
        {
            "t": 1_700_000_000_000 + n,
            "band": "b",
            "title": title,
            "counts": {"usually": 1},
            "ratings": {"wayn-rapport": "usually"},
        }
        for n, title in enumerate(titles)
    ]
    seed(page, site, {"result:where-are-you-now": {"t": 1, "v": version, "h": attempts}})
    open_ready(page, site + "self/")
    rate_where_are_you_now(page, ["Usually"])
    block.get_by_role("button", name="Show my result").click()
    _, text = download_text(page, block.get_by_role("button", name="Download as CSV"))
    rows = list(csv.reader(io.StringIO(text)))
    assert [row[1] for row in rows[1:6]] == ["'" + title for title in titles]
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t")]


# ---------------------------------------------------------------- 6. the Markdown journal


HOSTILE_TEXTS = {
    "t01-hopes": f'<script>{PWNED}</script> and <img src=x onerror="{PWNED}">',
    "t01-doubts": f'<iframe src="javascript:{PWNED}"></iframe>\n[click me](javascript:{PWNED})',
    "t02-listening": f"<javascript:{PWNED}>\n\n[ref][1]\n\n[1]: javascript:{PWNED}\n"
    f'![x](javascript:{PWNED})\nx {{: onclick="{PWNED}" }}',
    "self-before": "Heading?\n===\n# Not a heading\n    <b>indented</b>\n&lt;b&gt; & <!-- c -->",
}
HOSTILE_PROMPT = f"Prompt\n## Broken out\n<script>{PWNED}</script> #"


def test_hostile_text_shows_as_text_in_the_journal_and_its_markdown_renders_no_markup(
    page: Page, any_site: SiteServer
) -> None:
    site = any_site.url
    violations = record_violations(page)
    seed(
        page,
        site,
        {
            f"reflection:{key}": reflection(
                text,
                order=n,
                prompt=HOSTILE_PROMPT if key == "t01-hopes" else f"Prompt {n}?",
                title=f"Page <img src=x onerror={PWNED}>",
            )
            for n, (key, text) in enumerate(HOSTILE_TEXTS.items())
        },
    )
    open_ready(page, site + "journal/")
    entries = page.locator(".qb-journal__entries")
    expect(entries.locator(".qb-journal__text")).to_have_text(list(HOSTILE_TEXTS.values()))
    assert entries.locator("script, img, iframe").count() == 0
    expect(entries.locator(".qb-journal__prompt").first).to_have_text(HOSTILE_PROMPT)
    open_ready(page, site + "tracks/01-one/")
    expect(page.locator("#qb-reflection-t01-hopes textarea")).to_have_value(
        HOSTILE_TEXTS["t01-hopes"]
    )
    open_ready(page, site + "your-data/")
    open_ready(page, site + "journal/")
    _, text = download_text(page, page.get_by_role("button", name="Download as Markdown"))
    not_pwned(page)
    assert violations == []

    for extensions in ([], ["extra", "admonition", "sane_lists", "smarty"]):
        html = markdown.markdown(text, extensions=extensions)
        soup = BeautifulSoup(html, "html.parser")
        tags = {tag.name for tag in soup.find_all(True)}
        assert tags <= {"h1", "h2", "h3", "p", "em", "br"}, (extensions, tags, html)
        assert not [tag.attrs for tag in soup.find_all(True) if tag.attrs], html
        assert [h.get_text() for h in soup.find_all("h1")] == ["My journal"]
        assert [h.get_text() for h in soup.find_all("h2")] == [
            f"Track 1: Page <img src=x onerror={PWNED}>"
        ]
        prompts = [h.get_text() for h in soup.find_all("h3")]
        assert prompts[0] == " ".join(HOSTILE_PROMPT.split()), html
        assert prompts[1:] == ["Prompt 1?", "Prompt 2?", "Prompt 3?"]
        shown = soup.get_text()
        for line in ("<script>", "<img src=x onerror=", "<iframe src=", "[click me](javascript:"):
            assert line in shown, (line, html)


# ---------------------------------------------------------------- 7, 8. two tabs


def test_two_tabs_keep_every_self_assessment_attempt_and_the_best_score(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    first, watch = open_page(browser)
    second = first.context.new_page()
    second.on("console", watch.on_console)
    second.on("pageerror", watch.on_page_error)
    open_ready(first, site + "self/")
    open_ready(second, site + "self/")
    one, two = (tab.locator("#qb-self-where-are-you-now") for tab in (first, second))
    rate_where_are_you_now(first, ["Usually", "Rarely"])
    one.get_by_role("button", name="Show my result").click()
    rate_where_are_you_now(second, ["Sometimes"])
    two.get_by_role("button", name="Show my result").click()
    expect(two.locator(".qb-self__history tbody tr")).to_have_count(2)
    expect(one.locator(".qb-self__history tbody tr")).to_have_count(2)  # told by the other tab
    one.get_by_role("button", name="Show my result").click()
    expect(one.locator(".qb-self__history tbody tr")).to_have_count(3)
    expect(two.locator(".qb-self__history tbody tr")).to_have_count(3)
    assert len(stored(first)["result:where-are-you-now"]["h"]) == 3
    # Storage is read again before each write, even with no event to say it changed (here an
    # attempt is added under the page's feet, where the page hears nothing).
    first.evaluate(
        """key => { const record = JSON.parse(localStorage.getItem(key));
        record.h.unshift({ ...record.h[0], t: record.h[0].t - 1000 });
        localStorage.setItem(key, JSON.stringify(record)); }""",
        PREFIX + "result:where-are-you-now",
    )
    one.get_by_role("button", name="Show my result").click()
    expect(one.locator(".qb-self__history tbody tr")).to_have_count(5)
    assert len(stored(first)["result:where-are-you-now"]["h"]) == 5

    # Scores: the second tab's worse score keeps the first tab's best.
    open_ready(first, site + "quiz/")
    open_ready(second, site + "quiz/")
    answer_all_right(first)
    first.get_by_role("button", name="Show my score").click()
    answer_all_right(second)
    second.locator("#qb-sample-single").get_by_label("Growth", exact=True).check()
    second.get_by_role("button", name="Show my score").click()
    expect(second.locator(".qb-quiz__score")).to_contain_text("You scored 5 out of 6")
    expect(second.locator(".qb-quiz__score")).to_contain_text("Your best: 6 out of 6 (100%).")
    assert stored(first)["score:sample:quiz/"]["best"]["percent"] == 100
    first.context.close()
    assert not watch.errors


def test_a_reflection_changed_in_another_tab_is_never_saved_over(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    older, watch = open_page(browser)
    older.context.clock.install()
    newer = older.context.new_page()
    newer.on("console", watch.on_console)
    newer.on("pageerror", watch.on_page_error)
    key = PREFIX + "reflection:t01-hopes"
    open_ready(older, site + "tracks/01-one/")
    write_reflection(older, "t01-hopes", "First thoughts.")
    open_ready(newer, site + "tracks/01-one/")
    box = older.locator("#qb-reflection-t01-hopes")
    status = box.locator(".qb-reflection__status")
    expect(newer.locator("#qb-reflection-t01-hopes textarea")).to_have_value("First thoughts.")

    # Changed in the other tab while this one has nothing unsaved: this one shows the change.
    write_reflection(newer, "t01-hopes", "Better thoughts, from the other tab.")
    expect(box.locator("textarea")).to_have_value("Better thoughts, from the other tab.")
    expect(status).to_have_text(
        "This entry was changed in another tab or window: this is the newer text."
    )

    # Changed in the other tab while this one has unsaved writing: this one warns, and keeps
    # its writing in the box but never saves it over the newer entry.
    older.context.clock.pause_at(datetime.now() + timedelta(minutes=5))
    box.locator("textarea").fill("Typed in the older tab.")
    newer.evaluate(
        """key => { const record = JSON.parse(localStorage.getItem(key));
        localStorage.setItem(key, JSON.stringify({ ...record, t: Date.now(),
            text: "Newest, from the other tab." })); }""",
        key,
    )
    changed = (
        "Not saved: this entry was changed in another tab or window, and the newer text is "
        "kept. Copy what you wrote here if you need it, then reload the page to see the newer "
        "text."
    )
    expect(status).to_have_text(changed)
    older.context.clock.run_for(2000)  # the older tab's save comes due
    expect(status).to_have_text(changed)
    expect(box.locator("textarea")).to_have_value("Typed in the older tab.")
    assert stored(older)["reflection:t01-hopes"]["text"] == "Newest, from the other tab."
    older.context.clock.resume()
    older.reload()
    open_ready(older, site + "tracks/01-one/")
    expect(box.locator("textarea")).to_have_value("Newest, from the other tab.")
    older.context.close()
    assert not watch.errors


# ---------------------------------------------------------------- 9. a full disk


def test_a_reflection_not_saved_says_so_and_stays_in_the_box(
    browser: Browser, served_fixture_site: SiteServer
) -> None:
    site = served_fixture_site.url
    page, watch = open_page(browser)
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "Saved before the disk filled.")
    page.evaluate(f"() => {{ {STORAGE_FULL} }}")  # the disk fills while the page is open
    box = page.locator("#qb-reflection-t01-hopes")
    box.locator("textarea").fill("Written after the disk filled.")
    expect(box.locator(".qb-reflection__status")).to_have_text(
        "Not saved: this device's storage is full."
    )
    expect(box.locator("textarea")).to_have_value("Written after the disk filled.")
    assert stored(page)["reflection:t01-hopes"]["text"] == "Saved before the disk filled."
    expect(box.locator(".qb-notice")).to_be_visible()
    page.context.close()
    assert not watch.errors

    page, watch = open_page(browser)
    page.context.add_init_script(STORAGE_OFF)
    open_ready(page, site + "tracks/01-one/")
    box = page.locator("#qb-reflection-t01-hopes")
    box.locator("textarea").fill("Nowhere to keep this.")
    expect(box.locator(".qb-reflection__status")).to_have_text(
        "Not saved: this browser is not letting the course store anything."
    )
    expect(box.locator("textarea")).to_have_value("Nowhere to keep this.")
    page.context.close()
    assert all("storage is off" in error for error in watch.errors), watch.errors


# ---------------------------------------------------------------- the tutors' guide's promise


def test_a_reworded_reflection_keeps_its_answer_and_says_the_question_changed(
    page: Page, editable_site: EditableSite
) -> None:
    site = editable_site.url
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "To listen better.")
    page.goto("about:blank")  # nothing of the site's is loading while it is rebuilt
    editable_site.edit(
        "docs/tracks/01-one.md",
        "What do you *hope* to get from this course?",
        "What do you *hope* to learn here?",
    )
    open_ready(page, site + "tracks/01-one/")
    box = page.locator("#qb-reflection-t01-hopes")
    expect(box.locator("label")).to_have_text("What do you hope to learn here?")
    expect(box.locator("textarea")).to_have_value("To listen better.")
    expect(box.locator(".qb-reflection__status")).to_have_text(
        "This question has been reworded since you answered it."
    )
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__prompt")).to_have_text(
        "What do you hope to get from this course?"
    )
    open_ready(page, site + "tracks/01-one/")
    write_reflection(page, "t01-hopes", "To listen better, and to ask.")
    open_ready(page, site + "journal/")
    expect(page.locator(".qb-journal__prompt")).to_have_text("What do you hope to learn here?")
