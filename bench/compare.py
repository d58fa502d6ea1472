"""`python -m bench.compare REV`: the engine at a git revision against the working tree.

Both build the same sites, interleaved (old, new, old, new, …) so that load from other
processes falls on both alike: the real course, and synthetic banks of the sizes asked for.
The old engine is exported with `git archive` and put first on PYTHONPATH for its builds.
This is how the before-and-after figures in bench/README.md were taken.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .common import ROOT, BuildRun, median, mkdocs_build
from .sites import copy_course, minimal_site
from .synthetic import spread_course


def _export(revision: str, target: Path) -> Path:
    """Export the engine at a revision; return a folder to put on PYTHONPATH."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "plugins/quizbank"],
        capture_output=True,
        check=True,
    ).stdout
    target.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    path = target / "path"
    path.mkdir()
    (path / "quizbank").symlink_to(target / "plugins" / "quizbank")
    return path


def _engine_file(env: dict[str, str]) -> str:
    """Return where the engine a build would use comes from (a sanity check)."""
    code = "import quizbank.plugin; print(quizbank.plugin.__file__)"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Compare an old engine with the working tree; print and return the medians."""
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    parser.add_argument("revision", help="git revision of the old engine, such as HEAD~3")
    parser.add_argument("--sizes", default="10000", help="synthetic sizes (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each (default 3)")
    parser.add_argument("--no-course", action="store_true", help="skip the real course")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as folder:
        work = Path(folder)
        old = {"PYTHONPATH": str(_export(arguments.revision, work / "old"))}
        engines = {"old": old, "new": {}}
        for name, env in engines.items():
            print(f"{name}: {_engine_file(env)}", file=sys.stderr)
        sites: dict[str, Path] = {}
        if not arguments.no_course:
            sites["course"] = copy_course(work / "course", engine="quizbank")
        for size in (int(size) for size in arguments.sizes.split(",") if size):
            course = spread_course(size)
            sites[f"{size:,} questions"] = minimal_site(
                work / f"syn-{size}", engine="quizbank", pages=course.pages, banks=course.banks
            )
        runs: dict[tuple[str, str], list[BuildRun]] = {}
        for site, config in sites.items():
            for env in engines.values():  # warm-up, not counted
                mkdocs_build(config, work / "out", strict=True, env=env)
            for _ in range(arguments.repeat):
                for name, env in engines.items():
                    run = mkdocs_build(config, work / "out", strict=True, env=env)
                    runs.setdefault((site, name), []).append(run)
                    print(
                        f"  {site} {name}: {run.seconds:.2f} s, CPU {run.cpu_seconds:.2f} s",
                        file=sys.stderr,
                        flush=True,
                    )
    result: dict[str, Any] = {
        "revision": arguments.revision,
        "repeat": arguments.repeat,
        "sites": {},
    }
    print(
        f"| site | engine at {arguments.revision}: wall / CPU, s | working tree: wall / CPU, s"
        " | new / old: wall / CPU |"
    )
    print("| --- | --- | --- | --- |")
    for site in sites:
        figures = {}
        for name in engines:
            figures[name] = (
                median([run.seconds for run in runs[(site, name)]]),
                median([run.cpu_seconds for run in runs[(site, name)]]),
            )
        (wall_old, cpu_old), (wall_new, cpu_new) = figures["old"], figures["new"]
        result["sites"][site] = {
            "old_s": round(wall_old, 3),
            "new_s": round(wall_new, 3),
            "old_cpu_s": round(cpu_old, 3),
            "new_cpu_s": round(cpu_new, 3),
            "ratio": round(wall_new / wall_old, 3),
            "cpu_ratio": round(cpu_new / cpu_old, 3),
        }
        print(
            f"| {site} | {wall_old:.2f} / {cpu_old:.2f} | {wall_new:.2f} / {cpu_new:.2f} | "
            f"{wall_new / wall_old:.2f} / {cpu_new / cpu_old:.2f} |"
        )
    print(json.dumps(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
