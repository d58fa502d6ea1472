"""Words in bank text, as the item-writing rules read them: plain, lower-case, stemmed.

The rules compare what the learner reads, so Markdown is stripped to its text without
rendering it (links keep their words, emphasis markers go). Stemming is a light suffix
stripper, not a linguist: it only has to give `notes`, `noted` and `noting` one stem, and it
gives the same word the same stem wherever it appears.
"""

from __future__ import annotations

import re
from functools import lru_cache

_STOP_TEXT = """
about above after again against also although among another anybody anyone anything around
because been before being below best between both cannot could describe describes does doing
done down during each either else enough even ever following from further going have having
here herself himself into itself just least less like likely many might more most much
myself neither often once only other others ought over same several shall should since some
somebody someone something such than that their theirs them themselves then there these they
thing things this those though through under until upon usually very want well were what
whatever when where whether which while whom whose will with within without would your yours
yourself true false correct statement answer option options question
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Words that say nothing about a question's subject: function words, and the words
questions are made of ("which", "following", "best", "statement")."""

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>|~\\]+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ingly",
    "ings",
    "ing",
    "edly",
    "ness",
    "ity",
    "ions",
    "ion",
    "ers",
    "er",
    "ed",
    "ly",
    "s",
)
_KEEP_S = ("ss", "us", "is")
_MIN_STEM = 3


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Return Markdown as the words a learner reads, on one line."""
    return " ".join(_MARKUP.sub("", _LINK.sub(r"\1", text)).split())


@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """Return the words of Markdown text, lower-case, in order."""
    return tuple(_WORD.findall(plain(text).lower().replace("’", "'")))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a word's stem: `notes`, `noted`, `noting` and `note` all give `not`."""
    word = word.lower().removesuffix("'s")
    if word.endswith(("ies", "ied")) and len(word) > _MIN_STEM + 2:
        word = word[:-3] + "y"
    for suffix in _SUFFIXES:
        if suffix == "s" and word.endswith(_KEEP_S):
            continue
        least = _MIN_STEM + 1 if suffix.startswith("er") else _MIN_STEM
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > _MIN_STEM:
        word = word[:-1]
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def content_stems(text: str, min_length: int) -> frozenset[str]:
    """Return the stems of the words that carry a text's subject.

    Stop words and words shorter than `min_length` letters are left out.
    """
    return frozenset(
        stem(word) for word in words(text) if len(word) >= min_length and word not in STOP_WORDS
    )


def used_words(text: str, vocabulary: frozenset[str]) -> list[str]:
    """Return the words of `vocabulary` that a text uses, in the order it uses them."""
    found: list[str] = []
    for word in words(text):
        if word in vocabulary and word not in found:
            found.append(word)
    return found


_SENTENCE = re.compile(r"(?<=[.?!:])\s+|\n\s*\n")
_QUESTION_START = re.compile(r"^\W*(which|what|who|how|when|where)\b", re.IGNORECASE)
_NEGATIVE = re.compile(r"\b(not|never|cannot|except|[a-z]+n['’]t)\b", re.IGNORECASE)
_EXCEPT = re.compile(r"\bexcept\b", re.IGNORECASE)
_CLAUSE = re.compile(
    r"\b(if|when|whenever|because|although|though|unless|who|whose|that|where|while|after|"
    r"before|since)\b",
    re.IGNORECASE,
)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(\*|_)(?=\S)(.+?)(?<=\S)\3", re.DOTALL)


def unemphasised_negatives(text: str) -> list[str]:
    """Return the negative words that make a question negative but are not emphasised.

    A question is negative when a sentence asks "Which … not …" or "What … not …" in its
    main clause (a "not" after "if", "when", "who" and the like describes the situation
    instead), or says "except" anywhere. Emphasis is the word in capitals, or inside `**…**`,
    `*…*`, `__…__` or `_…_`.
    """
    if not _NEGATIVE.search(text):
        return []  # most questions: no sentence of it can hold a negative word
    emphasised = [match.span() for match in _EMPHASIS.finditer(text)]
    found: list[str] = []
    start = 0
    for sentence in _SENTENCE.split(text):
        offset = text.find(sentence, start)
        start = offset + len(sentence)
        asks = _QUESTION_START.match(sentence)
        clause = _CLAUSE.search(sentence, asks.end()) if asks else None
        for match in _NEGATIVE.finditer(sentence):
            word = match.group(0)
            in_main_clause = asks is not None and (clause is None or match.start() < clause.start())
            if not (in_main_clause or _EXCEPT.fullmatch(word)):
                continue
            where = offset + match.start()
            if word.isupper() or any(begin <= where < end for begin, end in emphasised):
                continue
            found.append(word)
    return found
