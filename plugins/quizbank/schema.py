"""The published JSON Schemas, generated from the model so they cannot drift from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .files import write_texts
from .loader import BANK_ADAPTER, QUALIFICATIONS_ADAPTER

SCHEMA_DIR = Path(__file__).parent / "schema"
"""Where the schemas are published; banks point here with a `yaml-language-server` comment."""

SCHEMAS = {
    "bank.schema.json": (
        BANK_ADAPTER,
        "Question bank",
        "A quiz or self-assessment bank for the quizbank course engine.",
    ),
    "qualifications.schema.json": (
        QUALIFICATIONS_ADAPTER,
        "Qualification units and outcomes",
        "The units and outcomes that question banks may be tagged "
        "with (quizzes/_qualifications.yml).",
    ),
}


def build_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema published under `name`."""
    adapter, title, description = SCHEMAS[name]
    schema = adapter.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": description,
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def render_schema(name: str) -> str:
    """Return a schema as the text written to its file."""
    return json.dumps(build_schema(name), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into a folder and return the paths written."""
    return write_texts(folder, SCHEMAS, render_schema)
