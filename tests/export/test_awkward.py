"""The regression bank of awkward texts, exported and read back by readers of our own.

Moodle XML is parsed by lxml, and each `<text>` is also read the way Moodle's XML reader
reads it: character data in pieces (a CDATA section whole, an escaped character alone),
pieces of white space alone dropped (`XML_OPTION_SKIP_WHITE`), then trimmed (`getpath`). GIFT
is read by `moodle_gift`, which follows Moodle's `qformat_gift`. Every text, weight and
setting must come back as the bank means it.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from lxml import etree

from quizbank import model
from quizbank.catalog import Catalog, load_catalog
from quizbank.export import export_catalog
from quizbank.export.common import category_path, question_name
from quizbank.text import to_html, to_inline_html, to_plain_text
from quizbank.types.choice import MultipleResponse, SingleChoice, multiple_grades
from quizbank.types.matching import Matching
from quizbank.types.ordering import Ordering
from quizbank.types.true_false import TrueFalse
from tests.conftest import ROOT
from tests.export.moodle_gift import Question, read_gift

AWKWARD = ROOT / "tests" / "fixtures" / "awkward"


@pytest.fixture(scope="module")
def bank() -> model.QuizBank:
    catalog: Catalog = load_catalog([AWKWARD / "quizzes"], relative_to=AWKWARD)
    assert catalog.problems == []
    found = catalog.banks["awkward"]
    assert isinstance(found, model.QuizBank)
    return found


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog([AWKWARD / "quizzes"], relative_to=AWKWARD)


def _question(bank: model.QuizBank, kind: type[Any]) -> Any:
    return next(question for question in bank.questions if isinstance(question, kind))


def _block(markdown: str | None) -> str:
    return to_html(markdown) if markdown else ""


# ---------------------------------------------------------------- Moodle XML

_TEXT = re.compile(r"<text>(.*?)</text>", re.DOTALL)
_PIECE = re.compile(r"<!\[CDATA\[(.*?)\]\]>|(&[^;]+;)|([^&<]+)", re.DOTALL)


def moodle_reads(raw: str) -> str:
    """Return a `<text>`'s content as Moodle's XML reader gets it, from the file's own bytes."""
    pieces = []
    for cdata, reference, data in _PIECE.findall(raw):
        piece = cdata or (html.unescape(reference) if reference else data)
        if piece.strip(" \t\n"):  # XML_OPTION_SKIP_WHITE: white space alone is dropped
            pieces.append(piece)
    return "".join(pieces).strip()


@pytest.fixture(scope="module")
def xml_file(catalog: Catalog) -> str:
    text, _ = export_catalog(catalog, "moodle-xml")
    return text


@pytest.fixture(scope="module")
def xml_root(xml_file: str) -> Any:
    root = etree.fromstring(xml_file.encode("utf-8"))
    raws = [found.group(1) for found in _TEXT.finditer(xml_file)]
    texts = list(root.iter("text"))
    assert len(raws) == len(texts)
    for text, raw in zip(texts, raws, strict=True):
        # lxml's reading of the text and the reading from the file's bytes agree
        assert (text.text or "") == "".join(
            c or (html.unescape(r) if r else d) for c, r, d in _PIECE.findall(raw)
        )
        _RAW[text] = raw
    return root


@pytest.fixture(scope="module")
def xml_questions(xml_root: Any) -> dict[str, Any]:
    return {q.findtext("idnumber"): q for q in xml_root.iter("question")}


_RAW: dict[Any, str] = {}
"""Each `<text>` element with its content as written in the file."""


def _moodle(element: Any) -> str:
    """Return what Moodle reads from an element's `<text>`."""
    text = element.find("text")
    assert text is not None
    return moodle_reads(_RAW[text])


def test_every_text_with_markup_or_an_ampersand_is_in_cdata(xml_file: str) -> None:
    raws = [found.group(1) for found in _TEXT.finditer(xml_file)]
    assert raws
    for raw in raws:
        if raw.startswith("<![CDATA["):
            assert raw.endswith("]]>")
            continue
        assert not re.search(r"&(?:lt|gt|amp|quot|apos);", raw), raw  # escaped markup: CDATA


def test_a_cdata_end_in_a_text_is_split_across_two_sections(xml_file: str) -> None:
    assert "]]]]><![CDATA[>" in xml_file
    root = etree.fromstring(xml_file.encode("utf-8"))
    category = root.find("question[@type='category']/category/text")
    assert category is not None
    assert "]]>" in (category.text or "")


def test_the_category_and_its_description_come_back_exactly(
    xml_questions: dict[str, Any], bank: model.QuizBank
) -> None:
    category = xml_questions["awkward"]
    assert _moodle(category.find("category")) == category_path(bank)
    assert _moodle(category.find("info")) == to_html(bank.intro or "")


