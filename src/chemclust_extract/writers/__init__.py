"""Writers turn records and failures into files; each knows one format."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import move_in, remove_stale_parts, staging_folder
from chemclust_extract.writers.csv import write_csv
from chemclust_extract.writers.json import write_json
from chemclust_extract.writers.tables import build_tables

CSV_TABLES = (
    "projects",
    "partners",
    "contacts",
    "news",
    "documents",
    "extra",
    "warnings",
    "errors",
)
REPORT = "report.json"


def write_dataset(
    records: Sequence[dict[str, Any]],
    failures: Sequence[Failure],
    report: dict[str, Any],
    out_dir: Path,
) -> list[Path]:
    """Write every file of the contract's table into ``out_dir``.

    Every file is written into a staging folder first; only when all are
    written are they moved in, the old ``report.json`` removed first and the
    new one, listing the sha256 of every file it stands for, moved in last.
    So an interrupted run leaves the previous dataset whole, and a report
    present means a complete, consistent dataset."""
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(out_dir)
    tables = build_tables(records, failures)
    with staging_folder(out_dir) as staging:
        staged = [write_json(list(records), staging / "projects.json")]
        staged += [write_csv(tables[name], staging / f"{name}.csv") for name in CSV_TABLES]
        outputs = {path.name: _sha256(path) for path in staged}
        staged.append(write_json({**report, "outputs": outputs}, staging / REPORT))
        return move_in(staged, out_dir, first_removed=REPORT)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
