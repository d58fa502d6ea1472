"""Rules that judge one question at a time: cues in the options, weak stems, feedback.

Each rule takes a question and the settings and yields hits placed relative to the question,
such as `("options", 2)`. What a "key" is: the option (or options) the answer names; the
"distractors" are the other options.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import fmean

from .. import model
from ..types.choice import MultipleResponse, SingleChoice
from ..types.fill_in import FillIn
from ..types.true_false import TrueFalse
from .findings import Hit
from .settings import LintSettings
from .words import content_stems, plain, stem, unemphasised_negatives, used_words, words

Choice = SingleChoice | MultipleResponse

_ABOVE = re.compile(
    r"^(?:all|none|neither|any|each)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:above\b|(?:these|those|them|the\s+options|the\s+answers)[.!]?$)",
    re.IGNORECASE,
)
_LETTER = r"(?:[A-F]|[1-6])[.)]?"
_COMBINED = re.compile(
    rf"^(?:both\s+)?(?:(?:options?|answers?|choices?)\s+)?{_LETTER}(?:\s*,\s*{_LETTER})*\s*"
    rf"(?:and|&|or)\s+{_LETTER}$|^neither\s+{_LETTER}\s+nor\s+{_LETTER}$"
    r"|^both\s+(?:of\s+)?(?:the\s+)?(?:above|these|those)$",
    re.IGNORECASE,
)


def _split(question: Choice) -> tuple[list[str], list[int], list[int]]:
    """Return a choice question's option texts, the keys' positions and the distractors'."""
    options = question.option_texts
    keys = sorted(set(question.correct_indices()))
    return options, keys, [index for index in range(len(options)) if index not in keys]


def _length(text: str) -> int:
    """Return how long an option looks: the characters a learner reads."""
    return len(plain(text))


def _quote(text: str, limit: int = 40) -> str:
    """Return an option's text as a short quotation."""
    shown = plain(text)
    return repr(shown if len(shown) <= limit else shown[: limit - 1] + "…")


