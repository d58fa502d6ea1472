"""What the GIFT and Moodle XML exports share: names, tags, each type's mapping, the report.

Bank text is Markdown. Both formats carry it as HTML rendered by `quizbank.text`, the same
rendering the course uses: raw HTML in a bank stays text and unsafe links are dropped, so a
question looks the same in Moodle as on the course site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .. import model
from ..catalog import AnyBank, Catalog
from ..text import to_plain_text
from ..types import spec_of
from ..types.base import Gift, MoodleXml, Unsupported

T = TypeVar("T")

NAME_LENGTH = 80
"""How long a question name may get; Moodle lists questions by name."""

_LOCAL_LINK = re.compile(r'<a href="(?![a-z][a-z0-9+.-]*:|#)')


@dataclass(frozen=True)
class Entry:
    """What happened to one question or self-assessment statement."""

    question: str
    exported: bool
    detail: str
    """How it was mapped, or why it was not exported."""
    notes: tuple[str, ...] = ()
    """Things to check after import, such as links that only work on the course site."""
    statement: bool = False
    """True for a self-assessment statement, False for a quiz question."""


@dataclass
class BankReport:
    """What happened to one bank."""

    bank: str
    path: str
    category: str | None
    """The Moodle category the bank's questions go into; None when nothing is exported."""
    note: str | None = None
    """Why the whole bank was not exported, if it was not."""
    entries: list[Entry] = field(default_factory=list)


@dataclass
class ExportReport:
    """What an export wrote and what it left out, question by question."""

    format: str
    banks: list[BankReport] = field(default_factory=list)

    @property
    def exported(self) -> int:
        """Return how many questions were exported."""
        return sum(entry.exported for bank in self.banks for entry in bank.entries)

    @property
    def skipped(self) -> int:
        """Return how many quiz questions were not exported."""
        return sum(
            not entry.exported and not entry.statement
            for bank in self.banks
            for entry in bank.entries
        )

    @property
    def statements(self) -> int:
        """Return how many self-assessment statements were left out."""
        return sum(entry.statement for bank in self.banks for entry in bank.entries)

    def lines(self) -> list[str]:
        """Return the report as lines of text, a bank at a time, then a total."""
        out: list[str] = []
        width = max(
            (len(entry.question) for bank in self.banks for entry in bank.entries), default=0
        )
        for bank in self.banks:
            heading = f"{bank.bank} ({bank.path})"
            if bank.category is not None:
                heading += f" into category {bank.category}"
            if bank.note:
                heading += f": {bank.note}"
            out.append(heading)
            for entry in bank.entries:
                verdict = "exported    " if entry.exported else "not exported"
                out.append(f"  {verdict} {entry.question:<{width}}  {entry.detail}")
                out.extend(f"  {'':12} {'':<{width}}  note: {note}" for note in entry.notes)
        exported_banks = sum(
            1 for bank in self.banks if any(entry.exported for entry in bank.entries)
        )
        out.append(
            f"{self.format}: exported {_count(self.exported, 'question')} from "
            f"{_count(exported_banks, 'bank')}; not exported: "
            f"{_count(self.skipped, 'question')} and "
            f"{_count(self.statements, 'self-assessment statement')} (see above for why)"
        )
        return out


def _count(number: int, noun: str) -> str:
    """Return a number with its noun, in the plural when it needs one."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def category_path(bank: AnyBank) -> str:
    """Return the Moodle category a bank's questions go into, under the course's own top.

    A slash would start a subcategory, so slashes in a title become hyphens.
    """
    title = to_plain_text(bank.title).replace("/", "-")
    return f"$course$/top/{title}"


def question_name(question: model.Question) -> str:
    """Return a question's Moodle name: its id (so a re-import is recognisable) and text."""
    text = to_plain_text(question.text)
    name = f"{question.id}: {text}"
    if len(name) > NAME_LENGTH:
        name = name[: NAME_LENGTH - 1].rstrip() + "…"
    return name


def tags(question: model.Question) -> list[str]:
    """Return the units and outcomes a question covers, as Moodle tags."""
    return [*question.units, *question.outcomes]


def mapping_of(question: model.Question, format_name: str) -> Gift[Any] | MoodleXml[Any] | str:
    """Return how a format holds a question, or why it cannot (for the report)."""
    spec = spec_of(question)
    mapping = spec.gift if format_name == "gift" else spec.moodle
    if isinstance(mapping, Unsupported):
        return f"{question.type}: {mapping.reason}"
    reason = mapping.refuse(question)
    return f"{question.type}: {reason}" if reason else mapping


def describe(question: model.Question) -> str:
    """Return how a question is mapped onto Moodle's types, for the report."""
    moodle = spec_of(question).moodle
    summary = moodle.summary if isinstance(moodle, MoodleXml) else "not exported"
    return f"{question.type} as {summary}"


def export_banks(
    catalog: Catalog,
    report: ExportReport,
    write: Callable[[model.Question], tuple[T | None, Entry]],
) -> list[tuple[model.QuizBank, str, list[T]]]:
    """Write every question of every quiz bank, recording on the report what became of each.

    Returns each bank that has questions written, with its category and what was written;
    self-assessments are reported as not exported.
    """
    written_banks: list[tuple[model.QuizBank, str, list[T]]] = []
    for bank_id, bank in catalog.banks.items():
        path = catalog.paths[bank_id]
        if isinstance(bank, model.SelfAssessmentBank):
            report.banks.append(self_assessment_report(bank, path))
            continue
        bank_report = BankReport(bank=bank.id, path=path, category=category_path(bank))
        written: list[T] = []
        for question in bank.questions:
            item, entry = write(question)
            bank_report.entries.append(entry)
            if item is not None:
                written.append(item)
        if written:
            written_banks.append((bank, category_path(bank), written))
        else:
            bank_report.category = None
        report.banks.append(bank_report)
    return written_banks


def notes(*html: str) -> tuple[str, ...]:
    """Return what a tutor should check after import in a question's HTML."""
    if any(_LOCAL_LINK.search(part) for part in html):
        return ("it links to a page of the course site; the link will not work inside Moodle",)
    return ()


SELF_ASSESSMENT = (
    "a self-assessment, not exported: its statements have no right answers, and "
    "Moodle's questions need them (rebuild it as a Moodle Feedback or "
    "Questionnaire activity if you need it there)"
)


def self_assessment_report(bank: model.SelfAssessmentBank, path: str) -> BankReport:
    """Return the report of a self-assessment, which no format exports."""
    return BankReport(
        bank=bank.id,
        path=path,
        category=None,
        note=SELF_ASSESSMENT,
        entries=[
            Entry(item.id, exported=False, detail="self-assessment statement", statement=True)
            for item in bank.items()
        ],
    )


def summary_comment_lines(report: ExportReport) -> list[str]:
    """Return the report as the exported file carries it, under a line saying what it is."""
    return [f"Exported by quizbank for import into Moodle ({report.format}).", *report.lines()]