def test_every_question_text_and_feedback_comes_back_exactly(
    xml_questions: dict[str, Any], bank: model.QuizBank
) -> None:
    for question in bank.questions:
        element = xml_questions[question.id]
        assert _moodle(element.find("name")) == question_name(question)
        assert _moodle(element.find("questiontext")) == to_html(question.text)
        assert _moodle(element.find("generalfeedback")) == _block(question.explanation)


def test_choice_options_their_grades_and_feedback(
    xml_questions: dict[str, Any], bank: model.QuizBank
) -> None:
    single = _question(bank, SingleChoice)
    answers = xml_questions[single.id].findall("answer")
    options = single.option_list()
    assert [_moodle(a) for a in answers] == [to_inline_html(o.text) for o in options]
    assert [_moodle(a.find("feedback")) for a in answers] == [_block(o.feedback) for o in options]
    assert [a.get("fraction") for a in answers] == [
        "100" if o.text == single.answer else "0" for o in options
    ]
    multiple = _question(bank, MultipleResponse)
    right, wrong = multiple_grades(multiple)
    answers = xml_questions[multiple.id].findall("answer")
    assert [float(a.get("fraction")) for a in answers] == pytest.approx(
        [right if o.text in multiple.answer else wrong for o in multiple.option_list()], abs=1e-4
    )


def test_true_false_feedback(xml_questions: dict[str, Any], bank: model.QuizBank) -> None:
    question = _question(bank, TrueFalse)
    answers = xml_questions[question.id].findall("answer")
    assert [(a.findtext("text"), _moodle(a.find("feedback"))) for a in answers] == [
        ("true", _block(question.true_feedback)),
        ("false", _block(question.false_feedback)),
    ]


def test_matching_pairs_and_distractors(
    xml_questions: dict[str, Any], bank: model.QuizBank
) -> None:
    question = _question(bank, Matching)
    subquestions = xml_questions[question.id].findall("subquestion")
    assert [(_moodle(s), _moodle(s.find("answer"))) for s in subquestions] == [
        (to_inline_html(pair.item), to_plain_text(pair.match)) for pair in question.pairs
    ] + [("", to_plain_text(distractor)) for distractor in question.distractors]


def test_ordering_items_in_their_right_order(
    xml_questions: dict[str, Any], bank: model.QuizBank
) -> None:
    question = _question(bank, Ordering)
    answers = xml_questions[question.id].findall("answer")
    assert [_moodle(a) for a in answers] == [to_inline_html(item) for item in question.items]
    assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, 10)]
    assert all(a.find("feedback") is None for a in answers)  # as Moodle's ordering writes it


# What Moodle's writer (qformat_xml::writequestion and each qtype's export_to_xml) writes
# after <idnumber>, in its order: a file without these fields imports differently.
MOODLE_FIELDS = {
    "multichoice": [
        "single",
        "shuffleanswers",
        "answernumbering",
        "showstandardinstruction",
        "correctfeedback",
        "partiallycorrectfeedback",
        "incorrectfeedback",
        "shownumcorrect",
        "answer",
    ],
    "truefalse": ["answer"],
    "matching": [
        "shuffleanswers",
        "correctfeedback",
        "partiallycorrectfeedback",
        "incorrectfeedback",
        "shownumcorrect",
        "subquestion",
    ],
    "ordering": [
        "layouttype",
        "selecttype",
        "selectcount",
        "gradingtype",
        "showgrading",
        "numberingstyle",
        "correctfeedback",
        "partiallycorrectfeedback",
        "incorrectfeedback",
        "shownumcorrect",
        "answer",
    ],
}
HEADER = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden"]


@pytest.mark.parametrize("qtype", sorted(MOODLE_FIELDS))
def test_each_type_has_the_fields_moodles_writer_writes_in_its_order(
    qtype: str, xml_questions: dict[str, Any]
) -> None:
    elements = [q for q in xml_questions.values() if q.get("type") == qtype]
    assert elements
    for element in elements:
        tags = [child.tag for child in element if child.tag not in ("tags",)]
        collapsed = [tag for n, tag in enumerate(tags) if n == 0 or tags[n - 1] != tag]
        assert collapsed == [*HEADER, "idnumber", *MOODLE_FIELDS[qtype]]
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            for part in element.findall(tag):
                assert part.get("format") == "html"


def test_ordering_has_shownumcorrect_so_moodle_invents_no_hints(
    xml_questions: dict[str, Any],
) -> None:
    # qtype_ordering::import_from_xml: without <shownumcorrect> it takes the file for an old
    # one and adds two hints with no format, which a strict database refuses.
    ordering = xml_questions["aw-ordering"]
    assert ordering.findtext("shownumcorrect") == "1"
    assert ordering.findtext("selecttype") == "ALL"
    assert ordering.findtext("selectcount") == "9"
    # import_hints: Moodle writes a <hint> only for a question that has one; every hint it
    # reads needs a format and a text (question_hints.hintformat is NOT NULL).
    for hint in ordering.iter("hint"):
        assert hint.get("format") == "html"
        assert hint.find("text") is not None


