"""Banks written out for import into Moodle: GIFT and Moodle XML, one module a format.

`export_catalog` is the one entry point; `common` holds what both formats share (question
names, the texts as HTML, grades and the report of what was exported and what was not).
"""

from __future__ import annotations

from collections.abc import Callable

from ..catalog import Catalog
from . import gift, moodle_xml
from .common import ExportReport

FORMATS: dict[str, Callable[[Catalog], tuple[str, ExportReport]]] = {
    "gift": gift.export,
    "moodle-xml": moodle_xml.export,
}
"""The export formats by their command-line name."""

EXTENSIONS = {"gift": ".gift.txt", "moodle-xml": ".xml"}
"""The file name ending each format usually has."""


def export_catalog(catalog: Catalog, format_name: str) -> tuple[str, ExportReport]:
    """Return the banks of a catalog written in a format, and what was and was not exported."""
    return FORMATS[format_name](catalog)
