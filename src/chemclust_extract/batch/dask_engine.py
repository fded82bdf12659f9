"""Extraction on a Dask cluster (``--engine dask``; extra ``[dask]``).

The client lists and reads the inputs (so workers need no access to the
files), ships them to the workers in partitions of bytes, and takes the
records back in input order for the same streaming writers as the local
engine: the outputs are byte-identical.  At most a few partitions are in
flight at once, so memory stays flat on both sides.  A worker runs each
partition in a thread, where no time budget can interrupt a sheet: the
per-file budget applies to the local engine.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from chemclust_extract.extract import ExtractionError, extract_bytes, read_sheet_bytes
from chemclust_extract.model import Failure, Record
from chemclust_extract.options import Options
from chemclust_extract.paths import display_path

PARTITION = 100
IN_FLIGHT_PER_WORKER = 2

Payload = list[tuple[str, bytes | Failure]]


class MissingExtra(RuntimeError):
    """Dask's ``distributed`` is not installed."""


def dask_stream(
    paths: Sequence[Path],
    options: Options,
    scheduler: str | None = None,
    prepare: Callable[[Record | Failure], Any] | None = None,
) -> Iterator[Any]:
    """Each file's record or failure, in the order of ``paths``, extracted
    on the cluster at ``scheduler`` (``tcp://host:8786``) or on a local
    cluster of one worker process per available core."""
    try:
        import distributed
    except ImportError:
        raise MissingExtra(
            "the dask engine needs Dask's distributed: pip install 'chemclust-extract[dask]'"
        ) from None
    if not paths:
        return
    dask: Any = distributed  # no type hints of its own
    cluster: Any = None
    if scheduler:
        client = dask.Client(scheduler)
    else:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        cluster = dask.LocalCluster(n_workers=cores, threads_per_worker=1, dashboard_address=None)
        client = dask.Client(cluster)
    try:
        yield from _in_order(client, paths, options, prepare)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _in_order(
    client: Any,
    paths: Sequence[Path],
    options: Options,
    prepare: Callable[[Record | Failure], Any] | None,
) -> Iterator[Any]:
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = workers * IN_FLIGHT_PER_WORKER
    chunks = (paths[i : i + PARTITION] for i in range(0, len(paths), PARTITION))
    pending: deque[Any] = deque()
    for chunk in chunks:
        payload = _payload(chunk, options)
        pending.append(client.submit(extract_partition, payload, options, prepare, pure=False))
        if len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _payload(chunk: Sequence[Path], options: Options) -> Payload:
    """The files' bytes, read here; a file that cannot be read is its failure."""
    payload: Payload = []
    for path in chunk:
        shown = display_path(path)
        try:
            payload.append((shown, read_sheet_bytes(path, options.max_size)))
        except ExtractionError as error:
            payload.append((shown, Failure(shown, error.code, error.message)))
    return payload


def extract_partition(
    payload: Payload,
    options: Options,
    prepare: Callable[[Record | Failure], Any] | None = None,
) -> list[Any]:
    """On a worker: each sheet's record or failure (as ``prepare`` makes it)."""
    results: list[Record | Failure] = []
    for shown, data in payload:
        if isinstance(data, Failure):
            results.append(data)
            continue
        try:
            results.append(extract_bytes(data, shown, options))
        except ExtractionError as error:
            results.append(Failure(shown, error.code, error.message))
        except Exception as error:  # a bug must not cost the other files
            message = f"{type(error).__name__}: {error} - a fault of chemclust-extract, not of the file"
            results.append(Failure(shown, "internal_error", message))
    return [prepare(r) for r in results] if prepare is not None else list(results)
