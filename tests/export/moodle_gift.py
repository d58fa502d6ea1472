"""A GIFT reader for the tests that follows Moodle's own, written from its rules, not ours.

It reads a file the way Moodle's `qformat_default::readquestions` and
`qformat_gift::readquestion` do (question/format.php, question/format/gift/format.php), and
ordering questions the way `qtype_ordering::import_from_gift` does
(question/type/ordering/questiontype.php, Moodle 4.4 and later):

- questions are separated by blank lines; every line is trimmed; lines starting with `//`
  are comments, where `[id:…]` and `[tag:…]` give the idnumber and tags;
- `\\\\`, `\\:`, `\\#`, `\\=`, `\\{`, `\\}`, `\\~` and `\\n` become placeholders before anything
  is parsed, and the characters again in each text once it is cut out (`escapedchar_pre`
  and `escapedchar_post`); the answers are between the first `{` and the first `}`; the
  general feedback follows the last `####`;
- a text starting with `[html]`, `[moodle]`, `[plain]` or `[markdown]` has that format and
  loses the marker (`parse_text_with_format`); an option starting with `%n%` has that
  weight (`answerweightparser`); `#` starts an option's feedback;
- an ordering question's answers start with `>`, its settings, then one item a line, which
  are trimmed and kept as they are (no placeholder is turned back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPED = ["\\:", "\\#", "\\=", "\\{", "\\}", "\\~", "\\n"]
_PLACEHOLDERS = ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&010"]
_CHARACTERS = [":", "#", "=", "{", "}", "~", "\n"]
_FORMATS = {"moodle": "moodle", "html": "html", "plain": "plain", "markdown": "markdown"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_ORDERING = re.compile(
    r"^\s*>\s*(\d+)\s*"
    r"((?:ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?)\s*"
    r"((?:HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?)\s*"
    r"((?:ALL_OR_NOTHING|ABSOLUTE_POSITION|ABSOLUTE|ABS|RELATIVE_NEXT_EXCLUDE_LAST"
    r"|RELATIVE_NEXT_INCLUDE_LAST|RELATIVE_ONE_PREVIOUS_AND_NEXT"
    r"|RELATIVE_ALL_PREVIOUS_AND_NEXT|RELATIVE_TO_CORRECT|RELATIVE"
    r"|RELLONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)?)\s*"  # Moodle's own typo kept
    r"((?:SHOW|TRUE|YES|1|HIDE|FALSE|NO|0)?)\s*"
    r"((?:none|123|abc|ABCD|iii|IIII)?)\s*"
    r"(.*?)\s*$",
    re.DOTALL,
)


@dataclass
class Text:
    """A text as Moodle stores it, with its format."""

    text: str
    format: str


@dataclass
class Answer:
    """An option: its text, its grade (a fraction of 1) and its feedback."""

    text: Text
    fraction: float
    feedback: Text


@dataclass
class Question:
    """One question as Moodle's GIFT reader makes it."""

    qtype: str
    name: str = ""
    idnumber: str | None = None
    tags: list[str] = field(default_factory=list)
    text: Text = field(default_factory=lambda: Text("", "moodle"))
    general_feedback: Text = field(default_factory=lambda: Text("", "moodle"))
    answers: list[Answer] = field(default_factory=list)
    subquestions: list[tuple[Text, str]] = field(default_factory=list)
    """Matching: each item with its match."""
    correct: bool | None = None
    """True or false: the right answer."""
    true_feedback: Text | None = None
    false_feedback: Text | None = None
    items: list[str] = field(default_factory=list)
    """Ordering: the items in their right order, as Moodle keeps them."""
    settings: tuple[str, ...] = ()
    """Ordering: the number shown, select type, layout, grading, show grading, numbering."""
    category: str | None = None


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in zip(_ESCAPED, _PLACEHOLDERS, strict=True):
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for placeholder, character in zip(_PLACEHOLDERS, _CHARACTERS, strict=True):
        text = text.replace(placeholder, character)
    return text


def _with_format(text: str, default: str = "moodle") -> Text:
    """Moodle's `parse_text_with_format`."""
    result_format = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end >= 0 else text[1:-1]
        if name in _FORMATS:
            result_format = _FORMATS[name]
            text = text[end + 1 :]
    return Text(_post(text).strip(), result_format)


def read_gift(content: str) -> list[Question]:
    """Read a GIFT file into questions (categories included), as Moodle would."""
    questions: list[Question] = []
    current: list[str] = []
    for raw in [*content.splitlines(), ""]:
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            question = _question(current)
            if question is not None:
                questions.append(question)
            current = []
    return questions


