"""No page, bank or source file is left with a merge's conflict markers in it."""

from __future__ import annotations

import re
import subprocess

from tests.conftest import ROOT

MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.MULTILINE)


def test_no_file_holds_conflict_markers() -> None:
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    files = listed or [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.md")]
    found = []
    for name in files:
        path = ROOT / name
        if path.suffix not in {".md", ".yml", ".yaml", ".py", ".js", ".mjs", ".css", ".toml"}:
            continue
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found.extend(
            f"{name}:{text.count(chr(10), 0, match.start()) + 1}" for match in MARKER.finditer(text)
        )
    assert not found, "conflict markers left in: " + ", ".join(found)
