"""`quizbank lint`: the item-writing checks on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..catalog import load_catalog
from ..problems import format_problems
from . import RULES, LintConfigError, lint_catalog, lint_options, load_settings, summary

DESCRIPTION = (
    "Check quiz banks against item-writing guidelines: cues that give answers away (the "
    "longest option, absolute words, repeated words), weak options and stems, missing "
    "feedback, balance, near-duplicate questions and the mix of cognitive levels. Prints "
    "each finding as path:line:col: warning: [rule] message, then a count per rule. "
    "Thresholds come from the quizbank plugin's 'lint' options in mkdocs.yml. With no paths, "
    "lints quizzes/. Exits 0, or 1 with --strict (or 'lint: {strict: true}') when there are "
    "warnings; a bank that does not load is an error (exit 1)."
)


def add_parser(commands: Any) -> None:
    """Add the `lint` command to the command line's subcommands."""
    parser = commands.add_parser(
        "lint", help="check banks against item-writing guidelines", description=DESCRIPTION
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="BANK_PATH")
    parser.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="the mkdocs.yml whose quizbank 'lint' options to use (default: ./mkdocs.yml, "
        "when there is one)",
    )
    parser.add_argument("--rules", action="store_true", help="list the rules and exit")


def run(args: argparse.Namespace) -> int:
    """Lint the banks named on the command line; return the exit status."""
    if args.rules:
        width = max(len(rule_id) for rule_id in RULES)
        for rule in RULES.values():
            print(f"{rule.id:<{width}}  {rule.summary}")
        return 0
    config: Path | None = args.config
    if config is None and Path("mkdocs.yml").is_file():
        config = Path("mkdocs.yml")
    try:
        if config is not None and not config.is_file():
            raise LintConfigError(f"no such configuration file: {config}")
        options = lint_options(config) if config is not None else {}
        settings = load_settings(options)
    except LintConfigError as error:
        print(f"quizbank: {error}", file=sys.stderr)
        return 2
    paths: list[Path] = args.paths or [Path("quizzes")]
    catalog = load_catalog(paths, keep_sources=True)
    if catalog.problems:
        print(format_problems(catalog.problems))
        return 1
    if not catalog.banks:
        print(
            f"quizbank: no banks found in {', '.join(p.as_posix() for p in paths)}",
            file=sys.stderr,
        )
        return 1
    findings = lint_catalog(catalog, settings)
    for finding in findings:
        print(finding)
    print(summary(findings))
    strict = args.strict or options.get("strict") is True
    warned = any(finding.severity == "warning" for finding in findings)
    return 1 if strict and warned else 0
