"""The lint's thresholds, declared once with their defaults.

The plugin's `lint` options (config.py) take their defaults from here, and `quizbank lint`
reads the same options from mkdocs.yml, so the command and the build judge alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

Percent = Annotated[int, Field(ge=0, le=100)]
"""A whole percentage, 0 to 100."""

Ratio = Annotated[float, Field(gt=1)]
"""How many times as long one text is as another; more than 1."""


class LintSettings(BaseModel):
    """Thresholds of the item-writing rules, with the defaults `quizbank lint` uses."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, use_attribute_docstrings=True
    )

    ignore: tuple[str, ...] = ()
    """Rule ids not to check, such as `key-position` for a course whose pages shuffle
    options."""
    key_length_ratio: Ratio = 1.5
    """`key-longest`: the answer is clearly longer when at least this many times the average
    length of the wrong options."""
    key_longest_share: Percent = 30
    """`key-longest-share`: warn when the answer is the longest option in more than this
    percentage of a bank's single-choice questions."""
    short_distractor_ratio: Ratio = 3.0
    """`short-distractor`: a wrong option is implausibly short when the answer is at least
    this many times as long."""
    absolute_words: tuple[str, ...] = (
        "always",
        "never",
        "only",
        "all",
        "none",
        "every",
        "everyone",
        "everything",
        "nobody",
        "nothing",
        "must",
        "completely",
        "absolutely",
    )
    """`absolute-distractor`, `absolute-false`: the words that make a statement absolute."""
    absolute_false_share: Percent = 75
    """`absolute-false`: warn when more than this percentage of a bank's true/false
    statements with an absolute word are false."""
    true_false_share: Percent = 70
    """`true-false-balance`: warn when one answer is right in more than this percentage of a
    bank's true/false questions."""
    key_position_share: Percent = 40
    """`key-position`: warn when one position holds the answer in more than this percentage
    of a bank's single-choice questions whose options are not shuffled."""
    min_questions: Annotated[int, Field(ge=1)] = 4
    """The share rules (`key-longest-share`, `absolute-false`, `true-false-balance`,
    `key-position`) judge a bank only when it has at least this many questions of the kind
    they count."""
    applied_share: Percent = 50
    """`level-mix`: warn when fewer than this percentage of a bank's questions are at level
    `apply` or `analyse`."""
    near_duplicate_similarity: Percent = 60
    """`near-duplicate`: two question texts are near duplicates when at least this
    percentage of their distinct content words are shared (Jaccard similarity)."""
    near_duplicate_min_words: Annotated[int, Field(ge=1)] = 3
    """`near-duplicate`: texts with fewer content words than this are not compared."""
    min_word_length: Annotated[int, Field(ge=1)] = 4
    """`clang`, `near-duplicate`: shorter words are not content words."""

    @field_validator("absolute_words")
    @classmethod
    def _lower_case(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Compare absolute words as the rules read text: in lower case."""
        return tuple(word.lower() for word in value)


DEFAULTS = LintSettings()
"""The settings when nothing is configured."""


class LintConfigError(Exception):
    """Raised when the lint options are not valid; the message says what to write."""


def settings_from(options: dict[str, Any], known_rules: set[str]) -> LintSettings:
    """Return settings from the plugin's `lint` options (extra keys: `enabled`, `strict`)."""
    for switch in ("enabled", "strict"):
        if not isinstance(options.get(switch, False), bool):
            raise LintConfigError(f"lint: {switch} should be true or false")
    values = {key: value for key, value in options.items() if key not in ("enabled", "strict")}
    for key in ("ignore", "absolute_words"):
        if isinstance(values.get(key), list):
            values[key] = tuple(values[key])
    try:
        settings = LintSettings.model_validate(values)
    except ValidationError as failure:
        raise LintConfigError(
            "; ".join(map(_describe, failure.errors(include_url=False)))
        ) from None
    unknown = sorted(set(settings.ignore) - known_rules)
    if unknown:
        raise LintConfigError(
            f"lint: ignore names unknown rules: {', '.join(unknown)}; the rules are: "
            f"{', '.join(sorted(known_rules))}"
        )
    return settings


def _describe(error: ErrorDetails) -> str:
    """Say what is wrong with one option, and what it should be."""
    name = ".".join(str(step) for step in error["loc"])
    if error["type"] == "extra_forbidden":
        known = ", ".join(["enabled", "strict", *LintSettings.model_fields])
        return f"lint: unknown option {name!r}; expected one of: {known}"
    return f"lint: {name}: {error['msg'].lower()}, found {error.get('input')!r}"


class _ConfigLoader(yaml.SafeLoader):
    """YAML's safe loader that reads MkDocs' tags (`!ENV`, `!!python/name:`) as nothing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def lint_options(config_file: Path, plugin: str = "quizbank") -> dict[str, Any]:
    """Return the plugin's `lint` options from an mkdocs.yml, or {} when it sets none.

    A file without `plugins` follows its `INHERIT`, as MkDocs does.
    """
    seen: set[Path] = set()
    while config_file.resolve() not in seen:
        seen.add(config_file.resolve())
        try:
            data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise LintConfigError(f"cannot read {config_file}: {error}") from None
        if not isinstance(data, dict):
            return {}
        if "plugins" not in data and isinstance(data.get("INHERIT"), str):
            config_file = config_file.parent / data["INHERIT"]
            continue
        return _plugin_lint(data.get("plugins"), plugin, config_file)
    return {}


def _plugin_lint(plugins: object, name: str, config_file: Path) -> dict[str, Any]:
    """Find the plugin's `lint` mapping in MkDocs' `plugins` (a list or a mapping)."""
    entries = plugins.items() if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        entries = [next(iter(e.items())) for e in plugins if isinstance(e, dict) and len(e) == 1]
    for key, options in entries:
        if key == name and isinstance(options, dict):
            lint = options.get("lint", {})
            if not isinstance(lint, dict):
                raise LintConfigError(
                    f"{config_file}: the {name} plugin's 'lint' should be a mapping of options"
                )
            return lint
    return {}