def key_longest(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """The key is the longest option, or clearly longer than the distractors."""
    if not isinstance(question, Choice) or not question.correct_indices():
        return
    options, keys, others = _split(question)
    if not others:
        return
    key_lengths = [_length(options[index]) for index in keys]
    wrong = [_length(options[index]) for index in others]
    average = max(fmean(wrong), 1.0)
    fix = "make the options about as long as each other"
    if isinstance(question, SingleChoice):
        length = key_lengths[0]
        if length > max(wrong):
            yield Hit(
                ("options", keys[0]),
                f"the answer is the longest option ({length} characters, the others "
                f"{_span(wrong)}): learners who guess pick the longest; {fix}",
            )
        elif length >= settings.key_length_ratio * average:
            yield Hit(
                ("options", keys[0]),
                f"the answer is {length / average:.1f} times as long as the average wrong "
                f"option ({length} characters against {average:.0f}); {fix}",
            )
        return
    if min(key_lengths) > max(wrong):
        yield Hit(
            ("options", keys[0]),
            f"every right option is longer than every wrong one ({_span(key_lengths)} "
            f"characters against {_span(wrong)}): length alone picks them out; {fix}",
        )
    elif fmean(key_lengths) >= settings.key_length_ratio * average:
        yield Hit(
            ("options", keys[0]),
            f"the right options are {fmean(key_lengths) / average:.1f} times as long as the "
            f"wrong ones on average; {fix}",
        )


def _span(lengths: list[int]) -> str:
    """Describe a few lengths as a range."""
    low, high = min(lengths), max(lengths)
    return str(low) if low == high else f"{low}-{high}"


def short_distractor(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """A distractor so much shorter than the key that nobody would choose it."""
    if not isinstance(question, Choice) or not question.correct_indices():
        return
    options, keys, others = _split(question)
    if not others:
        return
    key = fmean(_length(options[index]) for index in keys)
    shortest = min(others, key=lambda index: _length(options[index]))
    length = max(_length(options[shortest]), 1)
    if key >= settings.short_distractor_ratio * length:
        answer = "the answer is" if len(keys) == 1 else "the right options are on average"
        yield Hit(
            ("options", shortest),
            f"option {_quote(options[shortest])} is implausibly short: {answer} "
            f"{key / length:.1f} times as long ({key:.0f} characters against {length}); write "
            "a wrong option as complete and as plausible as the answer",
        )


def absolute_distractor(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """Absolute words ("always", "never") in distractors only: test-wise learners skip them."""
    if not isinstance(question, Choice):
        return
    options, keys, others = _split(question)
    vocabulary = frozenset(settings.absolute_words)
    if any(used_words(options[index], vocabulary) for index in keys):
        return
    flagged = [
        (index, used_words(options[index], vocabulary))
        for index in others
        if not _ABOVE.match(plain(options[index]))  # reported by all-none-above
    ]
    flagged = [(index, found) for index, found in flagged if found]
    if flagged:
        listed = ", ".join(
            f"{found[0]!r} in {_quote(options[index], 30)}" for index, found in flagged
        )
        yield Hit(
            ("options", flagged[0][0]),
            f"only wrong options use absolute words ({listed}): learners learn to rule such "
            "options out without knowing the subject; reword them without the absolute, or "
            "let a right option be absolute too",
        )


def clang(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """The key repeats a distinctive word of the stem and no distractor does."""
    if not isinstance(question, Choice):
        return
    options, keys, others = _split(question)
    stem_words = _distinctive(question.text, settings)
    if not stem_words or not others:
        return
    wrong = frozenset().union(*(_distinctive(options[index], settings) for index in others))
    for index in keys:
        shared = (stem_words & _distinctive(options[index], settings)) - wrong
        if shared:
            echoed = _echoed(question.text, shared)
            key = "the answer" if len(keys) == 1 else "a right option"
            yield Hit(
                ("options", index),
                f"{key} repeats {echoed} from the question and no wrong option does (a "
                "clang cue): learners match the words, not the idea; reword the answer, or "
                "use the word in a wrong option too",
            )
            return


def _distinctive(text: str, settings: LintSettings) -> frozenset[str]:
    return content_stems(text, settings.min_word_length)


def _echoed(text: str, stems: frozenset[str]) -> str:
    """Name the stem's words whose stems are shared, as the author wrote them."""
    seen: list[str] = []
    for word in words(text):
        if stem(word) in stems and stem(word) not in {stem(s) for s in seen}:
            seen.append(word)
    return " and ".join(repr(word) for word in seen)


def all_none_above(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """Options such as "all of the above" and "none of the above"."""
    if not isinstance(question, Choice):
        return
    for index, option in enumerate(question.option_texts):
        if _ABOVE.match(plain(option)):
            yield Hit(
                ("options", index),
                f"option {_quote(option)}: a learner who spots two right options (or "
                "one wrong one) needs no more knowledge, and it reads wrongly once options "
                "are shuffled; write a plausible option instead, or ask a multiple-response "
                "question",
            )


def combined_option(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """Options that combine others, such as "both A and B"."""
    if not isinstance(question, Choice):
        return
    for index, option in enumerate(question.option_texts):
        if _COMBINED.match(plain(option).rstrip(".!")):
            yield Hit(
                ("options", index),
                f"option {_quote(option)} combines other options: it tests reading the "
                "options more than the subject, and its letters point at the wrong options "
                "once they are shuffled; ask a multiple-response question instead",
            )


def overlapping_options(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """Options with the same words, or one option's words inside another's."""
    if not isinstance(question, Choice):
        return
    options = question.option_texts
    texts = [words(option) for option in options]
    for index, mine in enumerate(texts):
        for other, theirs in enumerate(texts):
            if other == index or not mine:
                continue
            if mine == theirs and other < index:
                yield Hit(
                    ("options", index),
                    f"option {_quote(options[index])} says the same as option "
                    f"{other + 1} ({_quote(options[other])}) but for case or "
                    "punctuation; make every option say something different",
                )
                break
            if len(mine) < len(theirs) and _contains(theirs, mine):
                yield Hit(
                    ("options", index),
                    f"option {_quote(options[index])} is contained in option "
                    f"{other + 1} ({_quote(options[other])}): overlapping options can "
                    "both be right, or give each other away; make them exclusive",
                )
                break


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Tell whether a run of words appears, whole, inside another."""
    size = len(shorter)
    return any(longer[start : start + size] == shorter for start in range(len(longer) - size + 1))


def negative_stem(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """A negative question ("Which is not …", "except") without the negative emphasised."""
    if not isinstance(question, Choice):
        return
    found = unemphasised_negatives(question.text)
    if found:
        yield Hit(
            ("text",),
            f"the question is negative ({', '.join(repr(word) for word in found)}) and the "
            "negative is easily missed; ask it positively if you can, or emphasise the word "
            f"(**{found[0].upper()}** or {found[0].upper()})",
        )


def distractor_feedback(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """A wrong option, the wrong true/false answer or a wrong typed answer without feedback."""
    if isinstance(question, FillIn):
        yield from _fill_in_feedback(question)
        return
    if isinstance(question, TrueFalse):
        missing = "false_feedback" if question.answer else "true_feedback"
        if getattr(question, missing) is None:
            wrong = "False" if question.answer else "True"
            yield Hit(
                (),
                f"no feedback for the wrong answer ({wrong}): add '{missing}' saying why the "
                "statement is " + ("true" if question.answer else "false"),
            )
        return
    if not isinstance(question, Choice):
        return
    options, _, others = _split(question)
    feedback = question.option_feedback
    bare = [index for index in others if feedback[index] is None]
    if bare:
        listed = ", ".join(_quote(options[index], 30) for index in bare)
        count = f"{len(bare)} wrong options have" if len(bare) > 1 else "a wrong option has"
        yield Hit(
            ("options", bare[0]),
            f"{count} no feedback ({listed}): write each as text with feedback saying why it "
            "is wrong",
        )


def _fill_in_feedback(question: FillIn) -> Iterator[Hit]:
    """A fill-in question's wrong answers: the common ones, and any other."""
    bare = [index for index, answer in enumerate(question.wrong) if answer.feedback is None]
    if bare:
        yield Hit(
            ("wrong", bare[0]),
            f"the wrong answer {_quote(question.wrong[bare[0]].text)} has no feedback: say why "
            "it is wrong",
        )
    elif question.feedback is None:
        yield Hit(
            (),
            "no feedback for a wrong answer: add 'feedback' saying what the learner may have "
            "missed",
        )


def level_missing(question: model.Question, settings: LintSettings) -> Iterator[Hit]:
    """A question without a cognitive `level`."""
    if question.level is None:
        yield Hit(
            (),
            f"question {question.id!r} has no 'level': add 'level: recall', 'understand', "
            "'apply' or 'analyse', for what it asks of the learner",
        )
