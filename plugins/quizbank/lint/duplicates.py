"""Near-duplicate question texts, within a bank and across banks.

A question's text is what it asks: the stem of a choice question, a true/false statement,
and for ordering and matching the text with its items. Two texts are near duplicates when
the Jaccard similarity of their content words (stemmed, stop words and short words left out)
reaches the threshold. Comparing every pair would take 50 million comparisons for 10,000
questions, so texts with the same words are compared once, and candidates are found by
prefix filtering: each text's words are ordered from the rarest in the whole set, and two
texts can reach a similarity `t` only if they share a word among the first
`n - ceil(t * n) + 1` of either (`n` its number of words). Only texts that share such a rare
word, and whose sizes allow the threshold, are compared. The result is exact: the same pairs
as comparing all.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from .. import model
from ..types.matching import Matching
from ..types.ordering import Ordering
from .findings import Finding, LintBank
from .settings import LintSettings
from .words import content_stems

SHOWN = 3
"""How many look-alikes a finding names; it counts the rest."""

Place = tuple[str, int, int]


def near_duplicates(banks: Sequence[LintBank], settings: LintSettings) -> Iterator[Finding]:
    """Report each question whose text reads like an earlier one's, naming both places.

    "Earlier" is by file and line, so each pair is reported once, at its second question.
    """
    texts: list[tuple[Place, str, frozenset[str]]] = []
    for lint_bank in banks:
        for index, question in enumerate(lint_bank.bank.questions):
            words = content_stems(_asked(question), settings.min_word_length)
            if len(words) >= settings.near_duplicate_min_words:
                line, column = lint_bank.source.at(("questions", index))
                texts.append(((lint_bank.source.path, line, column), question.id, words))
    texts.sort()
    groups: dict[frozenset[str], int] = {}
    for _, _, words in texts:
        groups.setdefault(words, len(groups))
    unique = list(groups)
    neighbours: list[list[tuple[float, int]]] = [[(1.0, group)] for group in range(len(unique))]
    threshold = settings.near_duplicate_similarity / 100
    for first, second, similarity in similar_pairs(unique, threshold):
        neighbours[first].append((similarity, second))
        neighbours[second].append((similarity, first))
    for listed in neighbours:
        listed.sort(key=lambda entry: -entry[0])  # the most alike first
    seen = [0] * len(unique)  # how many of each group's texts came before
    firsts: list[list[int]] = [[] for _ in unique]  # the first few of each group's texts
    for position, (place, question_id, words) in enumerate(texts):
        group = groups[words]
        count = sum(seen[other] for _, other in neighbours[group])
        if count:
            alike: list[tuple[Place, str, float]] = []
            for similarity, other in neighbours[group]:
                alike.extend((*texts[earlier][:2], similarity) for earlier in firsts[other])
                if len(alike) >= SHOWN:
                    break
            yield _finding(place, question_id, alike[:SHOWN], count)
        seen[group] += 1
        if len(firsts[group]) < SHOWN:
            firsts[group].append(position)


def _asked(question: model.Question) -> str:
    """Return what a question asks: its text, with the items of an ordering or matching.

    Their texts alone ("Match each principle to what it means") say little.
    """
    if isinstance(question, Ordering):
        return "\n".join([question.text, *question.items])
    if isinstance(question, Matching):
        return "\n".join([question.text, *(f"{p.item}\n{p.match}" for p in question.pairs)])
    return question.text


def _finding(
    place: Place, question_id: str, alike: list[tuple[Place, str, float]], count: int
) -> Finding:
    """Describe a question and the earlier ones it reads like (the most alike of `count`)."""
    named = ", ".join(
        f"question {other!r} at {':'.join(map(str, where))} ({round(100 * similarity)} % of "
        "the content words shared)"
        for where, other, similarity in alike
    )
    more = f" and {count - len(alike)} more" if count > len(alike) else ""
    return Finding(
        *place,
        message=f"question {question_id!r} reads like {named}{more}: if they test the same point "
        "in the same way, keep one; if not, make each text say what is different",
        rule="near-duplicate",
    )


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    """Return every pair of sets whose Jaccard similarity is at least `threshold`.

    Each pair is `(i, j, similarity)` with `i < j`, by position in `sets`.
    """
    threshold = max(threshold, 1e-9)
    frequency = Counter(word for words in sets for word in words)
    ordered = [sorted(words, key=lambda word: (frequency[word], word)) for words in sets]
    index: dict[str, list[int]] = defaultdict(list)
    found: list[tuple[int, int, float]] = []
    for current in sorted(range(len(sets)), key=lambda position: len(sets[position])):
        words = ordered[current]
        size = len(words)
        prefix = words[: size - math.ceil(threshold * size - 1e-9) + 1]
        least = threshold * size - 1e-9
        candidates = {
            other for word in prefix for other in index[word] if len(sets[other]) >= least
        }
        mine = sets[current]
        for other in candidates:
            shared = len(mine & sets[other])
            similarity = shared / (size + len(sets[other]) - shared)
            if similarity >= threshold - 1e-9:
                found.append((min(current, other), max(current, other), similarity))
        for word in prefix:
            index[word].append(current)
    found.sort()
    return found
