"""`quizbank lint`: every rule tripped by a small bank and passed by another, at its line."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from textwrap import dedent, indent

import pytest

from quizbank.catalog import load_catalog
from quizbank.config import LintConfig
from quizbank.lint import DEFAULTS, RULES, Finding, LintConfigError, lint_catalog, load_settings
from quizbank.lint.duplicates import similar_pairs
from quizbank.lint.settings import LintSettings, lint_options
from quizbank.lint.words import content_stems, stem, unemphasised_negatives
from quizbank.types.true_false import TrueFalse


def bank(*questions: str, bank_id: str = "demo") -> str:
    """Return a quiz bank's YAML holding the questions, each written from `- id:`."""
    body = "".join(indent(dedent(q).strip("\n") + "\n", "  ") for q in questions)
    return f"format: 1\nkind: quiz\nid: {bank_id}\ntitle: Demo\nquestions:\n{body}"


def lint(tmp_path: Path, *files: tuple[str, str], **options: object) -> list[Finding]:
    """Write banks into tmp_path/quizzes and lint them with the given options."""
    folder = tmp_path / "quizzes"
    folder.mkdir(exist_ok=True)
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    catalog = load_catalog([folder], relative_to=tmp_path, keep_sources=True)
    assert catalog.problems == []
    return lint_catalog(catalog, load_settings(options))


def warned(findings: list[Finding], rule: str) -> list[tuple[str, int, int]]:
    """Return where a rule warned: file name, line and column."""
    return [
        (Path(f.path).name, f.line, f.column)
        for f in findings
        if f.rule == rule and f.severity == "warning"
    ]


