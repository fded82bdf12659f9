"""What every format's writer has in common: the shape of a sink (records
in, one at a time, in input order; files out, in the staging folder, when
the run finishes) and the few helpers they share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import current_umask
from chemclust_extract.writers.tables import TableRow

__all__ = ["Rows", "Sink", "error_rows", "open_text", "safe_text", "sync_close", "sync_path"]

Rows = Sequence[tuple[str, TableRow]]


class Sink(Protocol):
    """One format's files of a run, written as records stream past."""

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        """Take one record (as :meth:`Record.to_dict` gives it, id final)
        and the table rows it gives (:func:`record_rows`)."""

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        """Write what is left, close every file and return them, in the
        staging folder, in a fixed order."""

    def close(self) -> None:
        """Let go of open files without finishing (the run failed)."""


class ApartSink(Sink, Protocol):
    """A sink that a helper process may write while the run's process writes
    the others (:meth:`DatasetWriter.add_all`): it holds nothing a fork
    would copy unwritten once flushed."""

    apart: bool

    def flush(self) -> None:
        """Write what is buffered, to disk."""


def error_rows(failures: Sequence[Failure]) -> Rows:
    """The rows of the ``errors`` table."""
    return [("errors", failure.to_dict()) for failure in failures]


def open_text(path: Path, newline: str | None = None, encoding: str = "utf-8") -> IO[str]:
    """A text file to write; a lone surrogate that reached this far is
    written escaped rather than failing the whole batch."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.open("w", encoding=encoding, errors="backslashreplace", newline=newline)


def sync_close(handle: IO[str]) -> None:
    """Flush ``handle`` to disk and close it."""
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()


def sync_path(path: Path) -> None:
    """Flush a file another library wrote and closed to disk, and give it
    the mode the umask gives (SQLite and XlsxWriter choose their own)."""
    os.chmod(path, 0o666 & ~current_umask())
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def safe_text(text: str) -> str:
    """``text`` as UTF-8 can hold it, for libraries that would fail on a
    lone surrogate: escaped as the text files escape it.

    >>> safe_text("Ústí"), safe_text("a\\udce9b")
    ('Ústí', 'a\\\\udce9b')
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text
