"""The budgets the issue sets, checked against a run's figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Verdict:
    """One budget, the figure measured against it, and whether it is met."""

    name: str
    budget: str
    measured: str
    met: bool | None
    """None when the figure was not measured in this run."""


QUIZLESS_BYTES = 300
ASSETS_GZIP_BYTES = 12 * 1024
"""Issue 12: 12 KB with its features and the learner path's in (10 KB before them). The page
script, which only the review, record and data pages load, is reported apart."""
COURSE_RATIO = 1.05
SYNTHETIC_SECONDS = 10.0
LINEAR_RATIO = 1.5
"""Growth counts as linear when the time per extra question from 1,000 to 10,000 questions is
at most this many times the time per extra question from 100 to 1,000."""
INTERACTIVE_MS = 30.0
SCORING_MS = 5.0
LIGHTHOUSE_GOAL = 100


def _get(figures: dict[str, Any], *path: str) -> Any:
    value: Any = figures
    for step in path:
        if not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    return value


def verdicts(figures: dict[str, Any]) -> list[Verdict]:
    """Return every budget with its verdict for a run's figures."""
    out: list[Verdict] = []

    quizless = _get(figures, "weight", "engines", "quizbank", "quizless_page_max", "raw")
    out.append(
        Verdict(
            "HTML added to a page without quizzes",
            f"≤ {QUIZLESS_BYTES} B",
            "–" if quizless is None else f"{quizless} B",
            None if quizless is None else quizless <= QUIZLESS_BYTES,
        )
    )
    assets = _get(figures, "weight", "engines", "quizbank", "assets", "gzip")
    out.append(
        Verdict(
            "Shared JS + CSS, gzipped",
            f"≤ {ASSETS_GZIP_BYTES:,} B",
            "–" if assets is None else f"{assets:,} B",
            None if assets is None else assets <= ASSETS_GZIP_BYTES,
        )
    )
    ratio = _get(figures, "build", "ratio")
    out.append(
        Verdict(
            "Course build time / same pages without blocks",
            f"≤ {COURSE_RATIO}",
            "–" if ratio is None else f"{ratio:.2f}",
            None if ratio is None else ratio <= COURSE_RATIO,
        )
    )
    largest = _get(figures, "synthetic", "sizes", "10000", "median_s")
    cpu = _get(figures, "synthetic", "sizes", "10000", "median_cpu_s")
    out.append(
        Verdict(
            "Build of 10,000 questions over 100 pages",
            f"≤ {SYNTHETIC_SECONDS:.0f} s",
            "–" if largest is None else f"{largest:.2f} s (CPU {cpu:.2f} s)",
            None if largest is None else largest <= SYNTHETIC_SECONDS,
        )
    )
    marginal = _get(figures, "synthetic", "marginal_cpu_ratio")
    out.append(
        Verdict(
            "Build time grows linearly (CPU per extra question, 1k→10k / 100→1k)",
            f"≤ {LINEAR_RATIO}×",
            "–" if marginal is None else f"{marginal:.2f}×",
            None if marginal is None else marginal <= LINEAR_RATIO,
        )
    )
    ready = _get(figures, "browser", "interactive", "cpu_x1", "dcl_to_ready_ms")
    out.append(
        Verdict(
            "DOMContentLoaded → 100 questions interactive",
            f"≤ {INTERACTIVE_MS:.0f} ms",
            "–" if ready is None else f"{ready:+.1f} ms",
            None if ready is None else ready <= INTERACTIVE_MS,
        )
    )
    scoring = _get(figures, "browser", "scoring", "cpu_x1", "click_ms")
    out.append(
        Verdict(
            "Score the 23-item self-assessment",
            f"≤ {SCORING_MS:.0f} ms",
            "–" if scoring is None else f"{scoring:.2f} ms",
            None if scoring is None else scoring <= SCORING_MS,
        )
    )
    pages = _get(figures, "lighthouse", "sites", "quizbank", "pages") or {}
    for name in ("performance", "accessibility"):
        scores = {page: data[name] for page, data in pages.items()}
        shown = ", ".join(f"{page} {score}" for page, score in scores.items()) or "–"
        out.append(
            Verdict(
                f"Lighthouse {name} (goal)",
                f"{LIGHTHOUSE_GOAL}",
                shown,
                None if not scores else all(s >= LIGHTHOUSE_GOAL for s in scores.values()),
            )
        )
    return out
