"""The published JSON Schemas, generated from the model so they cannot drift from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .fields import field_docs
from .files import write_texts
from .loader import bank_adapter, qualifications_adapter

SCHEMA_DIR = Path(__file__).parent / "schema"
"""Where the schemas are published; banks point here with a `yaml-language-server` comment."""

SCHEMAS = {
    "bank.schema.json": (
        bank_adapter,
        "Question bank",
        "A quiz or self-assessment bank for the quizbank course engine.",
    ),
    "qualifications.schema.json": (
        qualifications_adapter,
        "Qualification units and outcomes",
        "The units and outcomes that question banks may be tagged "
        "with (quizzes/_qualifications.yml).",
    ),
}


class _Documented(GenerateJsonSchema):
    """Pydantic's JSON Schema, with each field described by its docstring."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        """Describe the model's properties by their fields' docstrings."""
        json_schema = super().model_schema(schema)
        properties = json_schema.get("properties", {})
        for name, doc in field_docs(schema["cls"]).items():
            if name in properties and "description" not in properties[name]:
                properties[name] = {**properties[name], "description": doc}
        return json_schema


def build_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema published under `name`."""
    adapter, title, description = SCHEMAS[name]
    schema = adapter().json_schema(schema_generator=_Documented)
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
