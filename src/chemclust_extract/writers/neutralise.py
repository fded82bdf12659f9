"""Cells a spreadsheet would run as a formula, told in one place for every
writer whose files a spreadsheet opens: the CSV tables get a leading
apostrophe (the OWASP rule), the XLSX workbook writes such text as a
string cell marked "quote prefix", which Excel keeps text even when the
cell is edited.  Formats no spreadsheet opens (JSON, SQLite, Parquet) hold
the value as it is."""

from __future__ import annotations

import re

__all__ = ["FORMULA_START", "looks_like_formula", "neutralise", "restore"]

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
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


def looks_like_formula(value: object) -> bool:
    """Whether a spreadsheet would run ``value`` as a formula: text that
    starts like one and is not wholly a number.

    >>> looks_like_formula("=1+1"), looks_like_formula("-5"), looks_like_formula(-5)
    (True, False, False)
    """
    return (
        isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value)
    )


def neutralise(value: object) -> object:
    """A cell as a spreadsheet should show it: text starting like a formula
    gets a leading apostrophe (the OWASP rule), numbers stay as they are.

    >>> [neutralise(v) for v in ("=HYPERLINK(\\"x\\")", "@SUM(1)", "-2+3", "-5", "+420475657938", 1762400)]
    ['\\'=HYPERLINK("x")', "'@SUM(1)", "'-2+3", '-5', '+420475657938', 1762400]
    >>> neutralise("-١٢٣"), neutralise("-1e5"), neutralise("٣")
    ("'-١٢٣", "'-1e5", '٣')
    """
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def restore(cell: str) -> str:
    """The value :func:`neutralise` made ``cell`` from: the apostrophe it
    added is taken off again.  (A value that itself began with ``'`` and a
    formula starter comes back without its apostrophe; no sheet seen so far
    has one.)

    >>> restore("'=1+1"), restore("'- item"), restore("'quoted'"), restore("'-5")
    ('=1+1', '- item', "'quoted'", "'-5")
    """
    return cell[1:] if cell.startswith("'") and looks_like_formula(cell[1:]) else cell
