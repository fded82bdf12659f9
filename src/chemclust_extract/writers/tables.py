"""Records and failures as the contract's relational tables (pandas
DataFrames), one per output file; writers of every format start from here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from chemclust_extract.model import SCALAR_FIELDS, Failure

COLUMNS: dict[str, tuple[str, ...]] = {
    "projects": (*SCALAR_FIELDS, "partner_count", "lead_partner",
                 "source_path", "source_sha256", "source_format", "source_encoding"),
    "partners": ("project_id", "seq", "number", "name", "country", "role", "website"),
    "contacts": ("project_id", "seq", "name", "position", "organisation", "department",
                 "email", "phone", "fax", "raw"),
    "news": ("project_id", "seq", "text", "date"),
    "documents": ("project_id", "seq", "text", "date", "url"),
    "extra": ("project_id", "label", "value"),
    "warnings": ("project_id", "seq", "field", "code", "message"),
    "errors": ("path", "code", "message"),
}  # fmt: skip

TableRow = dict[str, object]


def build_tables(
    records: Sequence[dict[str, Any]], failures: Sequence[Failure]
) -> dict[str, pd.DataFrame]:
    """Every table of the dataset, keyed by name (``projects``, ``partners``...),
    from records as :meth:`Record.to_dict` gives them."""
    rows: dict[str, list[TableRow]] = {name: [] for name in COLUMNS}
    for data in records:
        rows["projects"].append(_project_row(data))
        for name in ("partners", "contacts", "news", "documents", "warnings"):
            rows[name] += _child_rows(data, name)
        rows["extra"] += [
            {"project_id": data["id"], "label": k, "value": v} for k, v in data["extra"].items()
        ]
    rows["errors"] = [f.to_dict() for f in failures]
    return {name: _frame(rows[name], columns) for name, columns in COLUMNS.items()}


def _frame(rows: list[TableRow], columns: tuple[str, ...]) -> pd.DataFrame:
    """A table whose cells keep their Python types: an integer column with
    gaps stays integers (``1``), where pandas' inference would make it
    floats (``1.0``)."""
    return pd.DataFrame(
        {name: pd.Series([row.get(name) for row in rows], dtype=object) for name in columns},
        columns=list(columns),
    )


def _project_row(data: dict[str, Any]) -> TableRow:
    row: TableRow = {name: data[name] for name in SCALAR_FIELDS}
    lead = next((p["name"] for p in data["partners"] if p["role"] == "lead"), None)
    row.update(partner_count=len(data["partners"]), lead_partner=lead)
    for key, value in (data["source"] or {}).items():
        row[f"source_{key}"] = value
    return row


def _child_rows(data: dict[str, Any], name: str) -> list[TableRow]:
    """Rows of one nested list; ``seq`` is the 1-based place in the list."""
    return [
        {"project_id": data["id"], "seq": seq, **item}
        for seq, item in enumerate(data[name], start=1)
    ]
