"""Banks as GIFT, Moodle's text format for questions.

Each bank becomes a `$CATEGORY:` of its own; each question carries its id in its name and in
a `// [id:…]` comment (Moodle's idnumber), and its units and outcomes as `// [tag:…]`. Texts
are HTML (`[html]`), escaped by `gift_parts` so that Moodle's reader gives them back as they
were. What each question type writes between the braces is declared with the type
(`quizbank.types`), as is any type GIFT cannot hold; ordering questions use the GIFT syntax
of Moodle 4.4's ordering type. Hints are left out: GIFT has no place for them.
"""

from __future__ import annotations

from .. import model
from ..catalog import Catalog
from . import gift_parts
from .common import (
    Entry,
    ExportReport,
    describe,
    export_banks,
    mapping_of,
    notes,
    question_name,
    summary_comment_lines,
    tags,
)
from .gift_parts import escape
from .moodle_parts import block_html

__all__ = ["escape", "export"]


def export(catalog: Catalog) -> tuple[str, ExportReport]:
    """Return the quiz banks of a catalog as GIFT, and the report of what was exported."""
    report = ExportReport("GIFT")
    blocks: list[str] = []
    for _, category, questions in export_banks(catalog, report, _question):
        blocks.append(f"$CATEGORY: {category}")
        blocks.extend(questions)
    header = "\n".join(f"// {line}".rstrip() for line in summary_comment_lines(report))
    return "\n\n".join([header, *blocks]) + "\n", report


def _question(question: model.Question) -> tuple[str | None, Entry]:
    """Return one question as GIFT, or None and why it cannot be."""
    mapping = mapping_of(question, "gift")
    if isinstance(mapping, str):
        return None, Entry(question.id, exported=False, detail=mapping)
    text = block_html(question.text)
    answers = mapping.answers(question)
    explanation = block_html(question.explanation)
    general = f"\t####{gift_parts.text(explanation)}\n" if explanation else ""
    comment = " ".join([f"[id:{question.id}]", *(f"[tag:{tag}]" for tag in tags(question))])
    written = (
        f"// {comment}\n::{escape(question_name(question))}::[html]{escape(text)}"
        f"{{\n{answers}{general}}}"
    )
    return written, Entry(
        question.id,
        exported=True,
        detail=describe(question),
        notes=notes(text, explanation, answers),
    )
