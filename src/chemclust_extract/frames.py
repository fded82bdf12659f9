"""The dataset as typed pandas DataFrames, for notebooks: the same tables
and column types as the CSV files and ``datapackage.json`` (text and phones
``string``, integers and ``seq`` nullable ``Int64``, money and rates
``Float64``), so a phone keeps its ``+``, Namibia's ``NA`` stays a country
and a partner number never becomes ``1.0``.

:func:`to_frames` builds them from records in memory; :func:`read_output`
loads a run's CSV files with the types its ``datapackage.json`` declares.
pandas is imported here only, when one of them is called."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chemclust_extract.model import Failure, Record
from chemclust_extract.writers.datapackage import DATAPACKAGE, datapackage
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.neutralise import restore
from chemclust_extract.writers.tables import COLUMNS, TableRow, column_type, record_rows

if TYPE_CHECKING:
    import os

    import pandas as pd

__all__ = ["PANDAS_DTYPES", "dtypes", "read_output", "to_frames"]

# Table Schema type -> pandas dtype: nullable, so a gap is <NA>, not NaN.
PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "string": "string"}


def dtypes(table: str) -> dict[str, str]:
    """The pandas dtype of each column of ``table``.

    >>> dtypes("partners")
    {'project_id': 'string', 'seq': 'Int64', 'number': 'Int64', 'name': 'string', 'country': 'string', 'role': 'string', 'website': 'string'}
    """
    return {name: PANDAS_DTYPES[column_type(name)] for name in COLUMNS[table]}


def to_frames(
    records: Iterable[Record | Failure | Mapping[str, Any]], failures: Iterable[Failure] = ()
) -> dict[str, pd.DataFrame]:
    """Every table of the dataset as a typed DataFrame, keyed by table name
    (``projects``, ``partners`` … ``errors``), from records (:class:`Record`
    objects or their :meth:`~Record.to_dict` form) and failures, as
    :func:`extract_many` yields them or given apart.

    >>> from chemclust_extract import extract_many
    >>> frames = to_frames(extract_many(["samples/chemclust.tsv"]))  # doctest: +SKIP
    >>> frames["contacts"].loc[0, "phone"]  # doctest: +SKIP
    '+420475657938'
    """
    rows: dict[str, list[TableRow]] = {name: [] for name in COLUMNS}
    for item in records:
        if isinstance(item, Failure):
            rows["errors"].append(item.to_dict())
            continue
        data = item.to_dict() if isinstance(item, Record) else dict(item)
        for table, row in record_rows(data):
            rows[table].append(row)
    rows["errors"] += [failure.to_dict() for failure in failures]
    return {name: _frame(name, table_rows) for name, table_rows in rows.items()}


def _frame(table: str, rows: list[TableRow]) -> pd.DataFrame:
    import pandas as pd

    types: dict[str, Any] = dtypes(table)  # pandas-stubs type dtypes by literal, not by str
    columns = {name: pd.array([row.get(name) for row in rows], dtype=types[name]) for name in types}
    return pd.DataFrame(columns, columns=list(COLUMNS[table]))


def read_output(out_dir: str | os.PathLike[str]) -> dict[str, pd.DataFrame]:
    """Load the CSV tables of a run's output folder as typed DataFrames,
    keyed by table name, as :func:`to_frames` gives them: the types, the
    delimiter and the encoding come from the folder's ``datapackage.json``
    (the built-in ones for a folder without one), only an empty cell is
    missing, and the apostrophe the CSV puts before formula-like text is
    taken off again."""
    folder = Path(out_dir)
    package = _package(folder)
    return {resource["name"]: _read(folder, resource) for resource in package["resources"]}


def _package(folder: Path) -> dict[str, Any]:
    path = folder / DATAPACKAGE
    if path.exists():
        package: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return package
    return datapackage(OutputOptions())


def _read(folder: Path, resource: dict[str, Any]) -> pd.DataFrame:
    import pandas as pd

    schema = resource["schema"]
    types = {f["name"]: PANDAS_DTYPES[f["type"]] for f in schema["fields"]}
    encoding = resource.get("encoding", "utf-8")
    frame = pd.read_csv(
        folder / resource["path"],
        sep=resource.get("dialect", {}).get("delimiter", ","),
        # A BOM is read, whichever dialect wrote the file.
        encoding="utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding,
        dtype=types,
        keep_default_na=False,
        na_values=schema.get("missingValues", [""]),
    )
    for name, dtype in types.items():
        if dtype == "string":
            frame[name] = frame[name].map(restore, na_action="ignore").astype("string")
    return frame
