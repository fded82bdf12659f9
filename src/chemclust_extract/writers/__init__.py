"""Writers turn records and failures into files; each knows one format.

:class:`DatasetWriter` takes records one at a time, in input order, and
feeds each to one sink per format (``json``, ``jsonl``, ``csv``, ``xlsx``,
``sqlite``, ``parquet``, and in every run ``datapackage.json`` and
``report.html``), which write as they come, so that a batch of any size is
written in flat memory.  Everything is written into a staging folder and
moved in at the end: an interrupted run leaves the previous dataset whole,
and a ``report.json`` present stands for a complete one.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from importlib import import_module
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import move_in, remove_stale_parts, staging_folder
from chemclust_extract.writers.formats import MissingExtra, OutputOptions

# (The package's own "json" module shadows the standard one here.)
from chemclust_extract.writers.json import json_text
from chemclust_extract.writers.sink import ApartSink, Sink
from chemclust_extract.writers.tables import COLUMNS, record_rows

__all__ = [
    "CSV_TABLES", "OUTPUT_FILES", "PROJECTS_JSON", "PROJECTS_JSONL", "REPORT", "DatasetWriter",
    "MissingExtra", "OutputOptions", "write_dataset",
]  # fmt: skip

CSV_TABLES = tuple(COLUMNS)
REPORT = "report.json"
PROJECTS_JSON = "projects.json"
PROJECTS_JSONL = "projects.jsonl"

# format -> (module, sink class); imported when a run writes the format, so
# that XlsxWriter and pyarrow load only where they are used.
_SINKS = {
    "json": ("json", "JsonSink"),
    "jsonl": ("json", "JsonLinesSink"),
    "csv": ("csv", "CsvSink"),
    "xlsx": ("xlsx", "XlsxSink"),
    "sqlite": ("sqlite", "SqliteSink"),
    "parquet": ("parquet", "ParquetSink"),
}
_EVERY_RUN = (("datapackage", "DatapackageSink"), ("report_html", "ReportPageSink"))
# Every file some format writes: those a run does not write are removed with
# the old report, so that the folder never mixes two runs.
OUTPUT_FILES = (
    PROJECTS_JSON, PROJECTS_JSONL, *(f"{t}.csv" for t in CSV_TABLES), "projects.xlsx",
    "projects.sqlite", *(f"parquet/{t}.parquet" for t in CSV_TABLES), "datapackage.json",
    "report.html",
)  # fmt: skip


def _sink_class(module: str, name: str) -> Callable[[Path, OutputOptions], Sink]:
    found: Callable[[Path, OutputOptions], Sink] = getattr(
        import_module(f"chemclust_extract.writers.{module}"), name
    )
    return found


class DatasetWriter:
    """The dataset of one run, written record by record.

    Use it as a context manager: :meth:`add` each record (as
    :meth:`Record.to_dict` gives it, ids final), then :meth:`finish` with
    the failures and the report; leaving the block otherwise (an error,
    Ctrl-C) discards what was written and leaves ``out_dir`` as it was.
    ``options`` choose the formats (:class:`OutputOptions`); a format
    whose library is missing raises :class:`MissingExtra` on entry."""

    def __init__(self, out_dir: Path, options: OutputOptions | None = None) -> None:
        self.out_dir = out_dir
        self.options = options or OutputOptions()
        self._stack = ExitStack()
        self._sinks: list[Sink] = []

    def __enter__(self) -> DatasetWriter:
        self.options.check_extras()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(self.out_dir)
        self.staging = self._stack.enter_context(staging_folder(self.out_dir))
        kinds = [*(_SINKS[name] for name in self.options.formats), *_EVERY_RUN]
        try:
            for module, name in kinds:
                self._sinks.append(_sink_class(module, name)(self.staging, self.options))
        except BaseException:  # no __exit__ follows a failed __enter__
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for sink in self._sinks:
            sink.close()
        self._stack.close()

    def add(self, data: dict[str, Any]) -> None:
        """Write one record and its table rows in every format."""
        assert self._sinks, "DatasetWriter is used outside its block"
        rows = list(record_rows(data))
        for sink in self._sinks:
            sink.add(data, rows)

    def add_all(
        self, records: Callable[[bool], Iterable[dict[str, Any]]], helper: bool = False
    ) -> None:
        """:meth:`add` every record ``records(True)`` gives.  With ``helper``
        (a run on several cores, where fork is to hand), the sinks that may
        be written apart (the CSV tables) are written by a forked process at
        the same time, from ``records(False)``: the same records, read a
        second time, without the caller's side work.  The files are the
        same byte for byte either way."""
        apart = [cast(ApartSink, s) for s in self._sinks if getattr(s, "apart", False)]
        apart = apart if helper else []
        if not apart or "fork" not in multiprocessing.get_all_start_methods():
            for data in records(True):
                self.add(data)
            return
        here = [s for s in self._sinks if s not in apart]
        for sink in apart:
            sink.flush()  # nothing they hold buffered goes into the fork twice
        helper_process, answer = _start_helper(apart, records)
        try:
            for data in records(True):
                rows = list(record_rows(data))
                for other in here:
                    other.add(data, rows)
            failed = answer.recv()
        except EOFError:  # it ended without a word: killed (out of memory, by hand)
            helper_process.join()
            code = helper_process.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            failed = ("os", 0, f"the process writing the CSV tables ended unexpectedly ({how})")
        except BaseException:
            helper_process.kill()
            raise
        finally:
            helper_process.join()
            answer.close()
        if failed is not None:
            kind, number, message = failed
            if kind == "os":
                raise OSError(number, message)
            raise RuntimeError(f"writing the CSV tables failed: {message}")

    def finish(
        self, failures: Iterable[Failure], report: dict[str, Any], also: Sequence[Path] = ()
    ) -> list[Path]:
        """Write the failures and the report, which lists the sha256 of every
        file it stands for, and move the dataset in (``also``: files of the
        staging folder to move in beside it); returns its files."""
        assert self._sinks, "DatasetWriter is used outside its block"
        failures = list(failures)
        staged = [path for sink in self._sinks for path in sink.finish(failures, report)]
        outputs = {self._name(path): _sha256(path) for path in staged}
        report_path = self.staging / REPORT
        with report_path.open("w", encoding="utf-8") as handle:
            handle.write(json_text({**report, "outputs": outputs}))
            _sync(handle)
        stale = [name for name in OUTPUT_FILES if name not in outputs]
        moved = move_in(
            [*staged, *also, report_path], self.out_dir, first_removed=[REPORT, *stale],
            root=self.staging,
        )  # fmt: skip
        also_names = {p.name for p in also}
        return [path for path in moved if path.name not in also_names]

    def _name(self, path: Path) -> str:
        return path.relative_to(self.staging).as_posix()


def write_dataset(
    records: Iterable[dict[str, Any]],
    failures: Iterable[Failure],
    report: dict[str, Any],
    out_dir: Path,
    options: OutputOptions | None = None,
) -> list[Path]:
    """Write every file of the contract's table into ``out_dir`` at once."""
    with DatasetWriter(out_dir, options) as writer:
        for data in records:
            writer.add(data)
        return writer.finish(failures, report)


