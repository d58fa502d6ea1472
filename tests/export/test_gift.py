"""The GIFT export, read back by gift-pegjs: an independent parser of the format."""

from __future__ import annotations

from typing import Any

import pytest

from quizbank import model
from quizbank.catalog import Catalog, load_catalog
from quizbank.export import export_catalog
from quizbank.export.gift import escape
from quizbank.text import to_html, to_inline_html, to_plain_text
from quizbank.types.choice import MultipleResponse, SingleChoice
from quizbank.types.matching import Matching
from tests.conftest import ROOT
from tests.export.conftest import parse_gift
from tests.export.moodle_gift import read_gift

# gift-pegjs leaves its escape placeholders in a matching answer (its PlainText rule does not
# decode them); Moodle's own importer decodes them. Undo that quirk before comparing.
_PLACEHOLDERS = {
    "&&092;": "\\",
    "&&058;": ":",
    "&&035;": "#",
    "&&061;": "=",
    "&&123;": "{",
    "&&125;": "}",
    "&&126;": "~",
    "&&010": "\n",
}


def _decoded(text: str) -> str:
    for placeholder, character in _PLACEHOLDERS.items():
        text = text.replace(placeholder, character)
    return text


@pytest.fixture(scope="module")
def exported(fixture_catalog: Catalog) -> tuple[str, list[dict[str, Any]]]:
    text, _ = export_catalog(fixture_catalog, "gift")
    return text, parse_gift(text)


def _questions(parsed: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in parsed if item["type"] != "Category"}


def _bank(catalog: Catalog, bank_id: str) -> model.QuizBank:
    bank = catalog.banks[bank_id]
    assert isinstance(bank, model.QuizBank)
    return bank


def test_each_bank_is_a_category_and_each_exportable_question_is_there_once(
    exported: tuple[str, list[dict[str, Any]]],
) -> None:
    _, parsed = exported
    assert [(item["type"], item.get("title")) for item in parsed if item["type"] == "Category"] == [
        ("Category", "$course$/top/Every type, with GIFT's special characters"),
        ("Category", "$course$/top/A second quiz"),
    ]
    ids = [item["id"] for item in parsed if item["type"] != "Category"]
    assert ids == [
        "et-single",
        "et-multiple",
        "et-true-false",
        "et-ordering",
        "et-matching",
        "et-fill-in",
        "et-unsafe",
        "sec-one",
        "sec-two",
    ]
    assert parsed[1]["id"] == "et-single"  # the questions follow their bank's category


def test_types_map_onto_gift_types(exported: tuple[str, list[dict[str, Any]]]) -> None:
    questions = _questions(exported[1])
    assert {qid: q["type"] for qid, q in questions.items()} == {
        "et-single": "MC",
        "et-multiple": "MC",
        "et-true-false": "TF",
        "et-ordering": "Short",  # gift-pegjs predates Moodle's ordering syntax; see below
        "et-matching": "Matching",
        "et-fill-in": "Short",
        "et-unsafe": "MC",
        "sec-one": "TF",
        "sec-two": "MC",
    }


def test_names_carry_the_question_id_and_tags_the_units_and_outcomes(
    exported: tuple[str, list[dict[str, Any]]],
) -> None:
    questions = _questions(exported[1])
    for qid, question in questions.items():
        assert question["title"].startswith(f"{qid}: ")
    assert questions["et-single"]["title"] == (
        "et-single: In GROW, what does the G stand for? (Think: {goal} = ~aim #1)"
    )
    assert questions["et-single"]["tags"] == ["G3", "PQ3-1.1"]
    assert questions["et-multiple"]["tags"] == ["G3", "L12"]


