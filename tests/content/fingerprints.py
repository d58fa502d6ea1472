"""Ten-word runs and their fingerprints: the one definition that the own-words test and
scripts/seed-fingerprints share.

The seeds (../shared/seeds, beside the repository) are not part of the repository, so what is
committed is a fingerprint of each of their ten-word runs: the first FINGERPRINT_DIGITS hex
digits of the SHA-256 of the run's words joined by single spaces. 48 bits a run keep the file
small (13 bytes a run), and the chance that a run of the course shares a fingerprint with a
run of the seeds by accident small: about (course runs × seed runs) / 2**48, one in 280,000
with the course's 80,000 runs against the seeds' 12,672.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
FINGERPRINTS = Path(__file__).with_name("seed-fingerprints.txt")
RUN = 10
FINGERPRINT_DIGITS = 12
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": " ", "—": " "})


def words(text: str) -> list[str]:
    """Return the words of a text, lower-cased, with punctuation and markup dropped."""
    return _WORD.findall(text.translate(_FOLD).lower())


def runs(sequence: list[str]) -> set[tuple[str, ...]]:
    """Return every run of RUN consecutive words."""
    return {tuple(sequence[i : i + RUN]) for i in range(len(sequence) - RUN + 1)}


def fingerprint(run: Iterable[str]) -> str:
    """Return the fingerprint of a run of words."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:FINGERPRINT_DIGITS]


def seed_files(seeds: Path = SEEDS) -> list[Path]:
    """Return the seeds' texts (their README, which describes them, is not one)."""
    return sorted(seeds.glob("*.txt"))


def fingerprints_file(seeds: Path = SEEDS) -> str:
    """Return the fingerprints file for the seeds in a folder: a header, then one fingerprint
    a line, sorted, so that a change of seed shows as a small diff."""
    found: set[str] = set()
    for seed in seed_files(seeds):
        found |= {fingerprint(run) for run in runs(words(seed.read_text(encoding="utf-8")))}
    names = ", ".join(seed.name for seed in seed_files(seeds))
    header = [
        "# Fingerprints of every ten-word run of the seeds, for tests/content/test_own_words.py.",
        "# Made by scripts/seed-fingerprints from ../shared/seeds; do not edit by hand.",
        f"# {len(found):,} runs of {names}.",
        f"# Each line: the first {FINGERPRINT_DIGITS} hex digits of the SHA-256 of a run's words,",
        "# lower-cased and joined by single spaces (tests/content/fingerprints.py).",
    ]
    return "\n".join([*header, *sorted(found)]) + "\n"


def read_fingerprints(path: Path = FINGERPRINTS) -> set[str]:
    """Return the fingerprints in a fingerprints file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}