def test_multichoice_and_matching_mark_shownumcorrect_by_presence(
    xml_questions: dict[str, Any],
) -> None:
    for question_id in ("aw-single", "aw-multiple", "aw-matching"):
        flag = xml_questions[question_id].find("shownumcorrect")
        assert flag is not None  # qformat_xml::import_combined_feedback: array_key_exists
        assert flag.text is None


# ---------------------------------------------------------------- GIFT

_OUR_REFERENCES = {"&#92;": "\\", "&#123;": "{", "&#125;": "}", "&#35;": "#", "&#47;": "/"}


@pytest.fixture(scope="module")
def gift(catalog: Catalog) -> dict[str, Question]:
    text, report = export_catalog(catalog, "gift")
    assert report.skipped == 0
    questions = read_gift(text)
    assert questions[0].qtype == "category"
    return {q.idnumber or "": q for q in questions[1:]}


def test_gift_reads_every_question_with_its_type(gift: dict[str, Question]) -> None:
    assert {qid: q.qtype for qid, q in gift.items()} == {
        "aw-single": "multichoice",
        "aw-multiple": "multichoice",
        "aw-true-false": "truefalse",
        "aw-ordering": "ordering",
        "aw-matching": "match",
    }


def test_gift_names_texts_and_general_feedback_come_back_exactly(
    gift: dict[str, Question], bank: model.QuizBank
) -> None:
    for question in bank.questions:
        read = gift[question.id]
        assert read.name == question_name(question)
        assert (read.text.text, read.text.format) == (to_html(question.text), "html")
        assert read.general_feedback.text == _block(question.explanation)
        assert read.general_feedback.format == "html"


def test_gift_options_keep_their_text_weight_and_feedback(
    gift: dict[str, Question], bank: model.QuizBank
) -> None:
    single = _question(bank, SingleChoice)
    answers = gift[single.id].answers
    assert [(a.text.text, a.text.format) for a in answers] == [
        (to_inline_html(o.text), "html") for o in single.option_list()
    ]
    assert [a.fraction for a in answers] == [
        1.0 if o.text == single.answer else 0.0 for o in single.option_list()
    ]
    assert [a.feedback.text for a in answers] == [_block(o.feedback) for o in single.option_list()]
    multiple = _question(bank, MultipleResponse)
    right, wrong = multiple_grades(multiple)
    answers = gift[multiple.id].answers
    assert [a.text.text for a in answers] == [
        to_inline_html(o.text) for o in multiple.option_list()
    ]
    assert [a.fraction for a in answers] == pytest.approx(
        [(right if o.text in multiple.answer else wrong) / 100 for o in multiple.option_list()],
        abs=1e-4,
    )
    assert [a.feedback.text for a in answers] == [
        _block(o.feedback) for o in multiple.option_list()
    ]


def test_gift_true_false_keeps_both_feedbacks(
    gift: dict[str, Question], bank: model.QuizBank
) -> None:
    question = _question(bank, TrueFalse)
    read = gift[question.id]
    assert read.correct is question.answer
    assert read.true_feedback is not None
    assert read.false_feedback is not None
    assert read.true_feedback.text == _block(question.true_feedback)
    assert read.false_feedback.text == _block(question.false_feedback)


def test_gift_matching_keeps_items_and_matches(
    gift: dict[str, Question], bank: model.QuizBank
) -> None:
    question = _question(bank, Matching)
    assert [(item.text, match) for item, match in gift[question.id].subquestions] == [
        (to_inline_html(pair.item).replace("->", "-&gt;"), to_plain_text(pair.match))
        for pair in question.pairs
    ] + [("", to_plain_text(distractor)) for distractor in question.distractors]


def test_gift_ordering_in_moodles_syntax_keeps_every_item(
    gift: dict[str, Question], bank: model.QuizBank
) -> None:
    question = _question(bank, Ordering)
    read = gift[question.id]
    assert read.settings == ("9", "ALL", "VERTICAL", "ALL_OR_NOTHING", "SHOW", "none")
    items = []
    for written in read.items:
        item = written
        for reference, character in _OUR_REFERENCES.items():
            item = item.replace(reference, character)
        items.append("0" if item == "&#48;" else item)
    assert items == [" ".join(to_inline_html(item).splitlines()) for item in question.items]
    assert "&&" not in "".join(read.items)  # no GIFT escape is left for Moodle to keep
