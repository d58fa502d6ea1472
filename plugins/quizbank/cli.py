"""The `quizbank` command: check banks and the pages that use them, and write the assets."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .assets import write_assets
from .catalog import Catalog, load_catalog
from .pages import check_page
from .problems import Problem, format_problems
from .schema import SCHEMA_DIR, write_schemas


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="quizbank", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="check question banks and the quiz blocks in pages",
        description="Check banks (.yml) and pages (.md). Folders are searched. With no paths, "
                    "checks quizzes/ and docs/ in the current folder.")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    schema = commands.add_parser("schema", help="write the JSON Schemas of the bank format")
    schema.add_argument("--out", type=Path, default=None,
                        help="folder to write to (default: the package's schema folder)")
    assets = commands.add_parser(
        "assets", help="write the script and stylesheet for a generator without the plugin",
        description="Write assets/quizbank/quizbank.js and quizbank.css, as the MkDocs plugin "
                    "publishes them, into a folder the site generator copies into the site "
                    "(for Zensical, its theme's custom_dir). Pages then reference them with "
                    "extra_javascript and extra_css.")
    assets.add_argument("folder", type=Path, metavar="FOLDER")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.paths)
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
            print("quizbank: nothing to check: no quizzes/ or docs/ here; name the banks "
                  "or pages to check", file=sys.stderr)
            return 2
    bank_paths = [p for p in paths if p.is_dir() or p.suffix != ".md"]
    page_paths = _pages(paths)
    catalog = load_catalog([p for p in bank_paths if _has_banks(p)])
    problems = list(catalog.problems)
    if page_paths and not catalog.problems:
        for page in page_paths:
            problems.extend(_check_one_page(page, catalog))
    if problems:
        print(format_problems(sorted(problems)))
        return 1
    pages = f" and {len(page_paths)} page{'s' * (len(page_paths) != 1)}" if page_paths else ""
    print(f"ok: {len(catalog.banks)} bank{'s' * (len(catalog.banks) != 1)} "
          f"({catalog.question_count()} questions){pages}, no problems")
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


def _check_one_page(page: Path, catalog: Catalog) -> list[Problem]:
    """Return the problems in one page's blocks."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(page.as_posix(), 1, 1, f"cannot read the page: {error}")]
    return check_page(text, page.as_posix(), catalog)


def _assets(folder: Path) -> int:
    """Write the published script and stylesheet under `folder/assets/quizbank/`."""
    try:
        written = write_assets(folder / "assets" / "quizbank")
    except OSError as error:
        print(f"quizbank: cannot write the assets into {folder}: {error.strerror}",
              file=sys.stderr)
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
