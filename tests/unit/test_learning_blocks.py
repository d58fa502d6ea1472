"""The blocks and fields for learning over time: hints, a drawn quiz (and options in a block's
header), the review block and the course record block."""

from __future__ import annotations

from textwrap import dedent

import pytest
from bs4 import BeautifulSoup
from markdown import Markdown

from quizbank.catalog import Catalog, load_catalog
from quizbank.markdown import QuizbankExtension
from quizbank.render import RenderContext
from tests.unit.test_markdown import BANKS, convert
from tests.unit.test_render import question_html


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    """The fixture site's banks."""
    return load_catalog([BANKS])


def test_hints_render_closed_in_a_details_with_a_hidden_button() -> None:
    html = question_html(
        {
            "id": "q",
            "type": "true-false",
            "text": "A statement.",
            "answer": True,
            "hints": ["Think *twice*.", "Then <b>again</b>."],
        }
    )
    start = html.index('<details class="qb-hints"')
    assert html[start : html.index("</details>", start) + 10] == dedent("""\
        <details class="qb-hints" data-search-exclude><summary class="qb-hints__title">Hints</summary>\
<ol class="qb-hints__list" id="qb-q-hints" aria-live="polite">\
<li class="qb-hints__item"><p>Think <em>twice</em>.</p></li>\
<li class="qb-hints__item"><p>Then &lt;b&gt;again&lt;/b&gt;.</p></li></ol>\
<button type="button" class="qb-button" data-qb-action="hint" aria-controls="qb-q-hints" \
hidden>Show a hint</button></details>""")
    assert html.index("qb-hints") < html.index('<details class="qb-answer"')


def test_hints_do_not_change_a_questions_fingerprint() -> None:
    plain = {"id": "q", "type": "true-false", "text": "A statement.", "answer": True}
    with_hints = {**plain, "hints": ["One."]}
    soup = [BeautifulSoup(question_html(q), "html.parser") for q in (plain, with_hints)]
    versions = [s.select_one("fieldset")["data-qb-version"] for s in soup]
    assert versions[0] == versions[1]


def test_a_pinned_matching_lists_its_descriptions_as_written() -> None:
    question = {
        "id": "m",
        "type": "matching",
        "text": "Match.",
        "pairs": [{"item": "A", "match": "one"}, {"item": "B", "match": "two"}],
        "distractors": ["three"],
    }
    shuffled = BeautifulSoup(question_html(question), "html.parser")
    pinned = BeautifulSoup(question_html({**question, "shuffle": False}), "html.parser")
    order = [
        [d.get_text().split(" ", 1)[1] for d in s.select(".qb-match__descriptions > li")]
        for s in (shuffled, pinned)
    ]
    assert order[1] == ["one", "two", "three"]
    assert order[0] != order[1]
    assert pinned.select_one("fieldset")["data-qb-shuffle"] == "false"
    # Each description and each radio button carries its place in the bank, for the script.
    for soup in (shuffled, pinned):
        places = [d["data-qb-option"] for d in soup.select(".qb-match__descriptions > li")]
        for choices in soup.select(".qb-match__choices"):
            assert [c["data-qb-option"] for c in choices.select("label")] == places
            assert [c.input["value"] for c in choices.select("label")] == places


def test_a_quiz_draws_from_its_questions(catalog: Catalog) -> None:
    html, problems = convert("/// quiz | sample\ndraw: 2\n///\n", catalog)
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    quiz = soup.select_one(".qb-quiz")
    assert quiz["data-qb-draw"] == "2"
    assert len(quiz.select("fieldset.qb-question")) == 6, "every question, for print and no script"
    note = quiz.select_one(".qb-quiz__draw")
    assert note.has_attr("hidden")
    assert note.get_text().startswith("Each set is 2 of these 6 questions")
    assert [b.get_text() for b in quiz.select(".qb-quiz__actions button")] == [
        "Show my score",
        "Start again",
        "New set of questions",
    ]


def test_options_may_be_written_in_the_header(catalog: Catalog) -> None:
    html, problems = convert(
        "/// quiz | sample | draw=3 | intro=false\nquestions: [sample-single, sample-multiple, "
        "sample-true-false, sample-ordering]\n///\n",
        catalog,
    )
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".qb-quiz")["data-qb-draw"] == "3"
    assert not soup.select(".qb-quiz__intro")


