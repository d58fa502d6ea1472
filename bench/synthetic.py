"""Synthetic banks and pages: any number of questions, a realistic mix of every type.

The mix follows the real course (about 38 % single choice, 19 % true/false, 16 %
self-assessment items, 15 % multiple response, 7 % matching, 5 % ordering). Text is written
the way the course's authors write it: long text wrapped over several lines in a `|` block,
paragraphs between blank lines, and Markdown (emphasis, code, links, lists) in about a third
of the questions and explanations. That is 8 % of all texts needing Markdown and 10 % plain
text over several lines; the real banks have 2 % and 17 %. More Markdown than the course has,
so the figures err on the slow side.
Everything is deterministic: the same call writes the same files.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

import yaml

QUIZ_CYCLE = (
    "single",
    "true-false",
    "single",
    "multiple",
    "single",
    "true-false",
    "matching",
    "single",
    "multiple",
    "single",
    "true-false",
    "ordering",
    "single",
    "multiple",
    "single",
    "true-false",
)
"""The quiz types in the order questions cycle through them (every type appears)."""

MIXED_CYCLE = (
    "single",
    "true-false",
    "item",
    "single",
    "multiple",
    "single",
    "item",
    "true-false",
    "matching",
    "single",
    "multiple",
    "single",
    "item",
    "true-false",
    "ordering",
    "single",
    "multiple",
    "single",
    "item",
    "true-false",
)
"""Quiz types and self-assessment items, as the course mixes them (20 a cycle)."""

_TOPICS = (
    "rapport",
    "feedback",
    "goal setting",
    "active listening",
    "the GROW model",
    "confidentiality",
    "reviewing progress",
    "a learning contract",
    "signposting",
    "open questions",
    "SMART objectives",
    "reflective practice",
)


class _NoAliases(yaml.SafeDumper):
    """A dumper that writes every value out in full (the bank loader refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never write an alias."""
        return True


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Write text over several lines as a literal block (`|`), the way authors do."""
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_NoAliases.add_representer(str, _text)


def dump_yaml(data: dict[str, Any]) -> str:
    """Return a bank as YAML text, as an author would write it."""
    return yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=96)


def _topic(n: int) -> str:
    return _TOPICS[n % len(_TOPICS)]


def _wrap(text: str) -> str:
    """Wrap each paragraph at 88 characters, as authors do in a `|` block."""
    return "\n\n".join(
        textwrap.fill(paragraph, width=88, break_on_hyphens=False)
        for paragraph in text.split("\n\n")
    )


def _rich(n: int, text: str) -> str:
    """Return text with Markdown in one question of three, plain otherwise."""
    if n % 6 == 0:
        return _wrap(
            f"{text} Think about **{_topic(n)}** in *your own* workplace, and "
            f"about the people you support there."
        )
    if n % 12 == 4:
        return f"{_wrap(text)}\n\n- with a new starter\n- with an experienced colleague"
    if n % 12 == 8:
        return _wrap(
            f"{text} (See `step-{n % 7}` in the [guide](https://example.org/guide/{n % 9}).)"
        )
    if n % 6 == 2:
        return _wrap(
            f"{text} Answer for the learner in front of you, not for the textbook: "
            f"what would you actually do on a busy day?"
        )
    return text


def _explanation(n: int) -> str | None:
    if n % 5 == 4:
        return None
    base = (
        f"Good practice with {_topic(n)} keeps the learner in charge of their own "
        f"development; the coach asks, listens and summarises before offering anything."
    )
    if n % 3 == 0:
        return _wrap(base + "\n\nRemember the *three* stages: **agree**, **act**, **review**.")
    if n % 3 == 1:
        return _wrap(
            base + "\n\nThe same holds in a formal review and in a corridor "
            "conversation: the learner's goal comes first."
        )
    return _wrap(base)


def _tags(n: int) -> dict[str, Any]:
    tags: dict[str, Any] = {}
    if n % 2 == 0:
        tags["track"] = n % 10 + 1
    if n % 3 == 0:
        tags["units"] = ["G3", "L12"] if n % 2 else ["L14"]
    return tags


