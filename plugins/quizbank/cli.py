"""The `quizbank` command: check, lint, export, package for an LMS, write schemas and assets."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .assets import write_assets
from .catalog import load_catalog
from .export import FORMATS, export_catalog
from .lint import command as lint_command
from .pages import PageChecker
from .problems import Problem, format_problems
from .schema import SCHEMA_DIR, write_schemas
from .scorm import LEAVE_OUT, PackageError, build_package


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="quizbank", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="check question banks and the quiz blocks in pages",
        description="Check banks (.yml) and pages (.md). Folders are searched. With no paths, "
        "checks quizzes/ and docs/ in the current folder.",
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    export = commands.add_parser(
        "export",
        help="write banks for import into Moodle (GIFT or Moodle XML)",
        description="Write quiz banks in a format Moodle imports, each bank in a category of "
        "its own. Prints what was exported and what was not, and why, to stderr. "
        "With no paths, exports quizzes/.",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=sorted(FORMATS),
        help="both carry every question type; ordering needs Moodle 4.4 or later",
    )
    export.add_argument(
        "--out", type=Path, default=None, help="file to write (default: standard output)"
    )
    export.add_argument("paths", nargs="*", type=Path, metavar="BANK_PATH")
    scorm = commands.add_parser(
        "scorm",
        help="package the course as a SCORM 1.2 zip for an LMS",
        description="Build the course with an LMS configuration (pages as files) and package "
        "it as one SCORM 1.2 SCO with a launch page that reports scores, status and "
        "answers to the LMS.",
    )
    scorm.add_argument("--out", type=Path, required=True, help="the zip to write")
    scorm.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.scorm.yml"),
        help="MkDocs configuration to build with (default: mkdocs.scorm.yml)",
    )
    scorm.add_argument(
        "--site", type=Path, default=None, help="package this built site instead of building one"
    )
    scorm.add_argument(
        "--title", default=None, help="the course's title in the LMS (default: the site name)"
    )
    scorm.add_argument(
        "--mastery-score",
        type=_percentage,
        default=None,
        metavar="0-100",
        help="score the LMS records as a pass; without it, completed when every quiz is scored",
    )
    scorm.add_argument(
        "--leave-out",
        action="append",
        default=None,
        metavar="PATTERN",
        help="leave out site paths matching PATTERN, a file or a folder on the way to it "
        "(repeat for more; given once, it replaces the default: "
        f"{' '.join(LEAVE_OUT)})",
    )
    lint_command.add_parser(commands)
    schema = commands.add_parser("schema", help="write the JSON Schemas of the bank format")
    schema.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder to write to (default: the package's schema folder)",
    )
    assets = commands.add_parser(
        "assets",
        help="write the script and stylesheet for a generator without the plugin",
        description="Write assets/quizbank/quizbank.js and quizbank.css, as the MkDocs plugin "
        "publishes them, into a folder the site generator copies into the site "
        "(for Zensical, its theme's custom_dir). Pages then reference them with "
        "extra_javascript and extra_css. Beside them go quizbank-questions.js and "
        "quizbank-pages.js, which quizbank.js loads on the pages that need them.",
    )
    assets.add_argument("folder", type=Path, metavar="FOLDER")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.paths)
        if args.command == "lint":
            return lint_command.run(args)
        if args.command == "export":
            return _export(args.format, args.out, args.paths)
        if args.command == "scorm":
            return _scorm(args)
        if args.command == "assets":
            return _assets(args.folder)
        return _schema(args.out)
    except KeyboardInterrupt:
        return 130


def _check(paths: list[Path]) -> int:
    """Check banks and pages; print every problem; return 1 if there were any."""
    if not paths:
        paths = [path for path in (Path("quizzes"), Path("docs")) if path.exists()]
        if not paths:
            print(
                "quizbank: nothing to check: no quizzes/ or docs/ here; name the banks "
                "or pages to check",
                file=sys.stderr,
            )
            return 2
    bank_paths = [p for p in paths if p.is_dir() or p.suffix != ".md"]
    page_paths = _pages(paths)
    catalog = load_catalog([p for p in bank_paths if _has_banks(p)])
    problems = list(catalog.problems)
    if page_paths:  # also when banks have problems: a page's own are independent of theirs
        checker = PageChecker(catalog)
        for page in page_paths:
            problems.extend(_check_one_page(page, checker))
    if problems:
        print(format_problems(sorted(problems)))
        return 1
    pages = f" and {len(page_paths)} page{'s' * (len(page_paths) != 1)}" if page_paths else ""
    print(
        f"ok: {len(catalog.banks)} bank{'s' * (len(catalog.banks) != 1)} "
        f"({catalog.question_count()} questions){pages}, no problems"
    )
    return 0


def _has_banks(path: Path) -> bool:
    """Tell whether a path is a bank file or a folder that holds bank files."""
    if not path.is_dir():
        return True
    return any(p.suffix in (".yml", ".yaml") for p in path.rglob("*"))


def _pages(paths: list[Path]) -> list[Path]:
    """Return the Markdown pages named, looking inside folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.md")))
        elif path.suffix == ".md":
            found.append(path)
    return found


