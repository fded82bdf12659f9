"""Records and failures as the contract's relational tables: the columns of
each table and the rows one record gives, for every writer that writes
tables.  Pure Python: pandas is loaded only by :func:`build_tables`, for
callers that want DataFrames."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from chemclust_extract.model import SCALAR_FIELDS, Failure

if TYPE_CHECKING:
    import pandas as pd

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
RECORD_TABLES = ("projects", "partners", "contacts", "news", "documents", "extra", "warnings")
CHILD_LISTS = ("partners", "contacts", "news", "documents", "warnings")
CHILD_TABLES = RECORD_TABLES[1:]

# The type of every column, by name: a name means the same in every table.
# Columns not named here are text ("string"), phones and codes included.
INTEGER_COLUMNS = frozenset({"seq", "number", "duration_months", "partner_count"})
NUMBER_COLUMNS = frozenset({"total_budget", "eu_contribution", "eu_rate"})
DATE_COLUMNS = frozenset({"start_date", "end_date", "date"})  # ISO 8601 at the sheet's precision
URL_COLUMNS = frozenset({"website", "url"})
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "projects": ("id",),
    **{name: ("project_id", "seq") for name in CHILD_LISTS},
    "extra": ("project_id", "label"),
    "errors": ("path",),
}


def column_type(name: str) -> str:
    """A column's type as Frictionless Table Schema names it: ``integer``,
    ``number`` or ``string``.

    >>> column_type("seq"), column_type("eu_rate"), column_type("phone"), column_type("date")
    ('integer', 'number', 'string', 'string')
    """
    if name in INTEGER_COLUMNS:
        return "integer"
    return "number" if name in NUMBER_COLUMNS else "string"


TableRow = dict[str, object]


def record_rows(data: dict[str, Any]) -> Iterator[tuple[str, TableRow]]:
    """``(table, row)`` for every row one record gives, as
    :meth:`Record.to_dict` gives the record, in the order of the tables."""
    yield "projects", project_row(data)
    for name in CHILD_LISTS[:4]:
        for row in child_rows(data, name):
            yield name, row
    for label, value in data["extra"].items():
        yield "extra", {"project_id": data["id"], "label": label, "value": value}
    for row in child_rows(data, "warnings"):
        yield "warnings", row


def project_row(data: dict[str, Any]) -> TableRow:
    row: TableRow = {name: data[name] for name in SCALAR_FIELDS}
    lead = next((p["name"] for p in data["partners"] if p["role"] == "lead"), None)
    row.update(partner_count=len(data["partners"]), lead_partner=lead)
    for key, value in (data["source"] or {}).items():
        row[f"source_{key}"] = value
    return row


def child_rows(data: dict[str, Any], name: str) -> list[TableRow]:
    """Rows of one nested list; ``seq`` is the 1-based place in the list."""
    return [
        {"project_id": data["id"], "seq": seq, **item}
        for seq, item in enumerate(data[name], start=1)
    ]


def build_tables(
    records: Sequence[dict[str, Any]], failures: Sequence[Failure]
) -> dict[str, pd.DataFrame]:
    """Every table of the dataset as a pandas DataFrame, keyed by name,
    from records as :meth:`Record.to_dict` gives them.  Cells keep their
    Python types: an integer column with gaps stays integers."""
    import pandas as pd

    rows: dict[str, list[TableRow]] = {name: [] for name in COLUMNS}
    for data in records:
        for table, row in record_rows(data):
            rows[table].append(row)
    rows["errors"] = [f.to_dict() for f in failures]
    return {
        name: pd.DataFrame(
            {c: pd.Series([row.get(c) for row in rows[name]], dtype=object) for c in columns},
            columns=list(columns),
        )
        for name, columns in COLUMNS.items()
    }
