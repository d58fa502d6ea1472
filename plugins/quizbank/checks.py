"""Checks that a well-formed bank also makes sense: answers, duplicates, bands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import TypeAdapter, ValidationError

from . import model
from .fields import normalise
from .problems import Problem
from .types import spec_of
from .types.base import Finding
from .yamlsource import Location, Source, field_path

_QUESTION = TypeAdapter(model.Question)


def check_bank(bank: model.QuizBank | model.SelfAssessmentBank, source: Source) -> list[Problem]:
    """Return every problem in a bank that its structure alone does not catch."""
    if isinstance(bank, model.QuizBank):
        found = _check_quiz(list(enumerate(bank.questions)), [q.id for q in bank.questions])
    else:
        found = _check_self_assessment(bank)
    return [source.problem(location, message) for location, message in found]


def check_malformed_quiz(data: dict[str, Any], source: Source) -> list[Problem]:
    """Check the well-formed questions of a quiz bank whose structure has problems.

    So an author sees a wrong answer in question 3 alongside a typo in question 7.
    """
    raw = data.get("questions")
    if not isinstance(raw, list):
        return []
    questions: list[tuple[int, model.Question]] = []
    for index, entry in enumerate(raw):
        try:
            questions.append((index, _QUESTION.validate_python(entry)))
        except ValidationError:
            continue  # its structural problems are already reported
    ids = [entry.get("id") if isinstance(entry, dict) else None for entry in raw]
    found = _check_quiz(questions, [i if isinstance(i, str) else "" for i in ids])
    return [source.problem(location, message) for location, message in found]


def _check_quiz(questions: list[tuple[int, model.Question]], ids: list[str]) -> Iterator[Finding]:
    yield from _duplicate_ids(ids, lambda index: ("questions", index, "id"), "question")
    for index, question in questions:
        yield from spec_of(question).check(question, ("questions", index))


def _check_self_assessment(bank: model.SelfAssessmentBank) -> Iterator[Finding]:
    yield from _duplicate_ids(
        [point.id for point in bank.scale], lambda index: ("scale", index, "id"), "scale point"
    )
    labels: dict[str, int] = {}
    for index, point in enumerate(bank.scale):
        label = normalise(point.label).casefold()
        if label in labels:
            yield (
                ("scale", index, "label"),
                f"scale point label {point.label!r} is also the label of "
                f"{field_path(('scale', labels[label]))}; a learner could not tell them apart",
            )
        else:
            labels[label] = index
    yield from _duplicate_ids(
        [section.id for section in bank.sections],
        lambda index: ("sections", index, "id"),
        "section",
    )
    items = [
        (index, position, item)
        for index, section in enumerate(bank.sections)
        for position, item in enumerate(section.items)
    ]
    places = [("sections", index, "items", position, "id") for index, position, _ in items]
    yield from _duplicate_ids([item.id for _, _, item in items], lambda n: places[n], "item")
    yield from _duplicate_ids(
        [band.id for band in bank.scoring.bands],
        lambda index: ("scoring", "bands", index, "id"),
        "band",
    )
    if bank.scoring.rule == "most":
        yield from _check_most_bands(bank)
    else:
        yield from _check_total_bands(bank)


def _check_most_bands(bank: model.SelfAssessmentBank) -> Iterator[Finding]:
    """Under `most`, each scale point has exactly one band and bands give no ranges."""
    points = [point.id for point in bank.scale]
    claimed: dict[str, int] = {}
    for index, band in enumerate(bank.scoring.bands):
        where: Location = ("scoring", "bands", index)
        if band.min is not None or band.max is not None:
            yield where, "rule 'most' bands use 'when', not 'min' or 'max'"
        if band.when is None:
            yield where, f"missing 'when': the scale point this band is for (one of {points})"
        elif band.when not in points:
            yield (
                (*where, "when"),
                f"'when' names {band.when!r}, which is not on the scale ({', '.join(points)})",
            )
        elif band.when in claimed:
            yield (
                (*where, "when"),
                (
                    f"bands overlap: scale point {band.when!r} already has "
                    f"band {bank.scoring.bands[claimed[band.when]].id!r}"
                ),
            )
        else:
            claimed[band.when] = index
    missing = [point for point in points if point not in claimed]
    if missing and len(claimed) + len(missing) == len(points):
        yield ("scoring", "bands"), f"bands leave a gap: no band for {', '.join(missing)}"


def _check_total_bands(bank: model.SelfAssessmentBank) -> Iterator[Finding]:
    """Under `total`, ranges cover every reachable total exactly once."""
    low, high = bank.total_range()
    ranges: list[tuple[int, int, int]] = []
    for index, band in enumerate(bank.scoring.bands):
        where: Location = ("scoring", "bands", index)
        if band.when is not None:
            yield (*where, "when"), "rule 'total' bands use 'min' and 'max', not 'when'"
        if band.min is None or band.max is None:
            yield where, f"rule 'total' bands need both 'min' and 'max' (totals run {low}-{high})"
        elif band.min > band.max:
            yield (*where, "min"), f"'min' {band.min} is above 'max' {band.max}"
        else:
            ranges.append((band.min, band.max, index))
    if len(ranges) != len(bank.scoring.bands):
        return
    ranges.sort()
    expected = low
    for start, end, index in ranges:
        if start > expected:
            yield (
                ("scoring", "bands", index, "min"),
                f"bands leave a gap: no band covers totals {expected}-{start - 1}",
            )
        elif start < expected:
            overlap = (
                f"{start}-{min(end, expected - 1)}"
                if start < min(end, expected - 1)
                else str(start)
            )
            yield (
                ("scoring", "bands", index, "min"),
                f"bands overlap: total {overlap} falls in two bands",
            )
        expected = max(expected, end + 1)
    if expected <= high:
        yield ("scoring", "bands"), f"bands leave a gap: no band covers totals {expected}-{high}"


def _duplicate_ids(
    ids: list[str], place: Callable[[int], Location], what: str
) -> Iterator[Finding]:
    """Report every id used more than once, at each repeat."""
    first: dict[str, int] = {}
    for index, value in enumerate(ids):
        if not value:
            continue
        if value in first:
            yield (
                place(index),
                (f"duplicate {what} id {value!r}; also used at {field_path(place(first[value]))}"),
            )
        else:
            first[value] = index


def check_qualifications(data: object, source: Source) -> list[Problem]:
    """Report a unit or outcome listed twice in the qualifications file, even a malformed one."""
    if not isinstance(data, dict):
        return []
    found: list[Finding] = []
    for name, what in (("units", "unit"), ("outcomes", "outcome")):
        entries = data.get(name)
        if not isinstance(entries, list):
            continue
        ids = [
            entry["id"] if isinstance(entry, dict) and isinstance(entry.get("id"), str) else ""
            for entry in entries
        ]
        found.extend(_duplicate_ids(ids, _id_in(name), what))
    return [source.problem(location, message) for location, message in found]


def _id_in(field: str) -> Callable[[int], Location]:
    """Return where the id of the n-th entry of a list field is."""
    return lambda index: (field, index, "id")


def listed_ids(data: object) -> tuple[set[str], set[str]]:
    """Return the unit and outcome ids a qualifications file lists, however well formed."""
    found: tuple[set[str], set[str]] = (set(), set())
    if isinstance(data, dict):
        for name, ids in zip(("units", "outcomes"), found, strict=True):
            entries = data.get(name)
            if isinstance(entries, list):
                ids.update(
                    entry["id"]
                    for entry in entries
                    if isinstance(entry, dict) and isinstance(entry.get("id"), str)
                )
    return found


_ITEM = TypeAdapter(model.Item)


def well_formed_entries(data: object) -> list[tuple[Location, model.Tagged, str]]:
    """Return the questions or items of a malformed bank that are well formed themselves.

    So the checks across banks (duplicate ids, units and outcomes) still see them.
    """
    if not isinstance(data, dict):
        return []
    entries: list[tuple[Location, model.Tagged, str]] = []
    if data.get("kind") == "quiz" and isinstance(data.get("questions"), list):
        for index, raw in enumerate(data["questions"]):
            try:
                question = _QUESTION.validate_python(raw)
            except ValidationError:
                continue
            entries.append((("questions", index), question, question.id))
    elif data.get("kind") == "self-assessment" and isinstance(data.get("sections"), list):
        for index, section in enumerate(data["sections"]):
            items = section.get("items") if isinstance(section, dict) else None
            for position, raw in enumerate(items if isinstance(items, list) else []):
                try:
                    item = _ITEM.validate_python(raw)
                except ValidationError:
                    continue
                entries.append((("sections", index, "items", position), item, item.id))
    return entries
