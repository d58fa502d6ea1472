"""Banks as GIFT, Moodle's text format for questions.

Each bank becomes a `$CATEGORY:` of its own; each question carries its id in its name and in
a `// [id:…]` comment (Moodle's idnumber), and its units and outcomes as `// [tag:…]`. Texts
are HTML (`[html]`), with GIFT's special characters escaped and line breaks written as
backslash-n, so no text can end a question early. GIFT has no ordering type, so ordering
questions are left out and reported.
"""

from __future__ import annotations

from .. import model
from ..catalog import Catalog
from .common import (
    Entry,
    ExportReport,
    Grades,
    block_html,
    check,
    describe,
    export_banks,
    format_grade,
    inline_html,
    notes,
    plain_text,
    question_name,
    summary_comment_lines,
    tags,
)

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "~": "\\~",
        "=": "\\=",
        "#": "\\#",
        "{": "\\{",
        "}": "\\}",
        ":": "\\:",
        "\n": "\\n",
        "\r": "",
    }
)


def escape(text: str) -> str:
    """Escape GIFT's special characters (and line breaks) in a piece of text."""
    return text.translate(_ESCAPES)


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
    if isinstance(question, model.Ordering):
        return None, Entry(
            question.id,
            exported=False,
            detail="ordering: GIFT has no ordering question type; export with "
            "--format moodle-xml to include it (Moodle 4.4 or later)",
        )
    grades, refused = check(question)
    if refused is not None:
        return None, refused
    text = block_html(question.text)
    if isinstance(question, model.SingleChoice | model.MultipleResponse):
        answers = _choices(question, grades)
    elif isinstance(question, model.TrueFalse):
        answers = _true_false(question)
    else:
        assert isinstance(question, model.Matching)
        answers = _matching(question)
    explanation = block_html(question.explanation)
    general = f"\t####{escape(explanation)}\n" if explanation else ""
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


def _choices(question: model.SingleChoice | model.MultipleResponse, grades: Grades | None) -> str:
    """Return a choice question's options (`=right`, `~wrong` or weighted), with feedback."""
    right = set(question.correct_indices())
    lines = []
    for index, option in enumerate(question.option_list()):
        if grades is None:
            mark = "=" if index in right else "~"
        else:
            mark = f"~%{format_grade(grades[0] if index in right else grades[1])}%"
        feedback = f"#{escape(block_html(option.feedback))}" if option.feedback else ""
        lines.append(f"\t{mark}{escape(inline_html(option.text))}{feedback}\n")
    return "".join(lines)


def _true_false(question: model.TrueFalse) -> str:
    """Return `TRUE` or `FALSE`, the feedback for a wrong answer, then for a right one."""
    right, wrong = (
        (question.true_feedback, question.false_feedback)
        if question.answer
        else (question.false_feedback, question.true_feedback)
    )
    feedback = ""
    if wrong or right:
        feedback = f"#{escape(block_html(wrong))}"
    if right:
        feedback += f"#{escape(block_html(right))}"
    return f"\t{'TRUE' if question.answer else 'FALSE'}{feedback}\n"


def _matching(question: model.Matching) -> str:
    """Return the pairs as `=item -> match`, and each distractor as `= -> distractor`."""
    lines = [
        f"\t={escape(_no_arrow(inline_html(pair.item)))} -> {escape(plain_text(pair.match))}\n"
        for pair in question.pairs
    ]
    lines.extend(
        f"\t= -> {escape(plain_text(distractor))}\n" for distractor in question.distractors
    )
    return "".join(lines)


def _no_arrow(html: str) -> str:
    """Write any `->` in an item's HTML as `-&gt;`: in GIFT it separates item from match."""
    return html.replace("->", "-&gt;")
