"""Building the course with MkDocs, for commands that package a built site (SCORM).

Kept apart from the command line so that commands which need no MkDocs (checking banks,
writing assets for Zensical) run where MkDocs is not installed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .scorm import PackageError


def build_course(config_file: Path, folder: Path) -> tuple[Path, str]:
    """Build a site with `mkdocs build --strict` semantics; return its folder and name.

    Raises:
        PackageError: the configuration is missing, or the course does not build.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    if not config_file.is_file():
        raise PackageError(
            f"no MkDocs configuration at {config_file}; give one with --config, "
            "or a built site with --site"
        )
    try:
        config = load_config(str(config_file), site_dir=str(folder / "site"), strict=True)
        build(config)
    except MkDocsException as error:
        raise PackageError(f"the course did not build: {error.format_message()}") from error
    return folder / "site", str(config.site_name)
