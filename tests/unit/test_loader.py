"""Loading banks: every problem an author can make is reported once, with line and column."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from quizbank import model, yamlsource
from quizbank.catalog import load_catalog
from quizbank.types.choice import SingleChoice

HEADER = "format: 1\nkind: quiz\nid: demo\ntitle: Demo\nquestions:\n"


def problems_in(tmp_path: Path, text: str | bytes, name: str = "bank.yml") -> list[str]:
    """Write one bank and return its problems as `line:col: message`."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(dedent(text), encoding="utf-8")
    catalog = load_catalog([path], relative_to=tmp_path)
    return [f"{p.line}:{p.column}: {p.message}" for p in catalog.problems]


def test_a_good_bank_loads_with_every_question_type(tmp_path: Path) -> None:
    path = Path(__file__).parents[1] / "fixtures" / "site" / "quizzes" / "sample.yml"
    catalog = load_catalog([path])
    assert catalog.problems == []
    bank = catalog.banks["sample"]
    assert isinstance(bank, model.QuizBank)
    assert [q.type for q in bank.questions] == [
        "single",
        "multiple",
        "true-false",
        "ordering",
        "matching",
        "single",
    ]
    single = bank.questions[0]
    assert isinstance(single, SingleChoice)
    assert single.correct_indices() == [0]
    assert single.option_list()[1].feedback.startswith("Growth is a result")


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    assert problems_in(tmp_path, "format: 1\nid: [demo\n") == [
        "3:1: YAML syntax error: while parsing a flow sequence expected ',' or ']', "
        "but got '<stream end>'; nothing after it in this file is checked until it is fixed"
    ]


def test_tabs_are_reported_on_every_line(tmp_path: Path) -> None:
    assert problems_in(tmp_path, "format: 1\n\tkind: quiz\nid: x\n\t\ttitle: y\n") == [
        "2:1: tab used for indentation; YAML indents with spaces",
        "4:1: tab used for indentation; YAML indents with spaces",
    ]


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    assert problems_in(tmp_path, b"format: 1\ntitle: caf\xe9\n") == [
        "2:11: byte 0xe9 is not UTF-8; save the file as UTF-8"
    ]


def test_an_empty_file(tmp_path: Path) -> None:
    assert problems_in(tmp_path, "\n\n") == ["1:1: the file is empty; expected a mapping of fields"]


def test_a_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    assert problems_in(tmp_path, "- format: 1\n- kind: quiz\n") == [
        "1:1: expected a mapping of fields at the top of the file, found a list of 2 entries"
    ]


def test_wrong_types_missing_fields_and_unknown_keys_all_at_once(tmp_path: Path) -> None:
    text = (
        HEADER
        + """\
  - id: q-one
    type: single
    text: true
    options:
      - text: A
        corect: true
      - B
    answer: A
  - id: q-two
    type: ordering
    items: [one, two]
    track: three
"""
    )
    assert problems_in(tmp_path, text) == [
        "8:11: 'questions[0].text' should be text, found true (a true/false value); "
        "put it in quotes",
        "11:9: unknown key 'corect'; expected one of: text, feedback",
        "14:5: missing required field 'text' (The question, in Markdown)",
        "17:12: 'questions[1].track' should be a whole number, found 'three' (text)",
    ]


def test_unknown_key_suggests_the_nearest_field(tmp_path: Path) -> None:
    text = (
        HEADER + "  - id: q\n    type: single\n    text: t\n    options: [a, b]\n"
        "    answer: a\n    explanaton: why\n"
    )
    assert problems_in(tmp_path, text) == [
        "11:5: unknown key 'explanaton' (did you mean 'explanation'?); expected one of: "
        "track, units, outcomes, id, text, explanation, level, hints, options, shuffle, type, answer"
    ]


def test_an_unknown_question_type(tmp_path: Path) -> None:
    text = HEADER + "  - id: q\n    type: single-choice\n    text: t\n"
    assert problems_in(tmp_path, text) == [
        "7:11: unknown type 'single-choice'; expected one of: 'single', 'multiple', "
        "'true-false', 'ordering', 'matching', 'fill-in'"
    ]