def test_texts_survive_escaping_exactly(
    exported: tuple[str, list[dict[str, Any]]], fixture_catalog: Catalog
) -> None:
    questions = _questions(exported[1])
    for bank_id in ("every-type", "second"):
        for question in _bank(fixture_catalog, bank_id).questions:
            if question.id not in questions:
                continue
            parsed = questions[question.id]
            assert parsed["stem"] == {"format": "html", "text": to_html(question.text)}
            if question.explanation:
                assert parsed["globalFeedback"]["text"] == to_html(question.explanation)
            else:
                assert parsed["globalFeedback"] is None
    assert "(Think: {goal} = ~aim #1)" in questions["et-single"]["stem"]["text"]
    assert 'href="https://example.org/grow#g"' in questions["et-single"]["globalFeedback"]["text"]


def test_single_choice_has_one_right_option_and_every_feedback(
    exported: tuple[str, list[dict[str, Any]]],
) -> None:
    choices = _questions(exported[1])["et-single"]["choices"]
    assert [(c["isCorrect"], c["weight"], c["text"]["text"]) for c in choices] == [
        (True, None, "Goal"),
        (False, None, "Growth"),
        (False, None, "Guidance \\ advice"),
    ]
    assert [c["feedback"] and c["feedback"]["text"] for c in choices] == [
        "<p>Yes: a session starts from what the learner wants.</p>",
        "<p>Growth is a result of coaching, not a stage {of} GROW.</p>",
        None,
    ]


def test_multiple_response_shares_100_percent_over_the_right_options(
    exported: tuple[str, list[dict[str, Any]]], fixture_catalog: Catalog
) -> None:
    choices = _questions(exported[1])["et-multiple"]["choices"]
    question = _bank(fixture_catalog, "every-type").questions[1]
    assert isinstance(question, MultipleResponse)
    right = [c["text"]["text"] for c in choices if c["weight"] > 0]
    assert right == question.answer
    assert sum(c["weight"] for c in choices if c["weight"] > 0) == pytest.approx(100, abs=0.001)
    wrong = [c["weight"] for c in choices if c["weight"] <= 0]
    assert wrong == [-50, -50]  # ticking every option scores nothing
    assert not any(c["isCorrect"] for c in choices)  # no '=': Moodle allows several answers
    assert choices[1]["feedback"]["text"] == (
        "<p>Noise comes from the surroundings, so it is an external block.</p>"
    )


def test_true_false_keeps_the_answer_and_both_feedbacks_in_moodles_order(
    exported: tuple[str, list[dict[str, Any]]],
) -> None:
    question = _questions(exported[1])["et-true-false"]
    assert question["isTrue"] is False
    # GIFT gives the feedback for a wrong answer first and for a right one second;
    # gift-pegjs calls them trueFeedback and falseFeedback whatever the answer.
    assert question["trueFeedback"]["text"] == (
        "<p>It was replaced by the Data Protection Act 2018 and the UK GDPR.</p>"
    )
    assert question["falseFeedback"]["text"] == (
        "<p>Right. The 2018 Act and the UK GDPR replaced it.</p>"
    )
    assert _questions(exported[1])["sec-one"]["isTrue"] is True


def test_matching_keeps_pairs_and_writes_distractors_without_a_question(
    exported: tuple[str, list[dict[str, Any]]],
) -> None:
    pairs = _questions(exported[1])["et-matching"]["matchPairs"]
    assert [(p["subquestion"]["text"], _decoded(p["subanswer"])) for p in pairs] == [
        ("Initial review", "Sets a baseline: where we start"),
        ("Formative review", "Tracks progress along the way"),
        ("Summative review", "Sums up what was achieved"),
        ("", "Sets the pay grade"),
    ]


def test_raw_html_and_unsafe_links_in_a_bank_stay_harmless(
    exported: tuple[str, list[dict[str, Any]]],
) -> None:
    question = _questions(exported[1])["et-unsafe"]
    everything = question["stem"]["text"] + "".join(c["text"]["text"] for c in question["choices"])
    assert "<script" not in everything
    assert "<b " not in everything
    assert "javascript:" not in everything
    assert "&lt;script&gt;" in everything


