"""The build runs the lint: its warnings are information, unless the site asks for strict."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import FIXTURE_SITE, build_site, copy_site

BANK = """format: 1
kind: quiz
id: cued
title: Cued
questions:
  - id: cued-above
    type: single
    level: apply
    text: What does a mentor do?
    options:
      - text: Listen
      - text: All of the above
        feedback: Not all of them.
    answer: Listen
"""
FOUND = "quizzes/cued.yml:12:9: warning: [all-none-above] option 'All of the above'"


def site_with(tmp_path: Path, lint: str | None) -> Path:
    site = copy_site(FIXTURE_SITE, tmp_path / "course")
    (site / "quizzes" / "cued.yml").write_text(BANK, encoding="utf-8")
    if lint is not None:
        config = site / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace("  - quizbank\n", f"  - quizbank:\n      lint: {lint}\n"),
            encoding="utf-8",
        )
    return site


def test_lint_warnings_are_information_and_the_strict_build_passes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = site_with(tmp_path, None)
    with caplog.at_level(logging.INFO):
        build_site(site / "mkdocs.yml", tmp_path / "built")
    lines = [r for r in caplog.records if FOUND in r.getMessage()]
    assert [r.levelno for r in lines] == [logging.INFO]
    assert any(
        r.getMessage().startswith("quizbank: lint: ") and "all-none-above 1" in r.getMessage()
        for r in caplog.records
    )


def test_lint_strict_makes_its_warnings_fail_the_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = site_with(tmp_path, "{strict: true}")
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(site / "mkdocs.yml", tmp_path / "built")
    assert [r.levelno for r in caplog.records if FOUND in r.getMessage()] == [logging.WARNING]


def test_the_lint_can_be_turned_off(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = site_with(tmp_path, "{enabled: false, strict: true}")
    with caplog.at_level(logging.INFO):
        build_site(site / "mkdocs.yml", tmp_path / "built")
    assert not any("[all-none-above]" in r.getMessage() for r in caplog.records)


def test_bad_lint_options_fail_the_build_with_what_to_write(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = site_with(tmp_path, "{ignore: [all-of-the-above]}")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(site / "mkdocs.yml", tmp_path / "built")
    assert "quizbank: lint: ignore names unknown rules: all-of-the-above; the rules are: " in (
        caplog.text
    )
