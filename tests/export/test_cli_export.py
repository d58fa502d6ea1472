"""`quizbank export`, run as a tutor runs it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT
from tests.export.conftest import LMS_FIXTURE, parse_gift


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizbank", "export", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_export_writes_the_file_and_reports_to_stderr(tmp_path: Path) -> None:
    out = tmp_path / "moodle" / "banks.xml"
    result = run("--format", "moodle-xml", "--out", str(out), "quizzes", cwd=LMS_FIXTURE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "every-type (quizzes/every-type.yml) into category $course$/top/Every "
        "type, with GIFT's special characters"
    )
    assert any(
        line.split()
        == [
            "exported",
            "et-ordering",
            "ordering",
            "as",
            "ordering,",
            "all",
            "or",
            "nothing",
            "(Moodle",
            "4.4",
            "or",
            "later)",
        ]
        for line in lines
    )
    assert lines[-2] == (
        "Moodle XML: exported 9 questions from 2 banks; not exported: 1 "
        "question and 2 self-assessment statements (see above for why)"
    )
    assert lines[-1] == f"wrote {out}"
    assert ET.parse(out).getroot().tag == "quiz"


def test_gift_goes_to_standard_output_when_no_file_is_named() -> None:
    result = run("--format", "gift", cwd=LMS_FIXTURE)
    assert result.returncode == 0, result.stderr
    questions = [q for q in parse_gift(result.stdout) if q["type"] != "Category"]
    assert len(questions) == 9
    assert "exported et-ordering" in " ".join(result.stderr.split())


def test_broken_banks_are_reported_with_their_place_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "broken.yml").write_text(
        "format: 1\nkind: quiz\nid: broken\ntitle: Broken\nquestions:\n"
        "  - id: q\n    type: single\n    text: t\n    options: [a, b]\n    answer: c\n"
    )
    out = tmp_path / "out.gift"
    result = run("--format", "gift", "--out", str(out), "quizzes", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "quizzes/broken.yml:10:13: answer 'c' names no option; write it exactly as one of: 'a', 'b'"
    )
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_only_self_assessments_means_nothing_to_export(tmp_path: Path) -> None:
    result = run("--format", "gift", str(LMS_FIXTURE / "quizzes" / "self.yml"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "quizbank: nothing to export: no bank has a question Moodle can take"
    )


def test_an_unknown_format_and_an_unwritable_file_fail_cleanly(tmp_path: Path) -> None:
    result = run("--format", "qti", cwd=LMS_FIXTURE)
    assert result.returncode == 2
    assert "invalid choice: 'qti'" in result.stderr
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("--format", "gift", "--out", str(blocker / "out.gift"), cwd=LMS_FIXTURE)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith(f"quizbank: cannot write {blocker}/out.gift")
    assert "Traceback" not in result.stderr
