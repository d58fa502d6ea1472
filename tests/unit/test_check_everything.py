"""`quizbank check` reports every independent problem in one run, each as path:line:col.

The cases a tutor met (issue 14): one problem hid the next; a deep file crashed the checker;
block options took aliases and repeated keys; some repeats were never caught; a NUL byte and a
colon in a text were reported badly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quizbank.yamlsource import MAX_DEPTH, parse_yaml

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")

QUALIFICATIONS = """\
format: 1
units:
  - id: G3
  - id: L12
  - id: G3
outcomes:
  - {id: PQ3-1.1, title: Tell mentoring from coaching}
  - {id: PQ3-1.1, title: The same code again}
"""

# Three independent faults in one bank: a typo'd key, an answer that names no option, and a
# unit no qualification lists. Each hid the next before.
SEVERAL = """\
format: 1
kind: quiz
id: several
title: Several faults
questions:
  - id: sv-typo
    type: single
    text: One
    options:
      - text: a
        feedbak: a typo in a key
      - b
    answer: a
  - id: sv-answer
    type: single
    text: Two
    options: [a, b]
    answer: c
  - id: sv-unit
    type: true-false
    text: Three
    units: [ZZ9]
    answer: true
  - id: shared
    type: true-false
    text: Four
    answer: false
"""

OTHER = """\
format: 1
kind: quiz
id: other
title: Other
questions:
  - id: shared
    type: true-false
    text: The same id as in the bank with problems
    answer: true
"""

SCALE = """\
format: 1
kind: self-assessment
id: scale
title: Scale
scale:
  - {id: usually, label: Usually, score: 2}
  - {id: rarely, label: usually, score: 0}
sections:
  - id: s
    title: S
    items:
      - {id: sc-one, text: Do you listen?}
scoring:
  rule: most
  bands:
    - {id: b-one, when: usually, title: A, feedback: f}
    - {id: b-two, when: rarely, title: B, feedback: f}
"""

PAGE = """\
# Blocks with problems

/// quiz | several
///

/// quiz | other
questions: [shared, shared]
///

/// quiz | other
shuffle: &a [true, *a]
///

/// quiz | other
intro: true
intro: false
///

/// reflection | {long_id}
What will you do differently?
///
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizbank", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def course(tmp_path: Path) -> Path:
    quizzes = tmp_path / "quizzes"
    docs = tmp_path / "docs"
    quizzes.mkdir()
    docs.mkdir()
    (quizzes / "_qualifications.yml").write_text(QUALIFICATIONS)
    (quizzes / "several.yml").write_text(SEVERAL)
    (quizzes / "other.yml").write_text(OTHER)
    (quizzes / "scale.yml").write_text(SCALE)
    (quizzes / "deep.yml").write_text(
        "format: 1\nkind: quiz\nid: deep\ntitle: Deep\nquestions: " + "[" * 500 + "]" * 500 + "\n"
    )
    (quizzes / "nul.yml").write_text("format: 1\nkind: quiz\nid: nul\ntitle: A N\x00L\n")
    (quizzes / "colon.yml").write_text(
        "format: 1\nkind: quiz\nid: colon\ntitle: Goal: what do you want?\n"
    )
    (docs / "page.md").write_text(PAGE.format(long_id="r" * 10_000))
    return tmp_path


def _problems(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines[-1].endswith("problems found")
    for line in lines[:-1]:
        assert LINE.match(line), f"not path:line:col: message: {line[:200]}"
    return lines[:-1]


def test_every_independent_problem_is_reported_in_one_run(course: Path) -> None:
    result = run("check", cwd=course)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    problems = _problems(result.stdout)
    expected = [
        # the qualifications file: a unit and an outcome listed twice
        "quizzes/_qualifications.yml:5:9: duplicate unit id 'G3'; also used at units[0].id",
        "quizzes/_qualifications.yml:8:10: duplicate outcome id 'PQ3-1.1'",
        # one bank, three independent faults, and an id another bank uses too
        "quizzes/several.yml:11:9: unknown key 'feedbak' (did you mean 'feedback'?)",
        "quizzes/several.yml:18:13: answer 'c' names no option",
        "quizzes/several.yml:22:13: unit 'ZZ9' is not listed in _qualifications.yml",
        "quizzes/several.yml:24:9: duplicate question id 'shared'; also used in bank 'other'",
        # two scale points a learner could not tell apart
        "quizzes/scale.yml:7:25: scale point label 'usually' is also the label of scale[0]",
        # a file nested 500 deep: a problem at its place, not a crash
        f"quizzes/deep.yml:5:{11 + MAX_DEPTH}: lists and mappings are nested more than "
        f"{MAX_DEPTH} deep here",
        # a NUL byte, at its own line and column
        "quizzes/nul.yml:4:11: the character U+0000 is not allowed in YAML",
        # a colon in a text, with what to do about it
        "quizzes/colon.yml:4:12: YAML syntax error: mapping values are not allowed here "
        "(a text that holds a colon followed by a space must be in quotes",
        # the page's blocks, checked although banks have problems
        "docs/page.md:6:1: 'questions' lists 'shared' more than once",
        "docs/page.md:10:1: its options, line 1: anchors and aliases (&name, *name) are not "
        "allowed",
        "docs/page.md:14:1: its options, line 2: key 'intro' appears twice in this mapping",
        "docs/page.md:19:1: reflection id 'rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr...' should be "
        "lower-case letters, digits and single hyphens, at most 64 characters",
    ]
    for wanted in expected:
        assert any(line.startswith(wanted) for line in problems), (
            f"missing: {wanted}\n" + "\n".join(problems)
        )
    # a page showing a bank with problems is not blamed for them
    assert not [line for line in problems if line.startswith("docs/page.md:3:")]
    assert all(len(line) < 400 for line in problems)  # no 10,000-character echo, no bomb
    assert len(problems) == len(set(problems))


def test_what_blocks_the_rest_of_a_file_says_so(course: Path) -> None:
    result = run("check", "quizzes", cwd=course)
    for name in ("deep.yml", "nul.yml", "colon.yml"):
        [line] = [line for line in result.stdout.splitlines() if line.startswith(f"quizzes/{name}")]
        assert "nothing after it in this file is checked until it is fixed" in line


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 300_000])
def test_deep_nesting_is_refused_without_recursion(depth: int) -> None:
    source = parse_yaml("a: " + "[" * depth + "]" * depth + "\n", "deep.yml")
    [problem] = source.problems
    assert (problem.line, problem.column) == (1, 3 + MAX_DEPTH)  # the mapping is a level
    assert source.data is None
    block = parse_yaml("a:\n" + "".join("  " * n + "- \n" for n in range(depth // 100 + 60)), "b")
    assert "nested more than" in block.problems[0].message


def test_nesting_a_bank_needs_is_read() -> None:
    source = parse_yaml("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n", "ok")
    assert source.problems == []


def test_an_alias_bomb_in_block_options_is_refused_at_once(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(20)
    )
    source = parse_yaml(bomb, "block")
    assert source.data is None
    assert len(source.problems) < 100
    assert all("anchors and aliases" in problem.message for problem in source.problems)
