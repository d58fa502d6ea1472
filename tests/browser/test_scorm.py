"""The SCORM 1.2 package in Chromium, with scorm-again playing the LMS.

The LMS side is independent of the course: a harness page, written here, makes scorm-again's
SCORM 1.2 runtime the `window.API` and records every commit it receives; the unzipped
package's launch page runs in a frame of it. The learner answers quizzes in the course, and
the test checks what the LMS received. Nothing here imports the course engine: the package
is built by running the `quizbank scorm` command, and read back from the zip.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, FrameLocator, Page, expect

from tests.browser.conftest import open_page
from tests.conftest import ROOT, SiteServer

FIXTURE = ROOT / "tests" / "fixtures" / "lms"
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
SUSPEND_DATA_LIMIT = 4096  # SCORM 1.2's CMIString4096; scorm-again allows 64,000, so check here

HARNESS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test LMS</title>
<script src="lms/scorm12.js"></script>
<script src="lms/harness.js"></script>
</head>
<body>
<iframe id="sco" title="Course" src="course/scorm/launch.html"
        style="width: 100%; height: 860px; border: 0"></iframe>
</body>
</html>
"""

HARNESS_JS = """\
"use strict";
// The LMS: scorm-again's SCORM 1.2 API, with a commit handler that records what it gets.
window.lms = { commits: [], initialized: 0, finished: 0, values: {} };
var recorder = {
  processHttpRequest: function (url, params) {
    window.lms.commits.push(JSON.parse(JSON.stringify(params)));
    return { result: "true", errorCode: 0 };
  },
  updateSettings: function () {}
};
window.API = new Scorm12API({
  lmsCommitUrl: "/lms/commit", httpService: recorder, dataCommitFormat: "flattened",
  autocommit: false, logLevel: 5
});
var start = JSON.parse(decodeURIComponent(location.hash.slice(1) || "%7B%7D"));
window.API.loadFromFlattenedJSON(start, "");
window.API.on("LMSInitialize", function () { window.lms.initialized += 1; });
window.API.on("LMSFinish", function () { window.lms.finished += 1; });
window.API.on("LMSSetValue.cmi.*", function (element, value) {
  window.lms.values[element] = value;
});
"""


def _build_package(config: Path, out: Path, *extra: str) -> None:
    """Package a course as a tutor does, with the `quizbank scorm` command."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizbank",
            "scorm",
            "--config",
            str(config),
            "--out",
            str(out),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _serve_package(package: Path, folder: Path) -> SiteServer:
    """Unzip a package under a harness page that plays the LMS, and serve the lot."""
    if not SCORM_AGAIN.exists():
        pytest.fail(
            "scorm-again is missing from node_modules: run 'make test' (it runs npm ci)",
            pytrace=False,
        )
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "course")
    (folder / "lms").mkdir()
    shutil.copy(SCORM_AGAIN, folder / "lms" / "scorm12.js")
    (folder / "lms" / "harness.js").write_text(HARNESS_JS, encoding="utf-8")
    (folder / "index.html").write_text(HARNESS_HTML, encoding="utf-8")
    return SiteServer(folder)


def _mastery_score(package: Path) -> str:
    """Read the mastery score from the package's manifest, as an LMS does on import."""
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    found = re.search(r"<adlcp:masteryscore>(\d+)</adlcp:masteryscore>", manifest)
    return found.group(1) if found else ""


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SiteServer, str]]:
    """The fixture course packaged with a mastery score of 60, behind the test LMS."""
    folder = tmp_path_factory.mktemp("scorm")
    package = folder / "course.zip"
    _build_package(FIXTURE / "mkdocs.scorm.yml", package, "--mastery-score", "60")
    server = _serve_package(package, folder / "served")
    yield server, _mastery_score(package)
    server.close()


def _launch(page: Page, server: SiteServer, start: dict[str, str]) -> FrameLocator:
    """Open the LMS with its starting data, and return the frame that shows the course."""
    page.goto(server.url + "index.html#" + quote(json.dumps(start)))
    page.wait_for_function("() => window.lms.initialized === 1")
    course = page.frame_locator("#sco").frame_locator(".lms-course")
    course.locator("h1").first.wait_for()
    return course


def _open(course: FrameLocator, link: str) -> None:
    """Follow a link in the course, as a learner does, and wait for its quizzes to be ready."""
    course.get_by_role("link", name=link, exact=True).first.click()
    course.locator(
        ".qb-quiz[data-qb-ready='true'], .qb-self[data-qb-ready='true']"
    ).first.wait_for()


