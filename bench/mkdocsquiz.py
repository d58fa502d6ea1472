"""The same questions written for mkdocs-quiz, the common alternative, to compare like with like.

mkdocs-quiz (1.7) has single choice (one `- [x]`), multiple response (several `- [x]`) and
fill-in-the-blank questions, per-answer feedback (`> ` lines under an answer) and a content
section after the answers. quizbank's types map onto it like this:

- single choice -> one `- [x]` among `- [ ]`, each option's feedback as `> ` lines;
- multiple response -> several `- [x]`;
- true/false -> single choice with the options `True` and `False`, `true_feedback` and
  `false_feedback` as their feedback;
- the explanation -> the content section (shown once answered).

Ordering, matching and self-assessment items have no counterpart, and neither do the track,
unit and outcome tags, so the comparison uses only the three shared types and no tags.
"""

from __future__ import annotations

from typing import Any

from quizbank import model
from quizbank.catalog import load_catalog
from quizbank.types.choice import MultipleResponse, SingleChoice
from quizbank.types.true_false import TrueFalse

from .common import ROOT
from .synthetic import dump_yaml

SHARED_TYPES = (SingleChoice, MultipleResponse, TrueFalse)


def real_questions(
    count: int,
) -> list[SingleChoice | MultipleResponse | TrueFalse]:
    """Return `count` questions of the shared types from the course's banks, round robin."""
    catalog = load_catalog([ROOT / "quizzes"])
    catalog.raise_for_problems()
    queues = [
        [q for q in bank.questions if isinstance(q, SHARED_TYPES)]
        for _, bank in sorted(catalog.banks.items())
        if isinstance(bank, model.QuizBank)
    ]
    chosen: list[Any] = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    if len(chosen) < count:
        raise RuntimeError(f"the banks hold only {len(chosen)} questions of the shared types")
    return chosen


def as_quizbank(bank_id: str, questions: list[Any]) -> str:
    """Return the questions as a quizbank bank, with new ids and without tags."""
    data = [
        {
            **q.model_dump(exclude={"track", "units", "outcomes"}, exclude_none=True),
            "id": f"{bank_id}-{index:02d}",
        }
        for index, q in enumerate(questions, start=1)
    ]
    return dump_yaml(
        {
            "format": 1,
            "kind": "quiz",
            "id": bank_id,
            "title": f"{len(questions)} questions",
            "questions": data,
        }
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _feedback(text: str | None) -> list[str]:
    return [f"> {line}".rstrip() for line in text.strip().splitlines()] if text else []


def as_mkdocs_quiz(question: Any) -> str:
    """Return one question as an mkdocs-quiz `<quiz>` block."""
    lines = ["<quiz>", question.text.strip()]
    if isinstance(question, TrueFalse):
        answers = [
            ("True", question.answer, question.true_feedback),
            ("False", not question.answer, question.false_feedback),
        ]
    else:
        right = set(question.correct_indices())
        answers = [
            (option.text, index in right, option.feedback)
            for index, option in enumerate(question.option_list())
        ]
    for text, correct, feedback in answers:
        lines.append(f"- [{'x' if correct else ' '}] {_one_line(text)}")
        lines.extend(_feedback(feedback))
    if question.explanation:
        lines += ["", question.explanation.strip()]
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"
