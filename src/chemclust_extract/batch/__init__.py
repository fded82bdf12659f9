"""A batch: find the inputs, extract each in isolation, make ids unique,
count what happened, and write the dataset.

``discover`` decides which files a run reads, ``engine`` extracts them
(in parallel, each within a time budget) and ``lock`` keeps a second run
out of the output folder while this one writes it.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path
from typing import Any

from chemclust_extract.batch.discover import (
    Discovery,
    InputError,
    Skipped,
    discover,
    find_inputs,
)
from chemclust_extract.batch.engine import extract_stream
from chemclust_extract.batch.lock import OutputFolderError, output_folder_lock
from chemclust_extract.model import SCALAR_FIELDS, Failure, Record
from chemclust_extract.options import Options
from chemclust_extract.paths import display_path
from chemclust_extract.writers import write_dataset

__all__ = [
    "BatchResult", "Discovery", "InputError", "OutputFolderError", "Skipped", "auto_jobs",
    "build_report", "discover", "extract_many", "find_inputs", "run_batch", "unique_ids",
]  # fmt: skip

COVERED_LISTS = ("contacts", "partners", "news", "documents")


@dataclass(frozen=True)
class BatchResult:
    records: tuple[Record, ...]
    failures: tuple[Failure, ...]
    report: dict[str, Any]
    written: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()

    @property
    def exit_code(self) -> int:
        """0 when every input gave a record, 1 when any failed."""
        return 1 if self.failures else 0


def extract_many(
    paths: Iterable[str | os.PathLike[str]], options: Options | None = None, jobs: int | None = 1
) -> Iterator[Record | Failure]:
    """Extract each file, in order, yielding its record or its failure;
    each file within ``options.file_timeout`` seconds.  ``jobs`` > 1
    spreads the files over that many processes; ``None`` uses every core
    for batches large enough to repay starting them."""
    items = [Path(p) for p in paths]
    jobs = auto_jobs(len(items)) if jobs is None else jobs
    yield from extract_stream(items, options or Options(), jobs)


# Each worker process pays about a second to import its libraries.
_FILES_PER_WORKER = 64


def auto_jobs(files: int) -> int:
    """One process per core for large batches, one for small ones.

    >>> auto_jobs(10), auto_jobs(100_000) >= 1
    (1, True)
    """
    return max(1, min(os.cpu_count() or 1, files // _FILES_PER_WORKER))


def unique_ids(records: Sequence[Record]) -> list[Record]:
    """Records whose ids are unique in the run: where several share an id,
    each gets ``-`` and the first 8 hex digits of its source's sha256."""
    counts = Counter(r.id for r in records)
    renamed = [
        replace(r, id=f"{r.id}-{r.source.sha256[:8]}") if counts[r.id] > 1 and r.source else r
        for r in records
    ]
    seen: Counter[str] = Counter()
    result = []
    for record in renamed:  # the same file twice under two names: number the copies
        seen[record.id] += 1
        result.append(
            replace(record, id=f"{record.id}-{seen[record.id]}") if seen[record.id] > 1 else record
        )
    return result


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] = "output",
    options: Options | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], object] | None = None,
    wait: bool = False,
    waiting: Callable[[str], object] | None = None,
) -> BatchResult:
    """Extract every input and write the dataset into ``out_dir``;
    ``progress(done, total)`` is called after each file.

    Raises :class:`InputError` for an INPUT that names nothing and
    :class:`OutputFolderError` when ``out_dir`` cannot be written or another
    run holds it (with ``wait``, ``waiting(message)`` is called and the run
    waits its turn), both before any file is read."""
    started = time.perf_counter()
    options = options or Options()
    out = Path(out_dir)
    found = discover(inputs, out, options.exclude, options.include_hidden)
    with output_folder_lock(out, wait, waiting):
        records: list[Record] = []
        failures: list[Failure] = list(found.failures)
        total = len(found.files) + len(found.failures)
        stream = extract_many(found.files, options, jobs)
        for done, result in enumerate(stream, start=len(found.failures) + 1):
            if isinstance(result, Failure):
                failures.append(result)
            else:
                records.append(result)
            if progress is not None:
                progress(done, total)
        records = unique_ids(records)
        data = [r.to_dict() for r in records]
        report = build_report(total, data, failures, time.perf_counter() - started, found.skipped)
        report["unknown_labels"] = unknown_labels(records)
        try:
            written = write_dataset(data, failures, report, out)
        except OSError as error:
            message = f"cannot write to {display_path(out)}/: {error.strerror or error}"
            raise OutputFolderError(message) from None
    return BatchResult(
        tuple(records), tuple(failures), report, tuple(written), tuple(found.skipped)
    )


def build_report(
    inputs: int,
    data: Sequence[dict[str, Any]],
    failures: Sequence[Failure],
    elapsed: float,
    skipped: Sequence[Skipped] = (),
) -> dict[str, Any]:
    """What ``report.json`` says of a run: counts, coverage, failures, what
    was skipped, time; ``data`` are the records as :meth:`Record.to_dict`
    gives them."""
    coverage = {
        name: _share(sum(1 for d in data if d[name] not in (None, [], {})), len(data))
        for name in (*SCALAR_FIELDS[1:], *COVERED_LISTS, "extra")
    }
    return {
        "tool": "chemclust-extract",
        "version": version("chemclust-extract"),
        "inputs": inputs,
        "records": len(data),
        "failures": len(failures),
        "warnings": sum(len(d["warnings"]) for d in data),
        "complete": inputs == len(data) + len(failures),
        "failure_codes": dict(sorted(Counter(f.code for f in failures).items())),
        "warning_codes": dict(
            sorted(Counter(w["code"] for d in data for w in d["warnings"]).items())
        ),
        "coverage": coverage,
        "failed": [f.to_dict() for f in failures],
        "skipped": [s.to_dict() for s in skipped],
        "elapsed_seconds": round(elapsed, 3),
        "files_per_second": round(inputs / elapsed, 1) if elapsed > 0 else None,
    }


def unknown_labels(records: Sequence[Record]) -> list[dict[str, Any]]:
    """Every label that went to ``extra`` because no field knows it, with
    how many sheets have it, most frequent first: what a ``--labels``
    profile could map."""
    counts = Counter(label for r in records for label in set(r.unknown_labels))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"label": label, "sheets": sheets} for label, sheets in ranked]


def _share(count: int, total: int) -> dict[str, float | int]:
    return {"records": count, "share": round(count / total, 3) if total else 0.0}
