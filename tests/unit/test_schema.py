"""The published JSON Schema matches the model, and every bank points to it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from quizbank.schema import SCHEMA_DIR, SCHEMAS, render_schema

ROOT = Path(__file__).resolve().parents[2]
BANKS = sorted((ROOT / "quizzes").glob("*.yml")) + sorted(
    (ROOT / "tests" / "fixtures" / "site" / "quizzes").glob("*.yml")
)


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_the_published_schema_is_generated_from_the_model(name: str) -> None:
    published = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert published == render_schema(name), (
        f"{name} is out of date: run '.venv/bin/quizbank schema' and commit the result"
    )


@pytest.mark.parametrize("bank", BANKS, ids=lambda p: p.name)
def test_every_bank_points_to_the_schema_and_validates_against_it(bank: Path) -> None:
    first = bank.read_text(encoding="utf-8").splitlines()[0]
    schema_name = "qualifications.schema.json" if bank.name.startswith("_") else "bank.schema.json"
    assert first.startswith("# yaml-language-server: $schema="), f"{bank} has no schema line"
    target = (bank.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (SCHEMA_DIR / schema_name).resolve(), f"{bank} points to {target}"
    schema = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(bank.read_text(encoding="utf-8")), schema)


def test_the_schema_rejects_what_the_checker_rejects() -> None:
    schema = json.loads((SCHEMA_DIR / "bank.schema.json").read_text(encoding="utf-8"))
    bad = {
        "format": 1,
        "kind": "quiz",
        "id": "x",
        "title": "X",
        "questions": [{"id": "q", "type": "single", "text": "t", "options": ["a"], "corect": "a"}],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
