"""The course is written in our own words: no run of ten words may come from a seed.

The seeds themselves are not in the repository: their runs are compared through the committed
fingerprints (tests/content/seed-fingerprints.txt, made by scripts/seed-fingerprints), so the
test runs, and can fail, on any clone. With the seeds beside the repository, a test checks that
the committed fingerprints are theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.fingerprints import (
    FINGERPRINTS,
    ROOT,
    SEEDS,
    fingerprint,
    fingerprints_file,
    read_fingerprints,
    runs,
    seed_files,
    words,
)


def course_files() -> list[Path]:
    """Return every file the course is written in."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "quizzes").rglob("*.yml"))
    return [path for path in files if path.is_file()]


def copied_runs(path: Path, seeds: set[str]) -> list[str]:
    """Return the ten-word runs of a file whose fingerprints are a seed's."""
    found = runs(words(path.read_text(encoding="utf-8")))
    return [" ".join(run) for run in sorted(found) if fingerprint(run) in seeds]


@pytest.fixture(scope="module")
def seeds() -> set[str]:
    if not FINGERPRINTS.is_file():
        pytest.fail(f"the seeds' fingerprints are missing: expected them in {FINGERPRINTS}")
    return read_fingerprints(FINGERPRINTS)


def test_the_checker_finds_a_copied_run(seeds: set[str], tmp_path: Path) -> None:
    # A sentence of the booklet (coaching-mentoring-for-success-booklet.txt, track 2).
    copied = tmp_path / "copied.md"
    copied.write_text(
        "As the booklet says: Coaches are mainly concerned with the immediate "
        "improvement of performance and the development of specific job skills."
    )
    # Every run of the sentence is found, and none that starts before it.
    assert copied_runs(copied, seeds) == [
        "are mainly concerned with the immediate improvement of performance and",
        "coaches are mainly concerned with the immediate improvement of performance",
        "concerned with the immediate improvement of performance and the development",
        "immediate improvement of performance and the development of specific job",
        "improvement of performance and the development of specific job skills",
        "mainly concerned with the immediate improvement of performance and the",
        "the immediate improvement of performance and the development of specific",
        "with the immediate improvement of performance and the development of",
    ]


@pytest.mark.parametrize("path", course_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_ten_word_run_is_copied_from_a_seed(path: Path, seeds: set[str]) -> None:
    copied = copied_runs(path, seeds)
    assert not copied, f"{path.relative_to(ROOT)} copies from a seed: " + " | ".join(copied[:5])


def test_the_committed_fingerprints_are_the_seeds(seeds: set[str]) -> None:
    if not seed_files(SEEDS):
        pytest.skip(f"no seeds in {SEEDS} to compare the committed fingerprints with")
    assert FINGERPRINTS.read_text(encoding="utf-8") == fingerprints_file(SEEDS), (
        "the seeds changed: run scripts/seed-fingerprints and commit "
        "tests/content/seed-fingerprints.txt"
    )
