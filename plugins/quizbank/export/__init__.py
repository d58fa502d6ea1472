"""Banks written out for import into Moodle: GIFT and Moodle XML, one module a format.

`export_catalog` is the one entry point; `common` holds what both formats share (question
names, the texts as HTML and the report of what was exported and what was not), and
`gift_parts` and `moodle_parts` the syntax of each format, which the question types use to
write their own answers (`quizbank.types`).

The format modules are imported when a format is asked for: the question types import the
syntax modules of this package while the engine itself is still being imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Catalog
    from .common import ExportReport

FORMATS = {"gift": "gift", "moodle-xml": "moodle_xml"}
"""The export formats by their command-line name, with the module that writes each."""

EXTENSIONS = {"gift": ".gift.txt", "moodle-xml": ".xml"}
"""The file name ending each format usually has."""


def export_catalog(catalog: Catalog, format_name: str) -> tuple[str, ExportReport]:
    """Return the banks of a catalog written in a format, and what was and was not exported."""
    module = import_module(f"{__name__}.{FORMATS[format_name]}")
    return module.export(catalog)