def test_duplicate_ids_within_a_bank(tmp_path: Path) -> None:
    question = "  - id: same\n    type: true-false\n    text: t\n    answer: true\n"
    assert problems_in(tmp_path, HEADER + question + question) == [
        "10:9: duplicate question id 'same'; also used at questions[0].id"
    ]


def test_duplicate_ids_across_banks(tmp_path: Path) -> None:
    question = "  - id: shared\n    type: true-false\n    text: t\n    answer: true\n"
    (tmp_path / "a.yml").write_text(HEADER + question)
    (tmp_path / "b.yml").write_text(HEADER.replace("id: demo", "id: other") + question)
    (tmp_path / "c.yml").write_text(
        HEADER + "  - id: c-one\n    type: true-false\n    text: t\n    answer: true\n"
    )
    catalog = load_catalog([tmp_path], relative_to=tmp_path)
    assert [str(p) for p in catalog.problems] == [
        "b.yml:6:9: duplicate question id 'shared'; also used in bank 'demo' (a.yml)",
        "c.yml:3:5: duplicate bank id 'demo'; also used by a.yml",
    ]


def test_an_answer_that_names_no_option(tmp_path: Path) -> None:
    text = (
        HEADER + "  - id: q\n    type: single\n    text: t\n    options: [Goal, Growth]\n"
        "    answer: Goa\n"
    )
    assert problems_in(tmp_path, text) == [
        "10:13: answer 'Goa' names no option; write it exactly as one of: 'Goal', 'Growth'"
    ]


def test_a_choice_question_with_no_correct_option(tmp_path: Path) -> None:
    text = HEADER + "  - id: q\n    type: multiple\n    text: t\n    options: [a, b]\n"
    assert problems_in(tmp_path, text) == [
        "6:5: missing required field 'answer' (Every correct option, each written exactly "
        "as in `options`)"
    ]


def test_a_single_choice_question_with_two_answers(tmp_path: Path) -> None:
    text = (
        HEADER + "  - id: q\n    type: single\n    text: t\n    options: [a, b, c]\n"
        "    answer: [a, b]\n"
    )
    assert problems_in(tmp_path, text) == [
        "10:13: 'questions[0].answer' names 2 options, but a 'single' question has exactly "
        "one answer; use type: multiple for select-all-that-apply"
    ]


def test_a_multiple_response_question_where_every_option_is_right(tmp_path: Path) -> None:
    text = (
        HEADER + "  - id: q\n    type: multiple\n    text: t\n    options: [a, b]\n"
        "    answer: [a, b]\n"
    )
    assert problems_in(tmp_path, text) == [
        "10:13: every option is correct; add at least one wrong option so the question "
        "tests something"
    ]


def test_an_ordering_with_fewer_than_two_items(tmp_path: Path) -> None:
    text = HEADER + "  - id: q\n    type: ordering\n    text: t\n    items: [only]\n"
    assert problems_in(tmp_path, text) == [
        "9:12: 'questions[0].items' has 1 entry; expected at least 2"
    ]


def test_empty_options_and_empty_text(tmp_path: Path) -> None:
    text = (
        HEADER + '  - id: q\n    type: single\n    text: "  "\n    options: [a, ""]\n'
        "    answer: a\n"
    )
    assert problems_in(tmp_path, text) == [
        "8:11: 'questions[0].text' is empty; expected some text",
        "9:18: 'questions[0].options[1]' is empty; expected some text",
    ]


def test_repeated_options_cannot_be_told_apart(tmp_path: Path) -> None:
    text = (
        HEADER + "  - id: q\n    type: single\n    text: t\n    options: [a, b, a]\n    answer: a\n"
    )
    assert problems_in(tmp_path, text) == ["9:14: option 'a' is given 2 times; each must differ"]


