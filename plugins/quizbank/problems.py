"""Problems found in banks and pages, reported as `path:line:col: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix, with where it is.

    Lines and columns count from 1, as editors show them.
    """

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class BankError(Exception):
    """Raised when banks cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """Return the problems one a line, with a closing count."""
    lines = [str(problem) for problem in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found")
    return "\n".join(lines)
