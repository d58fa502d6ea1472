"""Rebuilds as `mkdocs serve` runs them: banks read again only when edited, and a bank edit
shown even by `--dirty`, which builds only the pages it thinks changed."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import FIXTURE_SITE, copy_site


def rebuild(source: Path, site: Path, *, dirty: bool) -> object:
    """Build as `mkdocs serve` does on a change: the configuration loaded again, then built."""
    config = load_config(str(source / "mkdocs.yml"), site_dir=str(site), strict=not dirty)
    build(config, dirty=dirty)
    return config.plugins["quizbank"]


def edit(path: Path, old: str, new: str) -> None:
    """Edit a file the way an editor saves it, a moment later than it was written."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_a_dirty_rebuild_shows_a_bank_edit(tmp_path: Path) -> None:
    source, site = copy_site(FIXTURE_SITE, tmp_path / "src"), tmp_path / "site"
    rebuild(source, site, dirty=True)
    untouched = [site / page / "index.html" for page in ("self", "plain")]
    before = [page.stat().st_mtime_ns for page in untouched]
    edit(source / "quizzes" / "sample.yml", "In the GROW model", "In the GROW coaching model")
    rebuild(source, site, dirty=True)
    for page in ("quiz", "tracks/01-one"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert "In the GROW coaching model" in html, page
    assert [page.stat().st_mtime_ns for page in untouched] == before, "built again"


def test_a_rebuild_reads_only_the_banks_that_changed(tmp_path: Path) -> None:
    source, site = copy_site(FIXTURE_SITE, tmp_path / "src"), tmp_path / "site"
    first = rebuild(source, site, dirty=False).catalog.banks
    edit(source / "quizzes" / "sample.yml", "In the GROW model", "In the GROW coaching model")
    second = rebuild(source, site, dirty=False).catalog.banks
    assert second["sample"] is not first["sample"]
    assert [bank_id for bank_id in first if second[bank_id] is first[bank_id]] == [
        bank_id for bank_id in first if bank_id != "sample"
    ]