def test_a_duplicate_key(tmp_path: Path) -> None:
    assert problems_in(
        tmp_path,
        HEADER.replace("title: Demo\n", "title: A\ntitle: B\n")
        + "  - id: q\n    type: true-false\n    text: t\n    answer: true\n",
    ) == ["5:1: key 'title' appears twice in this mapping (first at line 4)"]


@pytest.mark.parametrize(
    "tag", ["!!python/object:os.system", "!!python/name:os.system", "!!binary", "!custom"]
)
def test_unsafe_yaml_tags_are_refused(tmp_path: Path, tag: str) -> None:
    found = problems_in(tmp_path, f"format: 1\nkind: {tag} quiz\n")
    assert len(found) == 1
    assert found[0].startswith("2:7: the YAML tag")
    assert "is not allowed" in found[0]


def test_an_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]"
        for i in range(8)
    ]
    found = problems_in(tmp_path, "\n".join(lines) + "\n")
    assert found[0] == (
        "1:4: anchors and aliases (&name, *name) are not allowed; write the value out in full"
    )
    assert len(found) == 1 + 8 + 8 * 9


def test_every_problem_in_every_file_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "one.yml").write_text("")
    (tmp_path / "two.yml").write_text("format: 1\n\tid: x\n")
    (tmp_path / "three.yml").write_text(HEADER + "  - id: q\n    type: nope\n    text: t\n")
    catalog = load_catalog([tmp_path], relative_to=tmp_path)
    assert [f"{p.path}:{p.line}" for p in catalog.problems] == [
        "one.yml:1",
        "three.yml:7",
        "two.yml:2",
    ]


def test_files_starting_with_underscore_are_not_banks(tmp_path: Path) -> None:
    (tmp_path / "_notes.yml").write_text("not: a bank\n")
    assert load_catalog([tmp_path]).problems == []


SELF = """\
format: 1
kind: self-assessment
id: self
title: Self
scale:
  - {id: usually, label: Usually, score: 2}
  - {id: sometimes, label: Sometimes, score: 1}
  - {id: rarely, label: Rarely, score: 0}
sections:
  - id: s
    title: Do you
    items:
      - {id: i-one, text: one}
      - {id: i-two, text: two}
scoring:
"""


def test_total_bands_that_overlap_and_leave_gaps(tmp_path: Path) -> None:
    bands = """\
  rule: total
  bands:
    - {id: low, title: Low, feedback: f, min: 0, max: 1}
    - {id: mid, title: Mid, feedback: f, min: 1, max: 2}
"""
    assert problems_in(tmp_path, SELF + bands) == [
        "18:5: bands leave a gap: no band covers totals 3-4",
        "19:47: bands overlap: total 1 falls in two bands",
    ]


def test_most_bands_that_overlap_and_leave_gaps(tmp_path: Path) -> None:
    bands = """\
  rule: most
  bands:
    - {id: a, title: A, feedback: f, when: usually}
    - {id: b, title: B, feedback: f, when: usually}
    - {id: c, title: C, feedback: f, when: never}
"""
    assert problems_in(tmp_path, SELF + bands) == [
        "18:5: bands leave a gap: no band for sometimes, rarely",
        "19:44: bands overlap: scale point 'usually' already has band 'a'",
        "20:44: 'when' names 'never', which is not on the scale (usually, sometimes, rarely)",
    ]


def test_tags_must_be_listed_in_the_qualifications_file(tmp_path: Path) -> None:
    (tmp_path / "_qualifications.yml").write_text(
        "format: 1\nunits: [{id: G3}, {id: L12}]\noutcomes: [{id: PQ3-1, title: One}]\n"
    )
    (tmp_path / "bank.yml").write_text(
        HEADER + "  - id: q\n    type: true-false\n    text: t\n    answer: true\n"
        "    units: [G3, L13]\n    outcomes: [PQ3-9]\n"
    )
    catalog = load_catalog([tmp_path], relative_to=tmp_path)
    assert [str(p) for p in catalog.problems] == [
        "bank.yml:10:17: unit 'L13' is not listed in _qualifications.yml (known: G3, L12)",
        "bank.yml:11:16: outcome 'PQ3-9' is not listed in _qualifications.yml (known: PQ3-1)",
    ]


