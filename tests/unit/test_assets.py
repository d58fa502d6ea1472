"""The script and the stylesheet as files: the published script is valid JavaScript, motion
stops on request whatever the theme does (Material happens to stop transitions too, which hides
ours), and nothing in the engine's assets belongs to one theme or one course."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quizbank.assets import DIST_DIR, asset_content

SRC_DIR = DIST_DIR.parent / "src"
SOURCES = sorted(path for path in SRC_DIR.rglob("*") if path.suffix in (".js", ".css"))


def test_the_published_scripts_are_valid_javascript(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: make test needs Node.js (npm ci)", pytrace=False)
    published = tmp_path / "quizbank.js"
    published.write_text(asset_content("quizbank.js"), encoding="utf-8")
    for script in (published, DIST_DIR / "scorm" / "launch.js"):
        result = subprocess.run(
            [node, "--check", str(script)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr


def test_our_styles_stop_their_own_motion_when_reduced_motion_is_asked_for() -> None:
    css = (SRC_DIR / "quizbank.css").read_text(encoding="utf-8")
    reduce = re.search(r"@media \(prefers-reduced-motion: reduce\) \{\n(.*?)\n\}", css, re.DOTALL)
    assert reduce, "no reduced-motion block"
    moving = set(re.findall(r"\b(transition|animation):", css.replace(reduce.group(0), "")))
    assert moving, "nothing of ours moves: this test would prove nothing"
    block = reduce.group(1)
    assert '[class*="qb-"]' in block
    for prop in moving:
        assert f"{prop}: none !important" in block, prop


def test_the_engine_knows_no_theme_classes_and_no_course() -> None:
    """Theme fixes and the course's furniture live in the course (docs/stylesheets, docs/
    javascripts); the engine may follow the theme's custom properties and colour scheme."""
    assert len(SOURCES) > 10
    for path in [*SOURCES, DIST_DIR / "quizbank.js", DIST_DIR / "quizbank.css"]:
        text = path.read_text(encoding="utf-8")
        # `.md-` as a class, not `--md-` (a custom property) nor `data-md-` (an attribute).
        assert not re.findall(r"(?<![-\w])\.md-", text), path
        assert "tracks/" not in text, path
        assert not re.search(r"coaching|mentoring", text, re.IGNORECASE), path
