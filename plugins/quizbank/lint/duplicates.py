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

Template-made texts, alike but for a number or a name of their own, make thousands of such
pairs. A word that only one text has cannot be shared: two texts' similarity depends only on
their other words and on how many words they have. So texts whose other words are the same,
and that have as many words, are one family, compared once through one of them, and the
texts met so far are counted by family (tally.py). That too is exact.
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
from .tally import Tally
from .words import content_stems

Place = tuple[str, int, int]

TOLERANCE = 1e-9
"""How far below the threshold a similarity may fall and count: floating point's slack."""


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
    family, near = similar_families(list(groups), settings.near_duplicate_similarity / 100)
    tally = Tally(family, near)
    for position, (place, question_id, words) in enumerate(texts):
        group = groups[words]
        count = tally.count(group)
        if count:
            alike = [(*texts[at][:2], similarity) for similarity, at in tally.alike(group)]
            yield _finding(place, question_id, alike, count)
        tally.add(group, position)


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
        prefix = words[: size - math.ceil(threshold * size - TOLERANCE) + 1]
        least = threshold * size - TOLERANCE
        candidates = {
            other for word in prefix for other in index[word] if len(sets[other]) >= least
        }
        mine = sets[current]
        for other in candidates:
            shared = len(mine & sets[other])
            similarity = shared / (size + len(sets[other]) - shared)
            if similarity >= threshold - TOLERANCE:
                found.append((min(current, other), max(current, other), similarity))
        for word in prefix:
            index[word].append(current)
    found.sort()
    return found


def families(sets: Sequence[frozenset[str]]) -> tuple[list[int], list[int], list[int]]:
    """Return each set's family, and per family its first set and how many words it shares.

    `sets` are distinct. Sets whose words, leaving out the words no other set has, are the
    same and that have as many words are one family: each of them is as similar to any set
    outside the family, and two of them share just those other words.
    """
    frequency = Counter(word for words in sets for word in words)
    numbers: dict[tuple[frozenset[str], int], int] = {}
    family: list[int] = []
    firsts: list[int] = []
    shared: list[int] = []
    for position, words in enumerate(sets):
        common = frozenset(word for word in words if frequency[word] > 1)
        key = (common, len(words))
        if key not in numbers:
            numbers[key] = len(firsts)
            firsts.append(position)
            shared.append(len(common))
        family.append(numbers[key])
    return family, firsts, shared


def similar_families(
    sets: Sequence[frozenset[str]], threshold: float
) -> tuple[list[int], list[list[tuple[float, int]]]]:
    """Return each set's family, and each family's similar families, the most alike first.

    `sets` are distinct. Similar families are listed as `(similarity, family)`; a family
    lists itself when two of its sets are similar. The similarities and what counts as
    similar are those of `similar_pairs`.
    """
    family, firsts, shared = families(sets)
    near: list[list[tuple[float, int]]] = [[] for _ in firsts]
    for first, second, similarity in similar_pairs([sets[i] for i in firsts], threshold):
        near[first].append((similarity, second))
        near[second].append((similarity, first))
    members = Counter(family)
    for number, first in enumerate(firsts):
        size, common = len(sets[first]), shared[number]
        similarity = common / (size + size - common)
        if members[number] > 1 and common and similarity >= max(threshold, 1e-9) - TOLERANCE:
            near[number].append((similarity, number))
    for listed in near:
        listed.sort(key=lambda entry: -entry[0])
    return family, near
