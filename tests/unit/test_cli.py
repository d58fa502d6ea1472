"""The `quizbank check` command, run as a tutor runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "site"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizbank", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_passes_on_good_banks_and_pages() -> None:
    result = run("check", "quizzes", "docs", cwd=FIXTURE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 4 banks (")
    assert "no problems" in result.stdout


def test_check_with_no_paths_checks_quizzes_and_docs() -> None:
    result = run("check", cwd=FIXTURE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pages" in result.stdout


def test_check_prints_every_problem_with_its_line_and_fails(tmp_path: Path) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "broken.yml").write_text(
        "format: 1\nkind: quiz\nid: broken\ntitle: Broken\nquestions:\n"
        "  - id: q\n    type: single\n    text: t\n    options: [a, b]\n    answer: c\n"
        "  - id: q2\n    type: single\n    text: t\n    options: [a, b]\n    corect: a\n"
    )
    (tmp_path / "quizzes" / "empty.yml").write_text("")
    result = run("check", "quizzes", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "quizzes/broken.yml:10:13: answer 'c' names no option; write it exactly as one of: "
        "'a', 'b'",
        "quizzes/broken.yml:11:5: missing required field 'answer' (The correct option, "
        "written exactly as in `options`)",
        "quizzes/broken.yml:15:5: unknown key 'corect'; expected one of: track, units, "
        "outcomes, id, text, explanation, level, hints, options, shuffle, type, answer",
        "quizzes/empty.yml:1:1: the file is empty; expected a mapping of fields",
        "4 problems found",
    ]
    assert "Traceback" not in result.stderr


def test_check_reports_pages_that_name_missing_banks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: T\n---\n\n# T\n\n/// quiz | nope\n///\n")
    result = run("check", str(FIXTURE / "quizzes"), str(page))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{page.as_posix()}:7:1: no bank has id 'nope' Banks are: sample, scored, typed, where-are-you-now"
    )


def test_check_finds_a_reflection_id_used_on_two_pages(tmp_path: Path) -> None:
    for name in ("one.md", "two.md"):
        (tmp_path / name).write_text("# Page\n\n/// reflection | t01-same\nWhy?\n///\n")
    result = run(
        "check", str(FIXTURE / "quizzes"), str(tmp_path / "one.md"), str(tmp_path / "two.md")
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"{(tmp_path / 'two.md').as_posix()}:3:1: reflection id 't01-same' is already used on "
        f"{(tmp_path / 'one.md').as_posix()}; each reflection needs its own id, because saved "
        "answers key on it"
    )
