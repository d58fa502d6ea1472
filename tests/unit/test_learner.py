"""The learner's records: progress, journal and data blocks, as exact HTML and in pages."""

from __future__ import annotations

from textwrap import dedent

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from quizbank.catalog import Catalog
from quizbank.learner import (
    COURSE_ID,
    course_id_from,
    render_journal,
    render_progress,
    render_your_data,
)
from quizbank.listen import render_listen
from quizbank.markdown import QuizbankExtension
from quizbank.render import RenderContext

TRACKED = RenderContext(
    tracks=(1, 2),
    track_link=lambda n: (f"tracks/0{n}/", f"Track {n}: Title {n}"),
    track_title=lambda n: f"Title {n}",
)


def test_progress_exact_html() -> None:
    assert render_progress(TRACKED, {"where": "Where are you now?"}) == dedent("""\
        <div class="qb-progress" data-qb-tracks="2">
        <p class="qb-notice" hidden>This browser is not saving your work, so it will be lost when you leave. Everything else works.</p>
        <p class="qb-progress__next"><a class="qb-button qb-button--primary qb-progress__continue" href="tracks/01/" data-qb-track="1">Start the course</a></p>
        <p class="qb-note">How many tracks you have marked as done shows here. It is kept in this browser, on this device, and showing it needs JavaScript.</p>
        <div class="qb-panel" hidden>
        <p class="qb-progress__summary" id="qb-progress-summary"></p>
        <progress class="qb-progress__bar" max="2" value="0" aria-labelledby="qb-progress-summary"></progress>
        <ul class="qb-progress__facts">
        <li class="qb-progress__review"></li>
        <li class="qb-progress__self"></li>
        <li class="qb-progress__quizzes"></li>
        </ul>
        <p>Finished tracks are ticked wherever they are linked, and each quiz's best score shows beside the links to it.</p>
        </div>
        <ol class="qb-progress__tracks" hidden><li><a href="tracks/01/" data-qb-track="1">Title 1</a></li><li><a href="tracks/02/" data-qb-track="2">Title 2</a></li></ol>
        <ul class="qb-progress__banks" hidden><li data-qb-bank="where">Where are you now?</li></ul>
        </div>""")


def test_progress_without_track_pages_offers_no_start() -> None:
    soup = BeautifulSoup(render_progress(RenderContext(tracks=(1, 2))), "html.parser")
    assert soup.select(".qb-progress__continue, .qb-progress__tracks, .qb-progress__banks") == []


def test_progress_without_tracks_counts_none() -> None:
    soup = BeautifulSoup(render_progress(RenderContext()), "html.parser")
    assert soup.select_one(".qb-progress")["data-qb-tracks"] == "0"


def test_journal_exact_html() -> None:
    assert render_journal() == dedent("""\
        <div class="qb-journal">
        <p class="qb-notice" hidden>This browser is not saving your work, so it will be lost when you leave. Everything else works.</p>
        <p class="qb-note">Your answers to the reflection questions appear here, by track, with the date you wrote them. It is kept in this browser, on this device, and showing it needs JavaScript.</p>
        <div class="qb-panel" hidden>
        <p class="qb-journal__empty" hidden>Your journal is empty so far. Your answers to the reflection questions on the track pages will appear here.</p>
        <div class="qb-journal__actions"><button type="button" class="qb-button qb-button--primary" data-qb-action="journal-md">Download as Markdown</button> <button type="button" class="qb-button" data-qb-action="journal-txt">Download as plain text</button> <button type="button" class="qb-button" data-qb-action="print">Print</button></div>
        <div class="qb-journal__entries"></div>
        </div>
        </div>""")


