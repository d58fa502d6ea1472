"""`quizbank assets`: the script and stylesheet, for generators that skip MkDocs plugins."""

from __future__ import annotations

from pathlib import Path

from quizbank.assets import asset_content
from tests.unit.test_cli import run


def test_assets_are_written_as_the_plugin_publishes_them(tmp_path: Path) -> None:
    result = run("assets", str(tmp_path / "overrides"))
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "overrides" / "assets" / "quizbank"
    names = ["quizbank-pages.js", "quizbank-questions.js", "quizbank.css", "quizbank.js"]
    assert sorted(path.name for path in folder.iterdir()) == names
    for name in names:
        assert (folder / name).read_text(encoding="utf-8") == asset_content(name)
        assert f"wrote {folder / name}" in result.stdout


def test_a_folder_that_cannot_be_written_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("assets", str(blocker))
    assert result.returncode == 1
    assert result.stderr.startswith(f"quizbank: cannot write the assets into {blocker}: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
