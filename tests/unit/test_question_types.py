"""Every registered question type is complete: a missing piece fails here, by type."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

from quizbank import model
from quizbank.types import QUESTION_TYPES
from quizbank.types.base import Gift, MoodleXml, Unsupported
from quizbank.types.fill_in import normalise_answer
from tests.browser.test_keyboard import KEYBOARD
from tests.conftest import ROOT

QUESTION = TypeAdapter(model.Question)
SCORM_12_INTERACTIONS = {
    "true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric",
}  # fmt: skip
"""The interaction types of SCORM 1.2 (cmi.interactions.n.type)."""
RIGHT_ANSWERS: dict[str, Callable[[object], list[str]]] = {
    "single": lambda q: [str(q.correct_indices()[0])],  # type: ignore[attr-defined]
    "multiple": lambda q: [str(i) for i in q.correct_indices()],  # type: ignore[attr-defined]
    "true-false": lambda q: ["true" if q.answer else "false"],  # type: ignore[attr-defined]
    "ordering": lambda q: QUESTION_TYPES["ordering"].answer_key(q).split(),
    "matching": lambda q: [str(i) for i in range(len(q.pairs))],  # type: ignore[attr-defined]
    "fill-in": lambda q: [q.accepted()[0].text.upper() + "."],  # type: ignore[attr-defined]
}
"""What a learner enters to answer each type's example right, as the script reads it."""

FIXTURE_BANKS = {
    "the LMS exports": [ROOT / "tests/fixtures/lms/quizzes/every-type.yml"],
    "the fixture site (browser tests)": sorted(
        (ROOT / "tests/fixtures/site/quizzes").glob("*.yml")
    ),
}


@pytest.mark.parametrize("name", QUESTION_TYPES)
def test_the_example_is_valid_renders_and_has_an_answer_key(name: str) -> None:
    spec = QUESTION_TYPES[name]
    assert spec.name == name
    question = QUESTION.validate_python(spec.example(f"example-{name}"))
    assert type(question) is spec.model
    assert list(spec.check(question, ("questions", 0))) == []
    rendered = spec.render(question, f"qb-example-{name}")
    assert rendered.body, "renders nothing for the learner to answer"
    assert rendered.key, "renders no answer key"
    assert spec.answer_key(question), "gives the browser script no answer key"


@pytest.mark.parametrize("name", QUESTION_TYPES)
def test_every_format_holds_the_type_or_says_why_not(name: str) -> None:
    spec = QUESTION_TYPES[name]
    for mapping, kind in ((spec.moodle, MoodleXml), (spec.gift, Gift)):
        assert isinstance(mapping, kind) or (
            isinstance(mapping, Unsupported) and len(mapping.reason) > 20
        )
    assert spec.scorm in SCORM_12_INTERACTIONS


@pytest.mark.parametrize("where", FIXTURE_BANKS)
@pytest.mark.parametrize("name", QUESTION_TYPES)
def test_the_fixture_banks_have_a_question_of_every_type(name: str, where: str) -> None:
    types = set()
    for path in FIXTURE_BANKS[where]:
        bank = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        types |= {question.get("type") for question in bank.get("questions", [])}
    assert name in types, f"add a '{name}' question to a bank of {where}"


def _node(script: str) -> str:
    """Run an ES module snippet under node from the repository's root; return what it prints."""
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_script_grades_exactly_the_registered_types() -> None:
    names = _node(
        'import { TYPES } from "./plugins/quizbank/assets/src/types/index.js";'
        "console.log(JSON.stringify(Object.keys(TYPES)));"
    )
    assert sorted(json.loads(names)) == sorted(QUESTION_TYPES), (
        "a type registered in quizbank.types needs a grader in assets/src/types/index.js, "
        "and the other way round"
    )


@pytest.mark.parametrize("name", QUESTION_TYPES)
def test_the_script_grades_the_example_right(name: str) -> None:
    """The answer key the Python writes is one the script's grader reads and accepts."""
    spec = QUESTION_TYPES[name]
    question = QUESTION.validate_python(spec.example(f"example-{name}"))
    key = spec.answer_key(question)
    if name not in RIGHT_ANSWERS:
        pytest.fail(f"add how a learner answers a '{name}' question right to RIGHT_ANSWERS")
    right = RIGHT_ANSWERS[name](question)
    verdict = _node(
        'import { TYPES } from "./plugins/quizbank/assets/src/types/index.js";'
        f"const type = TYPES[{json.dumps(name)}];"
        f"const grade = type.grade({json.dumps(right)}, type.parseKey({json.dumps(key)}));"
        "console.log(JSON.stringify(grade.correct));"
    )
    assert json.loads(verdict) is True


def test_the_script_normalises_typed_answers_as_the_python_does() -> None:
    samples = [
        "  Way   Forward. ",
        "WILL!?",
        "e\u0301tude",
        "Ça va…",
        "İstanbul",
        "tab\there",
        "a.b",
    ]
    script_says = _node(
        'import { normalise } from "./plugins/quizbank/assets/src/types/fill-in.js";'
        f"console.log(JSON.stringify({json.dumps(samples)}.map(normalise)));"
    )
    assert json.loads(script_says) == [normalise_answer(sample) for sample in samples]


def test_every_type_has_a_keyboard_test() -> None:
    missing = sorted(set(QUESTION_TYPES) - set(KEYBOARD))
    assert not missing, (
        f"add a keyboard driver to KEYBOARD in tests/browser/test_keyboard.py: {missing}"
    )