def test_your_data_exact_html() -> None:
    assert render_your_data() == dedent("""\
        <div class="qb-data">
        <p class="qb-notice" hidden>This browser is not saving your work, so it will be lost when you leave. Everything else works.</p>
        <p class="qb-note">What this course has stored shows here, with buttons to export it, import it and clear it. It is kept in this browser, on this device, and showing it needs JavaScript.</p>
        <div class="qb-panel" hidden>
        <div class="qb-data__table"><table>
        <caption>What this course stores in this browser</caption>
        <thead><tr><th scope="col">What</th><th scope="col">How many</th><th scope="col">Space used</th></tr></thead>
        <tbody>
        <tr data-qb-kind="answer"><th scope="row">Quiz answers and self-assessment ratings</th><td></td><td></td></tr>
        <tr data-qb-kind="score"><th scope="row">Quiz scores</th><td></td><td></td></tr>
        <tr data-qb-kind="result"><th scope="row">Self-assessment results</th><td></td><td></td></tr>
        <tr data-qb-kind="reflection"><th scope="row">Journal entries</th><td></td><td></td></tr>
        <tr data-qb-kind="done"><th scope="row">Tracks marked done</th><td></td><td></td></tr>
        <tr data-qb-kind="attempt"><th scope="row">Question order and drawn sets of questions</th><td></td><td></td></tr>
        <tr data-qb-kind="review"><th scope="row">Questions to review</th><td></td><td></td></tr>
        <tr data-qb-kind="learner"><th scope="row">Your name, for your course record</th><td></td><td></td></tr>
        <tr data-qb-kind="other"><th scope="row">Old or damaged items the course no longer uses</th><td></td><td></td></tr>
        </tbody>
        <tfoot><tr><th scope="row">Everything</th><td></td><td></td></tr></tfoot>
        </table></div>
        <div class="qb-data__actions"><button type="button" class="qb-button qb-button--primary" data-qb-action="data-export">Export to a file</button> <button type="button" class="qb-button" data-qb-action="data-import">Import from a file</button>
        <input type="file" class="qb-data__file" accept=".json,application/json" hidden>
        </div>
        <div class="qb-data__danger">
        <p>Clearing deletes all of it from this browser, and it cannot be undone.</p>
        <button type="button" class="qb-button qb-button--danger" data-qb-action="data-clear">Clear everything</button>
        </div>
        <dialog class="qb-data__confirm" aria-label="Clear everything?" aria-describedby="qb-data-warning">
        <p id="qb-data-warning">This deletes every answer, score, result, journal entry, finished track and question to review that this course has stored in this browser, and your name. It cannot be undone: export your data first if you want a copy.</p>
        <form method="dialog"><button class="qb-button qb-button--danger" value="yes" autofocus>Yes, delete everything</button> <button class="qb-button" value="no">Cancel</button></form>
        </dialog>
        <p class="qb-data__status" role="status" aria-live="polite"></p>
        <div class="qb-data__keep" hidden>
        <p>Some browsers clear a site's data after a few weeks without a visit, or when the device is short of space. You can ask this browser to keep your work here until you delete it; it still never leaves this device.</p>
        <button type="button" class="qb-button" data-qb-action="data-persist">Keep my work on this device</button>
        <p class="qb-data__kept" role="status" aria-live="polite" data-qb-yes="This browser will keep your work on this device until you delete it." data-qb-no="This browser did not agree, so it may still clear your work one day: export it to a file now and then."></p>
        </div>
        </div>
        </div>""")


@pytest.mark.parametrize(
    "html", [render_progress(RenderContext(tracks=(1, 2, 3))), render_journal(), render_your_data()]
)
def test_without_script_a_sentence_says_what_will_show_and_controls_stay_hidden(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    note = soup.select_one(".qb-note")
    assert note is not None
    assert "needs JavaScript" in note.get_text()
    assert not note.find_parent(attrs={"hidden": True})
    panel = soup.select_one(".qb-panel")
    assert panel.has_attr("hidden")
    for control in soup.select("button, input"):
        assert control.find_parent(attrs={"hidden": True}) or control.has_attr("hidden")


def convert(text: str, context: RenderContext | None = None) -> tuple[str, list[tuple[int, str]]]:
    problems: list[tuple[int, str]] = []
    extension = QuizbankExtension(catalog=Catalog())  # no banks needed
    extension.start_page(
        "", context or RenderContext(), lambda line, message: problems.append((line, message))
    )
    return Markdown(extensions=[extension]).convert(text), problems


@pytest.mark.parametrize(
    ("name", "selector"),
    [
        ("progress", ".qb-progress"),
        ("journal", ".qb-journal"),
        ("your-data", ".qb-data"),
        ("listen", ".qb-listen"),
    ],
)
def test_each_block_renders_in_a_page(name: str, selector: str) -> None:
    html, problems = convert(f"# Page\n\nBefore.\n\n/// {name}\n///\n\nAfter.\n")
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(selector) is not None
    assert [p.get_text() for p in soup.find_all("p", recursive=False)] == ["Before.", "After."]


def test_the_progress_block_counts_the_sites_tracks() -> None:
    html, _ = convert("/// progress\n///\n", RenderContext(tracks=tuple(range(1, 8))))
    assert BeautifulSoup(html, "html.parser").select_one(".qb-progress")["data-qb-tracks"] == "7"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "/// journal | mine\n///\n",
            1,
            "'/// journal' takes no argument: write '/// journal' alone",
        ),
        (
            "\n/// your-data\nclear: true\n///\n",
            2,
            "'/// your-data' takes no options: leave nothing between '/// your-data' and '///'",
        ),
        (
            "/// progress\n///\n\n/// progress\n///\n",
            4,
            "'/// progress' is already on this page (line 1); it can appear once a page",
        ),
        (
            "/// journal\n\ntext\n",
            1,
            "'/// journal' is never closed: end the block with a line '///'",
        ),
        (
            "/// journals\n///\n",
            1,
            "unknown block '/// journals'; did you mean '/// journal'? Blocks are: "
            "quiz, self-assessment, reflection, track-done, progress, review, record, journal, "
            "your-data, qualification-map, listen",
        ),
    ],
)
def test_problems_in_record_blocks_are_reported_with_their_line(
    text: str, line: int, message: str
) -> None:
    html, problems = convert(text)
    assert (line, message) in problems
    assert BeautifulSoup(html, "html.parser").select_one(".qb-error")


