"""CSV tables: RFC 4180, UTF-8, a header row, CRLF line ends, numbers as
written by Python (no thousands separators, ``.`` for decimals), and text
that a spreadsheet would run as a formula made inert."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from chemclust_extract.writers.atomic import write_atomic

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


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write one table atomically."""
    # Built cell by cell: Series.map would re-infer types and turn an integer
    # column with gaps into floats.
    safe = pd.DataFrame(
        {name: pd.Series([neutralise(v) for v in frame[name]], dtype=object) for name in frame},
        columns=frame.columns,
    )
    return write_atomic(
        path,
        lambda handle: safe.to_csv(
            handle, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
        ),
        newline="",
    )