def _answer(course: FrameLocator, question_id: str, *, right: bool = True) -> None:
    """Answer a question from its answer key (or deliberately wrongly)."""
    question = course.locator(f"fieldset[data-qb-question='{question_id}']")
    kind = question.get_attribute("data-qb-type")
    if kind == "fill-in":
        accepted = (question.get_attribute("data-qb-answer") or "").split("|")
        question.get_by_label("Your answer").fill(accepted[0] if right else "not this")
        return
    key = (question.get_attribute("data-qb-answer") or "").split()
    if kind == "ordering":
        # The key is the right sequence of the items, by data-qb-item: move each into place.
        for place, item in enumerate(key if right else key[1:] + key[:1]):
            shown = question.locator(".qb-order__item").evaluate_all(
                "items => items.map(item => item.dataset.qbItem)"
            )
            for _ in range(shown.index(item) - place):
                question.locator(
                    f".qb-order__item[data-qb-item='{item}'] .qb-order__move--up"
                ).click()
        return
    if kind == "matching":
        for slot, value in enumerate(key):
            wrong = key[(slot + 1) % len(key)]
            question.locator(
                f"li[data-qb-slot='{slot}'] input[value='{value if right else wrong}']"
            ).check()
        return
    values = key if right else [v for v in ("0", "1", "true", "false") if v not in key][:1]
    for value in values:
        question.locator(f"input[value='{value}']").check()


def _score(page: Page, course: FrameLocator, bank: str) -> tuple[str, dict[str, str]]:
    """Show a quiz's score; return what the learner reads and what the LMS then received."""
    before = len(_lms(page)["commits"])
    block = course.locator(f".qb-quiz[data-qb-bank='{bank}']")
    block.get_by_role("button", name="Show my score").click()
    return block.locator(".qb-quiz__score").inner_text(), _settle(page, before)


def _leave(page: Page) -> dict[str, Any]:
    """Close the course, as the LMS does when the learner leaves; return what it received."""
    page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    page.wait_for_function("() => window.lms.finished === 1")
    return _lms(page)


def _home(course: FrameLocator) -> None:
    course.get_by_role("link", name="LMS fixture course").first.click()


def _lms(page: Page) -> dict[str, Any]:
    """Return what the LMS received: every commit, flattened, and the session calls."""
    return page.evaluate("() => window.lms")


def _last(page: Page) -> dict[str, str]:
    page.wait_for_function("() => window.lms.commits.length > 0")
    commits: list[dict[str, str]] = _lms(page)["commits"]
    return commits[-1]


