"""Near-duplicate question texts, within a bank and across banks.

Two texts are near duplicates when the Jaccard similarity of their content words (stemmed,
stop words and short words left out) reaches the threshold. Comparing every pair would take
50 million comparisons for 10,000 questions, so candidates are found by prefix filtering:
each text's words are ordered from the rarest in the whole set, and two texts can reach a
similarity `t` only if they share a word among the first `n - ceil(t * n) + 1` of either
(`n` its number of words). Only texts that share such a rare word are compared, and only
when their sizes allow the threshold. The result is exact: the same pairs as comparing all.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .findings import Finding, LintBank
from .settings import LintSettings
from .words import content_stems


@dataclass(frozen=True)
class _Text:
    """One question's text as a set of content words, with where the question is."""

    bank: LintBank
    index: int
    words: frozenset[str]

    @property
    def place(self) -> tuple[str, int, int]:
        line, column = self.bank.source.at(("questions", self.index))
        return self.bank.source.path, line, column


def near_duplicates(banks: Sequence[LintBank], settings: LintSettings) -> Iterator[Finding]:
    """Report each pair of near-duplicate question texts, at the later one, naming both."""
    texts = [
        _Text(lint_bank, index, content_stems(question.text, settings.min_word_length))
        for lint_bank in banks
        for index, question in enumerate(lint_bank.bank.questions)
    ]
    texts = [text for text in texts if len(text.words) >= settings.near_duplicate_min_words]
    threshold = settings.near_duplicate_similarity / 100
    pairs = similar_pairs([text.words for text in texts], threshold)
    for first, second, similarity in pairs:
        one, two = sorted((texts[first], texts[second]), key=lambda text: text.place)
        path, line, column = two.place
        other = one.bank.bank.questions[one.index].id
        this = two.bank.bank.questions[two.index].id
        where = ":".join(str(part) for part in one.place)
        yield Finding(
            path,
            line,
            column,
            "near-duplicate",
            f"question {this!r} reads like question {other!r} at {where} ({similarity:.0%} of "
            "their content words shared): if both test the same point, keep one; if not, make "
            "each text say what is different",
        )


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    """Return every pair of sets whose Jaccard similarity is at least `threshold`.

    Each pair is `(i, j, similarity)` with `i < j`, by position in `sets`.
    """
    if threshold <= 0:
        threshold = 1e-9
    frequency = Counter(word for words in sets for word in words)
    ordered = [sorted(words, key=lambda word: (frequency[word], word)) for words in sets]
    by_size = sorted(range(len(sets)), key=lambda index: len(sets[index]))
    index: dict[str, list[int]] = defaultdict(list)
    found: list[tuple[int, int, float]] = []
    for current in by_size:
        words = ordered[current]
        size = len(words)
        prefix = size - math.ceil(threshold * size - 1e-9) + 1
        candidates: set[int] = set()
        for word in words[:prefix]:
            for other in index[word]:
                if len(sets[other]) >= threshold * size - 1e-9:
                    candidates.add(other)
        mine = sets[current]
        for other in candidates:
            shared = len(mine & sets[other])
            similarity = shared / (size + len(sets[other]) - shared)
            if similarity >= threshold - 1e-9:
                found.append((min(current, other), max(current, other), similarity))
        for word in words[:prefix]:
            index[word].append(current)
    found.sort()
    return found
