"""A batch: find the inputs, extract each in isolation, make ids unique,
count what happened, and write the dataset, in memory that does not grow
with the number of sheets.

``discover`` decides which files a run reads; ``engine`` extracts them (in
worker processes, each file within a time budget) and ``dask_engine`` on a
Dask cluster; ``records`` keeps the records on disk between the two passes
a batch needs (ids are unique only once every record is known) and for
``--incremental``; ``report`` counts; ``lock`` keeps a second run out of
the output folder while this one writes it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chemclust_extract.batch.discover import (
    Discovery,
    InputError,
    PathList,
    Skipped,
    discover,
    find_inputs,
)
from chemclust_extract.batch.engine import extract_stream
from chemclust_extract.batch.lock import OutputFolderError, output_folder_lock
from chemclust_extract.batch.records import (
    RECORDS_NAME,
    Kept,
    KeptLine,
    PreviousRecords,
    RecordFile,
    UniqueIds,
    keep_line,
    unique_ids,
)
from chemclust_extract.batch.report import ReportTally
from chemclust_extract.extract import ExtractionError, read_sheet_bytes
from chemclust_extract.model import Failure, Record
from chemclust_extract.options import Options
from chemclust_extract.paths import display_path
from chemclust_extract.writers import PROJECTS_JSON, PROJECTS_JSONL, DatasetWriter, OutputOptions

__all__ = [
    "ENGINES", "BatchResult", "Discovery", "InputError", "OutputFolderError", "Skipped",
    "auto_jobs", "discover", "extract_many", "find_inputs", "run_batch", "unique_ids",
]  # fmt: skip

ENGINES = ("local", "dask")
Progress = Callable[[int, int], object]


@dataclass(frozen=True)
class BatchResult:
    """What a run did: its failures, report, files and timings.  The
    records are in ``out_dir``, read on demand (:attr:`records`), so that a
    batch of any size is not held in memory."""

    out_dir: Path
    failures: tuple[Failure, ...]
    report: dict[str, Any]
    written: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()
    timings: dict[str, Any] = field(default_factory=dict)
    extracted: int = 0

    @property
    def exit_code(self) -> int:
        """0 when every input gave a record, 1 when any failed."""
        return 1 if self.failures else 0

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record the run wrote, in input order (loaded from
        ``projects.json``, or ``projects.jsonl`` when the run wrote only that)."""
        import json

        lines = self.out_dir / PROJECTS_JSONL
        if not (self.out_dir / PROJECTS_JSON).exists() and lines.exists():
            with lines.open(encoding="utf-8") as handle:
                return tuple(Record.from_dict(json.loads(line)) for line in handle)
        data = json.loads((self.out_dir / PROJECTS_JSON).read_text(encoding="utf-8"))
        return tuple(Record.from_dict(item) for item in data)


def extract_many(
    paths: Iterable[str | os.PathLike[str]], options: Options | None = None, jobs: int | None = 1
) -> Iterator[Record | Failure]:
    """Extract each file, in order, yielding its record or its failure;
    each file within ``options.file_timeout`` seconds.  ``jobs`` > 1
    spreads the files over that many processes; ``None`` uses every core
    available for batches large enough to repay starting them."""
    items = [Path(p) for p in paths]
    jobs = auto_jobs(len(items)) if jobs is None else jobs
    yield from extract_stream(items, options or Options(), jobs)


# Below this many files, starting workers costs more than it saves.
PARALLEL_FROM = 200


