"""Which units and outcomes the banks cover, track by track: the qualification map's data.

Coverage counts quiz questions. Self-assessment statements are counted apart: they ask the
learner to rate themselves, which shows reflection rather than knowledge.

Outcomes come from `_qualifications.yml` in the order it lists them, then any tag it does not
list. An outcome that other outcomes name as their `unit` is a group (such as a ProQual
learning outcome and its assessment criteria): gaps are judged on the outcomes inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import model
from .catalog import Catalog


@dataclass(frozen=True)
class Tagged:
    """A question or statement that covers a unit or outcome."""

    bank: str
    id: str
    track: int | None
    statement: bool
    """True for a self-assessment statement, False for a quiz question."""


@dataclass
class UnitRow:
    """A unit: how many quiz questions cover it in each track."""

    id: str
    title: str | None
    by_track: dict[int | None, int] = field(default_factory=dict)
    """Quiz questions by track; None for questions tagged with no track."""
    statements: int = 0
    """Self-assessment statements tagged with the unit."""

    @property
    def total(self) -> int:
        """Return how many quiz questions cover the unit in all."""
        return sum(self.by_track.values())


@dataclass
class OutcomeRow:
    """An outcome and what covers it."""

    id: str
    title: str | None
    group: str | None
    """The outcome this one sits under, if any."""
    is_group: bool = False
    """True when other outcomes sit under this one."""
    covered_by: list[Tagged] = field(default_factory=list)

    @property
    def questions(self) -> list[Tagged]:
        """Return the quiz questions that cover the outcome."""
        return [entry for entry in self.covered_by if not entry.statement]

    @property
    def statements(self) -> list[Tagged]:
        """Return the self-assessment statements tagged with the outcome."""
        return [entry for entry in self.covered_by if entry.statement]


@dataclass
class Coverage:
    """The qualification map: units against tracks, and outcomes against questions."""

    tracks: list[int]
    """The tracks, in order: those pages declare and those questions are tagged with."""
    untracked: int
    """How many quiz questions are tagged with no track."""
    per_track: dict[int, int]
    """How many quiz questions each track has, whatever they cover."""
    units: list[UnitRow]
    outcomes: list[OutcomeRow]
    track_units: dict[int, frozenset[str]] = field(default_factory=dict)
    """The units each track page declares; empty when pages declare none."""

    def expects(self, unit: str, track: int) -> bool:
        """Tell whether a track is meant to cover a unit (always, when tracks declare none)."""
        declared = self.track_units.get(track)
        return declared is None or unit in declared

    def cell_gaps(self) -> int:
        """Return how many unit-and-track cells a track should cover but no question does."""
        return sum(
            1
            for unit in self.units
            for number in self.tracks
            if self.expects(unit.id, number) and not unit.by_track.get(number)
        )

    @property
    def unit_gaps(self) -> list[str]:
        """Return the units that no quiz question covers."""
        return [unit.id for unit in self.units if unit.total == 0]

    @property
    def outcome_gaps(self) -> list[str]:
        """Return the outcomes (groups aside) that no quiz question covers."""
        return [row.id for row in self.outcomes if not row.is_group and not row.questions]


def _entries(catalog: Catalog) -> Iterable[tuple[Tagged, model.Tagged]]:
    """Yield every quiz question and self-assessment statement with its tags."""
    for bank_id, bank in catalog.banks.items():
        if isinstance(bank, model.QuizBank):
            for question in bank.questions:
                yield Tagged(bank_id, question.id, question.track, statement=False), question
        else:
            for item in bank.items():
                yield Tagged(bank_id, item.id, item.track, statement=True), item


def compute_coverage(
    catalog: Catalog,
    tracks: Iterable[int] = (),
    track_units: Iterable[tuple[int, Iterable[str]]] = (),
) -> Coverage:
    """Work out the qualification map of a catalog.

    Args:
        catalog: the banks, with the declared units and outcomes if there are any.
        tracks: track numbers that pages declare; a track with no questions is a gap.
        track_units: the units each track page declares; a unit a track does not declare is
            not a gap there. Tracks that declare no units expect every unit.
    """
    qualifications = catalog.qualifications or model.Qualifications(format=1)
    units = {unit.id: UnitRow(unit.id, unit.title) for unit in qualifications.units}
    outcomes = {
        outcome.id: OutcomeRow(outcome.id, outcome.title, outcome.unit)
        for outcome in qualifications.outcomes
    }
    track_numbers = set(tracks)
    per_track: dict[int, int] = {}
    untracked = 0
    for tagged, entry in _entries(catalog):
        if tagged.track is not None:
            track_numbers.add(tagged.track)
        if not tagged.statement:
            if tagged.track is None:
                untracked += 1
            else:
                per_track[tagged.track] = per_track.get(tagged.track, 0) + 1
        for unit_id in entry.units:
            unit = units.setdefault(unit_id, UnitRow(unit_id, None))
            if tagged.statement:
                unit.statements += 1
            else:
                unit.by_track[tagged.track] = unit.by_track.get(tagged.track, 0) + 1
        for outcome_id in entry.outcomes:
            outcomes.setdefault(outcome_id, OutcomeRow(outcome_id, None, None)).covered_by.append(
                tagged
            )
    for row in outcomes.values():
        if row.group in outcomes:
            outcomes[row.group].is_group = True
    declared = {number: frozenset(unit_ids) for number, unit_ids in track_units}
    return Coverage(
        tracks=sorted(track_numbers),
        untracked=untracked,
        per_track={number: per_track.get(number, 0) for number in track_numbers},
        units=list(units.values()),
        outcomes=list(outcomes.values()),
        track_units={number: ids for number, ids in declared.items() if ids},
    )
