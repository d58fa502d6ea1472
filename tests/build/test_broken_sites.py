"""Broken banks and pages fail `mkdocs build --strict`, each problem shown with its place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_SITE, copy_site

QUIZ = "format: 1\nkind: quiz\nid: {id}\ntitle: T\nquestions:\n"
TF = "  - id: {id}\n    type: true-false\n    text: t\n    answer: true\n"

BROKEN_BANKS = {
    "syntax.yml": "format: 1\nid: [oops\n",
    "tabs.yml": "format: 1\n\tkind: quiz\n",
    "latin1.yml": b"format: 1\ntitle: caf\xe9\n",
    "empty.yml": "",
    "list.yml": "- format: 1\n",
    "types.yml": QUIZ.format(id="types") + "  - id: ty\n    type: ordering\n    text: 3\n"
    "    items: [a, b]\n    track: three\n",
    "missing.yml": QUIZ.format(id="missing") + "  - id: mi\n    type: single\n    text: t\n"
    "    options: [a, b]\n",
    "typo.yml": QUIZ.format(id="typo") + "  - id: tp\n    type: single\n    text: t\n"
    "    options: [a, b]\n    answer: a\n    corect: a\n",
    "dup-within.yml": QUIZ.format(id="dup-within") + TF.format(id="dw") + TF.format(id="dw"),
    "dup-across-a.yml": QUIZ.format(id="across-a") + TF.format(id="shared"),
    "dup-across-b.yml": QUIZ.format(id="across-b") + TF.format(id="shared"),
    "no-option.yml": QUIZ.format(id="no-option") + "  - id: no\n    type: single\n"
    "    text: t\n    options: [a, b]\n    answer: c\n",
    "two-answers.yml": QUIZ.format(id="two-answers") + "  - id: two\n    type: single\n"
    "    text: t\n    options: [a, b]\n    answer: [a, b]\n",
    "short-order.yml": QUIZ.format(id="short-order") + "  - id: so\n    type: ordering\n"
    "    text: t\n    items: [a]\n",
    "empty-option.yml": QUIZ.format(id="empty-option") + "  - id: eo\n    type: single\n"
    "    text: t\n    options: [a, '']\n    answer: a\n",
    "unknown-type.yml": QUIZ.format(id="unknown-type") + "  - id: ut\n    type: essay\n"
    "    text: t\n",
    "bands.yml": "format: 1\nkind: self-assessment\nid: bands\ntitle: B\nscale:\n"
    "  - {id: yes, label: 'Yes', score: 1}\n  - {id: no, label: 'No', score: 0}\n"
    "sections:\n  - id: s\n    title: S\n    items:\n      - {id: b-one, text: a}\n"
    "      - {id: b-two, text: b}\nscoring:\n  rule: total\n  bands:\n"
    "    - {id: a, title: A, feedback: f, min: 0, max: 1}\n"
    "    - {id: b, title: B, feedback: f, min: 1, max: 1}\n",
    "python-tag.yml": "format: 1\nkind: !!python/object/apply:os.system ['echo pwned']\n",
    "bomb.yml": 'a: &a ["x","x"]\nb: [*a,*a]\n',
    "deep.yml": QUIZ.format(id="deep").replace("questions:\n", "questions: ")
    + "[" * 500
    + "]" * 500
    + "\n",
    "nul.yml": "format: 1\nkind: quiz\nid: nul\ntitle: A N\x00L\n",
    "colon.yml": "format: 1\nkind: quiz\nid: colon\ntitle: Goal: what do you want?\n",
    "labels.yml": "format: 1\nkind: self-assessment\nid: labels\ntitle: L\nscale:\n"
    "  - {id: often, label: Often, score: 1}\n  - {id: seldom, label: Often, score: 0}\n"
    "sections:\n  - id: s\n    title: S\n    items:\n      - {id: l-one, text: a}\n"
    "scoring:\n  rule: most\n  bands:\n"
    "    - {id: a, when: often, title: A, feedback: f}\n"
    "    - {id: b, when: seldom, title: B, feedback: f}\n",
    "several.yml": QUIZ.format(id="several") + "  - id: sv-typo\n    type: true-false\n"
    "    text: t\n    answer: true\n    feedbak: typo\n"
    "  - id: sv-answer\n    type: single\n    text: t\n    options: [a, b]\n    answer: c\n"
    "  - id: shared\n    type: true-false\n    text: t\n    answer: true\n",
}

EXPECTED = [
    "quizzes/syntax.yml:3:1: YAML syntax error",
    "quizzes/tabs.yml:2:1: tab used for indentation",
    "quizzes/latin1.yml:2:11: byte 0xe9 is not UTF-8",
    "quizzes/empty.yml:1:1: the file is empty",
    "quizzes/list.yml:1:1: expected a mapping of fields at the top of the file",
    "quizzes/types.yml:8:11: 'questions[0].text' should be text",
    "quizzes/types.yml:10:12: 'questions[0].track' should be a whole number",
    "quizzes/missing.yml:6:5: missing required field 'answer'",
    "quizzes/typo.yml:11:5: unknown key 'corect'",
    "quizzes/dup-within.yml:10:9: duplicate question id 'dw'",
    "quizzes/dup-across-b.yml:6:9: duplicate question id 'shared'; also used in bank "
    "'across-a' (quizzes/dup-across-a.yml)",
    "quizzes/no-option.yml:10:13: answer 'c' names no option",
    "quizzes/two-answers.yml:10:13: 'questions[0].answer' names 2 options",
    "quizzes/short-order.yml:9:12: 'questions[0].items' has 1 entry; expected at least 2",
    "quizzes/empty-option.yml:9:18: 'questions[0].options[1]' is empty",
    "quizzes/unknown-type.yml:7:11: unknown type 'essay'",
    "quizzes/bands.yml:17:5: bands leave a gap: no band covers totals 2-2",
    "quizzes/bands.yml:18:43: bands overlap: total 1 falls in two bands",
    "quizzes/python-tag.yml:2:7: the YAML tag !!python/object/apply:os.system is not allowed",
    "quizzes/bomb.yml:1:4: anchors and aliases (&name, *name) are not allowed",
    "quizzes/deep.yml:5:61: lists and mappings are nested more than 50 deep here",
    "quizzes/nul.yml:4:11: the character U+0000 is not allowed in YAML",
    "quizzes/colon.yml:4:12: YAML syntax error: mapping values are not allowed here (a text "
    "that holds a colon followed by a space must be in quotes",
    "quizzes/labels.yml:7:25: scale point label 'Often' is also the label of scale[0]",
    # one bank's independent faults, all at once, and its well-formed questions still
    # checked against the other banks
    "quizzes/several.yml:10:5: unknown key 'feedbak'",
    "quizzes/several.yml:15:13: answer 'c' names no option",
    "quizzes/several.yml:16:9: duplicate question id 'shared'; also used in bank 'across-a'",
]


def mkdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` as a tutor would."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(site / "mkdocs.yml"),
            "-d",
            str(site / "site"),
        ],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
    )


def test_every_bank_problem_fails_the_build_and_is_listed_in_one_run(tmp_path: Path) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "site-src")
    for name, content in BROKEN_BANKS.items():
        target = site / "quizzes" / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for expected in EXPECTED:
        assert expected in output, f"missing from the build output: {expected}\n{output}"
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("# Page\n\n/// quiz | nope\n///\n", "docs/broken.md:3:1: no bank has id 'nope'"),
        (
            "---\ntitle: Broken\n---\n\n# Broken\n\n/// quiz | sample\nquestions: [sample-nope]\n///\n",
            "docs/broken.md:7:1: question 'sample-nope' is not in bank 'sample'",
        ),
        (
            "# Page\n\n/// quiz | sample\nshufle: true\n///\n",
            "docs/broken.md:3:1: unknown option 'shufle' (did you mean 'shuffle'?)",
        ),
        ("# Page\n\n/// quiz\n///\n", "docs/broken.md:3:1: '/// quiz' needs a bank id"),
    ],
)
def test_a_page_naming_what_does_not_exist_fails_the_strict_build(
    tmp_path: Path, page: str, expected: str
) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "site-src")
    (site / "docs" / "broken.md").write_text(page, encoding="utf-8")
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output
    assert "Traceback" not in output


def test_every_block_problem_in_a_page_is_listed_in_one_strict_build(tmp_path: Path) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "site-src")
    (site / "docs" / "broken.md").write_text(
        "# Page\n\n/// quiz | sample\nquestions: [sample-single, sample-single]\n///\n\n"
        "/// quiz | sample\nshuffle: &a [true, *a]\n///\n\n"
        "/// quiz | sample\nintro: true\nintro: false\n///\n\n"
        f"/// reflection | {'r' * 10_000}\nWhat will you change?\n///\n",
        encoding="utf-8",
    )
    result = mkdocs_build(site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for expected in (
        "docs/broken.md:3:1: 'questions' lists 'sample-single' more than once",
        "docs/broken.md:7:1: its options, line 1: anchors and aliases",
        "docs/broken.md:11:1: its options, line 2: key 'intro' appears twice",
        "docs/broken.md:16:1: reflection id 'rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr...' should be",
    ):
        assert expected in output, output
    assert len(output) < 20_000  # the 10,000-character id is not echoed


def test_a_question_tagged_with_a_track_no_page_declares_fails_the_strict_build(
    tmp_path: Path,
) -> None:
    site = copy_site(FIXTURE_SITE, tmp_path / "site-src")
    bank = site / "quizzes" / "sample.yml"
    bank.write_text(
        bank.read_text().replace("    track: 1\n    units: [G3]", "    track: 4\n    units: [G3]")
    )
    result = mkdocs_build(site)
    assert result.returncode != 0
    assert (
        "quizzes/sample.yml: question 'sample-single' is tagged track 4, but no page has "
        "'track: 4' in its front matter"
    ) in result.stdout + result.stderr