def test_fingerprint_changes_with_the_question_not_its_feedback() -> None:
    base = {"id": "q", "type": "single", "text": "t", "options": ["a", "b"], "answer": "a"}
    adapter = __import__("pydantic").TypeAdapter(model.Question)
    plain = adapter.validate_python(base)
    reworded_feedback = adapter.validate_python(
        {**base, "options": [{"text": "a", "feedback": "new"}, "b"], "explanation": "e"}
    )
    new_option = adapter.validate_python({**base, "options": ["a", "c"]})
    assert plain.fingerprint() == reworded_feedback.fingerprint()
    assert plain.fingerprint() != new_option.fingerprint()


@pytest.mark.parametrize(
    ("kind", "fingerprint"),
    [
        ("single", "c056e5f41630"),
        ("multiple", "b82d6a385030"),
        ("true-false", "3de6b3f87d7a"),
        ("ordering", "b2ac47419fc3"),  # format 2: the answer is the list order (issue 11)
        ("matching", "5f58ef5daab1"),
        ("fill-in", "0158dab59499"),
    ],
)
def test_fingerprints_stay_as_they_were(kind: str, fingerprint: str) -> None:
    """Learners' saved answers key on them: a faster way to work them out must not move them."""
    adapter = __import__("pydantic").TypeAdapter(model.Question)
    question = adapter.validate_python(model.QUESTION_TYPES[kind].example(f"q-{kind}"))
    assert question.fingerprint() == fingerprint


def test_yes_and_no_stay_text_as_in_yaml_1_2(tmp_path: Path) -> None:
    text = HEADER + "  - id: no\n    type: true-false\n    text: No\n    answer: yes\n"
    assert problems_in(tmp_path, text) == [
        "9:13: 'questions[0].answer' should be true or false, found 'yes' (text)"
    ]


REPO = Path(__file__).parents[2]
SAMPLES = sorted(
    [
        *(REPO / "quizzes").glob("*.yml"),
        *(REPO / "tests" / "fixtures" / "site" / "quizzes").glob("*.yml"),
    ]
)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_libyaml_reads_every_bank_as_the_pure_python_parser_does(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if yamlsource.FastBankLoader is None:
        pytest.skip("PyYAML was built without libyaml")
    fast = yamlsource.read_yaml(path, path.name)
    monkeypatch.setattr(yamlsource, "FastBankLoader", None)
    pure = yamlsource.read_yaml(path, path.name)
    assert fast.data == pure.data
    assert fast._values == pure._values
    assert fast._keys == pure._keys
    assert fast.problems == pure.problems == []


def test_libyaml_and_pure_python_agree_on_positions_past_wide_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wide.yml"
    path.write_text(
        'title: "Café 😀"\nitems: [é😀, {a: ü😀😀, b: x}]\nq: |\n  ünï\nz: yes\nn: 11:28\nf: 1.5\n',
        encoding="utf-8",
    )
    fast = yamlsource.read_yaml(path, path.name)
    monkeypatch.setattr(yamlsource, "FastBankLoader", None)
    pure = yamlsource.read_yaml(path, path.name)
    assert (fast.data, fast._values, fast._keys) == (pure.data, pure._values, pure._keys)
    assert fast.at(("items", 1, "b")) == (2, 25)  # counted in characters, not bytes


@pytest.mark.parametrize(
    "source",
    ["a: *x\n", "a: &x 1\nb: *x\n", "a: [1, 2\n", "a: b: c\n", "a: 'Q&A'\nb: *c\n", "- &x\n"],
)
def test_libyaml_and_pure_python_report_the_same_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(source, encoding="utf-8")
    fast = yamlsource.read_yaml(path, path.name)
    monkeypatch.setattr(yamlsource, "FastBankLoader", None)
    pure = yamlsource.read_yaml(path, path.name)
    assert fast.problems == pure.problems != []
