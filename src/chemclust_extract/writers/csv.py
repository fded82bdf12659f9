"""CSV tables: RFC 4180, UTF-8, a header row, CRLF line ends, numbers as
written by Python (no thousands separators, ``.`` for decimals), and text
that a spreadsheet would run as a formula made inert (:mod:`.neutralise`).
Rows are written as they come, through the standard ``csv`` module.  The
``excel`` dialect adds a BOM, without which Excel reads UTF-8 as
windows-1252; the delimiter may be ``;`` for the locales whose Excel
expects it."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import write_atomic
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.neutralise import FORMULA_START, neutralise
from chemclust_extract.writers.sink import Rows, error_rows, open_text, sync_close
from chemclust_extract.writers.tables import COLUMNS, RECORD_TABLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CsvSink", "CsvTable", "csv_name", "neutralise", "write_csv"]


def csv_name(table: str) -> str:
    return f"{table}.csv"


class CsvTable:
    """One table written row by row to an open text handle (``newline=""``)."""

    def __init__(self, handle: IO[str], columns: Sequence[str], delimiter: str = ",") -> None:
        self.columns = tuple(columns)
        self._writer = csv.writer(
            handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
        )
        self._writer.writerow(self.columns)

    def add(self, row: dict[str, object]) -> None:
        self._writer.writerow([_cell(row.get(name)) for name in self.columns])


def _cell(value: object) -> object:
    if value is None:
        return ""
    # Most cells start with a letter or a digit: no formula to look for.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return neutralise(value)
    return value


class CsvSink:
    """Every table of the dataset as a CSV file in the staging folder; may
    be written apart, by a helper process (:meth:`DatasetWriter.add_all`)."""

    apart = True

    def __init__(self, folder: Path, options: OutputOptions) -> None:
        self._folder = folder
        self._options = options
        self._handles: dict[str, IO[str]] = {}
        self._tables = {name: self._open(name) for name in RECORD_TABLES}

    def _open(self, table: str) -> CsvTable:
        path = self._folder / csv_name(table)
        handle = open_text(path, newline="", encoding=self._options.csv_encoding)
        self._handles[table] = handle
        return CsvTable(handle, COLUMNS[table], self._options.csv_delimiter)

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        for table, row in rows:
            self._tables[table].add(row)

    def flush(self) -> None:
        """Everything written so far, on disk."""
        for handle in self._handles.values():
            handle.flush()
            os.fsync(handle.fileno())

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        errors = self._open("errors")
        for _, row in error_rows(failures):
            errors.add(row)
        for handle in self._handles.values():
            sync_close(handle)
        return [self._folder / csv_name(table) for table in COLUMNS]

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write one table, a DataFrame as :func:`build_tables` gives it, atomically."""
    rows = frame.to_dict("records")

    def write(handle: IO[str]) -> None:
        table = CsvTable(handle, [str(c) for c in frame.columns])
        for row in rows:
            table.add({str(k): v for k, v in row.items()})

    return write_atomic(path, write, newline="")
