"""``projects.xlsx`` (extra ``[xlsx]``): one sheet per table, written with
XlsxWriter in its constant-memory mode, which streams each sheet's rows to
a temporary file in the staging folder, so a workbook of any size is
written in bounded memory: what it keeps until the workbook closes is a
width per column and the hyperlinks of each sheet (they are written after
its rows), at most Excel's 65 530 a sheet, about 40 MB.

Cells are typed (numbers are numbers, text is text: a phone stays
``+420…``), the header row is bold and frozen, columns are as wide as
their longest value (up to a bound; widths are counted as rows pass), URLs
are hyperlinks, and text is always a string cell, never a formula; text
that looks like one is also marked "quote prefix", so that Excel keeps it
text when the cell is edited.  A table longer than a sheet (1 048 575
rows) goes on in ``partners (2)`` and so on.  Excel holds at most 32 767
characters in a cell: a longer text is cut there (the CSV and JSON files
hold it whole).  The workbook's dates are fixed, so that the same inputs
give the same bytes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from chemclust_extract.model import Failure
from chemclust_extract.writers.formats import OutputOptions
from chemclust_extract.writers.neutralise import looks_like_formula
from chemclust_extract.writers.sink import Rows, error_rows, safe_text, sync_path
from chemclust_extract.writers.tables import COLUMNS, URL_COLUMNS, TableRow

__all__ = ["XLSX", "XlsxSink"]

XLSX = "projects.xlsx"
# Not the time of the run: the same inputs must give the same bytes.
CREATED = datetime(2000, 1, 1, tzinfo=UTC)
MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header's included
MAX_LINKS = 65_530  # Excel's hyperlinks per sheet
MAX_URL = 2_079  # Excel's longest hyperlink
MIN_WIDTH, MAX_WIDTH = 6, 60  # characters
# The links Excel follows; anything else (file:, javascript:) stays text.
_LINKABLE = re.compile(r"(?:https?|ftp)://[^\s\x00-\x1f\x7f\"<>]+\Z", re.IGNORECASE)


class _Sheet:
    """One table's rows on one or more sheets, and the width of each column."""

    def __init__(self, sink: XlsxSink, table: str) -> None:
        self._sink = sink
        self._table = table
        self._columns = COLUMNS[table]
        self._links = {n for n, name in enumerate(self._columns) if name in URL_COLUMNS}
        self._sheets: list[Any] = []
        self._widths = [max(MIN_WIDTH, len(name) + 2) for name in self._columns]
        self._start()

    def _start(self) -> None:
        name = self._table if not self._sheets else f"{self._table} ({len(self._sheets) + 1})"
        sheet = self._sink.book.add_worksheet(name)
        sheet.freeze_panes(1, 0)
        for n, column in enumerate(self._columns):
            sheet.write_string(0, n, column, self._sink.bold)
        self._sheets.append(sheet)
        self._row = 1
        self._link_count = 0

    def add(self, row: TableRow) -> None:
        if self._row == MAX_ROWS:
            self._start()
        sheet = self._sheets[-1]
        for n, name in enumerate(self._columns):
            value = row.get(name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float):
                self._text(sheet, n, str(value))
            else:
                sheet.write_number(self._row, n, value)
                self._fit(n, len(repr(value)))
        self._row += 1

    def _text(self, sheet: Any, column: int, text: str) -> None:
        text = safe_text(text)
        if column in self._links and self._link_count < MAX_LINKS and _is_link(text):
            sheet.write_url(self._row, column, text, string=text)
            self._link_count += 1
        else:
            guard = self._sink.quote_prefix if looks_like_formula(text) else None
            sheet.write_string(self._row, column, text, guard)
        self._fit(column, len(text))

    def _fit(self, column: int, length: int) -> None:
        if length + 2 > self._widths[column]:
            self._widths[column] = min(MAX_WIDTH, length + 2)

    def close(self) -> None:
        for sheet in self._sheets:
            for n, width in enumerate(self._widths):
                sheet.set_column(n, n, width)


def _is_link(text: str) -> bool:
    return len(text) <= MAX_URL and bool(_LINKABLE.match(text))


class XlsxSink:
    """The workbook of a run, a sheet per table, in table order."""

    def __init__(self, folder: Path, options: OutputOptions) -> None:
        self._path = folder / XLSX
        self.book = xlsxwriter.Workbook(
            str(self._path),
            {
                "constant_memory": True,  # rows stream to files in the staging folder
                "tmpdir": str(folder),
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self.book.set_properties({"created": CREATED, "title": "chemclust-extract dataset"})
        self.bold = self.book.add_format({"bold": True})
        self.quote_prefix = self.book.add_format({"quote_prefix": True})
        self._sheets = {table: _Sheet(self, table) for table in COLUMNS}

    def add(self, data: dict[str, Any], rows: Rows) -> None:
        for table, row in rows:
            self._sheets[table].add(row)

    def finish(self, failures: Sequence[Failure], report: dict[str, Any]) -> list[Path]:
        for _, row in error_rows(failures):
            self._sheets["errors"].add(row)
        for sheet in self._sheets.values():
            sheet.close()
        self.book.close()
        sync_path(self._path)
        return [self._path]

    def close(self) -> None:
        # Close the sheets' row files (XlsxWriter's own step when it closes a
        # workbook) without writing one; the staging folder goes with them.
        for sheet in self.book.worksheets():
            sheet._opt_close()
