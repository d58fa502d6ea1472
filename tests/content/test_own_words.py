"""The course is written in our own words: no run of ten words may come from a seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 10
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": " ", "—": " "})


def words(text: str) -> list[str]:
    """Return the words of a text, lower-cased, with punctuation and markup dropped."""
    return _WORD.findall(text.translate(_FOLD).lower())


def runs(sequence: list[str]) -> set[tuple[str, ...]]:
    """Return every run of RUN consecutive words."""
    return {tuple(sequence[i : i + RUN]) for i in range(len(sequence) - RUN + 1)}


def seed_runs() -> set[tuple[str, ...]]:
    """Return every ten-word run in the seeds (minus their README, which describes them)."""
    found: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        found |= runs(words(seed.read_text(encoding="utf-8")))
    return found


def course_files() -> list[Path]:
    """Return every file the course is written in."""
    files = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "quizzes").rglob("*.yml"))
    return [path for path in files if path.is_file()]


def copied_runs(path: Path, seeds: set[tuple[str, ...]]) -> list[str]:
    """Return the ten-word runs of a file that also stand in a seed."""
    return [" ".join(run) for run in sorted(runs(words(path.read_text(encoding="utf-8"))) & seeds)]


@pytest.fixture(scope="module")
def seeds() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.fail(f"the seed material is missing: expected it in {SEEDS}")
    return seed_runs()


def test_the_checker_finds_a_copied_run(seeds: set[tuple[str, ...]], tmp_path: Path) -> None:
    copied = tmp_path / "copied.md"
    copied.write_text(
        "As the booklet says: Coaches are mainly concerned with the immediate "
        "improvement of performance and the development of specific job skills."
    )
    assert copied_runs(copied, seeds)


@pytest.mark.parametrize("path", course_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_ten_word_run_is_copied_from_a_seed(path: Path, seeds: set[tuple[str, ...]]) -> None:
    copied = copied_runs(path, seeds)
    assert not copied, f"{path.relative_to(ROOT)} copies from a seed: " + " | ".join(copied[:5])
