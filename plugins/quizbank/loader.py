"""YAML files to bank models, with every problem reported as `path:line:col: message`."""

from __future__ import annotations

import difflib
import functools
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from . import fields, model
from .checks import check_bank, check_malformed_quiz, check_qualifications
from .problems import Problem
from .types import QUESTION_TYPES
from .yamlsource import Location, Source, field_path, read_yaml

T = TypeVar("T")


@functools.cache
def bank_adapter() -> TypeAdapter[model.QuizBank | model.SelfAssessmentBank]:
    """Return the validator of a bank file, built the first time a bank is read."""
    return TypeAdapter(model.Bank)


@functools.cache
def qualifications_adapter() -> TypeAdapter[model.Qualifications]:
    """Return the validator of the qualifications file, built the first time it is read."""
    return TypeAdapter(model.Qualifications)


_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def load_bank(
    path: Path, display: str
) -> tuple[model.QuizBank | model.SelfAssessmentBank | None, Source]:
    """Read and check one bank file; the bank is None when it has problems."""
    source = read_yaml(path, display)
    if source.problems:
        return None, source
    bank = validate(bank_adapter(), source)
    if bank is not None:
        source.problems.extend(check_bank(bank, source))
    elif isinstance(source.data, dict) and source.data.get("kind") == "quiz":
        source.problems.extend(check_malformed_quiz(source.data, source))
    return (bank if not source.problems else None), source


def load_qualifications(path: Path, display: str) -> tuple[model.Qualifications | None, Source]:
    """Read the qualification units and outcomes file."""
    source = read_yaml(path, display)
    if source.problems:
        return None, source
    qualifications = validate(qualifications_adapter(), source)
    duplicates = check_qualifications(source.data, source)
    source.problems.extend(duplicates)
    return (None if duplicates else qualifications), source


def validate(adapter: TypeAdapter[T], source: Source) -> T | None:
    """Validate a file's data against a model; translate failures into problems on the source."""
    if not isinstance(source.data, dict):
        source.problems.append(
            source.problem(
                (),
                f"expected a mapping of fields at the top of "
                f"the file, found {_describe(source.data)}",
            )
        )
        return None
    try:
        return adapter.validate_python(source.data)
    except ValidationError as failure:
        seen: set[tuple[int, int, str]] = set()
        for error in failure.errors(include_url=False):
            problem = _translate(error, source)
            if (problem.line, problem.column, problem.message) not in seen:
                seen.add((problem.line, problem.column, problem.message))
                source.problems.append(problem)
        return None


def _translate(error: ErrorDetails, source: Source) -> Problem:
    """Turn one pydantic error into a problem naming the field, what was found and expected."""
    location, owner = _walk(source.data, error["loc"])
    kind = error["type"]
    name = f"'{field_path(location)}'" if location else "the file"
    found = error.get("input")
    if kind == "missing":
        field = str(error["loc"][-1])
        hint = _field_hint(owner, field)
        return source.problem(location, f"missing required field {field!r}{hint}")
    if kind == "extra_forbidden":
        key = str(location[-1])
        allowed = _allowed_keys(owner)
        guess = difflib.get_close_matches(key, allowed, n=1)
        suggestion = f" (did you mean {guess[0]!r}?)" if guess else ""
        return source.problem(
            location,
            f"unknown key {key!r}{suggestion}; expected one of: {', '.join(allowed)}",
            key=True,
        )
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = str(_context(error).get("discriminator", "type")).strip("'")
        expected = _context(error).get("expected_tags", "")
        where = (*location, tag) if kind == "union_tag_invalid" else location
        if kind == "union_tag_not_found":
            return source.problem(
                where, f"missing required field {tag!r}; expected one of: {expected}"
            )
        value = found.get(tag) if isinstance(found, dict) else found
        return source.problem(where, f"unknown {tag} {value!r}; expected one of: {expected}")
    if kind == "string_type" and location[-1:] == ("answer",) and isinstance(found, list):
        return source.problem(
            location,
            f"{name} names {len(found)} options, but a 'single' "
            "question has exactly one answer; use type: multiple "
            "for select-all-that-apply",
        )
    if kind in _TYPE_NAMES:
        tip = (
            "; put it in quotes"
            if kind == "string_type" and isinstance(found, bool | int | float)
            else ""
        )
        return source.problem(
            location, f"{name} should be {_TYPE_NAMES[kind]}, found {_describe(found)}{tip}"
        )
    if kind == "string_too_short":
        return source.problem(location, f"{name} is empty; expected some text")
    if kind == "too_short":
        minimum = _context(error).get("min_length")
        return source.problem(location, f"{name} has {_count(found)}; expected at least {minimum}")
    if kind == "option_form":
        return source.problem(
            location,
            f"{name} should be text, or a mapping with 'text' and "
            f"'feedback'; found {_describe(found)}",
        )
    if kind == "string_pattern_mismatch":
        expected = (
            "lower-case letters, digits and single hyphens, such as 'grow-goal'"
            if location and location[-1] in ("id", "when")
            else "letters, digits, dots and hyphens, such as 'L12' or 'PQ3-1.2'"
        )
        return source.problem(
            location, f"{name} {found!r} is not a valid code; expected {expected}"
        )
    if kind == "literal_error":
        expected = _context(error).get("expected", "")
        return source.problem(location, f"{name} is {found!r}; expected {expected}")
    return source.problem(location, f"{name}: {error['msg'].lower()}, found {_describe(found)}")