@pytest.mark.parametrize(
    ("site_name", "course_id"),
    [
        ("Coaching and Mentoring in the Workplace", "coaching-and-mentoring-in-the-workplace"),
        ("Coaching & Mentoring", "coaching-mentoring"),
        ("  Café   Éclair 2 ", "cafe-eclair-2"),
        ("Fixture course", "fixture-course"),
        ("Курс", "course"),
        ("", "course"),
        ("a " * 40, "-".join(["a"] * 32)[:64].strip("-")),
    ],
)
def test_a_course_id_comes_from_the_site_name(site_name: str, course_id: str) -> None:
    assert course_id_from(site_name) == course_id
    assert COURSE_ID.match(course_id)
    assert len(course_id) <= 64


def test_the_data_page_carries_the_course_id_it_is_given() -> None:
    soup = BeautifulSoup(render_your_data("my-course"), "html.parser")
    assert soup.select_one(".qb-data")["data-qb-course"] == "my-course"
    assert not BeautifulSoup(render_your_data(), "html.parser").select("[data-qb-course]")
    # Only an id is ever written into the attribute.
    assert not BeautifulSoup(render_your_data('x" onclick="y'), "html.parser").select(
        "[data-qb-course], [onclick]"
    )


def test_without_a_plugin_the_extension_takes_the_course_id_as_a_setting() -> None:
    extension = QuizbankExtension(catalog=object(), course_id="my-course")  # type: ignore[arg-type]
    html = Markdown(extensions=[extension]).convert("/// your-data\n///\n")
    assert (
        BeautifulSoup(html, "html.parser").select_one(".qb-data")["data-qb-course"] == "my-course"
    )


def test_listen_exact_html() -> None:
    assert render_listen("key-points", "Listen to this track") == dedent("""\
        <div class="qb-listen" data-qb-section="key-points" data-qb-label="Listen to this track">
        <div class="qb-listen__controls"><button type="button" class="qb-button qb-button--primary" data-qb-action="listen">Listen to this track</button> <button type="button" class="qb-button" data-qb-action="listen-stop" hidden>Stop</button> <label class="qb-listen__field">Speed <select class="qb-listen__rate"><option value="0.75">Slower</option><option value="1" selected>Normal</option><option value="1.25">Faster</option><option value="1.5">Fastest</option></select></label> <label class="qb-listen__field qb-listen__voices" hidden>Voice <select class="qb-listen__voice"></select></label></div>
        <p class="qb-listen__note">Your browser reads it aloud in its own voice: nothing is downloaded.</p>
        <p class="qb-listen__status" role="status" aria-live="polite"></p>
        </div>""")


def test_listen_reads_a_section_or_the_whole_page() -> None:
    html, problems = convert("/// listen\nsection: key-points\nlabel: Listen to this track\n///\n")
    assert problems == []
    block = BeautifulSoup(html, "html.parser").select_one(".qb-listen")
    assert (block["data-qb-section"], block["data-qb-label"]) == (
        "key-points",
        "Listen to this track",
    )
    html, _ = convert("/// listen\n///\n")
    block = BeautifulSoup(html, "html.parser").select_one(".qb-listen")
    assert not block.has_attr("data-qb-section")
    assert block.button.get_text() == "Listen to this page"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("/// listen\nsection: key points\n///\n", "'section' should be the id of a heading"),
        ("/// listen\nlabel: ''\n///\n", "'label' should be a line of text"),
    ],
)
def test_listen_refuses_a_section_that_is_no_id_and_an_empty_label(text: str, message: str) -> None:
    _, problems = convert(text)
    assert any(message in problem for _, problem in problems), problems
