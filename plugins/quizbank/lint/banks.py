"""Rules that judge a bank as a whole: shares and balances a learner can learn to exploit.

Each rule takes a quiz bank and the settings and yields hits placed relative to the bank; a
bank's figures are reported at its `id`. Figures that pass are reported as `info`, so the
author sees each bank's share and mix either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import model
from ..fields import COGNITIVE_LEVELS
from ..types.choice import SingleChoice
from ..types.true_false import TrueFalse
from .findings import Hit
from .settings import LintSettings
from .words import plain, used_words

_AT_BANK = ("id",)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "0 %"


def _ids(questions: list[model.Question], limit: int = 6) -> str:
    shown = ", ".join(question.id for question in questions[:limit])
    more = len(questions) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def _key_is_longest(question: SingleChoice) -> bool:
    options = question.option_texts
    keys = question.correct_indices()
    if not keys or len(options) < 2:
        return False
    lengths = [len(plain(option)) for option in options]
    key = lengths[keys[0]]
    return all(key > length for index, length in enumerate(lengths) if index != keys[0])


def key_longest_share(bank: model.QuizBank, settings: LintSettings) -> Iterator[Hit]:
    """The share of single-choice questions whose key is the longest option."""
    singles = [q for q in bank.questions if isinstance(q, SingleChoice)]
    if not singles:
        return
    longest = [q for q in singles if _key_is_longest(q)]
    share = len(longest) / len(singles)
    figure = (
        f"the answer is the longest option in {len(longest)} of {len(singles)} single-choice "
        f"questions ({_percent(len(longest), len(singles))})"
    )
    if len(singles) >= settings.min_questions and share * 100 > settings.key_longest_share:
        yield Hit(
            _AT_BANK,
            f"{figure}, over {settings.key_longest_share} %: learners who pick the longest "
            f"option score above chance; even out the lengths ({_ids(longest)})",
        )
    else:
        yield Hit(_AT_BANK, figure, "info")


def absolute_false(bank: model.QuizBank, settings: LintSettings) -> Iterator[Hit]:
    """True/false statements with absolute words that are nearly all false."""
    vocabulary = frozenset(settings.absolute_words)
    absolute = [
        q for q in bank.questions if isinstance(q, TrueFalse) and used_words(q.text, vocabulary)
    ]
    false = [q for q in absolute if not q.answer]
    if (
        len(absolute) >= settings.min_questions
        and 100 * len(false) / len(absolute) > settings.absolute_false_share
    ):
        yield Hit(
            _AT_BANK,
            f"{len(false)} of the {len(absolute)} true/false statements with an absolute word "
            f"(always, never, only …) are false ({_percent(len(false), len(absolute))}): "
            "learners learn to answer False to any absolute; write true absolutes too, or "
            f"qualify the false ones ({_ids(false)})",
        )


def true_false_balance(bank: model.QuizBank, settings: LintSettings) -> Iterator[Hit]:
    """One answer right in most of a bank's true/false questions."""
    answers = Counter(q.answer for q in bank.questions if isinstance(q, TrueFalse))
    total = sum(answers.values())
    if total < settings.min_questions:
        return
    value, count = answers.most_common(1)[0]
    if 100 * count / total > settings.true_false_share:
        word, other = ("true", "false") if value else ("false", "true")
        yield Hit(
            _AT_BANK,
            f"{count} of the {total} true/false statements are {word} "
            f"({_percent(count, total)}): a learner who always answers {word.title()} scores "
            f"well; turn some into {other} statements",
        )


def key_position(bank: model.QuizBank, settings: LintSettings) -> Iterator[Hit]:
    """Answers that cluster in one position, in questions whose options are not shuffled."""
    positions = Counter(
        q.correct_indices()[0]
        for q in bank.questions
        if isinstance(q, SingleChoice)
        and q.correct_indices()
        and not getattr(q, "shuffle", False)  # a question that shuffles its options
    )
    total = sum(positions.values())
    if total < settings.min_questions:
        return
    position, count = positions.most_common(1)[0]
    if 100 * count / total > settings.key_position_share:
        spread = ", ".join(f"{_ordinal(index)} {positions[index]}" for index in sorted(positions))
        yield Hit(
            _AT_BANK,
            f"the answer is the {_ordinal(position)} option in {count} of {total} "
            f"single-choice questions ({_percent(count, total)}; {spread}): learners notice; "
            "move answers so each position holds about as many",
        )


def _ordinal(index: int) -> str:
    number = index + 1
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number if number < 20 else number % 10, "th")
    return f"{number}{suffix}"


def level_mix(bank: model.QuizBank, settings: LintSettings) -> Iterator[Hit]:
    """The bank's mix of cognitive levels; too few questions that apply or analyse."""
    levels = Counter(q.level for q in bank.questions)
    total = len(bank.questions)
    higher = levels["apply"] + levels["analyse"]
    mix = ", ".join(f"{name} {levels[name]}" for name in COGNITIVE_LEVELS)
    if levels[None]:
        mix += f", no level {levels[None]}"
    figure = f"levels: {mix}; apply or analyse: {higher} of {total} ({_percent(higher, total)})"
    if 100 * higher / total < settings.applied_share:
        yield Hit(
            _AT_BANK,
            f"{figure}, under {settings.applied_share} %: put the learner in a workplace "
            "situation and ask what to do, say or notice, and tag it 'level: apply'",
        )
    else:
        yield Hit(_AT_BANK, figure, "info")