def line_of(text: str, needle: str, start: int = 1) -> int:
    """Return the number of the first line, from `start`, that contains `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the bank")


def column_of(text: str, needle: str) -> int:
    line = text.splitlines()[line_of(text, needle) - 1]
    return line.index(needle) + 1


def single(qid: str, text: str, options: list[str], answer: str, **extra: str) -> str:
    """Return a single-choice question, every wrong option with feedback."""
    lines = [f"- id: {qid}", "  type: single", "  level: apply", f"  text: {text}", "  options:"]
    for option in options:
        lines.append(f"    - text: {option}")
        lines.append(f"      feedback: {'Right.' if option == answer else 'Wrong, because.'}")
    lines.append(f"  answer: {answer}")
    lines.extend(f"  {key}: {value}" for key, value in extra.items())
    return "\n".join(lines)


def true_false(qid: str, text: str, answer: bool) -> str:
    return (
        f"- id: {qid}\n  type: true-false\n  level: recall\n  text: {text}\n"
        f"  answer: {str(answer).lower()}\n  true_feedback: Because.\n  false_feedback: Because.\n"
    )


# key-longest ------------------------------------------------------------------------------


def test_key_longest_reports_an_answer_longer_than_every_other_option(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "Which stage of GROW comes first?",
            ["Will", "Reality", "The stage where the coachee says what they want"],
            "The stage where the coachee says what they want",
        )
    )
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "key-longest") == [
        ("a.yml", line_of(text, "- text: The stage"), column_of(text, "text: The stage"))
    ]
    assert "the answer is the longest option (47 characters, the others 4-7)" in str(
        next(f for f in found if f.rule == "key-longest")
    )


def test_key_longest_reports_an_answer_much_longer_than_the_average(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "Which reply reflects back?",
            ["No", "Yes", "A long wrong reply that runs on", "So it came back again?"],
            "So it came back again?",
        )
    )
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "key-longest") == [("a.yml", line_of(text, "- text: So it"), 9)]
    assert (
        "the answer is 1.8 times as long as the average wrong option (22 characters "
        "against 12)" in str(found)
    )


def test_key_longest_passes_options_of_even_length(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "Which stage of GROW comes first?",
            ["Reality", "Goal", "Options", "Will"],
            "Goal",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "key-longest") == []


def test_key_longest_in_multiple_response_when_every_key_is_longer(tmp_path: Path) -> None:
    trips = bank("""
        - id: m1
          type: multiple
          level: apply
          text: Which of these help a learner settle in?
          options:
            - text: A quiet space away from the noise of the office floor
            - text: Noise
              feedback: No.
            - text: A clear plan for the first week agreed together
            - text: Hurry
              feedback: No.
          answer:
            - A quiet space away from the noise of the office floor
            - A clear plan for the first week agreed together
        """)
    passes = trips.replace(
        "- text: Noise", "- text: Constant noise and interruptions from the open-plan office"
    )
    passes = passes.replace("- text: Hurry", "- text: A rushed and crowded first morning")
    assert warned(lint(tmp_path, ("a.yml", trips)), "key-longest") == [
        ("a.yml", line_of(trips, "- text: A quiet"), 9)
    ]
    assert warned(lint(tmp_path, ("a.yml", passes)), "key-longest") == []


# short-distractor --------------------------------------------------------------------------


def test_short_distractor_reports_a_wrong_option_a_third_of_the_answer(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "What do you say first?",
            ["Ask what they want from today", "Go on", "Tell them what to do next"],
            "Ask what they want from today",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "short-distractor") == [
        ("a.yml", line_of(text, "- text: Go on"), 9)
    ]


def test_short_distractor_passes_options_of_similar_length(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "What do you say first?",
            ["Ask what they want from today", "Tell them your own plan", "Ask about last week"],
            "Ask what they want from today",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "short-distractor") == []


# absolute-distractor ----------------------------------------------------------------------


def test_absolute_words_in_wrong_options_only(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "When do you refer a learner?",
            ["When they need help beyond your role", "Never; you handle it", "Always at once"],
            "When they need help beyond your role",
        )
    )
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "absolute-distractor") == [("a.yml", line_of(text, "- text: Never"), 9)]
    message = next(f.message for f in found if f.rule == "absolute-distractor")
    assert "'never' in 'Never; you handle it', 'always' in 'Always at once'" in message


def test_absolute_words_also_in_the_answer_pass(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "When do you refer a learner?",
            ["Always when they need help beyond you", "Never; you handle it", "At the review"],
            "Always when they need help beyond you",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "absolute-distractor") == []


# clang ------------------------------------------------------------------------------------


def test_clang_reports_a_stem_word_repeated_only_by_the_answer(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "Which question explores the coachee's current reality?",
            ["What is the reality today?", "What do you want?", "What will you do?"],
            "What is the reality today?",
        )
    )
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "clang") == [("a.yml", line_of(text, "- text: What is"), 9)]
    assert "repeats 'reality' from the question" in str(found)


def test_clang_passes_when_a_wrong_option_repeats_the_word_too(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "Which question explores the coachee's current reality?",
            ["What is the reality today?", "Which realities have you ruled out?", "Why?"],
            "What is the reality today?",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "clang") == []


# all-none-above and combined-option -------------------------------------------------------


def test_all_of_the_above_is_reported(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "What does a mentor do?",
            ["Listen", "Challenge", "All of the above"],
            "All of the above",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "all-none-above") == [
        ("a.yml", line_of(text, "- text: All of the above"), 9)
    ]


def test_none_of_these_is_reported_and_all_learners_is_not(tmp_path: Path) -> None:
    trips = bank(single("q1", "Who decides?", ["The mentor", "None of these."], "The mentor"))
    passes = bank(single("q1", "Who decides?", ["The mentor", "All learners"], "The mentor"))
    assert warned(lint(tmp_path, ("a.yml", trips)), "all-none-above") == [
        ("a.yml", line_of(trips, "- text: None"), 9)
    ]
    assert warned(lint(tmp_path, ("a.yml", passes)), "all-none-above") == []


@pytest.mark.parametrize(
    ("option", "reported"),
    [
        ("All of the above", True),
        ("All the above.", True),
        ("None of these", True),
        ("Any of the above apply", True),
        ("All these steps matter", False),
        ("None of these people are trained", False),
    ],
)
def test_what_counts_as_all_or_none_of_the_above(
    tmp_path: Path, option: str, reported: bool
) -> None:
    text = bank(single("q1", "Who decides?", ["The mentor", option], "The mentor"))
    expected = [("a.yml", line_of(text, f"- text: {option}"), 9)] if reported else []
    assert warned(lint(tmp_path, ("a.yml", text)), "all-none-above") == expected


def test_both_a_and_b_is_reported(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1", "Who sets the goal?", ["The coach", "The coachee", "Both A and B"], "The coachee"
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "combined-option") == [
        ("a.yml", line_of(text, "- text: Both A"), 9)
    ]


def test_both_people_named_in_full_is_not_a_combined_option(tmp_path: Path) -> None:
    text = bank(
        single(
            "q1",
            "Who sets the goal?",
            ["The coach", "The coachee", "Both the coach and the coachee"],
            "The coachee",
        )
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "combined-option") == []


# overlapping-options ----------------------------------------------------------------------


def test_an_option_inside_another_is_reported_at_the_shorter(tmp_path: Path) -> None:
    text = bank(
        single("q1", "What comes first?", ["Goal setting", "Reality", "Goal"], "Goal setting")
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "overlapping-options") == [
        ("a.yml", line_of(text, "- text: Goal", line_of(text, "- text: Reality")), 9)
    ]


def test_options_that_differ_only_in_case_are_reported(tmp_path: Path) -> None:
    text = bank(single("q1", "What first?", ["Set a goal", "Review", "set a goal."], "Review"))
    assert warned(lint(tmp_path, ("a.yml", text)), "overlapping-options") == [
        ("a.yml", line_of(text, "- text: set a goal."), 9)
    ]


def test_distinct_options_do_not_overlap(tmp_path: Path) -> None:
    text = bank(single("q1", "What first?", ["Set a goal", "Review", "Plan"], "Review"))
    assert warned(lint(tmp_path, ("a.yml", text)), "overlapping-options") == []


# negative-stem ----------------------------------------------------------------------------


def test_a_negative_stem_without_emphasis_is_reported_at_the_text(tmp_path: Path) -> None:
    text = bank(
        single("q1", "Which of these is not a GROW stage?", ["Goal", "Will", "Plan"], "Plan")
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "negative-stem") == [
        ("a.yml", line_of(text, "text: Which"), column_of(text, "Which"))
    ]


@pytest.mark.parametrize(
    "stem_text",
    [
        "Which of these is **not** a GROW stage?",
        "Which of these is NOT a GROW stage?",
        "Which of these is *not* a GROW stage?",
        "What do you do if the learner does not arrive?",
    ],
)
def test_emphasised_or_situational_negatives_pass(tmp_path: Path, stem_text: str) -> None:
    text = bank(single("q1", f"'{stem_text}'", ["Goal", "Will", "Plan"], "Plan"))
    assert warned(lint(tmp_path, ("a.yml", text)), "negative-stem") == []


def test_negative_words_are_found_in_their_sentence() -> None:
    assert unemphasised_negatives("All of these help, except one. Which?") == ["except"]
    assert unemphasised_negatives("Which of these isn't right?") == ["isn't"]
    assert unemphasised_negatives("A learner has not come. What do you do?") == []
    assert unemphasised_negatives("Which is EXCEPT-free?") == []


# distractor-feedback ----------------------------------------------------------------------


def test_a_wrong_option_without_feedback_is_reported(tmp_path: Path) -> None:
    text = bank("""
        - id: q1
          type: single
          level: apply
          text: Which stage comes first?
          options:
            - text: Goal
            - text: Will
              feedback: Will comes last.
            - Reality
          answer: Goal
        """)
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "distractor-feedback") == [("a.yml", line_of(text, "- Reality"), 9)]
    assert "a wrong option has no feedback ('Reality')" in str(found)


def test_true_false_without_feedback_for_the_wrong_answer(tmp_path: Path) -> None:
    text = bank("""
        - id: t1
          type: true-false
          level: recall
          text: GROW starts with the goal.
          answer: true
          true_feedback: Right.
        """)
    passes = text + "    false_feedback: It does start with the goal.\n"
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "distractor-feedback") == [("a.yml", 6, 5)]
    assert "add 'false_feedback'" in str(found)
    assert warned(lint(tmp_path, ("a.yml", passes)), "distractor-feedback") == []


def test_fill_in_wrong_answers_without_feedback(tmp_path: Path) -> None:
    text = bank("""
        - id: f1
          type: fill-in
          level: recall
          text: In GROW, what does the W stand for?
          answers: [Will, Way forward]
          wrong:
            - text: Why
              feedback: A why-question can sound like blame.
            - text: Wish
          feedback: The stages are Goal, Reality, Options and Will.
        """)
    no_other = text.replace("    feedback: The stages are Goal, Reality, Options and Will.\n", "")
    no_other = no_other.replace("      - text: Wish\n", "")
    passes = text.replace("- text: Wish", "- text: Wish\n        feedback: Close, but no.")
    assert warned(lint(tmp_path, ("a.yml", text)), "distractor-feedback") == [
        ("a.yml", line_of(text, "- text: Wish"), 9)
    ]
    assert warned(lint(tmp_path, ("a.yml", no_other)), "distractor-feedback") == [("a.yml", 6, 5)]
    assert warned(lint(tmp_path, ("a.yml", passes)), "distractor-feedback") == []


def test_feedback_on_every_wrong_option_passes(tmp_path: Path) -> None:
    text = bank(single("q1", "Which stage comes first?", ["Goal", "Will", "Reality"], "Goal"))
    assert warned(lint(tmp_path, ("a.yml", text)), "distractor-feedback") == []


# level-missing and level-mix --------------------------------------------------------------


def test_a_question_without_a_level_is_reported(tmp_path: Path) -> None:
    text = bank(
        single("q1", "Which stage comes first?", ["Goal", "Will"], "Goal"),
        single("q2", "Which stage comes last?", ["Goal", "Will"], "Will").replace(
            "  level: apply\n", ""
        ),
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "level-missing") == [
        ("a.yml", line_of(text, "- id: q2"), 5)
    ]


def test_level_mix_warns_under_half_apply_or_analyse(tmp_path: Path) -> None:
    questions = [true_false(f"t{n}", f"Statement number {n}.", n % 2 == 0) for n in range(4)]
    questions[0] = questions[0].replace("level: recall", "level: apply")
    text = bank(*questions)
    found = lint(tmp_path, ("a.yml", text))
    assert warned(found, "level-mix") == [("a.yml", 3, 5)]
    assert (
        "levels: recall 3, understand 0, apply 1, analyse 0; apply or analyse: 1 of 4 (25 %), "
        "under 50 %"
    ) in str(found)


def test_level_mix_is_information_at_half(tmp_path: Path) -> None:
    questions = [true_false(f"t{n}", f"Statement number {n}.", n % 2 == 0) for n in range(4)]
    questions[0] = questions[0].replace("level: recall", "level: apply")
    questions[1] = questions[1].replace("level: recall", "level: analyse")
    found = lint(tmp_path, ("a.yml", bank(*questions)))
    assert warned(found, "level-mix") == []
    info = [str(f) for f in found if f.rule == "level-mix"]
    assert info == [
        "quizzes/a.yml:3:5: info: [level-mix] levels: recall 2, understand 0, apply 1, "
        "analyse 1; apply or analyse: 2 of 4 (50 %)"
    ]


def test_the_level_does_not_change_the_fingerprint() -> None:
    plain = TrueFalse(id="t", type="true-false", text="x", answer=True)
    levelled = TrueFalse(id="t", type="true-false", text="x", answer=True, level="apply")
    assert plain.fingerprint() == levelled.fingerprint()


# key-longest-share ------------------------------------------------------------------------


def _four_singles(longest: int) -> str:
    """Return four single-choice questions, the answer the longest option in `longest`.

    The answers take each position once, and no option is much shorter than another.
    """
    questions = []
    for n in range(4):
        if n < longest:
            options = ["Yes, usually", "No, rarely", "Now and then"]
            answer = "It depends on the learner"
        else:
            options = ["Yes, usually", "No, rarely", "It depends on the learner"]
            answer = "Now and then"
        options.insert(n, answer)
        questions.append(single(f"q{n}", f"Question number {n}?", options, answer))
    return bank(*questions)


def test_key_longest_share_warns_over_thirty_percent(tmp_path: Path) -> None:
    found = lint(tmp_path, ("a.yml", _four_singles(2)))
    assert warned(found, "key-longest-share") == [("a.yml", 3, 5)]
    assert "longest option in 2 of 4 single-choice questions (50 %), over 30 %" in str(found)


def test_key_longest_share_at_a_quarter_is_information(tmp_path: Path) -> None:
    found = lint(tmp_path, ("a.yml", _four_singles(1)))
    assert warned(found, "key-longest-share") == []
    assert [f.severity for f in found if f.rule == "key-longest-share"] == ["info"]


def test_thresholds_from_the_options_change_the_outcome(tmp_path: Path) -> None:
    text = _four_singles(2)
    assert warned(lint(tmp_path, ("a.yml", text)), "key-longest-share")
    assert not warned(lint(tmp_path, ("a.yml", text), key_longest_share=50), "key-longest-share")
    assert warned(lint(tmp_path, ("a.yml", text)), "key-longest")
    assert not warned(lint(tmp_path, ("a.yml", text), ignore=["key-longest"]), "key-longest")


# absolute-false and true-false-balance ----------------------------------------------------


def test_absolute_true_false_statements_nearly_all_false(tmp_path: Path) -> None:
    statements = [
        ("A mentor must always give advice.", False),
        ("Coaching never involves questions.", False),
        ("Only managers can mentor.", False),
        ("Every session needs a goal.", False),
        ("Rapport helps learning.", True),
        ("Feedback should be specific.", True),
    ]
    trips = bank(
        *(true_false(f"t{n}", text, answer) for n, (text, answer) in enumerate(statements))
    )
    statements[3] = ("Every session needs a goal.", True)
    passes = bank(
        *(true_false(f"t{n}", text, answer) for n, (text, answer) in enumerate(statements))
    )
    found = lint(tmp_path, ("a.yml", trips))
    assert warned(found, "absolute-false") == [("a.yml", 3, 5)]
    assert "4 of the 4 true/false statements with an absolute word" in str(found)
    assert warned(lint(tmp_path, ("a.yml", passes)), "absolute-false") == []


def test_true_false_balance(tmp_path: Path) -> None:
    trips = bank(*(true_false(f"t{n}", f"Statement number {n}.", True) for n in range(4)))
    passes = bank(*(true_false(f"t{n}", f"Statement number {n}.", n < 2) for n in range(4)))
    found = lint(tmp_path, ("a.yml", trips))
    assert warned(found, "true-false-balance") == [("a.yml", 3, 5)]
    assert "4 of the 4 true/false statements are true (100 %)" in str(found)
    assert warned(lint(tmp_path, ("a.yml", passes)), "true-false-balance") == []


def test_true_false_balance_needs_enough_questions(tmp_path: Path) -> None:
    text = bank(*(true_false(f"t{n}", f"Statement number {n}.", True) for n in range(3)))
    assert warned(lint(tmp_path, ("a.yml", text)), "true-false-balance") == []
    assert warned(lint(tmp_path, ("a.yml", text), min_questions=3), "true-false-balance")


# key-position -----------------------------------------------------------------------------


def _positions(*keys: int, shuffle: str = "false") -> str:
    options = ["Alpha", "Bravo", "Charlie", "Delta"]
    return bank(
        *(
            single(f"q{n}", f"Question number {n}?", options, options[key], shuffle=shuffle)
            for n, key in enumerate(keys)
        )
    )


def test_key_position_warns_when_answers_cluster(tmp_path: Path) -> None:
    found = lint(tmp_path, ("a.yml", _positions(0, 0, 0, 3)))
    assert warned(found, "key-position") == [("a.yml", 3, 5)]
    assert "the answer is the 1st option in 3 of 4 single-choice questions (75 %" in str(found)


def test_key_position_passes_answers_spread_out(tmp_path: Path) -> None:
    assert warned(lint(tmp_path, ("a.yml", _positions(0, 1, 2, 3))), "key-position") == []


def test_key_position_passes_options_that_are_shuffled(tmp_path: Path) -> None:
    found = lint(tmp_path, ("a.yml", _positions(0, 0, 0, 3, shuffle="true")))
    assert warned(found, "key-position") == []


# near-duplicate ---------------------------------------------------------------------------


def test_near_duplicate_stems_across_two_banks_name_both_places(tmp_path: Path) -> None:
    first = bank(
        single("a1", "Which stage comes first?", ["Goal", "Will"], "Goal"),
        single(
            "a2",
            "A learner tells you about money worries. Where do you refer them?",
            ["Debt advice", "Payroll"],
            "Debt advice",
        ),
        bank_id="first",
    )
    second = bank(
        single(
            "b1",
            "A learner tells you about money worries; where should you refer them?",
            ["Debt advice", "Payroll"],
            "Debt advice",
        ),
        bank_id="second",
    )
    found = lint(tmp_path, ("a.yml", first), ("b.yml", second))
    assert warned(found, "near-duplicate") == [("b.yml", 6, 5)]
    message = next(f.message for f in found if f.rule == "near-duplicate")
    where = f"quizzes/a.yml:{line_of(first, '- id: a2')}:5"
    assert message.startswith(f"question 'b1' reads like question 'a2' at {where} (100 % of")


def test_near_duplicates_within_a_bank(tmp_path: Path) -> None:
    text = bank(
        true_false("t1", "Confidentiality in mentoring is absolute.", False),
        true_false("t2", "Confidentiality in mentoring is always absolute.", False),
        true_false("t3", "Rapport grows from listening.", True),
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "near-duplicate") == [
        ("a.yml", line_of(text, "- id: t2"), 5)
    ]


def test_different_stems_are_not_near_duplicates(tmp_path: Path) -> None:
    text = bank(
        true_false("t1", "Confidentiality in mentoring is absolute.", False),
        true_false("t2", "A learning contract records agreed goals.", True),
    )
    assert warned(lint(tmp_path, ("a.yml", text)), "near-duplicate") == []


def test_matching_questions_are_compared_with_their_pairs(tmp_path: Path) -> None:
    def matching(qid: str, pairs: list[tuple[str, str]]) -> str:
        lines = [f"- id: {qid}", "  type: matching", "  level: understand"]
        lines += ["  text: Match these principles to what they mean.", "  pairs:"]
        for item, match in pairs:
            lines += [f"    - item: {item}", f"      match: {match}"]
        return "\n".join(lines)

    first = [("Learning agreement", "Ground rules"), ("Peer support", "Colleagues help")]
    second = [("Experimenting", "Taking safe risks"), ("Self-direction", "Growing charge")]
    different = bank(matching("m1", first), matching("m2", second))
    same = bank(matching("m1", first), matching("m2", first))
    assert warned(lint(tmp_path, ("a.yml", different)), "near-duplicate") == []
    assert warned(lint(tmp_path, ("a.yml", same)), "near-duplicate") == [
        ("a.yml", line_of(same, "- id: m2"), 5)
    ]


def test_prefix_filtering_finds_the_same_pairs_as_comparing_all() -> None:
    chance = random.Random(10)
    vocabulary = [f"w{n}" for n in range(40)]
    sets = [frozenset(chance.sample(vocabulary, chance.randint(3, 9))) for _ in range(300)]
    sets += sets[:20]  # exact duplicates too
    for threshold in (0.3, 0.5, 0.6, 0.8, 1.0):
        expected = [
            (i, j, len(a & b) / len(a | b))
            for i, a in enumerate(sets)
            for j, b in enumerate(sets)
            if i < j and len(a & b) / len(a | b) >= threshold
        ]
        assert similar_pairs(sets, threshold) == expected


def _compared_one_by_one(texts: list[str], threshold: int) -> list[tuple[int, list, int]]:
    """Return, for each text like earlier ones, its index, the (up to) three most alike
    earlier ones as `(index, similarity)` and how many there are, comparing every pair."""
    words = [content_stems(text, DEFAULTS.min_word_length) for text in texts]
    kept = [index for index, found in enumerate(words) if len(found) >= 3]
    group = {words[index]: number for number, index in reversed(list(enumerate(kept)))}
    expected = []
    for place, index in enumerate(kept):
        alike = []
        for earlier in kept[:place]:
            shared = len(words[index] & words[earlier])
            similarity = shared / len(words[index] | words[earlier])
            if shared and similarity >= max(threshold / 100, 1e-9) - 1e-9:
                alike.append((-similarity, group[words[earlier]], earlier))
        if alike:
            shown = [(earlier, -similarity) for similarity, _, earlier in sorted(alike)[:3]]
            expected.append((index, shown, len(alike)))
    return expected


def test_near_duplicates_are_those_of_comparing_every_pair(tmp_path: Path) -> None:
    # Texts made from a few words, as templates make them: some with words of their own (a
    # case number), some written twice; across two banks, at several thresholds.
    chance = random.Random(16)
    vocabulary = ["rapport", "feedback", "goals", "listening", "review"]
    texts: list[str] = []
    for number in range(160):
        if texts and chance.random() < 0.3:
            texts.append(chance.choice(texts))
            continue
        own = [str(1000 + 10 * number + extra) for extra in range(chance.randint(0, 2))]
        texts.append(" ".join(chance.sample(vocabulary, chance.randint(2, 4)) + own))
    halves = {"a.yml": range(80), "b.yml": range(80, 160)}
    files = {
        name: bank(*(true_false(f"q{i}", texts[i], True) for i in numbers), bank_id=name[0])
        for name, numbers in halves.items()
    }
    place = {
        i: f"quizzes/{name}:{line_of(files[name], f'- id: q{i}')}:5"
        for name, numbers in halves.items()
        for i in numbers
    }
    for threshold in (0, 40, 50, 60, 75, 100):
        found = lint(tmp_path, *files.items(), near_duplicate_similarity=threshold)
        reported = [str(f) for f in found if f.rule == "near-duplicate"]
        expected = []
        for index, alike, count in _compared_one_by_one(texts, threshold):
            named = ", ".join(
                f"question 'q{earlier}' at {place[earlier]} ({round(100 * similarity)} % of the "
                "content words shared)"
                for earlier, similarity in alike
            )
            more = f" and {count - len(alike)} more" if count > len(alike) else ""
            expected.append(
                f"{place[index]}: warning: [near-duplicate] question 'q{index}' reads like "
                f"{named}{more}: if they test the same point in the same way, keep one; if not, "
                "make each text say what is different"
            )
        assert reported == expected


# the settings -----------------------------------------------------------------------------


def test_every_option_of_the_plugin_is_a_setting_with_the_same_default() -> None:
    config = LintConfig()
    config.load_dict({})
    failed, _ = config.validate()
    assert failed == []
    options = {key: value for key, value in config.items() if key not in ("enabled", "strict")}
    assert set(options) == set(LintSettings.model_fields)
    assert load_settings(dict(config)) == DEFAULTS


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"key_longest_share": 130}, "lint: key_longest_share: input should be less than or "),
        ({"ignore": ["key-shortest"]}, "lint: ignore names unknown rules: key-shortest;"),
        ({"key_lenght_ratio": 2}, "lint: unknown option 'key_lenght_ratio'; expected one of:"),
        ({"strict": "yes"}, "lint: strict should be true or false"),
    ],
)
def test_bad_options_say_what_to_write(options: dict[str, object], message: str) -> None:
    with pytest.raises(LintConfigError, match="^" + message.replace("(", r"\(")):
        load_settings(options)


def test_the_options_are_read_from_mkdocs_yml_and_its_parent(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nsite_url: !ENV [SITE_URL, 'http://x/']\nplugins:\n  - search\n"
        "  - quizbank:\n      lint:\n        strict: true\n        key_longest_share: 50\n"
    )
    (tmp_path / "mkdocs.child.yml").write_text("INHERIT: mkdocs.yml\n")
    expected = {"strict": True, "key_longest_share": 50}
    assert lint_options(tmp_path / "mkdocs.yml") == expected
    assert lint_options(tmp_path / "mkdocs.child.yml") == expected


def test_every_rule_has_an_id_a_summary_and_a_test() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id
        assert rule.summary
        assert f'"{rule_id}"' in source, f"no test names {rule_id}"


def test_stemming_gives_word_forms_one_stem() -> None:
    assert {stem(word) for word in ("notes", "noted", "noting", "note")} == {"not"}
    assert stem("referring") == stem("refer")
    assert stem("studies") == stem("study")
    assert stem("process") == stem("processes")


# the command ------------------------------------------------------------------------------


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizbank", "lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def _write(tmp_path: Path, text: str) -> None:
    (tmp_path / "quizzes").mkdir(exist_ok=True)
    (tmp_path / "quizzes" / "a.yml").write_text(text, encoding="utf-8")


def test_the_command_prints_warnings_and_a_summary_and_exits_0(tmp_path: Path) -> None:
    text = bank(single("q1", "What does a mentor do?", ["Listen", "All of the above"], "Listen"))
    _write(tmp_path, text)
    result = run(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    line = line_of(text, "- text: All")
    assert result.stdout.splitlines() == [
        "quizzes/a.yml:3:5: info: [key-longest-share] the answer is the longest option in 0 of "
        "1 single-choice questions (0 %)",
        "quizzes/a.yml:3:5: info: [level-mix] levels: recall 0, understand 0, apply 1, "
        "analyse 0; apply or analyse: 1 of 1 (100 %)",
        f"quizzes/a.yml:{line}:9: warning: [all-none-above] option 'All of the above': a "
        "learner who spots two right options (or one wrong one) needs no more knowledge, and "
        "it reads wrongly once options are shuffled; write a plausible option instead, or ask "
        "a multiple-response question",
        "1 warning: all-none-above 1",
    ]
    assert run("--strict", cwd=tmp_path).returncode == 1


def test_strict_passes_a_clean_bank(tmp_path: Path) -> None:
    _write(tmp_path, bank(single("q1", "Which stage comes first?", ["Goal", "Will"], "Goal")))
    result = run("--strict", "quizzes", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "no warnings"


def test_strict_from_mkdocs_yml_and_thresholds_from_it(tmp_path: Path) -> None:
    _write(tmp_path, _four_singles(2))
    assert "[key-longest-share]" in run(cwd=tmp_path).stdout
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - quizbank:\n      lint:\n        strict: true\n"
        "        key_longest_share: 50\n        ignore: [key-longest]\n"
    )
    result = run(cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "warning: [key-longest" not in result.stdout
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - quizbank:\n      lint:\n        strict: true\n"
    )
    assert run(cwd=tmp_path).returncode == 1


def test_a_bank_that_does_not_load_is_an_error_without_a_traceback(tmp_path: Path) -> None:
    _write(tmp_path, "format: 1\nkind: quiz\nid: a\ntitle: A\nquestions:\n  - id: q\n")
    result = run(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("quizzes/a.yml:6:5: missing required field")
    assert result.stdout.splitlines()[-1].endswith("found")
    assert "Traceback" not in result.stderr


def test_bad_options_in_mkdocs_yml_are_an_error(tmp_path: Path) -> None:
    _write(tmp_path, _four_singles(0))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - quizbank:\n      lint:\n        key_longest_share: x\n"
    )
    result = run(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("quizbank: lint: key_longest_share: input should be")
    assert "Traceback" not in result.stderr


def test_the_rules_are_listed(tmp_path: Path) -> None:
    result = run("--rules", cwd=tmp_path)
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(RULES)
