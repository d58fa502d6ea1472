"""Build time: the real course against itself without the engine, and synthetic banks by size.

Every build is a whole `mkdocs build --strict` process, the wait a tutor sees. Builds of the
variants being compared are interleaved (A, B, A, B, …) so that load from other processes
falls on both alike; each figure is the median of the repetitions, and ratios are taken
between medians measured in the same run. One warm-up build of each variant comes first and
is not counted (it fills the file cache and writes the bytecode).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import BuildRun, median, mkdocs_build
from .sites import copy_course, minimal_site
from .synthetic import spread_course

SIZES = (100, 1_000, 10_000)
PAGES = 100


def _interleaved(
    configs: dict[str, Path], workdir: Path, repeat: int, progress: Callable[[str], None]
) -> dict[str, list[BuildRun]]:
    """Build each config `repeat` times, round robin, after one uncounted warm-up each."""
    runs: dict[str, list[BuildRun]] = {name: [] for name in configs}
    for name, config in configs.items():
        mkdocs_build(config, workdir / f"out-{name}", strict=True)
    for round_number in range(1, repeat + 1):
        for name, config in configs.items():
            run = mkdocs_build(config, workdir / f"out-{name}", strict=True)
            runs[name].append(run)
            progress(f"build {name} round {round_number}/{repeat}: {run.seconds:.2f} s")
    return runs


def _summary(runs: list[BuildRun]) -> dict[str, Any]:
    return {
        "seconds": [round(run.seconds, 3) for run in runs],
        "median_s": round(median([run.seconds for run in runs]), 3),
        "cpu_seconds": [round(run.cpu_seconds, 3) for run in runs],
        "median_cpu_s": round(median([run.cpu_seconds for run in runs]), 3),
        "max_rss_mb": round(max(run.max_rss_mb for run in runs), 1),
    }


def course(workdir: Path, repeat: int, progress: Callable[[str], None]) -> dict[str, Any]:
    """Time the real course against the same pages with the blocks deleted, no plugin."""
    configs = {
        "course": copy_course(workdir / "course", engine="quizbank"),
        "plain": copy_course(workdir / "plain", engine="plain"),
    }
    runs = _interleaved(configs, workdir, repeat, progress)
    ratios = [
        with_engine.seconds / without.seconds
        for with_engine, without in zip(runs["course"], runs["plain"], strict=True)
    ]
    course_s = median([run.seconds for run in runs["course"]])
    plain_s = median([run.seconds for run in runs["plain"]])
    course_cpu = median([run.cpu_seconds for run in runs["course"]])
    plain_cpu = median([run.cpu_seconds for run in runs["plain"]])
    return {
        "repeat": repeat,
        "course": _summary(runs["course"]),
        "plain": _summary(runs["plain"]),
        "ratio": round(course_s / plain_s, 3),
        "ratio_of_pairs_median": round(median(ratios), 3),
        "cpu_ratio": round(course_cpu / plain_cpu, 3),
    }


def synthetic(
    workdir: Path, repeat: int, progress: Callable[[str], None], sizes: tuple[int, ...] = SIZES
) -> dict[str, Any]:
    """Time synthetic banks of each size over 100 pages, and the same pages without blocks."""
    configs: dict[str, Path] = {}
    plain = spread_course(1, PAGES, with_blocks=False)
    configs["plain"] = minimal_site(
        workdir / "syn-plain", engine="plain", pages=plain.pages, banks={}
    )
    for size in sizes:
        generated = spread_course(size, PAGES)
        configs[str(size)] = minimal_site(
            workdir / f"syn-{size}", engine="quizbank", pages=generated.pages, banks=generated.banks
        )
    # The largest size and the plain pages again without Material's search plugin, to tell
    # the engine's own time from the time the theme spends indexing what the engine wrote.
    largest = spread_course(sizes[-1], PAGES)
    configs["plain-nosearch"] = minimal_site(
        workdir / "syn-plain-nosearch", engine="plain", pages=plain.pages, banks={}, search=False
    )
    # The largest size also with the item-writing checks off: the build runs them by default,
    # and on these generated texts (written from templates) most questions read like others.
    for variant, switch in (("nosearch", {"search": False}), ("nolint", {"lint": False})):
        configs[f"{sizes[-1]}-{variant}"] = minimal_site(
            workdir / f"syn-{sizes[-1]}-{variant}",
            engine="quizbank",
            pages=largest.pages,
            banks=largest.banks,
            **switch,
        )
    runs = _interleaved(configs, workdir, repeat, progress)
    plain_s = median([run.seconds for run in runs["plain"]])
    plain_cpu = median([run.cpu_seconds for run in runs["plain"]])
    result: dict[str, Any] = {
        "repeat": repeat,
        "pages": PAGES,
        "plain": _summary(runs["plain"]),
        "sizes": {},
    }
    for size in sizes:
        summary = _summary(runs[str(size)])
        engine_s = summary["median_s"] - plain_s
        summary["engine_s"] = round(engine_s, 3)
        summary["engine_ms_per_question"] = round(1000 * engine_s / size, 3)
        engine_cpu = summary["median_cpu_s"] - result["plain"]["median_cpu_s"]
        summary["engine_cpu_s"] = round(engine_cpu, 3)
        summary["engine_cpu_ms_per_question"] = round(1000 * engine_cpu / size, 3)
        result["sizes"][str(size)] = summary
    without = {name: _summary(runs[name]) for name in ("plain-nosearch", f"{sizes[-1]}-nosearch")}
    with_search = result["sizes"][str(sizes[-1])]["median_cpu_s"] - plain_cpu
    without_search = (
        without[f"{sizes[-1]}-nosearch"]["median_cpu_s"] - without["plain-nosearch"]["median_cpu_s"]
    )
    result["without_search"] = {
        "questions": sizes[-1],
        "plain": without["plain-nosearch"],
        "quizbank": without[f"{sizes[-1]}-nosearch"],
        "engine_cpu_s": round(without_search, 3),
        "search_indexing_cpu_s": round(with_search - without_search, 3),
    }
    unlinted = _summary(runs[f"{sizes[-1]}-nolint"])
    result["without_lint"] = {
        "questions": sizes[-1],
        "quizbank": unlinted,
        "lint_cpu_s": round(
            result["sizes"][str(sizes[-1])]["median_cpu_s"] - unlinted["median_cpu_s"], 3
        ),
    }
    if len(sizes) >= 3:
        # Time per extra question between consecutive sizes: constant when growth is linear.
        for key, figure in (("", "median_s"), ("cpu_", "median_cpu_s")):
            marginal = []
            for low, high in itertools.pairwise(sizes):
                extra = result["sizes"][str(high)][figure] - result["sizes"][str(low)][figure]
                marginal.append(round(1000 * extra / (high - low), 3))
            result[f"marginal_{key}ms_per_question"] = marginal
            result[f"marginal_{key}ratio"] = (
                round(marginal[-1] / marginal[0], 2) if marginal[0] > 0 else None
            )
    return result
