"""`quizbank scorm` when something is wrong: a message that says what, and no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "lms"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizbank", "scorm", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_configuration_is_named(tmp_path: Path) -> None:
    result = run("--out", "x.zip", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "quizbank: no MkDocs configuration at mkdocs.scorm.yml; give one "
        "with --config, or a built site with --site\n"
    )
    assert not (tmp_path / "x.zip").exists()


def test_a_mastery_score_is_a_percentage(tmp_path: Path) -> None:
    result = run("--out", "x.zip", "--mastery-score", "120", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "argument --mastery-score: expected a whole number from 0 to 100, found '120'"
        in result.stderr
    )


def test_a_course_that_does_not_build_is_not_packaged(tmp_path: Path) -> None:
    site = tmp_path / "course"
    shutil.copytree(FIXTURE, site)
    (site / "quizzes" / "broken.yml").write_text(
        "format: 1\nkind: quiz\nid: broken\ntitle: Broken\nquestions:\n"
        "  - id: q\n    type: single\n    text: t\n    options: [a, b]\n    answer: c\n"
    )
    result = run("--out", "dist/x.zip", cwd=site)
    assert result.returncode == 1
    assert "quizzes/broken.yml:10:13: answer 'c' names no option" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("quizbank: the course did not build:")
    assert "Traceback" not in result.stderr
    assert not (site / "dist").exists()


def test_a_built_site_can_be_packaged_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<h1>Home</h1>")
    result = run("--site", "site", "--out", "course.zip", "--title", "Home", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "wrote course.zip: 9 files; quizzes that count towards the score: "
        "none; mastery score: none\n"
    )


def test_what_is_left_out_can_be_chosen(tmp_path: Path) -> None:
    (tmp_path / "site" / "tutors").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("<h1>Home</h1>")
    (tmp_path / "site" / "tutors" / "index.html").write_text("<h1>Tutors</h1>")
    result = run("--site", "site", "--out", "all.zip", "--leave-out", "*.map", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert "tutors/index.html" in archive.namelist()
    result = run("--site", "site", "--out", "default.zip", cwd=tmp_path)
    with zipfile.ZipFile(tmp_path / "default.zip") as archive:
        assert "tutors/index.html" not in archive.namelist()
