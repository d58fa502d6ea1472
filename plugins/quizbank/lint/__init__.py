"""Item-writing checks for quiz banks: cues that give answers away, and weak items.

The rules follow published item-writing guidelines (Haladyna, Downing and Rodriguez, "A
review of multiple-choice item-writing guidelines for classroom assessment", 2002). Each is
a small function registered once in `RULES` under a stable id; `lint_banks` runs them and
returns findings reported as `path:line:col: warning: [rule-id] message`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from .. import model
from ..catalog import Catalog
from ..yamlsource import read_yaml
from . import banks, questions
from .duplicates import near_duplicates
from .findings import Finding, Hit, LintBank
from .settings import DEFAULTS, LintConfigError, LintSettings, lint_options, settings_from

__all__ = [
    "DEFAULTS",
    "RULES",
    "Finding",
    "LintBank",
    "LintConfigError",
    "LintSettings",
    "Rule",
    "lint_banks",
    "lint_catalog",
    "lint_options",
    "load_settings",
    "summary",
]

QuestionCheck = Callable[[model.Question, LintSettings], Iterator[Hit]]
BankCheck = Callable[[model.QuizBank, LintSettings], Iterator[Hit]]
CatalogCheck = Callable[[Sequence[LintBank], LintSettings], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """One item-writing rule: its id, what it judges, its check, and what it looks for."""

    id: str
    scope: Literal["question", "bank", "catalog"]
    check: QuestionCheck | BankCheck | CatalogCheck
    summary: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "key-longest",
            "question",
            questions.key_longest,
            "the answer is the longest option, or clearly longer than the wrong ones",
        ),
        Rule(
            "key-longest-share",
            "bank",
            banks.key_longest_share,
            "the answer is the longest option in too many of a bank's single-choice questions",
        ),
        Rule(
            "short-distractor",
            "question",
            questions.short_distractor,
            "a wrong option so short beside the answer that nobody would choose it",
        ),
        Rule(
            "absolute-distractor",
            "question",
            questions.absolute_distractor,
            "absolute words (always, never, only …) in wrong options only",
        ),
        Rule(
            "absolute-false",
            "bank",
            banks.absolute_false,
            "a bank's true/false statements with absolute words are nearly all false",
        ),
        Rule(
            "clang",
            "question",
            questions.clang,
            "the answer repeats a distinctive word of the question and no wrong option does",
        ),
        Rule(
            "key-position",
            "bank",
            banks.key_position,
            "answers cluster in one position where options are not shuffled",
        ),
        Rule(
            "true-false-balance",
            "bank",
            banks.true_false_balance,
            "one answer is right in most of a bank's true/false questions",
        ),
        Rule(
            "all-none-above",
            "question",
            questions.all_none_above,
            "an 'all of the above' or 'none of the above' option",
        ),
        Rule(
            "combined-option",
            "question",
            questions.combined_option,
            "an option that combines others, such as 'both A and B'",
        ),
        Rule(
            "overlapping-options",
            "question",
            questions.overlapping_options,
            "two options with the same words, or one option inside another",
        ),
        Rule(
            "negative-stem",
            "question",
            questions.negative_stem,
            "a negative question ('Which is not …', 'except') without the negative emphasised",
        ),
        Rule(
            "distractor-feedback",
            "question",
            questions.distractor_feedback,
            "a wrong option, or the wrong true/false answer, without feedback",
        ),
        Rule(
            "near-duplicate",
            "catalog",
            near_duplicates,
            "two questions, in one bank or in two, whose texts are nearly the same",
        ),
        Rule(
            "level-missing",
            "question",
            questions.level_missing,
            "a question without a cognitive level",
        ),
        Rule(
            "level-mix",
            "bank",
            banks.level_mix,
            "too few of a bank's questions apply or analyse (and the mix of levels)",
        ),
    )
}
"""Every rule, by id, in the order they are reported in a summary."""


def load_settings(options: dict[str, object]) -> LintSettings:
    """Return settings from the plugin's `lint` options; raise `LintConfigError` if invalid."""
    return settings_from(dict(options), set(RULES))


def lint_banks(selection: Iterable[LintBank], settings: LintSettings = DEFAULTS) -> list[Finding]:
    """Run every rule not ignored over quiz banks; return the findings, sorted by place."""
    selected = list(selection)
    found: list[Finding] = []
    for rule in RULES.values():
        if rule.id in settings.ignore:
            continue
        if rule.scope == "catalog":
            found.extend(cast("CatalogCheck", rule.check)(selected, settings))
            continue
        for lint_bank in selected:
            found.extend(_run(rule, lint_bank, settings))
    return sorted(found, key=lambda f: (f.path, f.line, f.column, f.rule, f.message))


def _run(rule: Rule, lint_bank: LintBank, settings: LintSettings) -> Iterator[Finding]:
    """Run a question or bank rule over one bank, placing its hits in the bank's file."""
    if rule.scope == "bank":
        for hit in cast("BankCheck", rule.check)(lint_bank.bank, settings):
            yield lint_bank.finding(rule.id, hit.location, hit.message, hit.severity)
        return
    check = cast("QuestionCheck", rule.check)
    for index, question in enumerate(lint_bank.bank.questions):
        for hit in check(question, settings):
            location = ("questions", index, *hit.location)
            yield lint_bank.finding(rule.id, location, hit.message, hit.severity)


def lint_catalog(
    catalog: Catalog, settings: LintSettings = DEFAULTS, *, root: Path | None = None
) -> list[Finding]:
    """Lint a loaded catalog's quiz banks.

    Findings are placed with the files as the catalog read them; a bank whose file the
    catalog no longer holds is read again, from `root` (the folder the catalog's paths are
    relative to; default: the current folder).
    """
    selected: list[LintBank] = []
    for bank_id, bank in catalog.banks.items():
        if not isinstance(bank, model.QuizBank):
            continue
        path = catalog.paths[bank_id]
        source = catalog.sources.get(bank_id) or read_yaml((root or Path()) / path, path)
        selected.append(LintBank(bank, source))
    return lint_banks(selected, settings)


def summary(findings: Sequence[Finding]) -> str:
    """Return one line counting the warnings per rule, in the rules' order."""
    counts = Counter(finding.rule for finding in findings if finding.severity == "warning")
    total = sum(counts.values())
    if not total:
        return "no warnings"
    per_rule = ", ".join(f"{rule} {counts[rule]}" for rule in RULES if counts[rule])
    return f"{total} warning{'s' * (total != 1)}: {per_rule}"
