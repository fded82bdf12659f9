"""Writers turn records and failures into files; each knows one format.

:class:`DatasetWriter` takes records one at a time, in input order, and
writes every file of the contract's table as they come, so that a batch of
any size is written in flat memory.  Everything is written into a staging
folder and moved in at the end: an interrupted run leaves the previous
dataset whole, and a ``report.json`` present stands for a complete one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import move_in, remove_stale_parts, staging_folder
from chemclust_extract.writers.csv import CsvTable

# (The package's own "json" module shadows the standard one here.)
from chemclust_extract.writers.json import JsonArray, json_text
from chemclust_extract.writers.tables import COLUMNS, RECORD_TABLES, record_rows

CSV_TABLES = tuple(COLUMNS)
REPORT = "report.json"
PROJECTS_JSON = "projects.json"


class DatasetWriter:
    """The dataset of one run, written record by record.

    Use it as a context manager: :meth:`add` each record (as
    :meth:`Record.to_dict` gives it, ids final), then :meth:`finish` with
    the failures and the report; leaving the block otherwise (an error,
    Ctrl-C) discards what was written and leaves ``out_dir`` as it was."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._stack = ExitStack()
        self._handles: dict[str, IO[str]] = {}
        self._tables: dict[str, CsvTable] = {}
        self._array: JsonArray | None = None

    def __enter__(self) -> DatasetWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(self.out_dir)
        self.staging = self._stack.enter_context(staging_folder(self.out_dir))
        self._array = JsonArray(self._open(PROJECTS_JSON))
        for name in RECORD_TABLES:
            self._tables[name] = CsvTable(self._open(f"{name}.csv", newline=""), COLUMNS[name])
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for handle in self._handles.values():
            handle.close()
        self._stack.close()

    def add(self, data: dict[str, Any]) -> None:
        """Write one record to ``projects.json`` and its rows to the tables."""
        assert self._array is not None, "DatasetWriter is used outside its block"
        self._array.add(data)
        for table, row in record_rows(data):
            self._tables[table].add(row)

    def finish(
        self, failures: Iterable[Failure], report: dict[str, Any], also: Sequence[Path] = ()
    ) -> list[Path]:
        """Write the failures and the report, which lists the sha256 of every
        file it stands for, and move the dataset in (``also``: files of the
        staging folder to move in beside it); returns its files."""
        assert self._array is not None, "DatasetWriter is used outside its block"
        self._array.close()
        errors = CsvTable(self._open("errors.csv", newline=""), COLUMNS["errors"])
        for failure in failures:
            errors.add(failure.to_dict())
        staged = [self._close(name) for name in (PROJECTS_JSON, *(f"{t}.csv" for t in CSV_TABLES))]
        outputs = {path.name: _sha256(path) for path in staged}
        report_path = self.staging / REPORT
        with report_path.open("w", encoding="utf-8") as handle:
            handle.write(json_text({**report, "outputs": outputs}))
            _sync(handle)
        moved = move_in([*staged, *also, report_path], self.out_dir, first_removed=REPORT)
        return [path for path in moved if path.name not in {p.name for p in also}]

    def _open(self, name: str, newline: str | None = None) -> IO[str]:
        # A lone surrogate that reached this far is written escaped rather
        # than failing the whole batch.
        handle = (self.staging / name).open(
            "w", encoding="utf-8", errors="backslashreplace", newline=newline
        )
        self._handles[name] = handle
        return handle

    def _close(self, name: str) -> Path:
        handle = self._handles.pop(name)
        _sync(handle)
        handle.close()
        return self.staging / name


def write_dataset(
    records: Iterable[dict[str, Any]],
    failures: Iterable[Failure],
    report: dict[str, Any],
    out_dir: Path,
) -> list[Path]:
    """Write every file of the contract's table into ``out_dir`` at once."""
    with DatasetWriter(out_dir) as writer:
        for data in records:
            writer.add(data)
        return writer.finish(failures, report)


def _sync(handle: IO[str]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
