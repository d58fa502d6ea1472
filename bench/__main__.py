"""`python -m bench`: run the benchmarks, print the figures and budgets, write them as JSON.

    python -m bench                       # everything (what `make bench` runs)
    python -m bench --only weight,build   # some parts: weight, build, synthetic, serve,
                                          # browser, lighthouse
    python -m bench --quick               # fewer repetitions, to try the harness out
    python -m bench --readme              # also write the figures into bench/README.md and
                                          # their summary into README.md

The figures go to `bench/results/latest.json` and `bench/results/latest.md` (not committed).
bench/README.md holds that Markdown from a full run, and README.md its summary (the budgets),
each between its markers, written by `--readme` and never by hand.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import browser, buildtime, lighthouse, serve, weight
from .common import RESULTS, ROOT, SiteServer, load_average, machine, mkdocs_build
from .report import PARTS, markdown, summary
from .sites import copy_course, minimal_site, strip_blocks
from .synthetic import quiz_page

README = ROOT / "README.md"
"""Where the summary goes, between SUMMARY_MARKERS."""
SUMMARY_MARKERS = ("<!-- bench-summary:begin -->", "<!-- bench-summary:end -->")
BENCH_README = ROOT / "bench" / "README.md"
"""Where every figure goes, between FIGURES_MARKERS."""
FIGURES_MARKERS = ("<!-- bench:begin -->", "<!-- bench:end -->")


def _progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts to run, of: {', '.join(PARTS)}",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="builds of the real course and of its plain copy (default 5)",
    )
    parser.add_argument(
        "--synthetic-repeat", type=int, default=3, help="builds of each synthetic size (default 3)"
    )
    parser.add_argument(
        "--sizes",
        default="100,1000,10000",
        help="synthetic bank sizes, questions (default 100,1000,10000)",
    )
    parser.add_argument(
        "--serve-repeat", type=int, default=5, help="edits of each kind under serve (default 5)"
    )
    parser.add_argument(
        "--browser-repeat", type=int, default=21, help="page loads per browser figure (default 21)"
    )
    parser.add_argument(
        "--lighthouse-repeat", type=int, default=3, help="Lighthouse runs a page (default 3)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one or two repetitions of everything, to try the harness out",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=RESULTS / "latest.json",
        help="where to write the figures (default bench/results/latest.json)",
    )
    parser.add_argument(
        "--readme",
        action="store_true",
        help="also write the figures into bench/README.md and their summary into README.md",
    )
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.repeat = arguments.synthetic_repeat = 1
        arguments.serve_repeat = 2
        arguments.browser_repeat = 3
        arguments.lighthouse_repeat = 1
    unknown = set(arguments.only.split(",")) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    return arguments


def _served_sites(
    workdir: Path, parts: set[str], arguments: argparse.Namespace, figures: dict[str, Any]
) -> None:
    """Build and serve what the browser and Lighthouse need, then measure."""
    with (
        SiteServer(workdir / "served-course") as course,
        SiteServer(workdir / "served-plain") as plain,
        SiteServer(workdir / "served-quiz") as quiz,
        SiteServer(workdir / "served-shuffled") as shuffled,
        SiteServer(workdir / "served-no-block") as no_block,
    ):
        for server, engine in ((course, "quizbank"), (plain, "plain")):
            mkdocs_build(
                copy_course(workdir / f"{engine}-src", engine=engine),
                server.folder,
                strict=True,
                env={"SITE_URL": server.url},
            )
        for server, shuffle in ((quiz, False), (shuffled, True)):
            page = quiz_page(100, shuffle=shuffle)
            config = minimal_site(
                workdir / f"quiz-src-{shuffle}",
                engine="quizbank",
                pages=page.pages,
                banks=page.banks,
            )
            mkdocs_build(config, server.folder, strict=True)
        page = quiz_page(100)
        config = minimal_site(
            workdir / "quiz-src-no-block",
            engine="quizbank",
            pages={name: strip_blocks(text) for name, text in page.pages.items()},
            banks=page.banks,
        )
        mkdocs_build(config, no_block.folder, strict=True)
        if "browser" in parts:
            print("In the browser …", file=sys.stderr, flush=True)
            figures["browser"] = browser.run(
                {
                    "quiz": quiz.url,
                    "shuffled": shuffled.url,
                    "no_block": no_block.url,
                    "self": course.url + "self-assessment/",
                },
                arguments.browser_repeat,
                _progress,
            )
        if "lighthouse" in parts:
            print("Lighthouse …", file=sys.stderr, flush=True)
            figures["lighthouse"] = lighthouse.run(
                {"quizbank": course.url, "plain": plain.url}, arguments.lighthouse_repeat, _progress
            )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks asked for; print and write the figures."""
    arguments = _arguments(argv)
    parts = set(arguments.only.split(","))
    figures: dict[str, Any] = {
        "meta": {
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "load_start": load_average(),
            "parts": sorted(parts),
            "arguments": {
                key: value for key, value in vars(arguments).items() if key not in ("output",)
            },
        }
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        workdir = Path(folder)
        if "weight" in parts:
            print("Page weight …", file=sys.stderr, flush=True)
            figures["weight"] = weight.run(workdir / "weight")
        if "build" in parts:
            print("Build time of the course …", file=sys.stderr, flush=True)
            figures["build"] = buildtime.course(workdir / "build", arguments.repeat, _progress)
        if "synthetic" in parts:
            print("Build time of synthetic banks …", file=sys.stderr, flush=True)
            sizes = tuple(int(size) for size in arguments.sizes.split(","))
            figures["synthetic"] = buildtime.synthetic(
                workdir / "synthetic", arguments.synthetic_repeat, _progress, sizes
            )
        if "serve" in parts:
            print("Edits under mkdocs serve …", file=sys.stderr, flush=True)
            figures["serve"] = serve.run(workdir / "serve", arguments.serve_repeat, _progress)
        if parts & {"browser", "lighthouse"}:
            _served_sites(workdir / "served", parts, arguments, figures)
    figures["meta"]["load_end"] = load_average()
    text = markdown(figures)
    print(text)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    arguments.output.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    print(
        f"Figures written to {arguments.output} and {arguments.output.with_suffix('.md')}",
        file=sys.stderr,
    )
    if arguments.readme:
        write_between(BENCH_README, FIGURES_MARKERS, text)
        write_between(README, SUMMARY_MARKERS, summary(figures))
        print(f"Figures written to {BENCH_README}, their summary to {README}", file=sys.stderr)
    return 0


def write_between(path: Path, markers: tuple[str, str], text: str) -> None:
    """Replace what stands between a file's two markers with a text."""
    begin, end = markers
    content = path.read_text(encoding="utf-8")
    start, stop = content.find(begin), content.find(end)
    if start < 0 or stop < start:
        raise SystemExit(f"{path.relative_to(ROOT)} has no '{begin}' … '{end}' markers")
    path.write_text(
        content[: start + len(begin)] + "\n" + text + "\n" + content[stop:], encoding="utf-8"
    )


if __name__ == "__main__":
    sys.exit(main())
