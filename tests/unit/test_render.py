"""Rendering: exact HTML for each question type, and bank text that can never run."""

from __future__ import annotations

import hashlib
import json
from textwrap import dedent

import pytest
from bs4 import BeautifulSoup
from pydantic import TypeAdapter

from quizbank import model
from quizbank.fields import NOT_ANSWERED
from quizbank.render import (
    QuizOptions,
    RenderContext,
    SelfAssessmentOptions,
    render_quiz,
    render_reflection,
    render_self_assessment,
)

BANK = TypeAdapter(model.Bank)


def quiz(*questions: dict[str, object], **fields: object) -> model.QuizBank:
    bank = BANK.validate_python(
        {
            "format": 1,
            "kind": "quiz",
            "id": "demo",
            "title": "Demo",
            "questions": list(questions),
            **fields,
        }
    )
    assert isinstance(bank, model.QuizBank)
    return bank


def question_html(question: dict[str, object], context: RenderContext | None = None) -> str:
    """Render a one-question quiz and return just the question's fieldset."""
    html = render_quiz(quiz(question), QuizOptions(intro=False), context or RenderContext())
    start = html.index("<fieldset")
    return html[start : html.rindex("</fieldset>") + len("</fieldset>")]


def test_single_choice_exact_html() -> None:
    html = question_html(
        {
            "id": "q",
            "type": "single",
            "text": "What does *G* stand for?",
            "track": 6,
            "units": ["G3"],
            "options": [{"text": "Goal", "feedback": "Yes."}, "Growth"],
            "answer": "Goal",
            "explanation": "Goal comes first.",
        },
        RenderContext(track_link=lambda n: ("../tracks/06/", "Track 6: Coaching")),
    )
    assert html == dedent("""\
        <fieldset class="qb-question" id="qb-q" data-qb-question="q" data-qb-type="single" data-qb-version="{version}" data-qb-answer="0">
        <legend><span class="qb-question__number">Question 1 of 1</span> <span class="qb-question__text">What does <em>G</em> stand for?</span></legend>
        <p class="qb-question__hint">Choose one answer.</p>
        <ul class="qb-options">
        <li data-qb-option="0"><label><input type="radio" name="qb-q" value="0">Goal</label></li>
        <li data-qb-option="1"><label><input type="radio" name="qb-q" value="1">Growth</label></li>
        </ul>
        <details class="qb-answer" data-search-exclude><summary>Answer and explanation</summary>
        <p class="qb-answer__key"><strong>Answer:</strong> Goal</p>
        <ul class="qb-answer__options">
        <li class="qb-answer__option--right" data-qb-option="0"><strong>Right:</strong> Goal<div class="qb-answer__feedback"><p>Yes.</p></div></li>
        </ul>
        <div class="qb-answer__explanation"><p>Goal comes first.</p></div>
        <p class="qb-answer__tags">Taught in <a href="../tracks/06/">Track 6: Coaching</a> · Units G3</p>
        </details>
        </fieldset>""").format(version=_version(html))


def _version(html: str) -> str:
    return BeautifulSoup(html, "html.parser").fieldset["data-qb-version"]


def test_true_false_exact_html() -> None:
    html = question_html(
        {
            "id": "tf",
            "type": "true-false",
            "text": "The sky is green.",
            "answer": False,
            "false_feedback": "Right.",
        }
    )
    assert html == dedent("""\
        <fieldset class="qb-question" id="qb-tf" data-qb-question="tf" data-qb-type="true-false" data-qb-version="{version}" data-qb-answer="false">
        <legend><span class="qb-question__number">Question 1 of 1</span> <span class="qb-question__text">The sky is green.</span></legend>
        <p class="qb-question__hint">Is this statement true or false?</p>
        <ul class="qb-options">
        <li data-qb-option="true"><label><input type="radio" name="qb-tf" value="true">True</label></li>
        <li data-qb-option="false"><label><input type="radio" name="qb-tf" value="false">False</label></li>
        </ul>
        <details class="qb-answer" data-search-exclude><summary>Answer and explanation</summary>
        <p class="qb-answer__key"><strong>Answer:</strong> False</p>
        <ul class="qb-answer__options">
        <li class="qb-answer__option--right" data-qb-option="false"><strong>Right:</strong> False<div class="qb-answer__feedback"><p>Right.</p></div></li>
        </ul>
        </details>
        </fieldset>""").format(version=_version(html))


ORDER = {
    "id": "order",
    "type": "ordering",
    "text": "Order GROW.",
    "items": ["Goal", "Reality", "Options", "Will"],
}