def _question(lines: list[str]) -> Question | None:
    comments = "\n".join(line for line in lines if line.startswith("//"))
    text = "\n".join(" " if line.startswith("//") else line for line in lines).strip()
    if not text:
        return None
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return Question("category", category=text[10:].strip())
    question = Question("")
    found = re.search(r"\[id:([^\]]*)\]", comments)
    question.idnumber = found.group(1) if found else None
    question.tags = re.findall(r"\[tag:([^\]]*)\]", comments)
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        assert end >= 0, "a question name is never closed"
        question.name = _post(text[:end]).strip()
        text = text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    assert start >= 0, f"no answers in {text!r}"
    assert finish >= 0, f"answers never closed in {text!r}"
    answers = text[start + 1 : finish].strip()
    question_text = text[:start] + text[finish + 1 :]
    if not text.endswith("}"):
        question_text = text[:start] + "_____" + text[finish + 1 :]
    separator = answers.rfind("####")
    general = ""
    if separator >= 0:
        general = answers[separator + 4 :]
        answers = answers[:separator].strip()
    question.text = _with_format(question_text)
    question.general_feedback = _with_format(general, question.text.format)
    ordering = _ORDERING.match(answers)
    if ordering:  # qtype_ordering's import_from_gift is tried before the built-in types
        return _ordering(question, ordering)
    default = question.text.format
    if "~" in answers:
        return _multichoice(question, answers, default)
    if "=" in answers and "->" in answers:
        return _matching(question, answers, default)
    check = answers.split("#", 1)[0].strip() if answers.find("#") > 0 else answers
    if check not in ("T", "TRUE", "F", "FALSE"):
        return _shortanswer(question, answers, default)
    parts = [*answers.split("#", 2), "", ""]
    wrong, right = _with_format(parts[1].strip(), default), _with_format(parts[2].strip(), default)
    question.qtype = "truefalse"
    question.correct = parts[0].strip() in ("T", "TRUE")
    question.true_feedback, question.false_feedback = (
        (right, wrong) if question.correct else (wrong, right)
    )
    return question


def _multichoice(question: Question, answers: str, default: str) -> Question:
    question.qtype = "multichoice"
    options = answers.replace("=", "~=").split("~")
    if not options[0].strip():
        options = options[1:]
    for written in options:
        option = written.strip()
        if option.startswith("="):
            fraction, option = 1.0, option[1:]
        elif _WEIGHT.match(option):
            end = option.find("%", 1)
            fraction, option = float(option[1:end]) / 100, option[end + 1 :]
        else:
            fraction = 0.0
        parts = option.split("#", 1)
        feedback = _with_format(parts[1].strip(), default) if len(parts) > 1 else Text("", default)
        question.answers.append(Answer(_with_format(parts[0].strip(), default), fraction, feedback))
    return question


def _shortanswer(question: Question, answers: str, default: str) -> Question:
    """Every answer after an `=`: full marks unless it carries a weight such as `%0%`."""
    question.qtype = "shortanswer"
    written = answers.split("=")
    if not written[0].strip():
        written = written[1:]
    assert written, f"a short-answer question without answers: {answers!r}"
    for entry in written:
        answer = entry.strip()
        fraction = 1.0
        if _WEIGHT.match(answer):
            end = answer.find("%", 1)
            fraction, answer = float(answer[1:end]) / 100, answer[end + 1 :]
        parts = answer.split("#", 1)
        feedback = _with_format(parts[1].strip(), default) if len(parts) > 1 else Text("", default)
        question.answers.append(Answer(_with_format(parts[0].strip(), default), fraction, feedback))
    return question


def _matching(question: Question, answers: str, default: str) -> Question:
    question.qtype = "match"
    pairs = answers.split("=")
    if not pairs[0].strip():
        pairs = pairs[1:]
    for written in pairs:
        pair = written.strip()
        marker = pair.find("->")
        assert marker >= 0, f"a matching answer without '->': {pair!r}"
        question.subquestions.append(
            (_with_format(pair[:marker], default), _post(pair[marker + 2 :]).strip())
        )
    return question


def _ordering(question: Question, found: re.Match[str]) -> Question:
    question.qtype = "ordering"
    question.settings = tuple(part.strip() for part in found.groups()[:6])
    items = [line.strip() for line in re.split(r"[\r\n]+", found.group(7))]
    question.items = [item for item in items if item and item != "0"]  # PHP's array_filter
    return question