def _check_one_page(page: Path, checker: PageChecker) -> list[Problem]:
    """Return the problems in one page's blocks."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(page.as_posix(), 1, 1, f"cannot read the page: {error}")]
    return checker.check(text, page.as_posix())


def _export(format_name: str, out: Path | None, paths: list[Path]) -> int:
    """Export banks; print the report to stderr; return 1 if nothing could be exported."""
    paths = paths or [Path("quizzes")]
    catalog = load_catalog(paths)
    if catalog.problems:
        print(format_problems(catalog.problems))
        return 1
    if not catalog.banks:
        print(
            f"quizbank: no banks found in {', '.join(p.as_posix() for p in paths)}", file=sys.stderr
        )
        return 1
    text, report = export_catalog(catalog, format_name)
    for line in report.lines():
        print(line, file=sys.stderr)
    if not report.exported:
        print(
            "quizbank: nothing to export: no bank has a question Moodle can take", file=sys.stderr
        )
        return 1
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"quizbank: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _percentage(text: str) -> int:
    """Read a whole percentage, 0 to 100, from the command line."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to 100, found {text!r}")
    return value


def _scorm(args: argparse.Namespace) -> int:
    """Build the course (unless a built site is given) and package it for an LMS."""
    try:
        with tempfile.TemporaryDirectory(prefix="quizbank-scorm-") as folder:
            site: Path = args.site
            site_name = "Course"
            if site is None:
                # MkDocs loads only here: the other commands run without it (under Zensical).
                from .sitebuild import build_course  # noqa: PLC0415

                site, site_name = build_course(args.config, Path(folder))
            package = build_package(
                site,
                args.out,
                title=args.title or site_name,
                mastery_score=args.mastery_score,
                leave_out=LEAVE_OUT if args.leave_out is None else args.leave_out,
            )
    except PackageError as error:
        print(f"quizbank: {error}", file=sys.stderr)
        return 1
    quizzes = ", ".join(f"{bank} ({count})" for bank, count in package.quizzes.items())
    print(
        f"wrote {package.path}: {package.files} files; quizzes that count towards the score: "
        f"{quizzes or 'none'}; mastery score: "
        f"{package.mastery_score if package.mastery_score is not None else 'none'}"
    )
    return 0


def _assets(folder: Path) -> int:
    """Write the published script and stylesheet under `folder/assets/quizbank/`."""
    try:
        written = write_assets(folder / "assets" / "quizbank")
    except OSError as error:
        print(f"quizbank: cannot write the assets into {folder}: {error.strerror}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def _schema(out: Path | None) -> int:
    """Write the JSON Schemas."""
    for path in write_schemas(out or SCHEMA_DIR):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