def test_ordering_lists_items_shuffled_that_move_and_keys_the_right_sequence() -> None:
    html = question_html(ORDER)
    soup = BeautifulSoup(html, "html.parser")
    items = soup.select("ol.qb-order > li.qb-order__item")
    shown = [item.select_one(".qb-order__text").get_text() for item in items]
    assert sorted(shown) == ["Goal", "Options", "Reality", "Will"]
    assert shown != ["Goal", "Reality", "Options", "Will"]
    assert [item["data-qb-item"] for item in items] == ["0", "1", "2", "3"]
    assert [item["data-qb-slot"] for item in items] == ["0", "1", "2", "3"]
    # The key is the right sequence, each item by where the page first shows it.
    key = soup.fieldset["data-qb-answer"].split()
    assert [shown[int(item)] for item in key] == ["Goal", "Reality", "Options", "Will"]
    # The move buttons and the live region that says where an item went are the script's
    # (test_quiz.py checks them): a page without it has no buttons that would do nothing.
    # Each item's text has an id, which its toolbar is named by.
    assert soup.select("button, select, [aria-live]") == []
    assert [item.select_one(".qb-order__text")["id"] for item in items] == [
        f"qb-order-item-{slot}" for slot in range(4)
    ]
    assert [li.get_text() for li in soup.select(".qb-answer__sequence li")] == [
        "Goal",
        "Reality",
        "Options",
        "Will",
    ]
    # The same every build: a learner's page does not change between rebuilds.
    assert question_html(ORDER) == html


def test_an_ordering_answer_saved_in_the_drop_down_format_is_dropped() -> None:
    """The fingerprint carries the answer's format: a saved answer of the old format (places
    in drop-downs) no longer matches, and the script drops it rather than misreading it."""
    question = quiz(ORDER).questions[0]
    legacy = hashlib.sha256(
        json.dumps(question.model_dump(exclude=set(NOT_ANSWERED)), sort_keys=True).encode()
    ).hexdigest()[:12]
    assert question.fingerprint() != legacy


def test_matching_lists_every_description_once_in_full_with_a_letter_to_choose() -> None:
    html = question_html(
        {
            "id": "match",
            "type": "matching",
            "text": "Match them.",
            "pairs": [
                {"item": "Initial", "match": "Baseline"},
                {"item": "Summative", "match": "Summary"},
            ],
            "distractors": ["Pay *grade*"],
        }
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.fieldset["data-qb-answer"] == "0 1"
    descriptions = [
        tuple(d.get_text().split(" ", 1)) for d in soup.select(".qb-match__descriptions > li")
    ]
    assert [letter for letter, _ in descriptions] == ["A", "B", "C"]
    assert sorted(text for _, text in descriptions) == ["Baseline", "Pay grade", "Summary"]
    assert soup.select_one(".qb-match__descriptions em").get_text() == "grade"
    assert soup.select("select") == []
    slots = soup.select("li.qb-pair[data-qb-slot]")
    assert [slot.select_one("legend").get_text() for slot in slots] == ["Initial", "Summative"]
    index = {"Baseline": "0", "Summary": "1", "Pay grade": "2"}
    for slot in slots:
        radios = slot.select("input[type=radio]")
        assert len({radio["name"] for radio in radios}) == 1
        # Each radio button is named by its letter and, for screen readers, its description:
        # its label holds it.
        for radio, (letter, text) in zip(radios, descriptions, strict=True):
            label = radio.parent
            assert label.name == "label"
            assert label.get_text() == f"{letter}: {text}"
            assert label.select_one(".qb-sr-only").get_text() == f": {text}"
            assert radio["value"] == index[text]


def test_multiple_response_keys_every_correct_option() -> None:
    html = question_html(
        {
            "id": "m",
            "type": "multiple",
            "text": "Pick.",
            "options": ["a", "b", "c"],
            "answer": ["a", "c"],
        }
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.fieldset["data-qb-answer"] == "0 2"
    assert [i["type"] for i in soup.select("input")] == ["checkbox"] * 3
    assert soup.select_one(".qb-question__hint").get_text() == "Choose every answer that applies."


UNSAFE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt&#58;alert(1))",
    "[click]( javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    '<svg onload="alert(1)"></svg>',
    "![x](javascript:alert(1))",
    "<iframe src='https://evil.example'></iframe>",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
]


@pytest.mark.parametrize("payload", UNSAFE)
def test_bank_text_can_never_inject_markup_or_script(payload: str) -> None:
    bank = quiz(
        {
            "id": "q",
            "type": "single",
            "text": payload,
            "options": [payload, {"text": "ok", "feedback": payload}],
            "answer": "ok",
            "explanation": payload,
        },
        intro=payload,
    )
    html = render_quiz(bank, QuizOptions(), RenderContext())
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "iframe", "svg", "img", "object", "embed"])
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            text = value if isinstance(value, str) else " ".join(value)
            assert "javascript:" not in text.lower().replace(" ", ""), element
            assert not text.lower().startswith("data:"), element


def test_links_to_the_web_and_the_site_are_kept() -> None:
    bank = quiz(
        {
            "id": "q",
            "type": "true-false",
            "answer": True,
            "text": "See [the guide](https://example.org/guide) or [track 3](../tracks/03/).",
        }
    )
    soup = BeautifulSoup(render_quiz(bank, QuizOptions(), RenderContext()), "html.parser")
    assert [a["href"] for a in soup.select(".qb-question__text a")] == [
        "https://example.org/guide",
        "../tracks/03/",
    ]


