"""Writing the files the engine generates (schemas, assets) into a folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path


def write_texts(folder: Path, names: Iterable[str], content: Callable[[str], str]) -> list[Path]:
    """Write each named file into a folder, making the folder; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names:
        path = folder / name
        path.write_text(content(name), encoding="utf-8")
        written.append(path)
    return written
