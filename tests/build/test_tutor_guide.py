"""The tutors' guide, followed literally: its sample output is what the command prints.

The sample of `quizbank check` in docs/tutors/question-banks.md sits between two markers.
This test runs the checker on the course as the guide does and fails when the sample has
drifted; to bring the guide up to date, run::

    .venv/bin/python -m tests.build.test_tutor_guide
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "tutors" / "question-banks.md"
COMMAND = ".venv/bin/quizbank check"
_SAMPLE = re.compile(
    r"(?P<start><!-- quizbank-check-sample:[^\n]*-->\n)(?P<body>.*?)"
    r"(?P<end><!-- /quizbank-check-sample -->)",
    re.DOTALL,
)


def check_output() -> str:
    """Return what `quizbank check` prints on the course, run from its folder."""
    result = subprocess.run(
        [sys.executable, "-m", "quizbank", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def sample(output: str) -> str:
    """Return the guide's sample block for the checker's output."""
    return f"```console\n$ {COMMAND}\n{output.rstrip()}\n```\n"


def with_sample(guide: str, output: str) -> str:
    """Return the guide with its sample replaced."""
    found = _SAMPLE.search(guide)
    assert found, f"{GUIDE}: the quizbank-check-sample markers are missing"
    return guide[: found.start("body")] + sample(output) + guide[found.end("body") :]


def test_the_guide_shows_what_the_checker_prints() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert guide == with_sample(guide, check_output()), (
        "docs/tutors/question-banks.md shows a stale sample of 'quizbank check'; "
        "run: .venv/bin/python -m tests.build.test_tutor_guide"
    )


def test_the_guide_says_to_list_a_new_page_in_nav_and_check_in_a_second_terminal() -> None:
    steps = (ROOT / "docs" / "tutors" / "index.md").read_text(encoding="utf-8")
    assert "list the page in `nav:` in `mkdocs.yml`" in steps
    assert "second terminal" in steps
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - Practice quizzes:\n          - practice/index.md\n" in nav  # as the guide shows


def main() -> None:
    """Write the checker's current output into the guide."""
    guide = GUIDE.read_text(encoding="utf-8")
    GUIDE.write_text(with_sample(guide, check_output()), encoding="utf-8")
    print(f"wrote the sample into {Path(GUIDE).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