def test_drawing_all_or_more_than_there_are(catalog: Catalog) -> None:
    html, problems = convert("/// quiz | sample | draw=6\n///\n", catalog)
    assert problems == []
    assert not BeautifulSoup(html, "html.parser").select_one(".qb-quiz").has_attr("data-qb-draw")
    _, problems = convert("/// quiz | sample\ntrack: 1\ndraw: 3\n///\n", catalog)
    assert problems == [
        (
            1,
            "'draw: 3' asks for more questions than the quiz has (2); draw fewer, or leave "
            "'draw' out to show them all",
        )
    ]


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            "/// quiz | sample | draw=0\n///\n",
            "'draw' should be a whole number of at least 1, such as 'draw: 10', found 0",
        ),
        (
            "/// quiz | sample | draw\n///\n",
            "an option in the header is written '| name=value', such as '| draw=10'; found 'draw'",
        ),
        (
            "/// quiz | sample | draw=2\ndraw: 3\n///\n",
            "option 'draw' is given twice: in the header and in the body",
        ),
        (
            "/// quiz | sample | drew=2\n///\n",
            "unknown option 'drew' (did you mean 'draw'?); options are: questions, track, "
            "shuffle, intro, draw",
        ),
        (
            "/// reflection | t01-x | more\nA prompt?\n///\n",
            "'/// reflection' takes one argument; found more after it: 'more'",
        ),
    ],
)
def test_mistakes_in_header_options_are_reported(
    catalog: Catalog,
    page: str,
    message: str,
) -> None:
    _, problems = convert(page, catalog)
    assert (1, message) in problems


def test_the_review_block_holds_every_scored_question_hidden(catalog: Catalog) -> None:
    html, problems = convert("/// review\nper: 3\n///\n", catalog)
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    block = soup.select_one(".qb-review")
    assert block["data-qb-per"] == "3"
    assert block["data-qb-left"]
    groups = {group["data-qb-bank"]: group for group in block.select(".qb-review__bank")}
    assert sorted(groups) == ["sample", "typed"]
    questions = block.select("fieldset.qb-question")
    assert len(questions) == 7
    assert all(question.has_attr("hidden") for question in questions)
    assert block.select_one(".qb-panel").has_attr("hidden")
    assert "needs JavaScript" in block.select_one(".qb-note").get_text()
    status = block.select_one(".qb-review__status")
    assert status["aria-live"] == "polite"
    assert status["data-qb-none"].startswith("Nothing to review today.")


def test_a_page_cannot_hold_a_quiz_and_the_review(catalog: Catalog) -> None:
    _, problems = convert("/// quiz | typed\n///\n\n/// review\n///\n", catalog)
    assert problems == [
        (
            4,
            "question 'typed-grow-w' is already on this page (line 1); a question can appear "
            "once a page",
        )
    ]


def test_the_record_block_lists_tracks_and_banks_hidden(catalog: Catalog) -> None:
    context = RenderContext(tracks=(1, 2), track_link=lambda n: (f"t{n}/", f"Track {n}: Title {n}"))
    problems: list[tuple[int, str]] = []
    extension = QuizbankExtension(catalog=catalog)
    extension.start_page("", context, lambda line, message: problems.append((line, message)))
    html = Markdown(extensions=[extension]).convert("/// record\n///\n")
    assert problems == []
    soup = BeautifulSoup(html, "html.parser")
    record = soup.select_one(".qb-record")
    assert [(li["data-qb-track"], li.get_text()) for li in record.select("li")] == [
        ("1", "Track 1: Title 1"),
        ("2", "Track 2: Title 2"),
    ]
    assert [tr["data-qb-bank"] for tr in record.select(".qb-record__quizzes tbody tr")] == [
        "sample",
        "typed",
    ]
    assert [tr["data-qb-bank"] for tr in record.select(".qb-record__selves tbody tr")] == [
        "scored",
        "where-are-you-now",
    ]
    assert all(tr.has_attr("hidden") for tr in record.select("tbody tr"))
    assert "not a certificate" in record.select_one(".qb-record__own").get_text()
    assert record.select_one("label[for=qb-record-name]").get_text() == "Your name"
    assert record.select_one("#qb-record-name")["autocomplete"] == "name"
