"""Helpers for the export tests: the fixture banks, and GIFT parsed by gift-pegjs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quizbank.catalog import Catalog, load_catalog
from tests.conftest import ROOT

LMS_FIXTURE = ROOT / "tests" / "fixtures" / "lms"
GIFT_PARSER = Path(__file__).with_name("gift_parse.cjs")


@pytest.fixture(scope="session")
def fixture_catalog() -> Catalog:
    """The fixture banks: every question type, special characters, a self-assessment."""
    catalog = load_catalog([LMS_FIXTURE / "quizzes"], relative_to=LMS_FIXTURE)
    assert catalog.problems == []
    return catalog


def parse_gift(text: str) -> list[dict[str, Any]]:
    """Parse GIFT with gift-pegjs (from node_modules, installed by `make test`)."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail(
            "The GIFT tests need node and gift-pegjs: run 'make test' (it runs npm ci).",
            pytrace=False,
        )
    result = subprocess.run(
        [node, str(GIFT_PARSER)], input=text, capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, f"gift-pegjs cannot parse the export: {result.stderr}"
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return parsed
