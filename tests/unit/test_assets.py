"""The script and the stylesheet as files: valid JavaScript, and motion that stops on request
whatever the theme does (Material happens to stop transitions too, which hides ours)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from quizbank.assets import ASSETS_DIR, asset_content


def test_the_script_is_valid_javascript_before_and_after_minifying(tmp_path: object) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: make test needs Node.js (npm ci)", pytrace=False)
    published = tmp_path / "quizbank.min.js"  # type: ignore[operator]
    published.write_text(asset_content("quizbank.js"), encoding="utf-8")
    for script in (ASSETS_DIR / "quizbank.js", published):
        result = subprocess.run(
            [node, "--check", str(script)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr


def test_our_styles_stop_their_own_motion_when_reduced_motion_is_asked_for() -> None:
    css = (ASSETS_DIR / "quizbank.css").read_text(encoding="utf-8")
    reduce = re.search(r"@media \(prefers-reduced-motion: reduce\) \{\n(.*?)\n\}", css, re.DOTALL)
    assert reduce, "no reduced-motion block"
    moving = set(re.findall(r"\b(transition|animation):", css.replace(reduce.group(0), "")))
    assert moving, "nothing of ours moves: this test would prove nothing"
    block = reduce.group(1)
    assert '[class*="qb-"]' in block
    for prop in moving:
        assert f"{prop}: none !important" in block, prop
