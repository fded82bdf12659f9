"""Writers turn records and failures into files; each knows one format."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chemclust_extract.model import Failure
from chemclust_extract.writers.atomic import remove_stale_parts
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


def write_dataset(
    records: Sequence[dict[str, Any]],
    failures: Sequence[Failure],
    report: dict[str, Any],
    out_dir: Path,
) -> list[Path]:
    """Write every file of the contract's table into ``out_dir``.

    Each file appears whole or not at all (written under a temporary name
    and renamed).  The previous run's ``report.json`` goes first and the new
    one comes last, listing the sha256 of every file it stands for: a report
    present means a complete, consistent dataset."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").unlink(missing_ok=True)
    remove_stale_parts(out_dir)
    tables = build_tables(records, failures)
    written = [write_json(list(records), out_dir / "projects.json")]
    written += [write_csv(tables[name], out_dir / f"{name}.csv") for name in CSV_TABLES]
    outputs = {path.name: _sha256(path) for path in written}
    written.append(write_json({**report, "outputs": outputs}, out_dir / "report.json"))
    return written


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
