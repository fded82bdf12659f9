"""The published shapes of the outputs: the JSON Schema (draft 2020-12) of
a record, shipped as ``record.schema.json`` beside this module, and the
Frictionless Table Schema of each table (as ``datapackage.json`` holds
them).  ``chemclust-extract schema [--table T]`` prints them."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from chemclust_extract.writers.datapackage import table_schema
from chemclust_extract.writers.tables import COLUMNS

__all__ = ["RECORD_SCHEMA", "TABLES", "record_schema", "schema_json", "table_schema"]

RECORD_SCHEMA = "record.schema.json"
TABLES = tuple(COLUMNS)


@cache
def _record_schema_text() -> str:
    return files(__package__).joinpath(RECORD_SCHEMA).read_text(encoding="utf-8")


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one record, as :meth:`Record.to_dict` and
    ``projects.json`` give it.

    >>> record_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    schema: dict[str, Any] = json.loads(_record_schema_text())
    return schema


def schema_json(table: str | None = None) -> str:
    """The record's JSON Schema, or one table's Table Schema, as JSON text;
    a ``ValueError`` names the tables when ``table`` is not one."""
    if table is None:
        return _record_schema_text()
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; the tables are {', '.join(TABLES)}")
    return json.dumps(table_schema(table), ensure_ascii=False, indent=2) + "\n"
