"""The plugin's options, as written under `plugins: - quizbank:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .lint.settings import DEFAULTS


class LintConfig(Config):
    """The `lint` options: the item-writing checks run on every build and by `quizbank lint`.

    Each threshold's default is declared once, in `quizbank.lint.settings.LintSettings`.
    """

    enabled = c.Type(bool, default=True)
    """Run the checks on every build (`quizbank lint` runs them whatever this says)."""
    strict = c.Type(bool, default=False)
    """Report the checks' warnings as warnings, so that `mkdocs build --strict` and
    `quizbank lint` fail on them. By default the build logs them as information."""
    ignore = c.ListOfItems(c.Type(str), default=list(DEFAULTS.ignore))
    """Rule ids not to check, such as `key-position` when every page shuffles options."""
    key_length_ratio = c.Type((int, float), default=DEFAULTS.key_length_ratio)
    """`key-longest`: the answer is clearly longer than the wrong options when it is at
    least this many times their average length."""
    key_longest_share = c.Type(int, default=DEFAULTS.key_longest_share)
    """`key-longest-share`: warn when the answer is the longest option in more than this
    percentage of a bank's single-choice questions."""
    short_distractor_ratio = c.Type((int, float), default=DEFAULTS.short_distractor_ratio)
    """`short-distractor`: a wrong option is implausibly short when the answer is at least
    this many times as long."""
    absolute_words = c.ListOfItems(c.Type(str), default=list(DEFAULTS.absolute_words))
    """`absolute-distractor`, `absolute-false`: the words that make a statement absolute
    (lower case)."""
    absolute_false_share = c.Type(int, default=DEFAULTS.absolute_false_share)
    """`absolute-false`: warn when more than this percentage of a bank's true/false
    statements with an absolute word are false."""
    true_false_share = c.Type(int, default=DEFAULTS.true_false_share)
    """`true-false-balance`: warn when one answer is right in more than this percentage of a
    bank's true/false questions."""
    key_position_share = c.Type(int, default=DEFAULTS.key_position_share)
    """`key-position`: warn when one position holds the answer in more than this percentage
    of a bank's single-choice questions whose options are not shuffled."""
    min_questions = c.Type(int, default=DEFAULTS.min_questions)
    """The bank rules that count shares judge a bank only when it has at least this many
    questions of the kind they count."""
    applied_share = c.Type(int, default=DEFAULTS.applied_share)
    """`level-mix`: warn when fewer than this percentage of a bank's questions are at level
    `apply` or `analyse`."""
    near_duplicate_similarity = c.Type(int, default=DEFAULTS.near_duplicate_similarity)
    """`near-duplicate`: two question texts are near duplicates when at least this
    percentage of their distinct content words are shared."""
    near_duplicate_min_words = c.Type(int, default=DEFAULTS.near_duplicate_min_words)
    """`near-duplicate`: texts with fewer content words than this are not compared."""
    min_word_length = c.Type(int, default=DEFAULTS.min_word_length)
    """`clang`, `near-duplicate`: shorter words are not content words."""


class QuizbankConfig(Config):
    """Options of the quizbank plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from the configuration."""
    banks = c.Type(str, default="quizzes")
    """Folder of question banks, relative to mkdocs.yml."""
    course_id = c.Optional(c.Type(str))
    """The course's id: lower-case letters, digits and single hyphens, at most 64. The files
    learners export from the data page carry it, and an import takes only a file of this course,
    wherever either copy is served from. By default it comes from `site_name` ("First Aid
    at Work" gives `first-aid-at-work`); set it so that renaming the course keeps the
    files learners have already exported."""
    csp = c.Type(bool, default=True)
    """After each build, work out a Content-Security-Policy the site works under (with the
    hashes of the theme's inline scripts) and write it, with server snippets, to `csp_dir`."""
    csp_dir = c.Type(str, default=".hosting")
    """Folder of the built site the policy and snippets go to. A dot folder: MkDocs keeps it
    out of the pages, and the server snippets refuse to serve it."""
    csp_frame_ancestors = c.ListOfItems(c.Type(str), default=["'self'"])
    """Who may show the course in a frame (`frame-ancestors`): `'self'`, `'none'`, or origins
    such as `https://lms.example.org` for an LMS that plays the course as a SCORM package."""
    lint = c.SubConfig(LintConfig)
    """The item-writing checks (`quizbank lint`): whether the build runs them, whether their
    warnings fail `mkdocs build --strict`, and their thresholds."""