def _walk(data: Any, loc: tuple[int | str, ...]) -> tuple[Location, type[BaseModel] | None]:
    """Follow a pydantic location through the data, dropping union tags, to a data location.

    Returns the location and the model class that owns the last mapping on the way.
    """
    location: list[str | int] = []
    current = data
    owner: type[BaseModel] | None = None
    for step in loc:
        if isinstance(current, dict):
            owner = _model_for(current, location) or owner
            if step in current:
                location.append(step)
                current = current[step]
                continue
            if step in (current.get("type"), current.get("kind")) or step in fields.UNION_TAGS:
                continue  # a union tag, not a key in the data
            location.append(step)
            current = None
        elif isinstance(current, list) and isinstance(step, int) and step < len(current):
            location.append(step)
            current = current[step]
        else:
            break
    return tuple(location), owner


_QUESTION_CLASSES: dict[str, type[BaseModel]] = {
    name: spec.model for name, spec in QUESTION_TYPES.items()
}
_NESTED: dict[str, type[BaseModel]] = {
    "options": fields.Option,
    **{name: nested for spec in QUESTION_TYPES.values() for name, nested in spec.nested.items()},
    "scale": model.ScalePoint,
    "sections": model.Section,
    "items": model.Item,
    "scoring": model.Scoring,
    "bands": model.Band,
    "units": model.Unit,
    "outcomes": model.Outcome,
}
"""The model of each nested mapping by the field that holds it, so errors can name its keys."""


def _model_for(mapping: dict[str, Any], location: list[str | int]) -> type[BaseModel] | None:
    """Guess which model class a mapping in the data is meant to be."""
    if not location:
        if "kind" in mapping:
            return model.BANK_CLASSES.get(mapping["kind"])
        return model.Qualifications if "units" in mapping or "outcomes" in mapping else None
    if "type" in mapping and location[-2:-1] == ["questions"]:
        return _QUESTION_CLASSES.get(mapping["type"])
    names = [step for step in location if isinstance(step, str)]
    return _NESTED.get(names[-1]) if names else None


def _allowed_keys(owner: type[BaseModel] | None) -> list[str]:
    """Return the keys a model accepts, in declaration order."""
    return list(owner.model_fields) if owner else []


def _field_hint(owner: type[BaseModel] | None, field: str) -> str:
    """Return the field's description, so the author knows what to write."""
    if owner and field in owner.model_fields:
        description = fields.field_docs(owner).get(field, "")
        first = description.split(".")[0].strip()
        return f" ({first})" if first else ""
    return ""


def _context(error: ErrorDetails) -> dict[str, Any]:
    """Return an error's context, which pydantic leaves out for some kinds."""
    return dict(error.get("ctx") or {})


def _count(value: Any) -> str:
    """Describe how many entries a list has."""
    size = len(value) if isinstance(value, list | str) else 0
    return f"{size} entr{'y' if size == 1 else 'ies'}"


def _describe(value: Any) -> str:
    """Describe a value the way an author would recognise it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, int | float):
        return f"{value} (a number)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"{shown!r} (text)"
    if isinstance(value, list):
        return f"a list of {_count(value)}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
