"""What the lint reports: findings placed in a bank file, and the hits rules yield."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .. import model
from ..problems import Problem
from ..yamlsource import Location, Source

Severity = Literal["warning", "info"]
"""`warning`: something to fix. `info`: a figure to know, such as a bank's mix of levels."""


@dataclass(frozen=True, order=True)
class Finding(Problem):
    """One thing the lint found: where it is in a bank file, the rule, how much it matters."""

    rule: str = ""
    severity: Severity = "warning"

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: [{self.rule}] {self.message}"
        )


@dataclass(frozen=True)
class Hit:
    """What a rule found, placed relative to the question or bank it was given."""

    location: Location
    message: str
    severity: Severity = "warning"


@dataclass(frozen=True)
class LintBank:
    """A quiz bank with the file it came from, which knows where every value is."""

    bank: model.QuizBank
    source: Source

    def finding(self, rule: str, location: Location, message: str, severity: Severity) -> Finding:
        """Return a finding placed at a location in this bank's file."""
        line, column = self.source.at(location)
        return Finding(self.source.path, line, column, message, rule, severity)