def available_cores() -> int:
    """The cores this process may run on (its affinity, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def auto_jobs(files: int) -> int:
    """Every available core from a few hundred files on, one process below.

    >>> auto_jobs(10), auto_jobs(100_000) == available_cores()
    (1, True)
    """
    return available_cores() if files >= PARALLEL_FROM else 1


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] = "output",
    options: Options | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    wait: bool = False,
    waiting: Callable[[str], object] | None = None,
    incremental: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    outputs: OutputOptions | None = None,
) -> BatchResult:
    """Extract every input and write the dataset into ``out_dir``;
    ``progress(done, total)`` is called after each file.

    Records stream from extraction to a file in the staging folder (only
    ids and hashes stay in memory), then, ids made unique, to the writers.
    With ``incremental``, a sheet whose path and bytes an earlier run in
    ``out_dir`` saw is not extracted again: its record is carried over.
    ``engine`` is ``local`` (worker processes) or ``dask`` (a cluster at
    ``scheduler``, or a local one).  ``outputs`` choose the formats and the
    CSV dialect (:class:`OutputOptions`; JSON and CSV by default).

    Raises :class:`InputError` for an INPUT that names nothing,
    :class:`OutputFolderError` when ``out_dir`` cannot be written or another
    run holds it (with ``wait``, ``waiting(message)`` is called and the run
    waits its turn) and :class:`MissingExtra` when a format's library is
    not installed, all before any file is read."""
    started = time.perf_counter()
    options = options or Options()
    outputs = outputs or OutputOptions()
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; the engines are {', '.join(ENGINES)}")
    outputs.check_extras()
    out = Path(out_dir)
    found = discover(inputs, out, options.exclude, options.include_hidden)
    with output_folder_lock(out, wait, waiting):
        try:
            with DatasetWriter(out, outputs) as writer:
                return _run(
                    found, writer, options, jobs, progress, incremental, engine, scheduler, started
                )
        except OSError as error:
            message = f"cannot write to {display_path(out)}/: {error.strerror or error}"
            raise OutputFolderError(message) from None


def _run(
    found: Discovery,
    writer: DatasetWriter,
    options: Options,
    jobs: int | None,
    progress: Progress | None,
    incremental: bool,
    engine: str,
    scheduler: str | None,
    started: float,
) -> BatchResult:
    """The two passes of a batch: extract into the record file, then write."""
    kept_file = RecordFile(writer.staging / RECORDS_NAME, options)
    failures: list[Failure] = list(found.failures)
    ids = UniqueIds()
    total = len(found.files) + len(found.failures)
    counter = _Counter()
    previous = PreviousRecords(writer.out_dir, options) if incremental else None
    try:
        results = _results(found.files, options, jobs, previous, engine, scheduler, counter)
        for done, result in enumerate(results, start=len(failures) + 1):
            if isinstance(result, Failure):
                failures.append(result)
            else:
                kept_file.add(result)
                ids.count(_id_of(result))
            if progress is not None:
                progress(done, total)
    finally:
        kept_file.close()
        if previous is not None:
            previous.close()
    extracted_at = time.perf_counter()
    tally = ReportTally()

    def records(tallied: bool) -> Iterator[dict[str, Any]]:
        for kept in kept_file.replay():
            final_id = ids.final(str(kept.data["id"]), kept.sha256)
            data = kept.data if kept.data["id"] == final_id else {**kept.data, "id": final_id}
            if tallied:
                tally.add(data, kept.unknown_labels)
            yield data

    # On several cores, a helper process writes the CSV tables meanwhile.
    cores = auto_jobs(counter.extracted) if jobs is None else jobs
    writer.add_all(records, helper=engine == "local" and cores > 1)
    report = tally.report(total, failures, found.skipped)
    written = writer.finish(failures, report, also=[kept_file.path] if incremental else [])
    finished = time.perf_counter()
    timings = {
        "inputs": total,
        "extracted": counter.extracted,
        "elapsed_seconds": round(finished - started, 3),
        "extract_seconds": round(extracted_at - started, 3),
        "write_seconds": round(finished - extracted_at, 3),
        "files_per_second": round(total / (finished - started), 1) if finished > started else None,
    }
    return BatchResult(
        writer.out_dir, tuple(failures), report, tuple(written), tuple(found.skipped), timings,
        counter.extracted,
    )  # fmt: skip


@dataclass
class _Counter:
    extracted: int = 0


def _id_of(kept: Kept | KeptLine) -> str:
    return kept.id if isinstance(kept, KeptLine) else str(kept.data["id"])


def _results(
    paths: Sequence[Path],
    options: Options,
    jobs: int | None,
    previous: PreviousRecords | None,
    engine: str,
    scheduler: str | None,
    counter: _Counter,
) -> Iterator[Kept | KeptLine | Failure]:
    """Each file's kept record or failure, in input order: carried over from
    the previous run where the file is unchanged, extracted otherwise (and
    made into its record file line where it was extracted)."""
    carried = _carried(paths, previous)
    todo = (
        paths
        if previous is None
        else PathList(
            [os.fspath(path) for path, kept in zip(paths, carried, strict=True) if kept is None]
        )
    )
    counter.extracted = len(todo)
    jobs = auto_jobs(len(todo)) if jobs is None else jobs
    if engine == "dask":
        from chemclust_extract.batch.dask_engine import dask_stream

        stream: Iterator[KeptLine | Failure] = dask_stream(todo, options, scheduler, keep_line)
    else:
        stream = extract_stream(todo, options, jobs, keep_line)
    for kept in carried:
        yield kept if kept is not None else next(stream)
    # Run the engine to its end (its workers stopped) here: a Ctrl-C that
    # lands while it stops them is then raised to the caller, not lost in
    # the generator's close() when it is dropped.  (An engine with nothing
    # to do was never started: every record was carried over.)
    if todo:
        for _ in stream:
            pass  # nothing is left


def _carried(paths: Sequence[Path], previous: PreviousRecords | None) -> list[Kept | None]:
    if previous is None:
        return [None] * len(paths)
    found: list[Kept | None] = []
    for path in paths:  # in display-path order, as the earlier run kept them
        try:
            data = read_sheet_bytes(path)
        except ExtractionError:
            found.append(None)
            continue
        found.append(previous.find(display_path(path), hashlib.sha256(data).hexdigest()))
    return found
