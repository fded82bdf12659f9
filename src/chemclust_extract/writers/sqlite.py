"""``projects.sqlite``: the tables in one SQLite database (the standard
``sqlite3`` module), for SQL, DuckDB, Datasette and every language's SQLite
driver.  Each table has the CSV's columns with declared types (``phone``
is TEXT, ``seq`` INTEGER, money REAL), its primary key, a foreign key from
``project_id`` to ``projects(id)`` and an index on ``project_id``;
``projects`` also holds each record's JSON in ``record`` (for SQLite's
``json_extract`` and DuckDB's JSON functions).

Rows are inserted as they come, a few thousand at a time with
``executemany``, in one transaction without a journal (the file is in the
staging folder: a crash leaves nothing but the staging folder, which the
next run removes); indexes are built at the end.  The same inserts give
the same pages, so the same inputs give the same bytes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.sink import Rows, error_rows, safe_text, sync_path
from chemclust_extract.writers.tables import CHILD_TABLES, COLUMNS, PRIMARY_KEYS, column_type

__all__ = ["RECORD_COLUMN", "SQLITE", "SqliteSink", "create_statements"]

SQLITE = "projects.sqlite"
RECORD_COLUMN = "record"
BATCH = 2000  # rows per executemany
_SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "string": "TEXT"}


def _columns(table: str) -> tuple[str, ...]:
    return (*COLUMNS[table], RECORD_COLUMN) if table == "projects" else COLUMNS[table]


def create_statements(table: str) -> str:
    """The ``CREATE TABLE`` of one table.

    >>> print(create_statements("news"))
    CREATE TABLE "news" (
      "project_id" TEXT NOT NULL REFERENCES "projects" ("id"),
      "seq" INTEGER NOT NULL,
      "text" TEXT,
      "date" TEXT,
      PRIMARY KEY ("project_id", "seq")
    )
    """
    keys = PRIMARY_KEYS[table]
    lines = []
    for name in _columns(table):
        sql_type = "TEXT" if name == RECORD_COLUMN else _SQL_TYPES[column_type(name)]
        line = f'"{name}" {sql_type}' + (" NOT NULL" if name in keys else "")
        if name == "project_id" and table in CHILD_TABLES:
            line += ' REFERENCES "projects" ("id")'
        lines.append(line)
    lines.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys) + ")")
    return f'CREATE TABLE "{table}" (\n  ' + ",\n  ".join(lines) + "\n)"


class SqliteSink:
    """The database of a run, filled a batch of rows at a time."""

    def __init__(self, folder: Path, options: OutputOptions) -> None:
        self._path = folder / SQLITE
        self._db = sqlite3.connect(self._path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("BEGIN")
        for table in COLUMNS:
            self._db.execute(create_statements(table))
        self._pending: dict[str, list[tuple[object, ...]]] = {table: [] for table in COLUMNS}
        self._inserts = {
            table: f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(_columns(table)))})'
            for table in COLUMNS
        }

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        for table, row in rows:
            values = [_value(row.get(name)) for name in COLUMNS[table]]
            if table == "projects":
                values.append(safe_text(json.dumps(data, ensure_ascii=False)))
            self._queue(table, tuple(values))

    def _queue(self, table: str, values: tuple[object, ...]) -> None:
        pending = self._pending[table]
        pending.append(values)
        if len(pending) >= BATCH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        self._db.executemany(self._inserts[table], self._pending[table])
        self._pending[table].clear()

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        for table, row in error_rows(failures):
            self._queue(table, tuple(_value(row.get(name)) for name in COLUMNS[table]))
        for table in COLUMNS:
            self._flush(table)
        for table in CHILD_TABLES:
            self._db.execute(f'CREATE INDEX "{table}_project_id" ON "{table}" ("project_id")')
        self._db.execute("COMMIT")
        self._db.close()
        sync_path(self._path)
        return [self._path]

    def close(self) -> None:
        self._db.close()


def _value(value: object) -> object:
    return safe_text(value) if isinstance(value, str) else value
