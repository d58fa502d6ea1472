"""All the banks of a site, loaded and checked together."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from . import model
from .checks import listed_ids, well_formed_entries
from .loader import load_bank, load_qualifications
from .problems import BankError, Problem
from .yamlsource import Location, Source

QUALIFICATIONS_FILE = "_qualifications.yml"
"""The optional file, beside the banks, that lists the units and outcomes tags may use."""

AnyBank = model.QuizBank | model.SelfAssessmentBank


@dataclass
class Catalog:
    """The banks of a site by id, where each came from, and every problem found."""

    banks: dict[str, AnyBank] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    qualifications: model.Qualifications | None = None
    problems: list[Problem] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    """With `keep_sources`: each bank's file as read, by bank id, which knows where every
    value is (the lint places its findings with them)."""
    broken: dict[str, str] = field(default_factory=dict)
    """Banks that have problems, by the id they give, with their path: a page that shows one
    is not blamed for it."""

    def raise_for_problems(self) -> None:
        """Raise a `BankError` carrying every problem, if there are any."""
        if self.problems:
            raise BankError(self.problems)

    def question_count(self) -> int:
        """Return how many questions and self-assessment items the banks hold."""
        return sum(
            len(bank.questions) if isinstance(bank, model.QuizBank) else len(bank.items())
            for bank in self.banks.values()
        )


T = TypeVar("T")


@dataclass
class BankCache:
    """Files as last read, by path: a file is read again only when its time or size changes.

    Kept from build to build under `mkdocs serve`, so a rebuild reads only the banks edited
    since the last one, and the banks not edited are the very same objects.
    """

    files: dict[tuple[Path, str], tuple[tuple[int, int], Any]] = field(default_factory=dict)

    def read(self, path: Path, display: str, reader: Callable[[Path, str], T]) -> T:
        """Return what `reader` makes of a file, reading it again only if it has changed."""
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        key = (path.resolve(), display)
        known = self.files.get(key)
        if known is not None and known[0] == stamp:
            return known[1]  # type: ignore[no-any-return]
        result = reader(path, display)
        self.files[key] = (stamp, result)
        return result


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while banks load.

    Loading makes millions of small objects and no reference cycles, and the collector would
    walk them over and over: at 10,000 questions that took longer than reading the files.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def bank_files(paths: Iterable[Path]) -> list[Path]:
    """Return the bank files named, looking inside folders; `_`-prefixed files are not banks."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in (".yml", ".yaml") and not p.name.startswith(("_", "."))
                )
            )
        else:
            found.append(path)
    return found


def load_catalog(
    paths: Iterable[Path],
    *,
    relative_to: Path | None = None,
    keep_sources: bool = False,
    cache: BankCache | None = None,
) -> Catalog:
    """Load every bank in the given files and folders and check them against each other.

    A folder's `_qualifications.yml`, when present, lists the units and outcomes that tags
    may name. Problems are collected on the catalog, never raised. With `keep_sources` the
    catalog keeps each bank's file as read, for the lint. With a cache, files that have not
    changed since it last read them are not read again.
    """
    with collector_paused():
        return _load_catalog(list(paths), relative_to, keep_sources, cache or BankCache())


def _load_catalog(
    paths: list[Path], relative_to: Path | None, keep_sources: bool, cache: BankCache
) -> Catalog:
    """Load the banks (see `load_catalog`)."""
    catalog = Catalog()
    checked: list[_Checked] = []
    for path in bank_files(paths):
        display = _display(path, relative_to)
        if not path.exists():
            catalog.problems.append(Problem(display, 1, 1, "no such file or folder"))
            continue
        bank, source = cache.read(path, display, load_bank)
        catalog.problems.extend(source.problems)
        if bank is None:
            raw_id = source.data.get("id") if isinstance(source.data, dict) else None
            bank_id = raw_id if isinstance(raw_id, str) and raw_id else display
            catalog.broken.setdefault(bank_id, display)
            checked.append(_Checked(bank_id, display, source, well_formed_entries(source.data)))
            continue
        if bank.id in catalog.banks:
            catalog.problems.append(
                source.problem(
                    ("id",), f"duplicate bank id {bank.id!r}; also used by {catalog.paths[bank.id]}"
                )
            )
            continue
        catalog.banks[bank.id] = bank
        catalog.paths[bank.id] = display
        checked.append(_Checked(bank.id, display, source, list(_entries(bank))))
    listed: tuple[set[str], set[str]] | None = None
    for folder in (p for p in paths if p.is_dir()):
        qualifications_path = folder / QUALIFICATIONS_FILE
        if qualifications_path.exists():
            qualifications, source = cache.read(
                qualifications_path, _display(qualifications_path, relative_to), load_qualifications
            )
            catalog.problems.extend(source.problems)
            catalog.qualifications = qualifications
            listed = listed_ids(source.data)  # what it lists, even with problems of its own
    catalog.problems.extend(_cross_checks(checked, listed))
    catalog.problems = sorted(set(catalog.problems))
    if keep_sources:
        catalog.sources = {
            entry.bank_id: entry.source for entry in checked if entry.bank_id in catalog.banks
        }
    return catalog


@dataclass
class _Checked:
    """A bank as the checks across banks see it: its id, file and entries."""

    bank_id: str
    path: str
    source: Source
    entries: list[tuple[Location, model.Tagged, str]]


def _display(path: Path, relative_to: Path | None) -> str:
    """Return the path as the author would type it."""
    if relative_to is not None:
        try:
            return path.resolve().relative_to(relative_to.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _entries(bank: AnyBank) -> Iterator[tuple[Location, model.Tagged, str]]:
    """Yield each question or item of a bank with its location and id."""
    if isinstance(bank, model.QuizBank):
        for index, question in enumerate(bank.questions):
            yield ("questions", index), question, question.id
    else:
        for index, section in enumerate(bank.sections):
            for position, item in enumerate(section.items):
                yield ("sections", index, "items", position), item, item.id


def _cross_checks(
    checked: list[_Checked], listed: tuple[set[str], set[str]] | None
) -> Iterator[Problem]:
    """Check ids across banks, and tags against the declared units and outcomes.

    Banks with problems of their own take part with their well-formed questions, so one
    problem never hides another.
    """
    seen: dict[str, _Checked] = {}
    for bank in checked:
        source = bank.source
        for location, entry, entry_id in bank.entries:
            first = seen.setdefault(entry_id, bank)
            if first.bank_id != bank.bank_id:
                yield source.problem(
                    (*location, "id"),
                    f"duplicate question id {entry_id!r}; also used in bank "
                    f"{first.bank_id!r} ({first.path})",
                )
            if listed is None:
                continue
            for name, allowed, values in (
                ("units", listed[0], entry.units),
                ("outcomes", listed[1], entry.outcomes),
            ):
                for index, value in enumerate(values):
                    if value not in allowed:
                        yield source.problem(
                            (*location, name, index),
                            f"{name[:-1]} {value!r} is not listed in {QUALIFICATIONS_FILE} "
                            f"(known: {', '.join(sorted(allowed)) or 'none'})",
                        )