def _start_helper(
    sinks: list[ApartSink], records: Callable[[bool], Iterable[dict[str, Any]]]
) -> tuple[Any, Any]:
    """A forked process writing ``sinks`` from ``records(False)``; it answers
    ``None`` when they are written and synced, else ``(kind, errno,
    message)``: ``"os"`` for an error of the system, ``"fault"`` for one of
    this tool's own."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_write_apart, args=(sinks, records, theirs, os.getpid()))
    process.daemon = True
    # Ctrl-C stays blocked until the helper has set itself to ignore it.
    blocked = hasattr(signal, "pthread_sigmask")
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if blocked else set()
    try:
        process.start()
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    theirs.close()
    return process, ours


def _write_apart(
    sinks: list[ApartSink],
    records: Callable[[bool], Iterable[dict[str, Any]]],
    answer: Any,
    parent: int,
) -> None:
    """The helper: Ctrl-C is the parent's to answer (it ends this process),
    and so is a killed parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        for data in records(False):
            rows = list(record_rows(data))
            for sink in sinks:
                sink.add(data, rows)
        for sink in sinks:
            sink.flush()
    except OSError as error:
        answer.send(("os", error.errno or 0, error.strerror or str(error)))
    except Exception as error:  # a fault of this tool's own: said, not lost
        answer.send(("fault", 0, f"{type(error).__name__}: {error}"))
    else:
        answer.send(None)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _sync(handle: Any) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
