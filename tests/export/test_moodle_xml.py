"""The Moodle XML export, read back with xml.etree and checked against Moodle's format."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from quizbank import model
from quizbank.catalog import Catalog, load_catalog
from quizbank.export import export_catalog
from quizbank.text import to_html, to_inline_html
from quizbank.types.ordering import Ordering
from tests.conftest import ROOT

MOODLE_GRADES = {
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
    0.0,
}


@pytest.fixture(scope="module")
def root(fixture_catalog: Catalog) -> ET.Element:
    text, _ = export_catalog(fixture_catalog, "moodle-xml")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    return ET.fromstring(text)


def _questions(root: ET.Element) -> dict[str, ET.Element]:
    return {
        q.findtext("idnumber", ""): q
        for q in root.findall("question")
        if q.get("type") != "category"
    }


def _text(element: ET.Element | None) -> str:
    assert element is not None
    return element.findtext("text", "")


def test_each_bank_is_a_category_followed_by_its_questions(root: ET.Element) -> None:
    sequence = [(q.get("type"), q.findtext("idnumber")) for q in root.findall("question")]
    assert sequence == [
        ("category", "every-type"),
        ("multichoice", "et-single"),
        ("multichoice", "et-multiple"),
        ("truefalse", "et-true-false"),
        ("ordering", "et-ordering"),
        ("matching", "et-matching"),
        ("shortanswer", "et-fill-in"),
        ("multichoice", "et-unsafe"),
        ("category", "second"),
        ("truefalse", "sec-one"),
        ("multichoice", "sec-two"),
    ]
    category = root.find("question[@type='category']")
    assert category is not None
    assert category.findtext("category/text") == (
        "$course$/top/Every type, with GIFT's special characters"
    )


def test_every_question_has_a_name_with_its_id_and_html_texts(
    root: ET.Element, fixture_catalog: Catalog
) -> None:
    questions = _questions(root)
    bank = fixture_catalog.banks["every-type"]
    assert isinstance(bank, model.QuizBank)
    for question in bank.questions:
        if question.id not in questions:
            continue
        element = questions[question.id]
        assert element.findtext("name/text", "").startswith(f"{question.id}: ")
        text = element.find("questiontext")
        assert text is not None
        assert text.get("format") == "html"
        assert _text(text) == to_html(question.text)
        feedback = element.find("generalfeedback")
        assert feedback is not None
        assert feedback.get("format") == "html"
        assert _text(feedback) == (to_html(question.explanation) if question.explanation else "")
        assert element.findtext("defaultgrade") == "1"
    assert [t.text for t in questions["et-single"].findall("tags/tag/text")] == ["G3", "PQ3-1.1"]


def test_single_choice(root: ET.Element) -> None:
    question = _questions(root)["et-single"]
    assert question.findtext("single") == "true"
    answers = question.findall("answer")
    assert [(a.get("fraction"), a.get("format"), _text(a)) for a in answers] == [
        ("100", "html", "Goal"),
        ("0", "html", "Growth"),
        ("0", "html", "Guidance \\ advice"),
    ]
    assert _text(answers[1].find("feedback")) == (
        "<p>Growth is a result of coaching, not a stage {of} GROW.</p>"
    )
    assert _text(answers[2].find("feedback")) == ""  # Moodle's writer gives every answer one


def test_multiple_response_fractions_sum_to_100_and_are_moodle_grades(root: ET.Element) -> None:
    question = _questions(root)["et-multiple"]
    assert question.findtext("single") == "false"
    fractions = [float(a.get("fraction", "")) for a in question.findall("answer")]
    assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.001)
    assert sum(f for f in fractions if f < 0) == pytest.approx(-100, abs=0.001)
    assert all(abs(f) in MOODLE_GRADES for f in fractions)
    right = [_text(a) for a in question.findall("answer") if float(a.get("fraction", "")) > 0]
    assert right == ["Lack of confidence", "Tiredness", "Fear of failure"]


def test_true_false_feedback_stays_with_its_answer(root: ET.Element) -> None:
    answers = _questions(root)["et-true-false"].findall("answer")
    assert [(a.get("fraction"), _text(a)) for a in answers] == [("0", "true"), ("100", "false")]
    assert "replaced by the Data Protection Act 2018" in _text(answers[0].find("feedback"))
    assert _text(answers[1].find("feedback")).startswith("<p>Right.")


def test_matching_pairs_and_distractors(root: ET.Element, fixture_catalog: Catalog) -> None:
    question = _questions(root)["et-matching"]
    subs = question.findall("subquestion")
    assert [(s.get("format"), _text(s), s.findtext("answer/text")) for s in subs] == [
        ("html", "Initial review", "Sets a baseline: where we start"),
        ("html", "Formative review", "Tracks progress along the way"),
        ("html", "Summative review", "Sums up what was achieved"),
        ("html", "", "Sets the pay grade"),
    ]
    text, _ = export_catalog(fixture_catalog, "moodle-xml")
    assert '<subquestion format="html">\n      <text></text>' in text  # as Moodle writes it


def test_ordering_lists_items_in_their_right_order(
    root: ET.Element, fixture_catalog: Catalog
) -> None:
    question = _questions(root)["et-ordering"]
    bank = fixture_catalog.banks["every-type"]
    assert isinstance(bank, model.QuizBank)
    ordering = next(q for q in bank.questions if isinstance(q, Ordering))
    answers = question.findall("answer")
    assert [_text(a) for a in answers] == [to_inline_html(item) for item in ordering.items]
    assert [a.get("fraction") for a in answers] == ["1", "2", "3", "4"]
    assert question.findtext("selecttype") == "ALL"
    assert question.findtext("selectcount") == "4"
    assert question.findtext("gradingtype") == "ALL_OR_NOTHING"


def test_hints_follow_the_types_own_part_as_moodles_writer_puts_them(root: ET.Element) -> None:
    questions = _questions(root)
    single = questions["et-single"]
    hints = single.findall("hint")
    assert [hint.get("format") for hint in hints] == ["html"]
    assert _text(hints[0]) == to_html("Where does a session *start*? {Not} = ~ #1")
    tags = [child.tag for child in single]
    assert tags.index("hint") > max(i for i, tag in enumerate(tags) if tag == "answer")
    assert tags.index("hint") < tags.index("tags")
    ordering = questions["et-ordering"]
    assert [_text(hint) for hint in ordering.findall("hint")] == [
        to_html("The model is named after its stages, in order."),
        to_html("<b>G</b> comes first & W last."),
    ]
    # Ordering keeps its question-level <shownumcorrect>; a hint carries no flags of its own.
    assert ordering.findtext("shownumcorrect") is not None
    assert all(len(hint) == 1 for hint in ordering.findall("hint"))
    assert not questions["et-multiple"].findall("hint")


def test_hints_are_written_in_cdata_as_moodles_writer_does(fixture_catalog: Catalog) -> None:
    text, _ = export_catalog(fixture_catalog, "moodle-xml")
    assert '<hint format="html">\n      <text><![CDATA[<p>' in text


def test_the_report_is_in_a_comment_at_the_top(fixture_catalog: Catalog) -> None:
    text, report = export_catalog(fixture_catalog, "moodle-xml")
    comment = text.split("<!--", 1)[1].split("-->", 1)[0]
    for line in report.lines():
        assert line in comment
    assert "et-matching-short  matching: Moodle's matching type needs at least 3" in comment
    assert "self-check" in comment
    assert "a self-assessment, not exported" in comment
    assert (report.exported, report.skipped, report.statements) == (9, 1, 2)


def test_every_bank_in_the_course_exports() -> None:
    catalog = load_catalog([ROOT / "quizzes"], relative_to=ROOT)
    assert catalog.problems == []
    text, report = export_catalog(catalog, "moodle-xml")
    root = ET.fromstring(text)
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert len(questions) == report.exported
    ids = [q.findtext("idnumber") for q in questions]
    assert len(ids) == len(set(ids))
    for question in questions:
        if question.get("type") == "multichoice" and question.findtext("single") == "false":
            fractions = [float(a.get("fraction", "")) for a in question.findall("answer")]
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=0.001)
        assert question.find("questiontext/text") is not None
