"""The goals and budgets the issues set, checked against a run's figures.

`goals` are issue 16's table (build and page cost near the floor), each taken as that issue
takes it: CPU-time medians of interleaved runs, and ratios within one run. `verdicts` are the
standing budgets of the earlier work (page weight, start-up in the browser, Lighthouse).
"""

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
"""Issue 12: 12 KB with its features and the learner path's in (10 KB before them): what every
page loads. The questions script (pages with questions) and the page script (the pages that
need it) are reported apart, and what a page with questions loads in all beside it."""
LINEAR_RATIO = 1.5
"""Growth counts as linear when the time per extra question from 1,000 to 10,000 questions is
at most this many times the time per extra question from 100 to 1,000."""
INTERACTIVE_MS = 30.0
LIGHTHOUSE_GOAL = 100

COURSE_RATIO = 1.10
"""Course build over the same pages without blocks, CPU time."""
SYNTHETIC_SECONDS = 3.0
"""CPU seconds to build 10,000 questions over 100 pages."""
SERVE_SECONDS = 1.0
"""Seconds from saving a page or a bank to `mkdocs serve` showing it."""
QUESTION_BYTES = 1800
"""HTML a question adds to a page, raw."""
SEARCH_INDEX_BYTES = 320 * 1000
"""The site's search index, raw (the issue counts KB of 1,000 bytes)."""
SHOW_RESULT_MS = 5.0
"""The self-assessment's "Show my result" click, with 50 attempts in its history."""


def _get(figures: dict[str, Any], *path: str) -> Any:
    value: Any = figures
    for step in path:
        if not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    return value


def _serve_verdict(
    figures: dict[str, Any], name: str, mode: str, kinds: tuple[str, ...]
) -> Verdict:
    """Judge edits under `mkdocs serve` (or `--dirty`): shown, and within the goal."""
    serve = _get(figures, "serve", mode)
    if serve is None:
        return Verdict(name, f"≤ {SERVE_SECONDS:.0f} s", "–", None)
    parts, met = [], True
    for kind in kinds:
        edit = serve[kind]
        if edit["shown"] < edit["trials"]:
            met = False
        if edit["median_s"] is None:
            parts.append(f"{kind} edit never shown (0 of {edit['trials']})")
            continue
        met = met and edit["median_s"] <= SERVE_SECONDS
        shown = "" if edit["shown"] == edit["trials"] else f", shown {edit['shown']} of "
        shown += f"{edit['trials']}" if shown else ""
        parts.append(
            f"{kind} edit {edit['median_s']:.2f} s (rebuild CPU {edit['median_cpu_s']:.2f} s"
            f"{shown})"
        )
    plain = _get(figures, "serve", "plain", "page")
    if mode == "serve" and plain and plain["median_s"] is not None:
        parts.append(
            f"without the engine: page edit {plain['median_s']:.2f} s "
            f"(CPU {plain['median_cpu_s']:.2f} s)"
        )
    budget = f"{'shown, ' if mode == 'dirty' else ''}≤ {SERVE_SECONDS:.0f} s"
    return Verdict(name, budget, "; ".join(parts), met)


def goals(figures: dict[str, Any]) -> list[Verdict]:
    """Return issue 16's goals with their verdicts for a run's figures."""
    out: list[Verdict] = []
    build = _get(figures, "build")
    out.append(
        Verdict(
            "Course build / same pages without blocks (CPU)",
            f"≤ {COURSE_RATIO:.2f}×",
            "–"
            if build is None
            else f"{build['cpu_ratio']:.2f}× ({build['course']['median_cpu_s']:.2f} s / "
            f"{build['plain']['median_cpu_s']:.2f} s; wall {build['ratio']:.2f}×)",
            None if build is None else build["cpu_ratio"] <= COURSE_RATIO,
        )
    )
    largest = _get(figures, "synthetic", "sizes", "10000")
    out.append(
        Verdict(
            "10,000 questions over 100 pages (CPU)",
            f"≤ {SYNTHETIC_SECONDS:.0f} s",
            "–"
            if largest is None
            else f"{largest['median_cpu_s']:.2f} s ({largest['engine_cpu_ms_per_question']:.3f} "
            f"ms a question over the plain pages; wall {largest['median_s']:.2f} s)"
            + _without_lint(figures),
            None if largest is None else largest["median_cpu_s"] <= SYNTHETIC_SECONDS,
        )
    )
    out.append(
        _serve_verdict(
            figures, "`mkdocs serve`: a page or bank edit visible", "serve", ("page", "bank")
        )
    )
    out.append(_serve_verdict(figures, "`mkdocs serve --dirty`: a bank edit", "dirty", ("bank",)))
    question = _get(figures, "weight", "per_question")
    out.append(
        Verdict(
            "HTML per question",
            f"≤ {QUESTION_BYTES:,} B raw",
            "–" if question is None else f"{question['raw']:,} B raw / {question['gzip']:,} B gz",
            None if question is None else question["raw"] <= QUESTION_BYTES,
        )
    )
    index = _get(figures, "weight", "search_index")
    out.append(
        Verdict(
            "Site search index",
            f"≤ {SEARCH_INDEX_BYTES / 1000:.0f} KB",
            "–"
            if index is None
            else f"{index['quizbank']['raw'] / 1000:.0f} KB (without the engine: "
            f"{index['plain']['raw'] / 1000:.0f} KB)",
            None if index is None else index["quizbank"]["raw"] <= SEARCH_INDEX_BYTES,
        )
    )
    click = _get(figures, "browser", "scoring", "cpu_x1")
    out.append(
        Verdict(
            'Self-assessment "Show my result" at 50 rows',
            f"≤ {SHOW_RESULT_MS:.0f} ms",
            "–" if click is None else f"{click['click_ms']:.2f} ms",
            None if click is None else click["click_ms"] <= SHOW_RESULT_MS,
        )
    )
    return out


def verdicts(figures: dict[str, Any]) -> list[Verdict]:
    """Return every standing budget with its verdict for a run's figures."""
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
            "Shared JS + CSS (what every page loads), gzipped",
            f"≤ {ASSETS_GZIP_BYTES:,} B",
            "–" if assets is None else f"{assets:,} B",
            None if assets is None else assets <= ASSETS_GZIP_BYTES,
        )
    )
    questions = _get(figures, "weight", "engines", "quizbank", "assets", "questions_script", "gzip")
    out.append(
        Verdict(
            "JS + CSS a page with questions loads (shared + questions script), gzipped",
            "for information",
            "–" if assets is None or questions is None else f"{assets + questions:,} B",
            None,
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


def _without_lint(figures: dict[str, Any]) -> str:
    """Say what the largest synthetic build takes with the item-writing checks off."""
    unlinted = _get(figures, "synthetic", "without_lint")
    if unlinted is None:
        return ""
    return (
        f"; {unlinted['quizbank']['median_cpu_s']:.2f} s with the item-writing checks off "
        f"(they take {unlinted['lint_cpu_s']:.2f} s on these generated texts)"
    )