def test_hints_are_left_out_of_gift(exported: tuple[str, list[dict[str, Any]]]) -> None:
    """GIFT has no place for hints; the questions that have them export without them."""
    text, parsed = exported
    for hint in ("Where does a session", "named after its stages", "W last"):
        assert hint not in text
    assert {"et-single", "et-ordering"} <= set(_questions(parsed))


def test_what_gift_cannot_hold_is_reported_in_the_file_and_the_report(
    fixture_catalog: Catalog,
) -> None:
    text, report = export_catalog(fixture_catalog, "gift")
    entries = {entry.question: entry for bank in report.banks for entry in bank.entries}
    assert entries["et-ordering"].exported
    assert not entries["et-matching-short"].exported
    assert "at least 3 answers" in entries["et-matching-short"].detail
    assert not entries["sc-listen"].exported
    assert entries["sc-listen"].statement
    assert entries["et-unsafe"].notes == (
        "it links to a page of the course site; the link will not work inside Moodle",
    )
    assert (report.exported, report.skipped, report.statements) == (9, 1, 2)
    comments = [line[3:] for line in text.splitlines() if line.startswith("// ")]
    for line in report.lines():
        assert line.rstrip() in comments
    assert "::et-ordering" in text
    assert "::et-matching-short" not in text


def test_ordering_is_written_in_moodles_gift_syntax_and_read_back_by_its_rules(
    fixture_catalog: Catalog,
) -> None:
    text, _ = export_catalog(fixture_catalog, "gift")
    questions = {q.idnumber: q for q in read_gift(text) if q.qtype != "category"}
    ordering = questions["et-ordering"]
    assert ordering.qtype == "ordering"
    assert ordering.settings == ("4", "ALL", "VERTICAL", "ALL_OR_NOTHING", "SHOW", "none")
    assert ordering.items == ["Goal", "Reality", "Options", "Will"]
    assert ordering.general_feedback.text == "<p>Goal, then Reality, then Options, then Will.</p>"
    assert ordering.tags == ["L12"]
    assert {q.qtype for q in questions.values()} == {
        "multichoice",
        "truefalse",
        "ordering",
        "match",
        "shortanswer",
    }


@pytest.mark.parametrize("text", ["a ~ b = c # d { e } f : g \\ h", "line\nbreak", "x\\n"])
def test_escaping_round_trips_through_gift_pegjs(text: str) -> None:
    parsed = parse_gift(f"::t::[html]{escape(text)}{{\n\t=right\n\t~wrong\n}}\n")
    assert parsed[0]["stem"]["text"] == text


def test_every_bank_in_the_course_exports(tmp_path: object) -> None:
    catalog = load_catalog([ROOT / "quizzes"], relative_to=ROOT)
    assert catalog.problems == []
    text, report = export_catalog(catalog, "gift")
    reported = [entry.question for bank in report.banks for entry in bank.entries]
    expected = [
        entry.id
        for bank in catalog.banks.values()
        for entry in (bank.questions if isinstance(bank, model.QuizBank) else bank.items())
    ]
    assert reported == expected
    read = [q for q in read_gift(text) if q.qtype != "category"]
    assert len(read) == report.exported  # every question, ordering included, by Moodle's rules
    questions = [
        item for item in (parse_gift(text) if report.exported else []) if item["type"] != "Category"
    ]
    ordering = {q.idnumber for q in read if q.qtype == "ordering"}
    questions = [item for item in questions if item["id"] not in ordering]
    for item in questions:
        question = next(
            q
            for bank in catalog.banks.values()
            if isinstance(bank, model.QuizBank)
            for q in bank.questions
            if q.id == item["id"]
        )
        assert item["stem"]["text"] == to_html(question.text)
        if isinstance(question, SingleChoice):
            right = [c["text"]["text"] for c in item["choices"] if c["isCorrect"]]
            assert right == [
                to_inline_html(question.option_list()[i].text) for i in question.correct_indices()
            ]
        if isinstance(question, Matching):
            assert [_decoded(p["subanswer"]) for p in item["matchPairs"]] == [
                to_plain_text(text)
                for text in [pair.match for pair in question.pairs] + question.distractors
            ]
