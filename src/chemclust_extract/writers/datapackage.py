"""``datapackage.json``: the CSV tables described as a Frictionless Data
Package (https://specs.frictionlessdata.io/), so that the types travel with
the data: each column's type (a phone or a country code is text, ``seq`` an
integer, money a number), the primary keys, the foreign keys from every
child table to ``projects.id``, the CSV dialect, and ``""`` as the only
missing value (so Namibia's ``NA`` is a country, not a gap).  pandas
(:func:`chemclust_extract.read_output`), frictionless, DuckDB and
sqlite-utils read the tables right with it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chemclust_extract.model import FAILURE_CODES, Failure
from chemclust_extract.writers.csv import csv_name
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.json import json_text
from chemclust_extract.writers.sink import Rows, open_text, sync_close
from chemclust_extract.writers.tables import (
    CHILD_TABLES,
    COLUMNS,
    DATE_COLUMNS,
    PRIMARY_KEYS,
    column_type,
)

__all__ = ["DATAPACKAGE", "ISO_DATE", "DatapackageSink", "datapackage", "table_schema"]

DATAPACKAGE = "datapackage.json"
# ISO 8601 at the precision the sheet gives: 2010, 2010-01 or 2010-01-31
# (Table Schema patterns match the whole value).
ISO_DATE = "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
MISSING_VALUES = [""]

_TABLE_TITLES = {
    "projects": "One row per record: the scalar fields, partner_count, lead_partner, source_*",
    "partners": "One row per partner of a project",
    "contacts": "One row per contact person of a project",
    "news": "One row per news item of a project",
    "documents": "One row per document of a project",
    "extra": "One row per label no field knows (or value that could not be read), with its raw text",
    "warnings": "One row per warning: a value that could not be read, or inconsistent data",
    "errors": "One row per input that gave no record",
}
_DESCRIPTIONS = {
    "id": "The project's id: its name in lowercase ASCII words joined by '-'",
    "project_id": "The id of the project (projects.id) the row belongs to",
    "seq": "The 1-based place of the row in its project's list",
    "number": "The partner's own number, as the sheet gives it",
    "phone": "E.164, e.g. +420475657938: text, never a number",
    "fax": "E.164, e.g. +420475200245: text, never a number",
    "country": "ISO 3166-1 alpha-2 (NA is Namibia)",
    "total_budget": "The project's total, a plain number in total_budget_currency",
    "eu_contribution": "The EU co-financing, a plain number in eu_contribution_currency",
    "eu_rate": "eu_contribution / total_budget, rounded to 3 places",
    "duration_months": "Months from start to end, both included",
    "start_date": "ISO 8601 at the sheet's precision: 2010, 2010-01 or 2010-01-31",
    "end_date": "ISO 8601 at the sheet's precision: 2010, 2010-01 or 2010-01-31",
    "date": "ISO 8601 at the sheet's precision: 2010, 2010-01 or 2010-01-31",
    "total_budget_currency": "ISO 4217",
    "eu_contribution_currency": "ISO 4217",
    "partner_count": "How many rows partners.csv has for the project",
    "lead_partner": "The name of the first partner whose role is lead",
    "source_path": "The input file, as the run was given it",
    "source_sha256": "The sha256 of the input file's bytes",
    "source_format": "The reader that ran: tsv, html or text",
    "source_encoding": "The encoding the input file was read in",
    "label": "The label as the sheet writes it",
    "value": "The raw text under the label",
    "path": "The input file, as the run was given it",
    "code": "What went wrong, in one word",
}
_CONSTRAINTS: dict[str, dict[str, Any]] = {
    **{name: {"pattern": ISO_DATE} for name in DATE_COLUMNS},
    "country": {"pattern": "[A-Z]{2}"},
    "total_budget_currency": {"pattern": "[A-Z]{3}"},
    "eu_contribution_currency": {"pattern": "[A-Z]{3}"},
    "role": {"enum": ["lead", "partner"]},
    "source_format": {"enum": ["tsv", "html", "text"]},
    "source_sha256": {"pattern": "[0-9a-f]{64}"},
    "seq": {"minimum": 1},
    "partner_count": {"minimum": 0},
}
_TABLE_CONSTRAINTS = {("errors", "code"): {"enum": list(FAILURE_CODES)}}


def table_schema(table: str) -> dict[str, Any]:
    """The Frictionless Table Schema of one table (a ``KeyError`` for a
    table that is not one of :data:`COLUMNS`).

    >>> schema = table_schema("contacts")
    >>> [f["type"] for f in schema["fields"] if f["name"] in ("seq", "phone")]
    ['integer', 'string']
    >>> schema["primaryKey"], schema["foreignKeys"][0]["reference"]
    (['project_id', 'seq'], {'resource': 'projects', 'fields': ['id']})
    """
    schema: dict[str, Any] = {"fields": [_field(table, name) for name in COLUMNS[table]]}
    schema["missingValues"] = MISSING_VALUES
    schema["primaryKey"] = list(PRIMARY_KEYS[table])
    if table in CHILD_TABLES:
        reference = {"resource": "projects", "fields": ["id"]}
        schema["foreignKeys"] = [{"fields": ["project_id"], "reference": reference}]
    return schema


def _field(table: str, name: str) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": column_type(name)}
    if name in _DESCRIPTIONS:
        field["description"] = _DESCRIPTIONS[name]
    constraints = dict(_CONSTRAINTS.get(name, {}))
    constraints.update(_TABLE_CONSTRAINTS.get((table, name), {}))
    if name in PRIMARY_KEYS[table]:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(options: OutputOptions) -> dict[str, Any]:
    """The Data Package of a run written with ``options``."""
    dialect = {"delimiter": options.csv_delimiter, "lineTerminator": "\r\n", "header": True}
    return {
        "profile": "tabular-data-package",
        "name": "chemclust-extract-dataset",
        "title": "EU project sheets as a relational dataset (chemclust-extract)",
        "resources": [
            {
                "name": table,
                "title": _TABLE_TITLES[table],
                "path": csv_name(table),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": options.csv_encoding,
                "dialect": dialect,
                "schema": table_schema(table),
            }
            for table in COLUMNS
        ],
    }


class DatapackageSink:
    """Writes ``datapackage.json`` when the run finishes: it depends on the
    options alone, never on the records."""

    def __init__(self, folder: Path, options: OutputOptions) -> None:
        self._path = folder / DATAPACKAGE
        self._options = options

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        pass

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        handle = open_text(self._path)
        handle.write(json_text(datapackage(self._options)))
        sync_close(handle)
        return [self._path]

    def close(self) -> None:
        pass