def test_a_subset_of_questions_in_the_order_the_page_gives() -> None:
    bank = quiz(
        *[
            {"id": f"q{n}", "type": "true-false", "text": f"T{n}", "answer": True, "track": n}
            for n in range(1, 5)
        ]
    )
    html = render_quiz(bank, QuizOptions(questions=("q3", "q1")), RenderContext())
    ids = [f["data-qb-question"] for f in BeautifulSoup(html, "html.parser").select("fieldset")]
    assert ids == ["q3", "q1"]
    by_track = render_quiz(bank, QuizOptions(track=2), RenderContext())
    assert [
        f["data-qb-question"] for f in BeautifulSoup(by_track, "html.parser").select("fieldset")
    ] == ["q2"]


def test_self_assessment_renders_sections_items_scale_and_bands() -> None:
    bank = BANK.validate_python(
        {
            "format": 1,
            "kind": "self-assessment",
            "id": "sa",
            "title": "SA",
            "scale": [
                {"id": "yes", "label": "Yes", "score": 1},
                {"id": "no", "label": "No", "score": 0},
            ],
            "sections": [
                {"id": "s", "title": "Do you …", "items": [{"id": "i-one", "text": "listen?"}]}
            ],
            "scoring": {
                "rule": "most",
                "bands": [
                    {"id": "a", "when": "yes", "title": "Good", "feedback": "Keep on."},
                    {"id": "b", "when": "no", "title": "Start", "feedback": "Begin."},
                ],
            },
        }
    )
    html = render_self_assessment(bank, SelfAssessmentOptions(), RenderContext())
    soup = BeautifulSoup(html, "html.parser")
    block = soup.select_one(".qb-self")
    assert block["data-qb-rule"] == "most"
    assert block["data-qb-ties"] == "lower"
    item = soup.select_one("fieldset.qb-item")
    assert item.legend.get_text() == "listen?"
    radios = item.select("input[type=radio]")
    assert [(r["value"], r["data-qb-score"]) for r in radios] == [("yes", "1"), ("no", "0")]
    assert all(soup.find("label", attrs={"for": r["id"]}) for r in radios)
    assert [b["data-qb-when"] for b in soup.select(".qb-band")] == ["yes", "no"]
    assert "lowest-scoring" in soup.select_one(".qb-bands__rule").get_text()


def test_reflection_has_a_labelled_text_box() -> None:
    html = render_reflection(
        "t01-hopes", "What do you *hope* to get from this?", RenderContext(page_track=1)
    )
    soup = BeautifulSoup(html, "html.parser")
    box = soup.select_one("textarea")
    assert (
        soup.find("label", attrs={"for": box["id"]}).decode_contents()
        == "What do you <em>hope</em> to get from this?"
    )
    assert soup.select_one(".qb-reflection")["data-qb-track"] == "1"


def test_self_assessment_report_frame_has_a_bar_and_a_row_per_section() -> None:
    bank = BANK.validate_python(
        {
            "format": 1,
            "kind": "self-assessment",
            "id": "sa",
            "title": "SA",
            "scale": [
                {"id": "often", "label": "Often", "score": 2},
                {"id": "never", "label": "*Never*", "score": 0},
                {"id": "sometimes", "label": "Sometimes", "score": 1},
            ],
            "sections": [
                {"id": "a", "title": "Do you …", "items": [{"id": "i-one", "text": "ask?"}]},
                {"id": "b", "title": "Are you …", "items": [{"id": "i-two", "text": "calm?"}]},
            ],
            "scoring": {
                "rule": "total",
                "bands": [
                    {"id": "low", "title": "Low", "feedback": "Begin.", "min": 0, "max": 2},
                    {"id": "high", "title": "High", "feedback": "Keep on.", "min": 3, "max": 4},
                ],
            },
        }
    )
    soup = BeautifulSoup(
        render_self_assessment(bank, SelfAssessmentOptions(), RenderContext()), "html.parser"
    )
    report = soup.select_one(".qb-self__report")
    assert report.has_attr("hidden")
    assert [p.get_text() for p in report.select(".qb-chart__label")] == ["Do you …", "Are you …"]
    assert [bar["role"] for bar in report.select(".qb-chart__bar")] == ["img", "img"]
    assert [li.get_text() for li in report.select(".qb-chart__legend li")] == [
        "Often",
        "Never",
        "Sometimes",
    ]
    assert [span["class"][1] for span in report.select(".qb-chart__key")] == [
        "qb-chart__part--0",
        "qb-chart__part--1",
        "qb-chart__part--2",
    ]
    table = report.select_one(".qb-chart__table table")
    assert [th.get_text() for th in table.select("thead th")] == [
        "Section",
        "Often",
        "Never",
        "Sometimes",
    ]
    assert [
        [cell.name for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")
    ] == [["th", "td", "td", "td"]] * 2
    # The lowest-scoring point, wherever it sits in the scale, names the priorities.
    assert "What you rated <em>Never</em>" in str(report)
    assert [th.get_text() for th in report.select(".qb-self__history thead th")] == [
        "Date",
        "Result",
        "Often",
        "Never",
        "Sometimes",
    ]
    assert [b["data-qb-action"] for b in report.select("button")] == [
        "print",
        "self-csv",
        "self-json",
    ]
