"""``parquet/TABLE.parquet`` (extra ``[parquet]``): each table as a typed
Parquet file, written with pyarrow's ``ParquetWriter`` a row group at a
time (:data:`ROW_GROUP` rows), so a table of any length is written in flat
memory.  Text is ``string`` (a phone stays ``+420…``), integers ``int64``,
money and rates ``double``, every column nullable.  Parquet is read by
programs, not spreadsheets: values are written as they are, without the
CSV's apostrophe before formula-like text.  pyarrow writes no time into
the file, so the same inputs give the same bytes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from chemclust_extract.model import Failure
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.sink import Rows, error_rows, safe_text, sync_path
from chemclust_extract.writers.tables import COLUMNS, TableRow, column_type

__all__ = ["PARQUET_FOLDER", "ROW_GROUP", "ParquetSink", "arrow_schema", "parquet_name"]

PARQUET_FOLDER = "parquet"
ROW_GROUP = 5000
_ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64(), "string": pa.string()}


def parquet_name(table: str) -> str:
    return f"{PARQUET_FOLDER}/{table}.parquet"


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one table: its columns, typed, in order."""
    return pa.schema([pa.field(name, _ARROW_TYPES[column_type(name)]) for name in COLUMNS[table]])


class _Table:
    """One table's file, its rows kept until a row group is full."""

    def __init__(self, folder: Path, table: str) -> None:
        self.path = folder / parquet_name(table)
        self._schema = arrow_schema(table)
        self._columns = COLUMNS[table]
        self._writer = pq.ParquetWriter(self.path, self._schema)
        self._rows: list[TableRow] = []

    def add(self, row: TableRow) -> None:
        self._rows.append({name: _value(row.get(name)) for name in self._columns})
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows.clear()

    def finish(self) -> Path:
        self._flush()
        self._writer.close()
        sync_path(self.path)
        return self.path

    def close(self) -> None:
        self._writer.close()


def _value(value: object) -> object:
    return safe_text(value) if isinstance(value, str) else value


class ParquetSink:
    """A Parquet file per table in ``parquet/``."""

    def __init__(self, folder: Path, options: OutputOptions) -> None:
        (folder / PARQUET_FOLDER).mkdir(exist_ok=True)
        self._tables = {table: _Table(folder, table) for table in COLUMNS}

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        for table, row in rows:
            self._tables[table].add(row)

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        for _, row in error_rows(failures):
            self._tables["errors"].add(row)
        return [table.finish() for table in self._tables.values()]

    def close(self) -> None:
        for table in self._tables.values():
            table.close()
