"""A batch: find the inputs, extract each in isolation, make ids unique,
count what happened, and write the dataset."""

from __future__ import annotations

import glob
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from chemclust_extract.extract import Options, extract_file
from chemclust_extract.model import SCALAR_FIELDS, Failure, Record
from chemclust_extract.writers import write_dataset

_GLOB_CHARS = frozenset("*?[")
SHEET_SUFFIXES = frozenset({".tsv", ".tab", ".txt", ".csv", ".html", ".htm", ".xhtml", ".text"})
COVERED_LISTS = ("contacts", "partners", "news", "documents")


class InputError(Exception):
    """An INPUT that names nothing: a usage error, not a failed file."""


@dataclass(frozen=True)
class BatchResult:
    records: tuple[Record, ...]
    failures: tuple[Failure, ...]
    report: dict[str, Any]
    written: tuple[Path, ...]

    @property
    def exit_code(self) -> int:
        """0 when every input gave a record, 1 when any failed."""
        return 1 if self.failures else 0


def find_inputs(
    inputs: Iterable[str | os.PathLike[str]], exclude: Path | None = None
) -> list[Path]:
    """Files named by INPUTs: files as given, folders walked recursively
    (hidden files and folders skipped), globs expanded; files under
    ``exclude`` (the output folder) are left out of walks and globs.

    A file named twice, even by different paths (``a.tsv``, ``./x/../a.tsv``,
    an absolute path, a link), is read once, under its shortest spelling; the
    list is sorted, so a run does not depend on argument order."""
    skip = exclude.resolve() if exclude else None
    by_file: dict[str, Path] = {}
    for given in inputs:
        for match in _expand(os.fspath(given), skip):
            real = os.path.realpath(match)
            known = by_file.get(real)
            if known is None or _shorter(match, known):
                by_file[real] = match
    return sorted(by_file.values(), key=lambda p: p.as_posix())


def _expand(text: str, skip: Path | None) -> list[Path]:
    path = Path(text)
    if path.is_dir():
        return list(_walk(path, skip))
    if path.exists() or path.is_symlink():
        return [path]
    if not _GLOB_CHARS & set(text):
        raise InputError(f"{text}: no such file or folder")
    matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
    # A folder the glob names as a sheet ("*.tsv" matching "x.tsv/") is kept,
    # to fail as unreadable rather than vanish.
    files = [m for m in matches if _sheet_like(m) and not _inside(m, skip)]
    if not files:
        raise InputError(f"{text}: no file matches")
    return files


def _walk(folder: Path, skip: Path | None) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != skip)
        yield from (here / name for name in sorted(files) if not name.startswith("."))


def _sheet_like(path: Path) -> bool:
    return not path.is_dir() or path.suffix.lower() in SHEET_SUFFIXES


def _inside(path: Path, folder: Path | None) -> bool:
    return folder is not None and path.resolve().is_relative_to(folder)


def _shorter(a: Path, b: Path) -> bool:
    return (len(a.as_posix()), a.as_posix()) < (len(b.as_posix()), b.as_posix())


def extract_many(
    paths: Iterable[str | os.PathLike[str]], options: Options | None = None, jobs: int | None = 1
) -> Iterator[Record | Failure]:
    """Extract each file, in order, yielding its record or its failure.
    ``jobs`` > 1 spreads the files over that many processes; ``None`` uses
    every core for batches large enough to repay starting them."""
    work = partial(extract_file, options=options or Options())
    items = list(paths)
    jobs = auto_jobs(len(items)) if jobs is None else jobs
    if jobs <= 1:
        yield from map(work, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, items, chunksize=max(1, min(64, len(items) // (jobs * 4) or 1)))


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
) -> BatchResult:
    """Extract every input and write the dataset into ``out_dir``;
    ``progress(done, total)`` is called after each file."""
    started = time.perf_counter()
    out = Path(out_dir)
    paths = find_inputs(inputs, exclude=out)
    records: list[Record] = []
    failures: list[Failure] = []
    for done, result in enumerate(extract_many(paths, options, jobs), start=1):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            records.append(result)
        if progress is not None:
            progress(done, len(paths))
    records = unique_ids(records)
    data = [r.to_dict() for r in records]
    report = build_report(len(paths), data, failures, time.perf_counter() - started)
    written = write_dataset(data, failures, report, out)
    return BatchResult(tuple(records), tuple(failures), report, tuple(written))


def build_report(
    inputs: int, data: Sequence[dict[str, Any]], failures: Sequence[Failure], elapsed: float
) -> dict[str, Any]:
    """What ``report.json`` says of a run: counts, coverage, failures, time;
    ``data`` are the records as :meth:`Record.to_dict` gives them."""
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
        "elapsed_seconds": round(elapsed, 3),
        "files_per_second": round(inputs / elapsed, 1) if elapsed > 0 else None,
    }


def _share(count: int, total: int) -> dict[str, float | int]:
    return {"records": count, "share": round(count / total, 3) if total else 0.0}