def question(kind: str, n: int) -> dict[str, Any]:
    """Return quiz question number `n` of a type, as bank data."""
    qid = f"q{n:05d}"
    topic = _topic(n)
    data: dict[str, Any] = {"id": qid, "type": kind}
    if kind == "single":
        data["text"] = _rich(n, f"Which of these best describes {topic} (case {n})?")
        options: list[Any] = [
            f"The coach tells the learner what to do about {topic}.",
            f"The learner decides, with the coach's questions about {topic}.",
            f"Nobody discusses {topic} until the annual review.",
            f"A manager from another team handles {topic}.",
        ]
        right = options[1]
        if n % 4 == 1:
            options = [
                {
                    "text": text,
                    "feedback": _wrap(
                        f"{'Yes' if i == 1 else 'No'}: option {i} is how "
                        f"{'good' if i == 1 else 'weak'} practice with "
                        f"{topic} looks when the learner is under pressure "
                        f"and the deadline is close."
                    ),
                }
                for i, text in enumerate(options)
            ]
        data["options"] = options
        data["answer"] = right
    elif kind == "multiple":
        data["text"] = _rich(
            n, f"Which of these help with {topic}? Choose all that apply (case {n})."
        )
        options = [
            f"Agree ground rules for {topic}.",
            "Ask open questions.",
            "Interrupt to save time.",
            "Summarise what you heard.",
            "Decide for the learner.",
        ]
        if n % 4 == 3:
            options[0] = f"Agree ground rules for **{topic}**."
        data["options"] = options
        data["answer"] = [options[1], options[3]]
    elif kind == "true-false":
        data["text"] = _rich(
            n, f"A mentor should take over when {topic} gets difficult (statement {n})."
        )
        data["answer"] = n % 2 == 0
        if n % 3 == 1:
            data["true_feedback"] = _wrap(
                "Think again about who owns the problem: the mentee "
                "does, and the mentor's job is to help them see it "
                "clearly, not to solve it for them."
            )
            data["false_feedback"] = "Right: the mentee stays in charge."
    elif kind == "ordering":
        data["text"] = _rich(n, f"Put the stages of a session on {topic} in order ({n}).")
        data["items"] = [
            "Agree the goal",
            "Explore the current reality",
            "Generate options",
            "Agree what the learner **will** do",
        ]
    elif kind == "matching":
        data["text"] = _rich(n, f"Match each term about {topic} with what it means ({n}).")
        data["pairs"] = [
            {"item": "Goal", "match": "What the learner wants to achieve"},
            {"item": "Reality", "match": "Where the learner is now"},
            {"item": "Options", "match": "What the learner could do"},
            {"item": "Will", "match": "What the learner commits to"},
        ]
        data["distractors"] = ["What the coach would do"]
    else:
        raise ValueError(f"unknown question type {kind!r}")
    explanation = _explanation(n)
    if explanation:
        data["explanation"] = explanation
    data.update(_tags(n))
    return data


