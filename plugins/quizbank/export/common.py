"""What the GIFT and Moodle XML exports share: names, texts, grades and the report.

Bank text is Markdown. Both formats carry it as HTML rendered by `quizbank.text`, the same
rendering the course uses: raw HTML in a bank stays text and unsafe links are dropped, so a
question looks the same in Moodle as on the course site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .. import model
from ..catalog import AnyBank, Catalog
from ..text import to_html, to_inline_html, to_plain_text

T = TypeVar("T")

Grades = tuple[float, float]
"""The grade of a right and of a wrong option of a multiple-response question, in percent."""

MOODLE_GRADES = (
    100.0,
    90.0,
    100 / 1.2,
    80.0,
    75.0,
    70.0,
    200 / 3,
    60.0,
    50.0,
    40.0,
    100 / 3,
    30.0,
    25.0,
    20.0,
    100 / 6,
    100 / 7,
    12.5,
    100 / 9,
    10.0,
    5.0,
)
"""The percentages Moodle accepts as an answer's grade (its fraction options, above zero)."""

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


def block_html(text: str | None) -> str:
    """Return bank Markdown as HTML paragraphs; empty for no text."""
    return to_html(text) if text else ""


def inline_html(text: str) -> str:
    """Return bank Markdown as HTML that sits in a line, such as an option."""
    return to_inline_html(text)


def plain_text(text: str) -> str:
    """Return bank Markdown as plain text, for places Moodle shows no formatting."""
    return to_plain_text(text)


def tags(question: model.Question) -> list[str]:
    """Return the units and outcomes a question covers, as Moodle tags."""
    return [*question.units, *question.outcomes]


def format_grade(percent: float) -> str:
    """Return a grade percentage as both formats write it: at most five decimals."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def multiple_grades(question: model.MultipleResponse) -> Grades | str:
    """Return the grades of a right and of a wrong option, or why Moodle cannot grade it.

    The right options share 100%. The wrong ones share -100% (or a little more, as Moodle
    allows only some grades), so ticking every option scores nothing.
    """
    options = len(question.option_list())
    right = len(question.correct_indices())
    share = 100 / right
    if not any(abs(share - grade) < 0.001 for grade in MOODLE_GRADES):
        return (
            f"Moodle cannot give {right} right options an equal share of the grade "
            f"({share:.2f}% each is not one of its grades)"
        )
    wrong = min(
        (grade for grade in MOODLE_GRADES if grade >= 100 / (options - right) - 0.001),
        default=100.0,
    )
    return share, -wrong


def matching_problem(question: model.Matching) -> str | None:
    """Return why Moodle's matching type cannot hold a question, if it cannot."""
    answers = len(question.pairs) + len(question.distractors)
    if answers < 3:
        return (
            f"Moodle's matching type needs at least 3 answers to choose from, pairs and "
            f"distractors together; this question has {answers}: add a distractor"
        )
    return None


MAPPING = {
    "single": "multichoice, one right answer",
    "multiple": "multichoice, several right answers",
    "true-false": "truefalse",
    "matching": "matching (distractors as answers without a question)",
    "ordering": "ordering, all or nothing (Moodle 4.4 or later)",
}
"""How each question type maps onto a Moodle question type."""

SELF_ASSESSMENT = (
    "a self-assessment, not exported: its statements have no right answers, and "
    "Moodle's questions need them (rebuild it as a Moodle Feedback or "
    "Questionnaire activity if you need it there)"
)


def check(question: model.Question) -> tuple[Grades | None, Entry | None]:
    """Return a multiple-response question's grades, and an entry if Moodle cannot take it."""
    grades = multiple_grades(question) if isinstance(question, model.MultipleResponse) else None
    problem = grades if isinstance(grades, str) else None
    if isinstance(question, model.Matching):
        problem = matching_problem(question)
    if problem is not None:
        return None, Entry(question.id, exported=False, detail=f"{question.type}: {problem}")
    return (grades if isinstance(grades, tuple) else None), None


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


def describe(question: model.Question) -> str:
    """Return how a question is mapped, for the report."""
    return f"{question.type} as {MAPPING[question.type]}"


def notes(*html: str) -> tuple[str, ...]:
    """Return what a tutor should check after import in a question's HTML."""
    if any(_LOCAL_LINK.search(part) for part in html):
        return ("it links to a page of the course site; the link will not work inside Moodle",)
    return ()


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
