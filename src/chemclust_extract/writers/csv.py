"""CSV tables: RFC 4180, UTF-8, a header row, CRLF line ends, numbers as
written by Python (no thousands separators, ``.`` for decimals), and text
that a spreadsheet would run as a formula made inert.  Rows are written as
they come, through the standard ``csv`` module."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from chemclust_extract.writers.atomic import write_atomic

if TYPE_CHECKING:
    import pandas as pd

# A cell that is wholly a number is data, even with a sign: -5, +420475657938.
# Only ASCII digits count (issue 7): "-١٢٣" passes Python's \d but a
# spreadsheet reads it as a formula.  No exponent, no thousands separator.
_NUMBER = re.compile(
    r"""[+-]?              # an optional sign
        (?:[0-9]+          # digits,
           (?:\.[0-9]*)?   #   perhaps a decimal point and more digits,
        |\.[0-9]+)         # or a decimal point and digits""",
    re.VERBOSE,
)
# The starters of the OWASP "CSV Injection" page (= + - @ tab CR), which the
# contract repeats, and NUL, which OWASP ASVS 5.0 requirement 1.2.10 adds.
# Full-width look-alikes (＝ ＋) are left out: spreadsheets read them as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def neutralise(value: object) -> object:
    """A cell as a spreadsheet should show it: text starting like a formula
    gets a leading apostrophe (the OWASP rule), numbers stay as they are.

    >>> [neutralise(v) for v in ("=HYPERLINK(\\"x\\")", "@SUM(1)", "-2+3", "-5", "+420475657938", 1762400)]
    ['\\'=HYPERLINK("x")', "'@SUM(1)", "'-2+3", '-5', '+420475657938', 1762400]
    >>> neutralise("-١٢٣"), neutralise("-1e5"), neutralise("٣")
    ("'-١٢٣", "'-1e5", '٣')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class CsvTable:
    """One table written row by row to an open text handle (``newline=""``)."""

    def __init__(self, handle: IO[str], columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self._writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self._writer.writerow(self.columns)

    def add(self, row: dict[str, object]) -> None:
        self._writer.writerow([_cell(row.get(name)) for name in self.columns])


def _cell(value: object) -> object:
    return "" if value is None else neutralise(value)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write one table, a DataFrame as :func:`build_tables` gives it, atomically."""
    rows = frame.to_dict("records")

    def write(handle: IO[str]) -> None:
        table = CsvTable(handle, [str(c) for c in frame.columns])
        for row in rows:
            table.add({str(k): v for k, v in row.items()})

    return write_atomic(path, write, newline="")