def _interactions(commit: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Return (id, type, learner's response, result) of each interaction in a commit."""
    count = len({key.split(".")[2] for key in commit if key.startswith("cmi.interactions.")})
    return [
        (
            commit[f"cmi.interactions.{n}.id"],
            commit[f"cmi.interactions.{n}.type"],
            commit.get(f"cmi.interactions.{n}.student_response", ""),
            commit[f"cmi.interactions.{n}.result"],
        )
        for n in range(count)
    ]


def _settle(page: Page, commits: int) -> dict[str, str]:
    """Wait until the LMS has more commits than before, and return the newest."""
    page.wait_for_function(f"() => window.lms.commits.length > {commits}")
    return _last(page)


def test_scores_status_and_answers_reach_the_lms(
    page: Page, course: tuple[SiteServer, str]
) -> None:
    server, mastery = course
    assert mastery == "60"
    frame = _launch(page, server, {"cmi.student_data.mastery_score": mastery})
    first = _last(page)
    assert first["cmi.core.lesson_status"] == "incomplete"
    assert first["cmi.suspend_data"] == "qb1;"

    # A track page shows one question of a bank: it is recorded, but the score needs all.
    _open(frame, "track one")
    _answer(frame, "et-single")
    message, partial = _score(page, frame, "every-type")
    assert message == "Passed. You scored 1 out of 1 (100%); the pass mark is 60%."
    assert ("et-single", "choice", "a", "correct") in _interactions(partial)
    assert partial["cmi.core.lesson_status"] == "incomplete"
    assert partial.get("cmi.core.score.raw", "") == ""

    _home(frame)
    _open(frame, "every question type")
    for question in (
        "et-single",
        "et-true-false",
        "et-ordering",
        "et-matching",
        "et-matching-short",
        "et-fill-in",
        "et-unsafe",
    ):
        _answer(frame, question)
    _answer(frame, "et-multiple", right=False)
    message, one_quiz = _score(page, frame, "every-type")
    assert message.startswith("Passed. You scored 7 out of 8 (88%);")
    assert one_quiz["cmi.core.score.raw"] == "44"  # 88 and a quiz not yet scored: 0
    assert one_quiz["cmi.core.score.min"] == "0"
    assert one_quiz["cmi.core.score.max"] == "100"
    assert one_quiz["cmi.core.lesson_status"] == "incomplete"
    assert one_quiz["cmi.suspend_data"] == "qb1;every-type=88"

    _home(frame)
    _open(frame, "a second quiz")
    _answer(frame, "sec-one")
    _answer(frame, "sec-two")
    _, both = _score(page, frame, "second")
    assert both["cmi.core.score.raw"] == "94"
    assert both["cmi.core.lesson_status"] == "passed"
    assert both["cmi.suspend_data"] == "qb1;every-type=88,second=100"

    _home(frame)
    _open(frame, "a self-check")
    frame.locator("#qb-sc-listen-usually").check()
    frame.locator("#qb-sc-praise-usually").check()
    before = len(_lms(page)["commits"])
    frame.get_by_role("button", name="Show my result").click()
    _settle(page, before)

    lms = _leave(page)
    assert lms["initialized"] == 1
    final = lms["commits"][-1]
    assert final["cmi.core.lesson_status"] == "passed"
    assert final["cmi.core.score.raw"] == "94"
    assert re.fullmatch(r"\d\d:\d\d:\d\d", lms["values"]["cmi.core.session_time"])
    assert lms["values"]["cmi.core.exit"] == "suspend"  # the learner may always come back
    assert len(final["cmi.suspend_data"]) <= SUSPEND_DATA_LIMIT
    interactions = _interactions(final)
    assert interactions == [
        ("et-single", "choice", "a", "correct"),  # on the track page
        ("et-single", "choice", "a", "correct"),
        ("et-multiple", "choice", "b", "wrong"),
        ("et-true-false", "true-false", "f", "correct"),
        ("et-ordering", "sequencing", "a,b,c,d", "correct"),
        ("et-matching", "matching", "1.a,2.b,3.c", "correct"),
        ("et-matching-short", "matching", "1.a,2.b", "correct"),
        ("et-fill-in", "fill-in", "will", "correct"),
        ("et-unsafe", "choice", "b", "correct"),
        ("sec-one", "true-false", "t", "correct"),
        ("sec-two", "choice", "a", "correct"),
        ("self-check", "performance", "mostly-usually", "neutral"),
    ]
    assert final["cmi.interactions.4.correct_responses.0.pattern"] == "a,b,c,d"


def test_a_new_session_resumes_from_the_suspend_data(
    page: Page, course: tuple[SiteServer, str]
) -> None:
    server, mastery = course
    frame = _launch(
        page,
        server,
        {
            "cmi.student_data.mastery_score": mastery,
            "cmi.core.lesson_status": "incomplete",
            "cmi.core.entry": "resume",
            "cmi.suspend_data": "qb1;every-type=86,gone=100",
        },
    )
    assert _last(page)["cmi.core.score.raw"] == "43"
    _open(frame, "a second quiz")
    _answer(frame, "sec-one")
    _answer(frame, "sec-two", right=False)
    _, commit = _score(page, frame, "second")
    assert commit["cmi.core.score.raw"] == "68"  # (86 + 50) / 2
    assert commit["cmi.core.lesson_status"] == "passed"
    assert commit["cmi.suspend_data"] == "qb1;every-type=86,second=50"


def test_without_an_lms_the_course_still_opens_and_says_scores_are_not_kept(
    page: Page, course: tuple[SiteServer, str]
) -> None:
    server, _ = course
    page.goto(server.url + "course/scorm/launch.html")
    status = page.get_by_role("status")
    assert status.inner_text() == (
        "This course is not connected to a learning platform, so your scores are not recorded."
    )
    page.frame_locator(".lms-course").locator("h1").first.wait_for()


def test_suspend_data_is_trimmed_to_4096_characters_with_many_quizzes(
    browser: Browser, tmp_path: Path
) -> None:
    site = tmp_path / "many"
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("site"))
    for path in (site / "quizzes").glob("*.yml"):
        if not path.name.startswith("_"):
            path.unlink()
    blocks = []
    for n in range(70):
        bank = f"a-bank-with-a-long-id-so-that-seventy-of-them-overflow-number-{n:02d}"
        (site / "quizzes" / f"{n:02d}.yml").write_text(
            textwrap.dedent(f"""\
            format: 1
            kind: quiz
            id: {bank}
            title: Quiz {n}
            questions:
              - {{id: q{n:02d}, type: true-false, text: Statement {n}., answer: true}}
            """),
            encoding="utf-8",
        )
        blocks.append(f"/// quiz | {bank}\n///\n")
    (site / "docs" / "practice" / "every-type.md").write_text(
        "# Every question type\n\n" + "\n".join(blocks), encoding="utf-8"
    )
    (site / "docs" / "tracks" / "01-one.md").write_text("# The first track\n", encoding="utf-8")
    for page_name in ("practice/second.md", "self-check.md", "map.md"):
        (site / "docs" / page_name).write_text("# Empty\n", encoding="utf-8")
    package = tmp_path / "many.zip"
    _build_package(site / "mkdocs.scorm.yml", package)
    server = _serve_package(package, tmp_path / "served")
    page, watch = open_page(browser, viewport={"width": 1280, "height": 900})
    try:
        frame = _launch(page, server, {})
        _open(frame, "every question type")
        frame.locator("input[value='true']").evaluate_all(
            "inputs => inputs.forEach(input => { input.checked = true; })"
        )
        before = len(_lms(page)["commits"])
        frame.locator(".qb-quiz").evaluate_all(
            "blocks => blocks.forEach(block => window.quizbank.scoreQuiz(block))"
        )
        commit = _settle(page, before)
        suspend = commit["cmi.suspend_data"]
        assert len(suspend) <= SUSPEND_DATA_LIMIT
        entries = suspend.removeprefix("qb1;").split(",")
        assert 50 < len(entries) < 70  # trimmed, not overflowing: as many as fit
        assert entries[0] == "a-bank-with-a-long-id-so-that-seventy-of-them-overflow-number-00=100"
        assert commit["cmi.core.score.raw"] == "100"  # the score counts every quiz all the same
        assert commit["cmi.core.lesson_status"] == "completed"  # no mastery score: completed
    finally:
        page.context.close()
        server.close()
    assert watch.errors == []
    assert watch.outside == []


def test_in_review_mode_the_record_stays_as_it_was(
    page: Page, course: tuple[SiteServer, str]
) -> None:
    """A learner who comes back to review a completed attempt changes nothing the LMS holds."""
    server, _ = course
    frame = _launch(
        page,
        server,
        {
            "cmi.core.lesson_mode": "review",
            "cmi.core.lesson_status": "passed",
            "cmi.core.score.raw": "94",
            "cmi.suspend_data": "qb1;every-type=88,second=100",
        },
    )
    expect(page.frame_locator("#sco").locator(".lms-status")).to_contain_text("reviewing")
    _open(frame, "a second quiz")
    _answer(frame, "sec-one")
    _answer(frame, "sec-two", right=False)
    frame.get_by_role("button", name="Show my score").click()
    lms = _leave(page)
    assert lms["commits"], "the session was never committed"
    for commit in lms["commits"]:
        assert commit["cmi.core.lesson_status"] == "passed"
        assert commit["cmi.core.score.raw"] == "94"
        assert commit["cmi.suspend_data"] == "qb1;every-type=88,second=100"
        assert not [key for key in commit if key.startswith("cmi.interactions.")]
    written = set(lms["values"])
    assert written == {"cmi.core.session_time", "cmi.core.exit"}, written


def test_a_drawn_quiz_is_reported_out_of_its_draw(browser: Browser, tmp_path: Path) -> None:
    """A quiz that shows a drawn set counts, for the LMS, as many questions as it draws."""
    site = tmp_path / "drawn"
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("site"))
    (site / "docs" / "practice" / "second.md").write_text(
        "# A second quiz\n\n/// quiz | second | draw=1\n///\n", encoding="utf-8"
    )
    package = tmp_path / "drawn.zip"
    _build_package(site / "mkdocs.scorm.yml", package)
    with zipfile.ZipFile(package) as archive:
        launch = archive.read("scorm/launch.html").decode("utf-8")
    assert re.search(r'data-quizzes="[^"]*\bsecond:1\b', launch)
    server = _serve_package(package, tmp_path / "served")
    page, watch = open_page(browser, viewport={"width": 1280, "height": 900})
    try:
        frame = _launch(page, server, {})
        _open(frame, "a second quiz")
        shown = frame.locator(".qb-quiz .qb-question:visible")
        expect(shown).to_have_count(1)
        _answer(frame, str(shown.get_attribute("data-qb-question")))
        message, commit = _score(page, frame, "second")
        assert message == "You scored 1 out of 1 (100%)."
        assert "second=100" in commit["cmi.suspend_data"]
    finally:
        page.context.close()
        server.close()
    assert watch.errors == []
    assert watch.outside == []
