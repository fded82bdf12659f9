"""Writers turn records and failures into files; each knows one format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chemclust_extract.model import Failure
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
    """Write every file of the contract's table into ``out_dir``; the report
    last, so a complete report means a complete dataset."""
    tables = build_tables(records, failures)
    written = [write_json(list(records), out_dir / "projects.json")]
    written += [write_csv(tables[name], out_dir / f"{name}.csv") for name in CSV_TABLES]
    written.append(write_json(report, out_dir / "report.json"))
    return written
