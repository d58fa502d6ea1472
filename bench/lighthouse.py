"""Lighthouse scores of the built course, served locally, in Debian's Chromium.

Lighthouse comes from npm (`bench/package.json`, installed by `make bench` with
`npm ci --prefix bench`, never by `make test`). It runs with its default mobile settings
(an emulated mid-range phone on a slow 4G link, simulated), only the performance and
accessibility categories, on local URLs, with a timeout, so it never waits on the internet.
Each page is run several times and the run with the median performance score is kept. The
same pages without the engine (blocks deleted, no plugin) are scored alongside, interleaved,
to tell what the engine costs from what the theme costs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .browser import CHROMIUM
from .common import BENCH

CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"home": "", "track": "tracks/06-coaching/", "self-assessment": "self-assessment/"}
"""The pages scored: the home page, a track page with quizzes, the self-assessment."""
TIMEOUT = 300
"""Seconds one Lighthouse run may take before it is stopped."""
_METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def available() -> bool:
    """Tell whether Lighthouse and Node are installed."""
    return CLI.exists() and shutil.which("node") is not None


def _run_once(url: str, output: Path) -> dict[str, Any]:
    """Run Lighthouse once on a URL; return its report."""
    command = [
        "node",
        str(CLI),
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--max-wait-for-load=60000",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--disable-background-networking --disable-component-update --no-first-run",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    completed = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    if completed.returncode != 0 or not output.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{completed.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def _summary(report: dict[str, Any]) -> dict[str, Any]:
    """Return the scores, the key metrics and the audits that cost points."""
    categories = report["categories"]
    audits = report["audits"]
    lost = {}
    for name, category in categories.items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                lost.setdefault(name, []).append(
                    {
                        "id": ref["id"],
                        "score": audit["score"],
                        "value": audit.get("displayValue", ""),
                        "where": [
                            item["node"].get("selector", "")
                            for item in items[:6]
                            if isinstance(item, dict) and isinstance(item.get("node"), dict)
                        ],
                    }
                )
    return {
        "performance": round(100 * (categories["performance"]["score"] or 0)),
        "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
        "metrics": {name: audits[name].get("displayValue", "") for name in _METRICS},
        "lost_points": lost,
        "runtime_error": report.get("runtimeError", {}).get("message"),
    }


def run(sites: dict[str, str], repeat: int, progress: Callable[[str], None]) -> dict[str, Any]:
    """Score every page of every site (name: base URL) `repeat` times, interleaved.

    Returns the median run of each page, by performance score.
    """
    if not available():
        raise RuntimeError("lighthouse is not installed: run 'npm ci --prefix bench'")
    version = json.loads((CLI.parents[1] / "package.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"lighthouse": version["version"], "repeat": repeat, "sites": {}}
    runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as folder:
        for attempt in range(repeat):
            for page, path in PAGES.items():
                for site, base_url in sites.items():
                    report = _run_once(base_url + path, Path(folder) / f"{site}-{page}.json")
                    summary = _summary(report)
                    runs.setdefault((site, page), []).append(summary)
                    progress(
                        f"lighthouse {site} {page} run {attempt + 1}/{repeat}: "
                        f"performance {summary['performance']}, accessibility "
                        f"{summary['accessibility']}"
                    )
    for (site, page), page_runs in runs.items():
        page_runs.sort(key=lambda run: run["performance"])
        chosen = page_runs[len(page_runs) // 2]
        chosen["performance_runs"] = [run["performance"] for run in page_runs]
        chosen["url_path"] = "/" + PAGES[page]
        result["sites"].setdefault(site, {"pages": {}})["pages"][page] = chosen
    return result
