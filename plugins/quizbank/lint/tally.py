"""The near-duplicate rule's running count: the texts met so far, by family.

The rule meets texts in place order and asks, for each, how many earlier texts read like it
and which are the most alike. Texts with the same content words are one group; groups whose
words differ only in words no other text has, and that have as many words, are one family:
every other group is as similar to each of them (see `duplicates.families`). Counting texts
per family, not per group, makes the question cost one step for each similar family, where
template-made texts (each with its own number or name) give thousands of similar groups but
a handful of families.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Sequence

SHOWN = 3
"""How many look-alikes a finding names; it counts the rest."""


class Tally:
    """The texts met so far, counted by group and by family."""

    def __init__(self, family: Sequence[int], near: Sequence[Sequence[tuple[float, int]]]) -> None:
        """Start with no texts met.

        `family` gives each group's family; `near` each family's similar families, the most
        alike first, as `(similarity, family)`, with the family itself when two of its
        groups are similar.
        """
        self.family = family
        self.near = near
        self.in_group = [0] * len(family)
        self.in_family = [0] * len(near)
        self.firsts: list[list[int]] = [[] for _ in family]
        """The first few texts of each group, by position."""
        self.leaders: list[list[tuple[int, int]]] = [[] for _ in near]
        """The first SHOWN texts of each family as `(group, position)`, in that order. A text
        of the family is named with the earlier texts of its own group first (they are the
        most alike), so as many as those leave its family's list, as many are named before
        it."""

    def count(self, group: int) -> int:
        """Return how many of the texts met so far read like a text of `group`."""
        own = self.in_group[group]
        family = self.family[group]
        count = own
        for _, other in self.near[family]:
            count += self.in_family[other] - (own if other == family else 0)
        return count

    def alike(self, group: int) -> list[tuple[float, int]]:
        """Return the SHOWN texts met so far most like a text of `group`.

        Each is `(similarity, position)`: the most similar first, then by group (in the
        order groups were first met), then by position.
        """
        family = self.family[group]
        found = [(1.0, group, position) for position in self.firsts[group]]
        for similarity, other in self.near[family]:
            if len(found) >= SHOWN and similarity < found[-1][0]:
                break  # none of the rest can be among the most alike
            entries = self.leaders[other]
            if other == family:
                entries = [entry for entry in entries if entry[0] != group]
            found.extend((similarity, *entry) for entry in entries[:SHOWN])
        found.sort(key=lambda entry: (-entry[0], entry[1], entry[2]))
        return [(similarity, position) for similarity, _, position in found[:SHOWN]]

    def add(self, group: int, position: int) -> None:
        """Count a text of `group` met at `position` (after every text met before it)."""
        family = self.family[group]
        self.in_group[group] += 1
        self.in_family[family] += 1
        if len(self.firsts[group]) < SHOWN:
            self.firsts[group].append(position)
            leaders = self.leaders[family]
            insort(leaders, (group, position))
            del leaders[SHOWN:]