def quiz_bank(bank_id: str, questions: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """Return a quiz bank holding the questions."""
    return {
        "format": 1,
        "kind": "quiz",
        "id": bank_id,
        "title": title,
        "intro": "Check what you know. Each question says why once you check it.",
        "questions": questions,
    }


def self_bank(bank_id: str, numbers: list[int]) -> dict[str, Any]:
    """Return a self-assessment bank with one item per number, on a three-point scale."""
    items = [
        {
            "id": f"i{n:05d}",
            "text": _rich(n // 2, f"I make time for {_topic(n)} ({n})."),
            **_tags(n),
        }
        for n in numbers
    ]
    half = (len(items) + 1) // 2
    sections = [{"id": "first", "title": "Do you …", "items": items[:half]}]
    if items[half:]:
        sections.append({"id": "second", "title": "Are you …", "items": items[half:]})
    return {
        "format": 1,
        "kind": "self-assessment",
        "id": bank_id,
        "title": "Where are you now?",
        "intro": "Rate what you **actually do**, not what you would like to do.",
        "scale": [
            {"id": "usually", "label": "Usually", "score": 2},
            {"id": "sometimes", "label": "Sometimes", "score": 1},
            {"id": "rarely", "label": "Rarely", "score": 0},
        ],
        "sections": sections,
        "scoring": {
            "rule": "most",
            "bands": [
                {
                    "id": "strong",
                    "when": "usually",
                    "title": "A strong base",
                    "feedback": "Keep going, and **review** your practice each term.",
                },
                {
                    "id": "growing",
                    "when": "sometimes",
                    "title": "Growing",
                    "feedback": "Pick two items to work on next.",
                },
                {
                    "id": "starting",
                    "when": "rarely",
                    "title": "Starting out",
                    "feedback": "Start with the tracks on *rapport* and *listening*.",
                },
            ],
        },
    }


@dataclass
class Course:
    """A synthetic course: pages and banks as text, and how many questions it holds."""

    pages: dict[str, str] = field(default_factory=dict)
    banks: dict[str, str] = field(default_factory=dict)
    questions: int = 0


_PROSE = (
    "This page covers one part of the course. Read it through, then try the questions "
    "below; each one says why its answer is right once you check it. Your answers stay "
    "in your browser.\n\n## Key points\n\n- Agree the goal first.\n- Let the learner "
    "lead.\n- Review what happened and what comes next.\n"
)


def spread_course(total: int, pages: int = 100, *, with_blocks: bool = True) -> Course:
    """Return `total` questions and items spread evenly over `pages` pages.

    Each page shows its questions in one quiz block, and its items (when it has any) in one
    self-assessment block. With `with_blocks` false the pages are the same prose with no
    blocks and no banks: the plain baseline.
    """
    course = Course(questions=total)
    per_page: list[list[int]] = [[] for _ in range(pages)]
    for n in range(total):
        per_page[n * pages // total].append(n)
    nav = []
    for page, numbers in enumerate(per_page, start=1):
        name = f"p{page:03d}.md"
        nav.append(name)
        blocks = []
        quiz = [
            question(MIXED_CYCLE[n % len(MIXED_CYCLE)], n)
            for n in numbers
            if MIXED_CYCLE[n % len(MIXED_CYCLE)] != "item"
        ]
        items = [n for n in numbers if MIXED_CYCLE[n % len(MIXED_CYCLE)] == "item"]
        if with_blocks and quiz:
            bank_id = f"page-{page:03d}"
            course.banks[f"{bank_id}.yml"] = dump_yaml(
                quiz_bank(bank_id, quiz, f"Page {page} quiz")
            )
            blocks.append(f"/// quiz | {bank_id}\n///\n")
        if with_blocks and items:
            bank_id = f"page-{page:03d}-self"
            course.banks[f"{bank_id}.yml"] = dump_yaml(self_bank(bank_id, items))
            blocks.append(f"/// self-assessment | {bank_id}\n///\n")
        course.pages[name] = f"# Page {page}\n\n{_PROSE}\n" + "\n".join(blocks)
    course.pages["index.md"] = "# Synthetic course\n\n" + "".join(
        f"- [Page {i}]({name})\n" for i, name in enumerate(nav, start=1)
    )
    return course


def quiz_page(count: int, bank_id: str = "browser", *, shuffle: bool = False) -> Course:
    """Return one page with a quiz of `count` questions cycling through every quiz type."""
    questions = [question(QUIZ_CYCLE[n % len(QUIZ_CYCLE)], n) for n in range(count)]
    options = "shuffle: true\n" if shuffle else ""
    course = Course(questions=count)
    course.banks[f"{bank_id}.yml"] = dump_yaml(quiz_bank(bank_id, questions, f"{count} questions"))
    course.pages["index.md"] = (
        f"# {count} questions\n\n{_PROSE}\n/// quiz | {bank_id}\n{options}///\n"
    )
    return course
